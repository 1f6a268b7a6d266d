// app/render/map_renderer.hpp — draws the map into the bound framebuffer with OpenGL 3.3 core,
// in any geo::MapProjection: hillshaded terrain from the DEMs (the world relief, then the user's
// DEMs, coarsest first, each feathered into what is below; a user DEM is read through GDAL a
// window at a time at the resolution the view needs, app/render/dem_window; shading in terrain.frag), basemap lines and polygon outlines as
// real-width triangle strips, filled polygons, a graticule, and instanced circular markers.
// Geometry is kept in lon/lat and projected on the CPU the first time a projection draws it (the
// last few projections stay cached), so switching back and forth is instant. A globe being
// turned is a new projection at every step: what does not depend on the projection is done once
// (fills cut into small lon/lat pieces, each corner's unit vector), so a step only culls the far
// side with a dot product, projects the shown corners through PROJ in one batch and clips the
// pieces across the rim; seen from far out, the globe's terrain mesh has coarser cells (bench:
// BM_GlobeDragStep, BM_GlobeStillFrame).
// The terrain sits directly above the bottom layer's fill (the land), so outside the DEM
// the land shows; every other layer, and the bottom layer's outline, is drawn over the terrain.
// Outside Web Mercator the sea is the sphere's visible part filled in background_rgba, and the
// rest of the picture is space_rgba.
// Points layers are drawn as small discs (radius 2 px + line width, fill_rgba, outline line_rgba).
// Raster layers (addImageLayer) are pictures on a lon/lat grid, bent into the projection like the
// terrain and drawn with the layer's opacity.
// The viewer and `textatlas render` both draw through this one class. It owns its GL objects
// (move-only RAII handles in gl_handles.hpp) and needs a current context for its whole life.
// It does not decide what is selected or where the view is: callers pass a geo::Viewport and markers.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/map_style.hpp"
#include "app/render/image.hpp"
#include "geo/basemap.hpp"
#include "geo/map_projection.hpp"
#include "geo/raster.hpp"
#include "geo/viewport.hpp"

namespace app::render {

// The value types shared with the model (app/map_style.hpp), by their renderer names.
using app::backgroundColour;
using app::FrameStyle;
using app::LayerDraw;
using app::MarkerInstance;

// A rectangle of the framebuffer in pixels, from its top-left corner (y down), as geo::Viewport counts.
struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};
inline bool operator==(const PixelRect& a, const PixelRect& b) {
    return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
}

// Degrees between graticule lines at a zoom level (30° for the world down to 1° for a valley).
double graticuleSpacingDegrees(double zoom);

class MapRenderer {
public:
    // Uploads the DEM textures and keeps a copy of the basemap's layers (geometry is built per
    // projection when first drawn). Needs a current GL 3.3 core context.
    explicit MapRenderer(const geo::Basemap& basemap);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Adds a layer (drawn on top by default); returns its index for LayerDraw::layer.
    std::size_t addLayer(const geo::StyledLayer& layer);
    // Adds a raster's picture as a layer (drawn like a fill, with LayerDraw::opacity; its style is
    // ignored); returns its index. Throws std::runtime_error if the GL cannot hold the picture.
    std::size_t addImageLayer(const geo::RasterImage& image);
    std::size_t layerCount() const;
    // Adds a user's DEM as terrain (over the world relief and any coarser DEM, under finer ones).
    void addDem(const std::shared_ptr<const geo::Dem>& dem);
    // Takes a DEM added before off the map (Map → Add elevation…'s Remove); others stay.
    void removeDem(const geo::Dem* dem);
    // Off (the default): a frame that needs another window of a DEM reads it before drawing, so
    // every picture is whole (render, export, screenshots). On (the viewer's canvas, MapCanvas):
    // the window is read on a worker thread and the frame drawn with what is held (the relief
    // where nothing is); pollDemReads() takes windows that have landed and changes generation(),
    // so the kept picture is drawn again with them. A frame drawn with it off takes a read still
    // on its way first.
    void setDemReadsInBackground(bool background);
    bool pollDemReads();
    std::size_t demReadsInFlight() const;
    // DEM windows are read at the level of detail `detail` needs (a tiled render's whole picture),
    // not each frame's own viewport: in Web Mercator a tile's ground scale depends on its latitude,
    // and tiles read at different levels would not match. nullopt (the default): each frame's own.
    void setDetailViewport(const std::optional<geo::Viewport>& detail);
    // The cells of the terrain windows held (the world relief's and the user DEMs'): what the
    // terrain costs in GPU memory, some 6 bytes a cell.
    std::size_t terrainCellsHeld() const;
    // What went wrong while drawing, one line each, since the last call: DEMs that could not be
    // read (each then left out), polygons that cross themselves too often to fill (outlined only).
    std::vector<std::string> takeProblems();

    // Draws one frame into the currently bound framebuffer, whose size is viewport.width() ×
    // viewport.height() (sets glViewport itself). Markers are drawn last, in the given order.
    void draw(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
              const FrameStyle& style = {});
    // draw() in two steps: the map without markers (only inside `region`, when given: the rest of
    // the framebuffer is left as it is), then the markers over whatever the framebuffer holds.
    // The viewer's MapCanvas keeps the first in a texture and redraws only what changed.
    void drawBase(const geo::Viewport& viewport, const FrameStyle& style, const PixelRect* region = nullptr);
    void drawMarkers(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
                     const FrameStyle& style = {});
    // Changes whenever a layer or DEM is added or removed, a DEM window read on a worker thread is
    // taken, or world tiles arrive that change the map, so a kept picture of the map knows it is
    // out of date.
    std::uint64_t generation() const;
    // Takes in the world tiles the loader finished (call once per frame; the viewer's canvas
    // does); true, and generation() changes, if the map would now be drawn differently.
    bool updateTiles();
    // With `wait` (the default: headless renders and exports), a frame waits for its world tiles;
    // without (the viewer), it draws the coarser tiles it has and asks for the rest.
    void setWaitForTiles(bool wait);
    // Why a world tile could not be read ("" if none failed).
    std::string tileError() const;

    // Renders into an offscreen framebuffer of the viewport's size (4× multisampled where the GL
    // allows) and reads it back. `draw_on_top`, if given, runs after the map with that framebuffer
    // bound (for overlays). Restores the previously bound framebuffers and GL viewport. Throws
    // geo::Error(InvalidInput) if the size exceeds GL_MAX_RENDERBUFFER_SIZE / GL_MAX_VIEWPORT_DIMS.
    Image renderToImage(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
                        const FrameStyle& style = {}, const std::function<void()>& draw_on_top = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace app::render
