#include "app/render/fill_layer.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>

namespace app::render {

namespace {

struct GeosContextDeleter {
    void operator()(GEOSContextHandle_t context) const { GEOS_finish_r(context); }
};
using GeosContext = std::unique_ptr<std::remove_pointer_t<GEOSContextHandle_t>, GeosContextDeleter>;

// GEOS objects belong to a context; the deleter carries it.
struct GeometryDeleter {
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

struct CoordSeqDeleter {
    GEOSContextHandle_t context;
    void operator()(GEOSCoordSequence* sequence) const { GEOSCoordSeq_destroy_r(context, sequence); }
};
using CoordSeq = std::unique_ptr<GEOSCoordSequence, CoordSeqDeleter>;

// Longest triangle edge (degrees) drawn in a non-Mercator projection: longer ones are cut so the
// fill follows its curved outline.
constexpr double kMaxEdgeDegrees = 2.0;

// GEOS reports problems through its message handlers; failures are handled by return values here.
void ignoreGeosMessage(const char*, void*) {}

// A closed ring in (unwrapped) lon/lat degrees, or null if it has fewer than three distinct points.
// `lon_shift` moves the whole ring by that many degrees (to sit a hole inside its unwrapped shell).
Geometry makeRing(GEOSContextHandle_t context, const std::vector<geo::LonLat>& ring, double lon_shift = 0.0) {
    const std::vector<double> lons = unwrappedLongitudes(ring, true);
    std::vector<geo::XY> points;
    points.reserve(ring.size() + 1);
    for (size_t i = 0; i < ring.size(); ++i) {
        const geo::XY relative{lons[i] + lon_shift, ring[i].lat};
        if (!points.empty() && points.back().x == relative.x && points.back().y == relative.y) continue;
        points.push_back(relative);
    }
    if (points.size() >= 2 && points.front().x == points.back().x && points.front().y == points.back().y) {
        points.pop_back();
    }
    if (points.size() < 3) return Geometry(nullptr, GeometryDeleter{context});
    points.push_back(points.front());
    CoordSeq sequence(GEOSCoordSeq_create_r(context, static_cast<unsigned>(points.size()), 2),
                      CoordSeqDeleter{context});
    if (!sequence) return Geometry(nullptr, GeometryDeleter{context});
    for (size_t i = 0; i < points.size(); ++i) {
        GEOSCoordSeq_setXY_r(context, sequence.get(), static_cast<unsigned>(i), points[i].x, points[i].y);
    }
    // GEOSGeom_createLinearRing_r takes ownership of the sequence.
    return Geometry(GEOSGeom_createLinearRing_r(context, sequence.release()), GeometryDeleter{context});
}

// One polygon from an outer ring and its holes; null if the outer ring is degenerate.
Geometry makePolygon(GEOSContextHandle_t context, const std::vector<const std::vector<geo::LonLat>*>& rings) {
    Geometry shell = makeRing(context, *rings.front());
    if (!shell) return Geometry(nullptr, GeometryDeleter{context});
    // Holes are unwrapped on their own; move each by whole turns next to the shell's middle.
    const std::vector<double> shell_lons = unwrappedLongitudes(*rings.front(), true);
    const auto [west, east] = std::minmax_element(shell_lons.begin(), shell_lons.end());
    const double shell_middle = 0.5 * (*west + *east);
    std::vector<Geometry> holes;
    for (size_t i = 1; i < rings.size(); ++i) {
        if (rings[i]->empty()) continue;
        const double turns = std::round((shell_middle - rings[i]->front().lon) / 360.0);
        Geometry hole = makeRing(context, *rings[i], 360.0 * turns);
        if (hole) holes.push_back(std::move(hole));
    }
    std::vector<GEOSGeometry*> raw_holes;
    for (Geometry& hole : holes) raw_holes.push_back(hole.get());
    GEOSGeometry* polygon = GEOSGeom_createPolygon_r(context, shell.get(), raw_holes.data(),
                                                     static_cast<unsigned>(raw_holes.size()));
    if (polygon == nullptr) return Geometry(nullptr, GeometryDeleter{context});
    // The polygon now owns the rings.
    shell.release();
    for (Geometry& hole : holes) hole.release();
    return Geometry(polygon, GeometryDeleter{context});
}

// Appends the triangles of a triangulation result (a collection of triangle polygons).
void appendTriangles(GEOSContextHandle_t context, const GEOSGeometry* triangles, std::vector<geo::XY>& out) {
    const int count = GEOSGetNumGeometries_r(context, triangles);
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* triangle = GEOSGetGeometryN_r(context, triangles, i);
        const GEOSGeometry* ring = GEOSGetExteriorRing_r(context, triangle);
        if (ring == nullptr) continue;
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, ring);
        unsigned size = 0;
        if (sequence == nullptr || GEOSCoordSeq_getSize_r(context, sequence, &size) == 0 || size < 3) continue;
        for (unsigned j = 0; j < 3; ++j) {
            geo::XY p;
            GEOSCoordSeq_getXY_r(context, sequence, j, &p.x, &p.y);
            out.push_back(p);
        }
    }
}

// The rings of a GEOS polygon as points.
std::vector<std::vector<geo::XY>> ringsOf(GEOSContextHandle_t context, const GEOSGeometry* polygon) {
    std::vector<std::vector<geo::XY>> rings;
    const int holes = GEOSGetNumInteriorRings_r(context, polygon);
    for (int r = -1; r < holes; ++r) {
        const GEOSGeometry* ring = r < 0 ? GEOSGetExteriorRing_r(context, polygon) : GEOSGetInteriorRingN_r(context, polygon, r);
        const GEOSCoordSequence* sequence = ring != nullptr ? GEOSGeom_getCoordSeq_r(context, ring) : nullptr;
        unsigned int size = 0;
        if (sequence == nullptr || GEOSCoordSeq_getSize_r(context, sequence, &size) == 0) continue;
        std::vector<geo::XY> points(size);
        for (unsigned int i = 0; i < size; ++i) GEOSCoordSeq_getXY_r(context, sequence, i, &points[i].x, &points[i].y);
        rings.push_back(std::move(points));
    }
    return rings;
}

enum class Triangulated { Done, Failed, OverBudget };

// Triangulates one polygon; invalid input (self-intersections, rounding artefacts) is repaired
// first, if it crosses itself few enough times for that to be cheap. (The triangulator takes the
// polygons out of whatever collection the repair returns.)
Triangulated triangulate(GEOSContextHandle_t context, const GEOSGeometry* polygon, std::vector<geo::XY>& out) {
    Geometry repaired(nullptr, GeometryDeleter{context});
    if (GEOSisValid_r(context, polygon) != 1) {
        // The pairs tested grow with the vertices only where segments are long and many overlap.
        constexpr std::size_t kMaxPairsTested = 20'000'000;
        if (countCrossings(ringsOf(context, polygon), kMaxRepairedCrossings, kMaxPairsTested).gave_up) {
            return Triangulated::OverBudget;
        }
        repaired.reset(GEOSMakeValid_r(context, polygon));
        if (!repaired) return Triangulated::Failed;
    }
    Geometry triangles(GEOSConstrainedDelaunayTriangulation_r(context, repaired ? repaired.get() : polygon),
                       GeometryDeleter{context});
    if (!triangles) return Triangulated::Failed;
    appendTriangles(context, triangles.get(), out);
    return Triangulated::Done;
}

// Whether segments ab and cd share a point (crossing, touching or overlapping).
int orientation(const geo::XY& a, const geo::XY& b, const geo::XY& c) {
    const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return (cross > 0.0) - (cross < 0.0);
}
bool onSegment(const geo::XY& a, const geo::XY& b, const geo::XY& p) {
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y && p.y <= std::max(a.y, b.y);
}
bool segmentsMeet(const geo::XY& a, const geo::XY& b, const geo::XY& c, const geo::XY& d) {
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d), o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    if (o1 != o2 && o3 != o4) return true;
    return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d)) || (o3 == 0 && onSegment(c, d, a)) ||
           (o4 == 0 && onSegment(c, d, b));
}

}  // namespace

