// app/render/fill_layer.hpp — polygon fills: rings are triangulated once on the CPU (GEOS
// constrained Delaunay, holes respected) in lon/lat degrees; each projection then cuts the
// triangles at the edge of what it shows, projects them relative to the render origin, and they
// are drawn as plain triangles in one colour. Does not draw outlines (line_layer.hpp does).
// Internal to app/render.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "app/render/gl_handles.hpp"
#include "app/render/render_space.hpp"
#include "geo/vector_layer.hpp"

namespace app::render {

// Repairing a polygon whose rings cross themselves costs GEOS far more than its vertex count
// suggests (a ring of 200 random points: 37 s and 11,000 new vertices; 100,000 points: 21 GB), so
// only polygons with at most this many crossings are repaired; the rest are not filled.
constexpr std::size_t kMaxRepairedCrossings = 64;

// Where the rings of a polygon (in the order given) cross or touch each other or themselves,
// counted by a sweep over their segments up to `limit` + 1 crossings and at most `max_pairs`
// segment pairs tested. `gave_up` when either bound was reached: too many to repair cheaply.
struct CrossingCount {
    std::size_t crossings = 0;
    std::size_t pairs_tested = 0;
    bool gave_up = false;
};
CrossingCount countCrossings(const std::vector<std::vector<geo::XY>>& rings, std::size_t limit,
                             std::size_t max_pairs);

// Triangles (three points each, counter-clockwise not guaranteed) covering the layer's polygons,
// as lon/lat degrees (x = lon, y = lat); rings crossing the antimeridian are unwrapped. Polygons
// GEOS finds invalid are repaired first when they cross themselves at most kMaxRepairedCrossings
// times; the others are left out and counted in `over_budget` (if given), and one that still
// cannot be triangulated is left out and counted in `skipped` (if given). `polygon_ends` (if
// given) receives the output size after each polygon, so callers can cull per polygon.
std::vector<LonLatXY> triangulatePolygons(const geo::VectorLayer& layer, int* skipped = nullptr,
                                          std::vector<std::size_t>* polygon_ends = nullptr,
                                          int* over_budget = nullptr);

// The program shared by every fill layer.
class FillProgram {
public:
    FillProgram();
    GLuint id() const { return program_.get(); }
    GLint offset() const { return u_offset_; }
    GLint scale() const { return u_scale_; }
    GLint colour() const { return u_colour_; }

private:
    Program program_;
    GLint u_offset_ = -1;
    GLint u_scale_ = -1;
    GLint u_colour_ = -1;
};

// Lon/lat triangles cut once into the small pieces every projection but Web Mercator draws
// (subdivideLonLatTriangle), as indices into their distinct corners, each with its unit vector,
// so that a new projection (each step of turning the globe) only culls, clips at the cap's edge
// and projects, and projects each shared corner once.
struct SubdividedTriangles {
    std::vector<LonLatXY> vertices;              // distinct corners
    std::vector<std::array<double, 3>> units;    // geo::MapProjection::unitVector of each vertex
    std::vector<std::uint32_t> indices;          // three per triangle
    std::vector<std::size_t> polygon_ends;       // into indices, one per polygon
};
SubdividedTriangles subdivideTriangles(const std::vector<LonLatXY>& triangles,
                                       const std::vector<std::size_t>& polygon_ends);

class FillLayer {
public:
    // Lon/lat triangles (as from triangulatePolygons, `polygon_ends` delimiting polygons for
    // culling) drawn in `projection` relative to `origin`.
    FillLayer(const std::vector<LonLatXY>& triangles, const std::vector<std::size_t>& polygon_ends,
              const geo::MapProjection& projection, const geo::XY& origin);
    // The same triangles already cut (any projection but Web Mercator); draws the same.
    FillLayer(const SubdividedTriangles& triangles, const geo::MapProjection& projection, const geo::XY& origin);
    bool empty() const { return vertex_count_ == 0; }
    const MercatorBox& box() const { return box_; }
    // Draws the polygons that touch `view` (absolute Mercator bounds of the viewport).
    void draw(const FillProgram& program, const WorldCopyTransform& transform, const MercatorBox& view,
              std::uint32_t rgba) const;

private:
    void build(const SubdividedTriangles& triangles, const geo::MapProjection& projection, const geo::XY& origin);

    VertexArray vertex_array_;
    Buffer vertices_;
    GLsizei vertex_count_ = 0;
    std::vector<DrawChunk> chunks_;  // one per polygon
    MercatorBox box_;
};

// 0xRRGGBBAA → four floats in [0, 1].
void unpackRgba(std::uint32_t rgba, float out[4]);

}  // namespace app::render
