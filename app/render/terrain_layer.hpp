// app/render/terrain_layer.hpp — a lon/lat DEM as a hillshaded, hypsometrically tinted surface.
// The grid is uploaded once as an RGB16F texture (elevation and its two ground gradients,
// computed on the CPU, so shading does not depend on the projection). Each projection gets a
// Mesh: a lon/lat grid of small cells whose corners are projected (and cut at the edge of what
// the projection shows), each vertex carrying its texture coordinate, so the DEM lands where the
// projection puts it. Up close terrain.frag samples bicubically; an optional feather fades the
// DEM's edge (to blend a regional DEM into a world one). No-data cells are drawn transparent.
// Does not know about vector layers or markers. Internal to app/render.
#pragma once
#include <vector>

#include "app/render/gl_handles.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/render_space.hpp"
#include "geo/map_projection.hpp"
#include "geo/raster.hpp"

namespace app::render {

class TerrainLayer {
public:
    // The DEM's grid placed in one projection.
    class Mesh {
    public:
        bool empty() const { return vertex_count_ == 0; }
        const MercatorBox& box() const { return box_; }

    private:
        friend class TerrainLayer;
        VertexArray vertex_array_;
        Buffer vertices_;
        GLsizei vertex_count_ = 0;
        std::vector<DrawChunk> chunks_;  // blocks of cells, for culling
        MercatorBox box_;
    };

    // An empty DEM (width 0) gives a layer that draws nothing. Throws std::runtime_error if the
    // DEM is not a lon/lat grid or is larger than GL_MAX_TEXTURE_SIZE. `feather_degrees` > 0
    // fades the DEM out over that distance inside its edge.
    explicit TerrainLayer(const geo::Raster& dem, double feather_degrees = 0.0);
    bool empty() const { return empty_; }

    Mesh buildMesh(const geo::MapProjection& projection, const geo::XY& origin) const;
    // Draws the part of `mesh` that touches `view` (absolute bounds of the viewport) in this copy.
    // `metres_per_pixel` decides between bilinear and bicubic sampling.
    void draw(const Mesh& mesh, const WorldCopyTransform& transform, const MercatorBox& view, double metres_per_pixel,
              const FrameStyle& style) const;
    // Ground metres per DEM cell (north–south).
    double cellMetres() const { return cell_metres_; }

private:
    bool empty_ = true;
    double west_ = 0, east_ = 0, south_ = 0, north_ = 0;
    int width_ = 0, height_ = 0;
    double cell_degrees_ = 0;
    double cell_metres_ = 0;
    float feather_uv_[2] = {0.0f, 0.0f};
    Program program_;
    Texture elevation_;
    GLint u_offset_ = -1;
    GLint u_scale_ = -1;
    GLint u_sun_ = -1;
    GLint u_exaggeration_ = -1;
    GLint u_elevation_ = -1;
    GLint u_texels_ = -1;
    GLint u_bicubic_ = -1;
    GLint u_feather_ = -1;
    GLint u_opacity_ = -1;
};

}  // namespace app::render