CrossingCount countCrossings(const std::vector<std::vector<geo::XY>>& rings, std::size_t limit, std::size_t max_pairs) {
    struct Segment {
        geo::XY a, b;
        double min_x, max_x, min_y, max_y;
        std::size_t ring, index, ring_size;
    };
    std::vector<Segment> segments;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const std::vector<geo::XY>& ring = rings[r];
        // Closed rings repeat their first point at the end; segments join consecutive points.
        const std::size_t count = ring.size() >= 2 ? ring.size() - 1 : 0;
        for (std::size_t i = 0; i < count; ++i) {
            const geo::XY& a = ring[i];
            const geo::XY& b = ring[i + 1];
            segments.push_back({a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), r, i,
                                count});
        }
    }
    std::sort(segments.begin(), segments.end(), [](const Segment& p, const Segment& q) { return p.min_x < q.min_x; });
    CrossingCount result;
    // Sort and sweep along x: a segment meets only those that start before it ends.
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        for (std::size_t j = i + 1; j < segments.size() && segments[j].min_x <= s.max_x; ++j) {
            const Segment& o = segments[j];
            if (o.max_y < s.min_y || o.min_y > s.max_y) continue;
            // Neighbours in one ring share a point by construction.
            if (o.ring == s.ring) {
                const std::size_t gap = s.index > o.index ? s.index - o.index : o.index - s.index;
                if (gap == 1 || gap + 1 == s.ring_size) continue;
            }
            if (++result.pairs_tested > max_pairs) {
                result.gave_up = true;
                return result;
            }
            if (segmentsMeet(s.a, s.b, o.a, o.b) && ++result.crossings > limit) {
                result.gave_up = true;
                return result;
            }
        }
    }
    return result;
}

