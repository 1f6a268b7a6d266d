// app/render/image_layer.hpp — a raster the reader added (geo::RasterImage: RGBA on a lon/lat
// grid) drawn as a picture in any projection: the picture is uploaded once as a texture, and each
// projection gets a GridMesh of its lon/lat box (cells of at most 1°, and no coarser than 32
// pixels of the picture), so the picture is bent where the projection bends it. Drawn with the
// layer's opacity, blended over what is below. Internal to app/render; needs a current GL context.
#pragma once
#include "app/render/gl_handles.hpp"
#include "app/render/grid_mesh.hpp"
#include "app/render/render_space.hpp"
#include "geo/map_projection.hpp"
#include "geo/raster.hpp"

namespace app::render {

class ImageLayer {
public:
    // Throws std::runtime_error if the picture is empty, not inside lon [-180, 180] / lat
    // [-90, 90], or larger than GL_MAX_TEXTURE_SIZE.
    explicit ImageLayer(const geo::RasterImage& image);

    GridMesh buildMesh(const geo::MapProjection& projection, const geo::XY& origin) const;
    // Draws the part of `mesh` that touches `view` in this copy of the world.
    void draw(const GridMesh& mesh, const WorldCopyTransform& transform, const MercatorBox& view, float opacity) const;

private:
    double west_ = 0, east_ = 0, south_ = 0, north_ = 0;
    double mesh_step_degrees_ = 1.0;
    Program program_;
    Texture texture_;
    GLint u_offset_ = -1;
    GLint u_scale_ = -1;
    GLint u_image_ = -1;
    GLint u_opacity_ = -1;
};

}  // namespace app::render
