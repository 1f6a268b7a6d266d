// app/render/terrain_layer.hpp — a lon/lat DEM as a hillshaded, hypsometrically tinted surface
// (land above its latitude's snowline, and all land south of 60°S, tinted as ice instead).
// The grid is uploaded once as an RGB16F texture (elevation and its two ground gradients,
// computed on the CPU a strip of rows at a time, so shading does not depend on the projection). Each projection gets a
// Mesh: a lon/lat grid of small cells whose corners are projected (and cut at the edge of what
// the projection shows), each vertex carrying its texture coordinate, so the DEM lands where the
// projection puts it. Up close terrain.frag samples bicubically; an optional feather fades the
// DEM out inside the edge of a lon/lat box — its own, or the whole DEM's when the grid is a window
// read from a larger one — so a user's DEM blends into the world relief without a seam. No-data
// cells are drawn transparent.
// The mesh is a GridMesh (grid_mesh.hpp), shared with raster image layers.
// Does not know about vector layers or markers. Internal to app/render.
#pragma once
#include <vector>

#include "app/render/gl_handles.hpp"
#include "app/render/grid_mesh.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/render_space.hpp"
#include "geo/map_projection.hpp"
#include "geo/raster.hpp"

namespace app::render {

class TerrainLayer {
public:
    // The DEM's grid placed in one projection.
    using Mesh = GridMesh;

    // An empty DEM (width 0) gives a layer that draws nothing. Throws std::runtime_error if the
    // DEM is not a lon/lat grid or is larger than GL_MAX_TEXTURE_SIZE. `feather_degrees` > 0
    // fades the DEM out over that distance inside its edge.
    // The grid's values are kept (moved, when given an rvalue) until the first draw uploads them.
    explicit TerrainLayer(geo::Raster dem, double feather_degrees = 0.0);
    // The same, fading over `feather_degrees` inside the lon/lat box `fade` (west, south, east,
    // north) instead of the grid's own edge: a window of a larger DEM fades only at that DEM's edge.
    TerrainLayer(geo::Raster dem, double feather_degrees, const double fade[4]);
    bool empty() const { return empty_; }

    // `min_step_degrees` > 0 makes the mesh's cells at least that large (a coarser level of
    // detail for far-out views, where small cells only cost triangles).
    Mesh buildMesh(const geo::MapProjection& projection, const geo::XY& origin, double min_step_degrees = 0.0) const;
    // Draws the part of `mesh` that touches `view` (absolute bounds of the viewport) in this copy.
    // `metres_per_pixel` decides between bilinear and bicubic sampling.
    void draw(const Mesh& mesh, const WorldCopyTransform& transform, const MercatorBox& view, double metres_per_pixel,
              const FrameStyle& style) const;
    // The grid's cells (the texture's texels once drawn).
    std::size_t cells() const { return static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_); }
    // Ground metres per DEM cell (north–south).
    double cellMetres() const { return cell_metres_; }
    // True when the layer, drawn at full opacity, covers the whole lon/lat box opaquely: the box
    // lies inside the DEM, clear of its feather and of any no-data cell (to within the cells that
    // sampling reaches), so whatever is drawn below it there cannot show.
    bool opaqueOver(double west, double south, double east, double north) const;

private:
    // Computes the gradients and uploads the texture (on the first draw).
    void upload() const;

    bool empty_ = true;
    double west_ = 0, east_ = 0, south_ = 0, north_ = 0;
    int width_ = 0, height_ = 0;
    double cell_degrees_ = 0;
    double cell_metres_ = 0;
    float feather_uv_[2] = {0.0f, 0.0f};
    float fade_min_uv_[2] = {0.0f, 0.0f};  // the fade box in texture units (may lie beyond 0–1)
    float fade_max_uv_[2] = {1.0f, 1.0f};
    double feather_degrees_ = 0;
    double fade_[4] = {0, 0, 0, 0};         // west, south, east, north
    // Blocks of kHoleBlockCells × kHoleBlockCells cells that hold a no-data cell, row-major.
    std::vector<bool> hole_blocks_;
    int block_columns_ = 0;
    Program program_;
    mutable Texture elevation_;                // made by upload()
    mutable std::vector<float> pending_values_;  // the DEM until upload()
    GLint u_offset_ = -1;
    GLint u_scale_ = -1;
    GLint u_sun_ = -1;
    GLint u_exaggeration_ = -1;
    GLint u_elevation_ = -1;
    GLint u_texels_ = -1;
    GLint u_lat_span_ = -1;
    GLint u_bicubic_ = -1;
    GLint u_feather_ = -1;
    GLint u_fade_min_ = -1;
    GLint u_fade_max_ = -1;
    GLint u_opacity_ = -1;
};

}  // namespace app::render