void unpackRgba(std::uint32_t rgba, float out[4]) {
    out[0] = static_cast<float>((rgba >> 24) & 0xffu) / 255.0f;
    out[1] = static_cast<float>((rgba >> 16) & 0xffu) / 255.0f;
    out[2] = static_cast<float>((rgba >> 8) & 0xffu) / 255.0f;
    out[3] = static_cast<float>(rgba & 0xffu) / 255.0f;
}

std::vector<LonLatXY> triangulatePolygons(const geo::VectorLayer& layer, int* skipped,
                                          std::vector<std::size_t>* polygon_ends, int* over_budget) {
    std::vector<geo::XY> triangles;
    if (skipped != nullptr) *skipped = 0;
    if (over_budget != nullptr) *over_budget = 0;
    if (layer.kind != geo::GeometryKind::Polygons) return triangles;
    GeosContext context(GEOS_init_r());
    if (!context) return triangles;
    GEOSContext_setErrorMessageHandler_r(context.get(), ignoreGeosMessage, nullptr);
    GEOSContext_setNoticeMessageHandler_r(context.get(), ignoreGeosMessage, nullptr);

    for (const geo::VectorFeature& feature : layer.features) {
        // Group rings: each outer ring is followed by its holes.
        std::vector<std::vector<const std::vector<geo::LonLat>*>> polygons;
        for (size_t i = 0; i < feature.parts.size(); ++i) {
            const bool is_hole = i < feature.ring_is_hole.size() && feature.ring_is_hole[i];
            if (!is_hole || polygons.empty()) {
                polygons.push_back({&feature.parts[i]});
            } else {
                polygons.back().push_back(&feature.parts[i]);
            }
        }
        for (const auto& rings : polygons) {
            Geometry polygon = makePolygon(context.get(), rings);
            const Triangulated done = polygon ? triangulate(context.get(), polygon.get(), triangles) : Triangulated::Failed;
            if (done == Triangulated::OverBudget) {
                if (over_budget != nullptr) ++*over_budget;
            } else if (done == Triangulated::Failed) {
                if (skipped != nullptr) ++*skipped;
            } else if (polygon_ends != nullptr) {
                polygon_ends->push_back(triangles.size());
            }
        }
    }
    return triangles;
}

