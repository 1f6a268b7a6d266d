// app/render/line_layer.hpp — lines of constant pixel width at any zoom: polylines (and polygon
// rings, as outlines) become triangle strips on the CPU, once, with each vertex carrying a unit
// extrusion direction (mitred at joins, bevelled where a miter would be too long); line.vert
// scales it by the width in pixels each frame, and line.frag antialiases the edges.
// Internal to app/render.
#pragma once
#include <cstdint>
#include <vector>

#include "app/render/gl_handles.hpp"
#include "app/render/render_space.hpp"
#include "geo/vector_layer.hpp"

namespace app::render {

struct LineVertex {
    float position[2];  // Mercator metres relative to the render origin
    float extrude[2];   // towards this vertex's edge, in half-widths (length ≥ 1 at mitred joins)
    float side;         // +1 on the left edge, −1 on the right edge
};

// Where one polyline's geometry sits in a LineMesh.
struct LinePath {
    std::size_t first_index = 0;
    std::size_t index_count = 0;
    std::size_t first_vertex = 0;
    std::size_t vertex_count = 0;
};

struct LineMesh {
    std::vector<LineVertex> vertices;
    std::vector<std::uint32_t> indices;  // triangles
    std::vector<LinePath> paths;         // one per polyline that produced geometry
};

// Adds one polyline (origin-relative metres). A closed polyline (first point == last) is joined
// all the way round. Consecutive duplicate points are ignored; fewer than two distinct points add nothing.
void appendPolyline(const std::vector<geo::XY>& points, LineMesh& mesh);

// Every line of a Lines layer, or every ring of a Polygons layer as its outline, in `projection`
// relative to `origin`; Points layers give nothing. Paths crossing the antimeridian are unwrapped;
// paths leaving the part of the world the projection shows are cut at its edge. Ring segments that are not real
// borders are left out: those running along the antimeridian, and, in layers of two or more
// features, those running along the layer's own bounding box (where a regional extract was
// clipped), so a clipped layer shows no frame around its extent.
LineMesh buildLineMesh(const geo::VectorLayer& layer, const geo::MapProjection& projection, const geo::XY& origin);

class LineProgram {
public:
    LineProgram();
    GLuint id() const { return program_.get(); }
    GLint offset() const { return u_offset_; }
    GLint scale() const { return u_scale_; }
    GLint viewport() const { return u_viewport_; }
    GLint halfWidth() const { return u_half_width_; }
    GLint colour() const { return u_colour_; }

private:
    Program program_;
    GLint u_offset_ = -1;
    GLint u_scale_ = -1;
    GLint u_viewport_ = -1;
    GLint u_half_width_ = -1;
    GLint u_colour_ = -1;
};

class LineLayer {
public:
    LineLayer(const geo::VectorLayer& layer, const geo::MapProjection& projection, const geo::XY& origin);
    // Lines already projected (origin-relative metres), e.g. a graticule.
    LineLayer(const LineMesh& mesh, const geo::XY& origin);
    bool empty() const { return index_count_ == 0; }
    const MercatorBox& box() const { return box_; }
    // Draws the pieces of polylines that touch `view` (absolute bounds: the viewport's, or the part
    // of it being drawn).
    void draw(const LineProgram& program, const WorldCopyTransform& transform, const geo::Viewport& viewport,
              const MercatorBox& view, float width_px, std::uint32_t rgba) const;

private:
    void upload(const LineMesh& mesh, const geo::XY& origin);
    VertexArray vertex_array_;
    Buffer vertices_;
    Buffer indices_;
    GLsizei index_count_ = 0;
    std::vector<DrawChunk> chunks_;  // index ranges of up to kChunkTriangles triangles of one polyline
    MercatorBox box_;
};

}  // namespace app::render
