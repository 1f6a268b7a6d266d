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