FillProgram::FillProgram() : program_(buildProgram("polygon.vert", "polygon.frag")) {
    const std::string name = "polygon.vert + polygon.frag";
    u_offset_ = uniformLocation(program_, "u_offset", name);
    u_scale_ = uniformLocation(program_, "u_scale", name);
    u_colour_ = uniformLocation(program_, "u_colour", name);
}

namespace {

// Distinct lon/lat points by their exact bits.
struct PointKey {
    std::uint64_t x, y;
    bool operator==(const PointKey& other) const { return x == other.x && y == other.y; }
};
struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const { return std::hash<std::uint64_t>()(k.x * 0x9e3779b97f4a7c15ull ^ k.y); }
};
PointKey keyOf(const LonLatXY& p) {
    PointKey key{};
    std::memcpy(&key.x, &p.x, sizeof key.x);
    std::memcpy(&key.y, &p.y, sizeof key.y);
    return key;
}

// Appends triangles (three corners each, in order) to `out` as indices into `vertices`.
void addIndexed(const std::vector<LonLatXY>& corners, std::unordered_map<PointKey, std::uint32_t, PointKeyHash>& seen,
                SubdividedTriangles& out) {
    for (const LonLatXY& p : corners) {
        const auto [it, added] = seen.emplace(keyOf(p), static_cast<std::uint32_t>(out.vertices.size()));
        if (added) out.vertices.push_back(p);
        out.indices.push_back(it->second);
    }
}

}  // namespace

SubdividedTriangles subdivideTriangles(const std::vector<LonLatXY>& triangles,
                                       const std::vector<std::size_t>& polygon_ends) {
    SubdividedTriangles out;
    std::unordered_map<PointKey, std::uint32_t, PointKeyHash> seen;
    std::vector<LonLatXY> pieces;
    std::size_t first = 0;
    for (const std::size_t end : polygon_ends) {
        for (std::size_t t = first; t + 2 < end; t += 3) {
            pieces.clear();
            subdivideLonLatTriangle(triangles[t], triangles[t + 1], triangles[t + 2], kMaxEdgeDegrees, pieces);
            addIndexed(pieces, seen, out);
        }
        out.polygon_ends.push_back(out.indices.size());
        first = end;
    }
    out.units.resize(out.vertices.size());
    for (std::size_t i = 0; i < out.vertices.size(); ++i) {
        geo::MapProjection::unitVector(out.vertices[i].x, out.vertices[i].y, out.units[i].data());
    }
    return out;
}

FillLayer::FillLayer(const std::vector<LonLatXY>& triangles, const std::vector<std::size_t>& polygon_ends,
                     const geo::MapProjection& projection, const geo::XY& origin) {
    if (!projection.isWebMercator()) {
        build(subdivideTriangles(triangles, polygon_ends), projection, origin);
        return;
    }
    // Web Mercator shows everything and cuts nothing: the triangles are drawn as they are.
    SubdividedTriangles whole;
    std::unordered_map<PointKey, std::uint32_t, PointKeyHash> seen;
    std::size_t first = 0;
    std::vector<LonLatXY> corners;
    for (const std::size_t end : polygon_ends) {
        corners.assign(triangles.begin() + static_cast<std::ptrdiff_t>(first),
                       triangles.begin() + static_cast<std::ptrdiff_t>(first + (end - first) / 3 * 3));
        addIndexed(corners, seen, whole);
        whole.polygon_ends.push_back(whole.indices.size());
        first = end;
    }
    build(whole, projection, origin);
}

FillLayer::FillLayer(const SubdividedTriangles& triangles, const geo::MapProjection& projection,
                     const geo::XY& origin) {
    build(triangles, projection, origin);
}

