// app/render/terrain_layer.hpp — the DEM as a hillshaded, hypsometrically tinted surface.
// The lon/lat grid is uploaded once as an RGB16F texture (elevation and its two ground gradients,
// computed on the CPU) and drawn as a stack of thin strips whose edges carry the exact texture row
// of their latitude (inverse Mercator in doubles), so the grid is placed correctly rather than
// stretched linearly. No-data cells are drawn transparent. Does not know about vector layers or
// markers. Internal to app/render.
#pragma once
#include "app/render/gl_handles.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/render_space.hpp"
#include "geo/raster.hpp"

namespace app::render {

class TerrainLayer {
public:
    // An empty DEM (width 0) gives a layer that draws nothing. Throws std::runtime_error if the
    // DEM is not a lon/lat grid or is larger than GL_MAX_TEXTURE_SIZE.
    TerrainLayer(const geo::Raster& dem, const geo::XY& origin);
    // Draws if the DEM touches `view` (absolute Mercator bounds of the viewport) in this copy.
    void draw(const WorldCopyTransform& transform, const MercatorBox& view, const FrameStyle& style) const;
    bool empty() const { return empty_; }
    const MercatorBox& box() const { return box_; }

private:
    bool empty_ = true;
    Program program_;
    VertexArray vertex_array_;
    Buffer vertices_;
    Texture elevation_;
    GLint u_offset_ = -1;
    GLint u_scale_ = -1;
    GLint u_sun_ = -1;
    GLint u_exaggeration_ = -1;
    GLint u_elevation_ = -1;
    GLsizei vertex_count_ = 0;
    MercatorBox box_;
};

}  // namespace app::render
