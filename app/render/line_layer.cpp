#include "app/render/line_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "app/render/fill_layer.hpp"

namespace app::render {

namespace {

// A miter longer than this many half-widths becomes a bevel (sharp turns would spike otherwise).
constexpr double kMiterLimit = 2.5;
// Points closer than this (metres) are one point; keeps directions well defined.
constexpr double kSamePointMetres = 1e-3;

geo::XY unitDirection(const geo::XY& from, const geo::XY& to) {
    const double dx = to.x - from.x;
    const double dy = to.y - from.y;
    const double length = std::hypot(dx, dy);
    return geo::XY{dx / length, dy / length};
}

geo::XY leftNormal(const geo::XY& direction) { return geo::XY{-direction.y, direction.x}; }

void pushPair(LineMesh& mesh, const geo::XY& p, const geo::XY& extrude, bool connect_to_previous) {
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    const float x = static_cast<float>(p.x);
    const float y = static_cast<float>(p.y);
    const float ex = static_cast<float>(extrude.x);
    const float ey = static_cast<float>(extrude.y);
    mesh.vertices.push_back(LineVertex{{x, y}, {ex, ey}, 1.0f});
    mesh.vertices.push_back(LineVertex{{x, y}, {-ex, -ey}, -1.0f});
    if (connect_to_previous) {
        // Quad between the previous pair (base-2 left, base-1 right) and this one.
        const std::uint32_t quad[6] = {base - 2, base - 1, base, base - 1, base + 1, base};
        mesh.indices.insert(mesh.indices.end(), quad, quad + 6);
    }
}

// Emits the pair(s) for a join at `p` between an incoming and an outgoing direction. A bevel needs
// two pairs; `close_loop` keeps only the incoming one when the loop's first join already made both.
void pushJoin(LineMesh& mesh, const geo::XY& p, const geo::XY& in, const geo::XY& out, bool connect,
              bool close_loop = false) {
    const geo::XY n_in = leftNormal(in);
    const geo::XY n_out = leftNormal(out);
    const geo::XY sum{n_in.x + n_out.x, n_in.y + n_out.y};
    const double sum_length = std::hypot(sum.x, sum.y);
    if (sum_length > 1e-9) {
        const geo::XY miter{sum.x / sum_length, sum.y / sum_length};
        const double cosine = miter.x * n_out.x + miter.y * n_out.y;
        if (cosine > 1.0 / kMiterLimit) {
            pushPair(mesh, p, geo::XY{miter.x / cosine, miter.y / cosine}, connect);
            return;
        }
    }
    // Bevel: end the incoming segment square, start the outgoing one; the quad between fills the corner.
    pushPair(mesh, p, n_in, connect);
    if (!close_loop) pushPair(mesh, p, n_out, true);
}

void appendPolylineGeometry(const std::vector<geo::XY>& raw_points, LineMesh& mesh) {
    std::vector<geo::XY> points;
    points.reserve(raw_points.size());
    for (const geo::XY& p : raw_points) {
        if (!points.empty() && std::hypot(p.x - points.back().x, p.y - points.back().y) < kSamePointMetres) continue;
        points.push_back(p);
    }
    const bool closed = points.size() >= 4 && std::hypot(points.front().x - points.back().x,
                                                         points.front().y - points.back().y) < kSamePointMetres;
    if (closed) points.pop_back();
    const size_t n = points.size();
    if (n < 2) return;

    if (closed) {
        // Walk round and back to the first point so its join closes the loop.
        for (size_t i = 0; i <= n; ++i) {
            const size_t at = i % n;
            const geo::XY in = unitDirection(points[(at + n - 1) % n], points[at]);
            const geo::XY out = unitDirection(points[at], points[(at + 1) % n]);
            pushJoin(mesh, points[at], in, out, i > 0, i == n);
        }
        return;
    }
    pushPair(mesh, points[0], leftNormal(unitDirection(points[0], points[1])), false);
    for (size_t i = 1; i + 1 < n; ++i) {
        pushJoin(mesh, points[i], unitDirection(points[i - 1], points[i]), unitDirection(points[i], points[i + 1]),
                 true);
    }
    pushPair(mesh, points[n - 1], leftNormal(unitDirection(points[n - 2], points[n - 1])), true);
}

}  // namespace

void appendPolyline(const std::vector<geo::XY>& raw_points, LineMesh& mesh) {
    LinePath path;
    path.first_index = mesh.indices.size();
    path.first_vertex = mesh.vertices.size();
    appendPolylineGeometry(raw_points, mesh);
    path.index_count = mesh.indices.size() - path.first_index;
    path.vertex_count = mesh.vertices.size() - path.first_vertex;
    if (path.index_count > 0) mesh.paths.push_back(path);
}

namespace {

// The layer's extent in degrees; ring segments along it are clip edges, not borders.
struct LonLatBox {
    double west = 1e300, south = 1e300, east = -1e300, north = -1e300;
};

bool sameValue(double a, double b) { return std::abs(a - b) < 1e-9; }

// `box` is null when the layer's extent is not a clip frame (a single feature is drawn whole).
bool isClipEdge(const geo::LonLat& a, const geo::LonLat& b, const LonLatBox* box) {
    if (sameValue(a.lon, b.lon) && sameValue(std::abs(a.lon), 180.0)) return true;
    if (box == nullptr) return false;
    if (sameValue(a.lon, b.lon) && (sameValue(a.lon, box->west) || sameValue(a.lon, box->east))) return true;
    return sameValue(a.lat, b.lat) && (sameValue(a.lat, box->south) || sameValue(a.lat, box->north));
}

// Longest step (degrees) between the points of a path drawn in a non-Mercator projection, so that
// long straight segments follow the curves they become there.
constexpr double kMaxStepDegrees = 1.0;

// Projects a lon/lat run and adds the pieces the projection shows.
void appendLonLatRun(const std::vector<LonLatXY>& run, const geo::MapProjection& projection, const geo::XY& origin,
                     LineMesh& mesh) {
    for (const std::vector<geo::XY>& piece : projectPath(run, projection, origin, kMaxStepDegrees)) {
        appendPolyline(piece, mesh);
    }
}

// A ring's outline: all round if every segment is a real border, else the runs between clip edges.
void appendRingOutline(const std::vector<geo::LonLat>& raw_ring, const LonLatBox* box,
                       const geo::MapProjection& projection, const geo::XY& origin, LineMesh& mesh) {
    std::vector<geo::LonLat> ring(raw_ring);
    if (ring.size() >= 2 && sameValue(ring.front().lon, ring.back().lon) && sameValue(ring.front().lat, ring.back().lat)) {
        ring.pop_back();
    }
    const size_t n = ring.size();
    if (n < 2) return;
    const std::vector<double> lons = unwrappedLongitudes(raw_ring, true);
    auto point = [&](size_t i) { return LonLatXY{lons[i], ring[i].lat}; };
    std::vector<bool> clipped(n);
    size_t first_clip = n;
    for (size_t i = 0; i < n; ++i) {
        clipped[i] = isClipEdge(ring[i], ring[(i + 1) % n], box);
        if (clipped[i] && first_clip == n) first_clip = i;
    }
    std::vector<LonLatXY> run;
    if (first_clip == n) {
        for (size_t i = 0; i < n; ++i) run.push_back(point(i));
        run.push_back(point(0));
        appendLonLatRun(run, projection, origin, mesh);
        return;
    }
    // Start just after a clip edge and cut the ring at every clip edge.
    const size_t start = (first_clip + 1) % n;
    run.push_back(point(start));
    for (size_t k = 0; k < n; ++k) {
        const size_t segment = (start + k) % n;
        const size_t next = (segment + 1) % n;
        if (clipped[segment]) {
            appendLonLatRun(run, projection, origin, mesh);
            run.clear();
        } else if (run.empty()) {
            run.push_back(point(segment));
        }
        if (!clipped[segment]) run.push_back(point(next));
    }
    appendLonLatRun(run, projection, origin, mesh);
}

}  // namespace

LineMesh buildLineMesh(const geo::VectorLayer& layer, const geo::MapProjection& projection, const geo::XY& origin) {
    LineMesh mesh;
    if (layer.kind == geo::GeometryKind::Points) return mesh;
    if (layer.kind == geo::GeometryKind::Polygons) {
        LonLatBox box;
        for (const geo::VectorFeature& feature : layer.features) {
            for (const auto& ring : feature.parts) {
                for (const geo::LonLat& p : ring) {
                    box.west = std::min(box.west, p.lon);
                    box.east = std::max(box.east, p.lon);
                    box.south = std::min(box.south, p.lat);
                    box.north = std::max(box.north, p.lat);
                }
            }
        }
        const LonLatBox* clip_frame = layer.features.size() >= 2 ? &box : nullptr;
        for (const geo::VectorFeature& feature : layer.features) {
            for (const auto& ring : feature.parts) appendRingOutline(ring, clip_frame, projection, origin, mesh);
        }
        return mesh;
    }
    std::vector<LonLatXY> points;
    for (const geo::VectorFeature& feature : layer.features) {
        for (const std::vector<geo::LonLat>& part : feature.parts) {
            const std::vector<double> lons = unwrappedLongitudes(part, false);
            points.clear();
            for (size_t i = 0; i < part.size(); ++i) points.push_back(LonLatXY{lons[i], part[i].lat});
            appendLonLatRun(points, projection, origin, mesh);
        }
    }
    return mesh;
}

LineProgram::LineProgram() : program_(buildProgram("line.vert", "line.frag")) {
    const std::string name = "line.vert + line.frag";
    u_offset_ = uniformLocation(program_, "u_offset", name);
    u_scale_ = uniformLocation(program_, "u_scale", name);
    u_viewport_ = uniformLocation(program_, "u_viewport_px", name);
    u_half_width_ = uniformLocation(program_, "u_half_width_px", name);
    u_colour_ = uniformLocation(program_, "u_colour", name);
}

LineLayer::LineLayer(const geo::VectorLayer& layer, const geo::MapProjection& projection, const geo::XY& origin) {
    upload(buildLineMesh(layer, projection, origin), origin);
}

LineLayer::LineLayer(const LineMesh& mesh, const geo::XY& origin) { upload(mesh, origin); }

void LineLayer::upload(const LineMesh& mesh, const geo::XY& origin) {
    if (mesh.indices.empty()) return;
    vertex_array_ = makeVertexArray();
    vertices_ = makeBuffer();
    indices_ = makeBuffer();
    glBindVertexArray(vertex_array_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(LineVertex)),
                 mesh.vertices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                          reinterpret_cast<const void*>(offsetof(LineVertex, position)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                          reinterpret_cast<const void*>(offsetof(LineVertex, extrude)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                          reinterpret_cast<const void*>(offsetof(LineVertex, side)));
    // The element buffer binding is part of the vertex array's state.
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                 mesh.indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    index_count_ = static_cast<GLsizei>(mesh.indices.size());
    // Long polylines (a border, a river) are cut into pieces with their own boxes, so a frame that
    // draws only a strip of the map (MapCanvas scrolling) submits only the pieces in that strip.
    constexpr std::size_t kChunkTriangles = 64;
    for (const LinePath& path : mesh.paths) {
        const std::size_t end = path.first_index + path.index_count;
        for (std::size_t first = path.first_index; first < end; first += 3 * kChunkTriangles) {
            DrawChunk chunk;
            chunk.first = first;
            chunk.count = std::min(3 * kChunkTriangles, end - first);
            for (std::size_t i = first; i < first + chunk.count; ++i) {
                const LineVertex& v = mesh.vertices[mesh.indices[i]];
                chunk.box.extend(v.position[0] + origin.x, v.position[1] + origin.y);
            }
            box_.extend(chunk.box);
            chunks_.push_back(chunk);
        }
    }
}

void LineLayer::draw(const LineProgram& program, const WorldCopyTransform& transform, const geo::Viewport& viewport,
                     const MercatorBox& view, float width_px, std::uint32_t rgba) const {
    if (empty() || width_px <= 0.0f) return;
    // A line reaches half its width (plus the antialiased fringe) beyond its centre line.
    const double margin = (0.5 * width_px + 1.0) * viewport.metresPerPixel();
    if (!view.intersects(box_, transform.shift_metres, margin)) return;
    const auto ranges = visibleRanges(chunks_, view, transform.shift_metres, margin);
    if (ranges.empty()) return;
    float colour[4];
    unpackRgba(rgba, colour);
    glUseProgram(program.id());
    glUniform2fv(program.offset(), 1, transform.offset);
    glUniform2fv(program.scale(), 1, transform.scale);
    glUniform2f(program.viewport(), static_cast<float>(viewport.width()), static_cast<float>(viewport.height()));
    glUniform1f(program.halfWidth(), 0.5f * width_px);
    glUniform4fv(program.colour(), 1, colour);
    glBindVertexArray(vertex_array_.get());
    for (const auto& [first, count] : ranges) {
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(first * sizeof(std::uint32_t)));
    }
    glBindVertexArray(0);
}

}  // namespace app::render