void FillLayer::build(const SubdividedTriangles& triangles, const geo::MapProjection& projection,
                      const geo::XY& origin) {
    // Every distinct corner the projection shows goes through PROJ once, in one batch; triangles
    // wholly shown use those, the few across the cap's edge are clipped and projected on their own.
    const std::vector<LonLatXY>& vertices = triangles.vertices;
    const bool have_units = triangles.units.size() == vertices.size();
    std::vector<unsigned char> shown(vertices.size());
    std::vector<geo::XY> points;
    points.reserve(vertices.size());
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        shown[i] = (have_units ? projection.showsUnit(triangles.units[i].data())
                               : projection.shows(vertices[i].x, vertices[i].y))
                       ? 1
                       : 0;
        if (shown[i]) points.push_back(vertices[i]);
    }
    std::vector<unsigned char> ok;
    projection.forwardInPlace(points, ok, true);
    std::vector<std::optional<geo::XY>> projected(vertices.size());
    for (std::size_t i = 0, n = 0; i < vertices.size(); ++i) {
        if (!shown[i]) continue;
        if (ok[n]) projected[i] = geo::XY{points[n].x - origin.x, points[n].y - origin.y};
        ++n;
    }

    std::vector<float> packed;
    std::vector<LonLatXY> clipped;
    auto emit = [&](const geo::XY (&corner)[3], DrawChunk& chunk) {
        for (const geo::XY& p : corner) {
            packed.push_back(static_cast<float>(p.x));
            packed.push_back(static_cast<float>(p.y));
            chunk.box.extend(p.x + origin.x, p.y + origin.y);
        }
    };
    const std::vector<std::uint32_t>& indices = triangles.indices;
    std::size_t first = 0;
    for (const std::size_t end : triangles.polygon_ends) {
        DrawChunk chunk;
        chunk.first = packed.size() / 2;
        for (std::size_t t = first; t + 2 < end; t += 3) {
            const std::uint32_t a = indices[t], b = indices[t + 1], c = indices[t + 2];
            const bool inside[3] = {shown[a] != 0, shown[b] != 0, shown[c] != 0};
            if (!inside[0] && !inside[1] && !inside[2]) continue;
            if (inside[0] && inside[1] && inside[2]) {
                if (!projected[a] || !projected[b] || !projected[c]) continue;
                const geo::XY corner[3] = {*projected[a], *projected[b], *projected[c]};
                emit(corner, chunk);
                continue;
            }
            clipped.clear();
            clipShownPart(vertices[a], vertices[b], vertices[c], inside, projection, clipped);
            for (std::size_t k = 0; k + 2 < clipped.size(); k += 3) {
                geo::XY corner[3];
                bool all = true;
                for (int j = 0; j < 3 && all; ++j) {
                    const std::optional<geo::XY> p = projectRelative(projection, clipped[k + j], origin);
                    all = p.has_value();
                    if (all) corner[j] = *p;
                }
                if (all) emit(corner, chunk);
            }
        }
        chunk.count = packed.size() / 2 - chunk.first;
        first = end;
        if (chunk.count == 0) continue;
        box_.extend(chunk.box);
        chunks_.push_back(chunk);
    }
    if (packed.empty()) return;
    vertex_array_ = makeVertexArray();
    vertices_ = makeBuffer();
    glBindVertexArray(vertex_array_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(packed.size() * sizeof(float)), packed.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    vertex_count_ = static_cast<GLsizei>(packed.size() / 2);
}

void FillLayer::draw(const FillProgram& program, const WorldCopyTransform& transform, const MercatorBox& view,
                     std::uint32_t rgba) const {
    if (empty() || !view.intersects(box_, transform.shift_metres)) return;
    const auto ranges = visibleRanges(chunks_, view, transform.shift_metres, 0.0);
    if (ranges.empty()) return;
    float colour[4];
    unpackRgba(rgba, colour);
    glUseProgram(program.id());
    glUniform2fv(program.offset(), 1, transform.offset);
    glUniform2fv(program.scale(), 1, transform.scale);
    glUniform4fv(program.colour(), 1, colour);
    glBindVertexArray(vertex_array_.get());
    for (const auto& [first, count] : ranges) {
        glDrawArrays(GL_TRIANGLES, static_cast<GLint>(first), static_cast<GLsizei>(count));
    }
    glBindVertexArray(0);
}

}  // namespace app::render
