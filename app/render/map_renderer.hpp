// app/render/map_renderer.hpp — draws the map into the bound framebuffer with OpenGL 3.3 core:
// hillshaded terrain from the DEM (a float texture, shading in terrain.frag), basemap lines and
// polygon outlines as real-width triangle strips, and instanced circular markers.
// The terrain sits directly above the basemap's bottom layer's fill (the land), so outside the DEM
// the land shows; every other layer, and the bottom layer's outline, is drawn over the terrain.
// Points layers are drawn as small discs (radius 2 px + line width, fill_rgba, outline line_rgba).
// The viewer and `textatlas render` both draw through this one class. It owns its GL objects
// (move-only RAII handles in gl_handles.hpp) and needs a current context for its whole life.
// It does not decide what is selected or where the view is: callers pass a geo::Viewport and markers.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/render/image.hpp"
#include "geo/basemap.hpp"
#include "geo/viewport.hpp"

namespace app::render {

struct MarkerInstance {
    geo::XY mercator;           // position in EPSG:3857 metres
    float radius_px = 7.0f;
    std::uint32_t fill_rgba = 0xd7301fff;    // 0xRRGGBBAA
    std::uint32_t outline_rgba = 0xffffffff;
};

struct FrameStyle {
    std::uint32_t background_rgba = 0xaad3dfff;  // sea / no data
    float sun_azimuth_deg = 315.0f;
    float sun_elevation_deg = 45.0f;
    float vertical_exaggeration = 1.5f;
};

class MapRenderer {
public:
    // Uploads the basemap (DEM texture, line geometry). Needs a current GL 3.3 core context.
    explicit MapRenderer(const geo::Basemap& basemap);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Draws one frame into the currently bound framebuffer, whose size is viewport.width() ×
    // viewport.height() (sets glViewport itself). Markers are drawn last, in the given order.
    void draw(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
              const FrameStyle& style = {});

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
