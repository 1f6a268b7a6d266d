// app/render/grid_mesh.hpp — a lon/lat box as a textured mesh in one projection: the box is cut
// into cells of a given size in degrees, each cell's two triangles are clipped to what the
// projection shows and projected (relative to an origin), and every vertex carries the texture
// coordinate of its lon/lat (u west → east, v north → south, linear in degrees), so a north-up
// lon/lat grid lands where the projection puts it. The terrain (a DEM) and raster image layers
// are drawn on it; they own the program and texture, this owns the vertices (attribute 0: metres
// relative to the origin, attribute 1: uv). Geometry is kept in culling blocks. Internal to
// app/render; needs a current GL context.
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

#include "app/render/gl_handles.hpp"
#include "app/render/render_space.hpp"
#include "geo/map_projection.hpp"

namespace app::render {

class GridMesh {
public:
    GridMesh() = default;
    // west < east, south < north in degrees; `step_degrees` > 0 is the cell size.
    GridMesh(double west, double east, double south, double north, double step_degrees,
             const geo::MapProjection& projection, const geo::XY& origin);

    bool empty() const { return vertex_count_ == 0; }
    const MercatorBox& box() const { return box_; }
    // The vertex ranges that touch `view` (absolute bounds) in this copy of the world.
    std::vector<std::pair<std::size_t, std::size_t>> visible(const WorldCopyTransform& transform,
                                                             const MercatorBox& view) const;
    // Draws those ranges as triangles with the program and textures the caller bound.
    void draw(const std::vector<std::pair<std::size_t, std::size_t>>& ranges) const;

private:
    VertexArray vertex_array_;
    Buffer vertices_;
    GLsizei vertex_count_ = 0;
    std::vector<DrawChunk> chunks_;
    MercatorBox box_;
};

}  // namespace app::render
