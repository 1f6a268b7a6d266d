#include "app/render/render_space.hpp"

#include <algorithm>
#include <cmath>

namespace app::render {

namespace {
constexpr double kPi = 3.14159265358979323846;
// Enough copies for a zoom-0 view several thousand pixels wide; more would never be visible.
constexpr int kMaxCopiesEachSide = 4;
}  // namespace

geo::XY lonLatToMercator(double lon_deg, double lat_deg) {
    const double lat = std::clamp(lat_deg, -kMercatorMaxLatitude, kMercatorMaxLatitude) * kPi / 180.0;
    return geo::XY{kEarthRadiusMercator * lon_deg * kPi / 180.0,
                   kEarthRadiusMercator * std::log(std::tan(kPi / 4.0 + lat / 2.0))};
}

std::vector<double> unwrappedLongitudes(const std::vector<geo::LonLat>& path, bool is_ring) {
    std::vector<double> lons;
    lons.reserve(path.size());
    for (const geo::LonLat& p : path) {
        double lon = p.lon;
        if (!lons.empty()) {
            const double previous = lons.back();
            while (lon - previous > 180.0) lon -= 360.0;
            while (lon - previous < -180.0) lon += 360.0;
        }
        lons.push_back(lon);
    }
    // A ring that closes (explicitly or by its implicit last edge) ends near where it began
    // unless it wound round a pole.
    if (is_ring && !lons.empty() && std::abs(lons.back() - lons.front()) > 180.0) {
        for (size_t i = 0; i < path.size(); ++i) lons[i] = path[i].lon;
    }
    return lons;
}

void MercatorBox::extend(double x, double y) {
    min_x = std::min(min_x, x);
    min_y = std::min(min_y, y);
    max_x = std::max(max_x, x);
    max_y = std::max(max_y, y);
}

void MercatorBox::extend(const MercatorBox& other) {
    if (other.empty()) return;
    extend(other.min_x, other.min_y);
    extend(other.max_x, other.max_y);
}

bool MercatorBox::intersects(const MercatorBox& other, double shift_x, double margin) const {
    if (empty() || other.empty()) return false;
    return min_x <= other.max_x + shift_x + margin && other.min_x + shift_x - margin <= max_x &&
           min_y <= other.max_y + margin && other.min_y - margin <= max_y;
}

MercatorBox viewBox(const geo::Viewport& viewport) {
    MercatorBox box;
    viewport.bounds(box.min_x, box.min_y, box.max_x, box.max_y);
    return box;
}

std::vector<WorldCopyTransform> worldCopies(const geo::Viewport& viewport, const geo::XY& origin,
                                            double data_min_x, double data_max_x) {
    double min_x = 0.0;
    double min_y = 0.0;
    double max_x = 0.0;
    double max_y = 0.0;
    viewport.bounds(min_x, min_y, max_x, max_y);
    const double world = 2.0 * geo::kWebMercatorHalfWorld;
    // Copy k covers [data_min_x + k·world, data_max_x + k·world]; keep those overlapping the view.
    const int first = std::max(-kMaxCopiesEachSide, static_cast<int>(std::ceil((min_x - data_max_x) / world)));
    const int last = std::min(kMaxCopiesEachSide, static_cast<int>(std::floor((max_x - data_min_x) / world)));
    const double mpp = viewport.metresPerPixel();
    std::vector<WorldCopyTransform> copies;
    for (int k = first; k <= last; ++k) {
        WorldCopyTransform t{};
        t.shift_metres = k * world;
        t.offset[0] = static_cast<float>(viewport.center().x - origin.x - t.shift_metres);
        t.offset[1] = static_cast<float>(viewport.center().y - origin.y);
        t.scale[0] = static_cast<float>(2.0 / (mpp * viewport.width()));
        t.scale[1] = static_cast<float>(2.0 / (mpp * viewport.height()));
        copies.push_back(t);
    }
    return copies;
}

WorldCopyTransform singleCopy(const geo::Viewport& viewport, const geo::XY& origin) {
    const double mpp = viewport.metresPerPixel();
    WorldCopyTransform t{};
    t.shift_metres = 0.0;
    t.offset[0] = static_cast<float>(viewport.center().x - origin.x);
    t.offset[1] = static_cast<float>(viewport.center().y - origin.y);
    t.scale[0] = static_cast<float>(2.0 / (mpp * viewport.width()));
    t.scale[1] = static_cast<float>(2.0 / (mpp * viewport.height()));
    return t;
}

namespace {

// Beyond this depth a triangle is not cut further (2^-12 of its size is below any pixel).
constexpr int kMaxSubdivisionDepth = 12;

LonLatXY midpoint(const LonLatXY& a, const LonLatXY& b) { return LonLatXY{0.5 * (a.x + b.x), 0.5 * (a.y + b.y)}; }

double edgeDegrees(const LonLatXY& a, const LonLatXY& b) { return std::max(std::abs(a.x - b.x), std::abs(a.y - b.y)); }

bool shown(const geo::MapProjection& projection, const LonLatXY& p) { return projection.shows(p.x, p.y); }

LonLatXY crossing(const geo::MapProjection& projection, const LonLatXY& inside, const LonLatXY& outside) {
    const geo::LonLat edge = projection.edgeCrossing(inside.x, inside.y, outside.x, outside.y);
    return LonLatXY{edge.lon, edge.lat};
}

void subdivide(const LonLatXY& a, const LonLatXY& b, const LonLatXY& c, double max_edge, std::vector<LonLatXY>& out,
               int depth) {
    if (depth < kMaxSubdivisionDepth && std::max({edgeDegrees(a, b), edgeDegrees(b, c), edgeDegrees(c, a)}) > max_edge) {
        const LonLatXY ab = midpoint(a, b), bc = midpoint(b, c), ca = midpoint(c, a);
        subdivide(a, ab, ca, max_edge, out, depth + 1);
        subdivide(ab, b, bc, max_edge, out, depth + 1);
        subdivide(ca, bc, c, max_edge, out, depth + 1);
        subdivide(ab, bc, ca, max_edge, out, depth + 1);
        return;
    }
    out.push_back(a);
    out.push_back(b);
    out.push_back(c);
}

}  // namespace

void subdivideLonLatTriangle(const LonLatXY& a, const LonLatXY& b, const LonLatXY& c, double max_edge_degrees,
                             std::vector<LonLatXY>& out) {
    subdivide(a, b, c, max_edge_degrees, out, 0);
}

void clipShownPart(const LonLatXY& a, const LonLatXY& b, const LonLatXY& c, const bool inside[3],
                   const geo::MapProjection& projection, std::vector<LonLatXY>& out) {
    const LonLatXY corners[3] = {a, b, c};
    if (inside[0] && inside[1] && inside[2]) {
        out.insert(out.end(), corners, corners + 3);
        return;
    }
    if (!inside[0] && !inside[1] && !inside[2]) return;
    // Sutherland–Hodgman against the cap: keep inside corners, add a point where an edge crosses.
    LonLatXY polygon[4];
    int n = 0;
    for (int i = 0; i < 3; ++i) {
        const int j = (i + 1) % 3;
        if (inside[i]) {
            polygon[n++] = corners[i];
            if (!inside[j]) polygon[n++] = crossing(projection, corners[i], corners[j]);
        } else if (inside[j]) {
            polygon[n++] = crossing(projection, corners[j], corners[i]);
        }
    }
    for (int i = 1; i + 1 < n; ++i) {
        out.push_back(polygon[0]);
        out.push_back(polygon[i]);
        out.push_back(polygon[i + 1]);
    }
}

void clipLonLatTriangle(const LonLatXY& a, const LonLatXY& b, const LonLatXY& c,
                        const geo::MapProjection& projection, double max_edge_degrees, std::vector<LonLatXY>& out) {
    if (projection.isWebMercator()) {
        out.push_back(a);
        out.push_back(b);
        out.push_back(c);
        return;
    }
    thread_local std::vector<LonLatXY> pieces;
    pieces.clear();
    subdivide(a, b, c, max_edge_degrees, pieces, 0);
    for (std::size_t k = 0; k + 2 < pieces.size(); k += 3) {
        const bool inside[3] = {shown(projection, pieces[k]), shown(projection, pieces[k + 1]),
                                shown(projection, pieces[k + 2])};
        clipShownPart(pieces[k], pieces[k + 1], pieces[k + 2], inside, projection, out);
    }
}

std::optional<geo::XY> projectRelative(const geo::MapProjection& projection, const LonLatXY& p, const geo::XY& origin) {
    const std::optional<geo::XY> xy = projection.forward(p.x, p.y);
    if (!xy) return std::nullopt;
    return geo::XY{xy->x - origin.x, xy->y - origin.y};
}

std::vector<std::vector<geo::XY>> projectPath(const std::vector<LonLatXY>& path, const geo::MapProjection& projection,
                                              const geo::XY& origin, double max_step_degrees) {
    // First the lon/lat points of the shown runs, cut at the cap's edge (a run ends where `ends`
    // marks it), then all of them through PROJ at once; a point PROJ cannot place also ends a run.
    thread_local std::vector<geo::XY> points;
    thread_local std::vector<unsigned char> run_ends;  // 1: a run ends after this point
    thread_local std::vector<unsigned char> ok;
    points.clear();
    run_ends.clear();
    auto add = [&](const LonLatXY& p) {
        points.push_back(p);
        run_ends.push_back(0);
    };
    auto flush = [&] {
        if (!run_ends.empty()) run_ends.back() = 1;
    };
    const bool densify = !projection.isWebMercator();
    bool previous_shown = false;
    LonLatXY previous{};
    for (std::size_t i = 0; i < path.size(); ++i) {
        const int steps = (i == 0 || !densify)
                              ? 1
                              : std::max(1, static_cast<int>(std::ceil(edgeDegrees(previous, path[i]) / max_step_degrees)));
        const LonLatXY from = previous;
        for (int k = 1; k <= steps; ++k) {
            const double t = static_cast<double>(k) / steps;
            const LonLatXY p = (i == 0) ? path[0] : LonLatXY{from.x + (path[i].x - from.x) * t, from.y + (path[i].y - from.y) * t};
            const bool is_shown = shown(projection, p);
            if (is_shown) {
                if (!previous_shown && (i > 0 || k > 1)) add(crossing(projection, p, previous));
                add(p);
            } else if (previous_shown) {
                add(crossing(projection, previous, p));
                flush();
            }
            previous_shown = is_shown;
            previous = p;
        }
    }
    // Every point is shown (tested above) or a crossing (on the shown side by construction).
    projection.forwardInPlace(points, ok, true);

    std::vector<std::vector<geo::XY>> runs;
    std::vector<geo::XY> run;
    auto end_run = [&] {
        if (run.size() >= 2) runs.push_back(std::move(run));
        run.clear();
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (ok[i]) {
            run.push_back(geo::XY{points[i].x - origin.x, points[i].y - origin.y});
        } else {
            end_run();
        }
        if (run_ends[i]) end_run();
    }
    end_run();
    return runs;
}

std::vector<std::pair<std::size_t, std::size_t>> visibleRanges(const std::vector<DrawChunk>& chunks,
                                                               const MercatorBox& view, double shift_x,
                                                               double margin) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (const DrawChunk& chunk : chunks) {
        if (chunk.count == 0 || !view.intersects(chunk.box, shift_x, margin)) continue;
        if (!ranges.empty() && ranges.back().first + ranges.back().second == chunk.first) {
            ranges.back().second += chunk.count;
        } else {
            ranges.emplace_back(chunk.first, chunk.count);
        }
    }
    return ranges;
}

}  // namespace app::render
