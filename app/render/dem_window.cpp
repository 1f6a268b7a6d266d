#include "app/render/dem_window.hpp"

#include <algorithm>
#include <cmath>

namespace app::render {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMetresPerDegree = 6371008.8 * kPi / 180.0;  // mean Earth radius, as terrain_layer
// A view's lon/lat is found from this many points a side.
constexpr int kBoxSamples = 17;
// Windows start and end on multiples of this many cells of their level.
constexpr int kAlignCells = 64;

}  // namespace

bool DemWindow::covers(const DemWindow& needed) const {
    return level == needed.level && column <= needed.column && row <= needed.row &&
           column + width >= needed.column + needed.width && row + height >= needed.row + needed.height;
}

std::optional<LonLatBox> lonLatBoxOf(const geo::MapProjection& projection, const MercatorBox& box) {
    if (box.empty()) return std::nullopt;
    double west = 1e300, east = -1e300, south = 1e300, north = -1e300;
    for (int j = 0; j < kBoxSamples; ++j) {
        for (int i = 0; i < kBoxSamples; ++i) {
            geo::XY p{box.min_x + (box.max_x - box.min_x) * i / (kBoxSamples - 1),
                      box.min_y + (box.max_y - box.min_y) * j / (kBoxSamples - 1)};
            // Web Mercator shows the world again beyond ±180° (the next copy): those points are
            // the longitudes they show, not outside the world.
            if (projection.isWebMercator()) p.x = std::remainder(p.x, 2.0 * geo::kWebMercatorHalfWorld);
            const std::optional<geo::LonLat> at = projection.inverse(p);
            if (!at || !std::isfinite(at->lon) || !std::isfinite(at->lat)) continue;
            const double lon = std::remainder(at->lon, 360.0);
            west = std::min(west, lon);
            east = std::max(east, lon);
            south = std::min(south, at->lat);
            north = std::max(north, at->lat);
        }
    }
    if (west > east) return std::nullopt;
    LonLatBox shown{west, south, east, north};
    // Across the antimeridian the samples span nearly every longitude: take them all.
    if (east - west > 180.0) {
        shown.west = -180.0;
        shown.east = 180.0;
    }
    for (const double pole : {90.0, -90.0}) {
        if (!projection.isWebMercator() && projection.shows(0.0, pole)) {
            if (const auto xy = projection.forward(0.0, pole)) {
                if (xy->x >= box.min_x && xy->x <= box.max_x && xy->y >= box.min_y && xy->y <= box.max_y) {
                    shown.west = -180.0;
                    shown.east = 180.0;
                    (pole > 0 ? shown.north : shown.south) = pole;
                }
            }
        }
    }
    return shown;
}

double groundMetresPerPixel(const geo::MapProjection& projection, const geo::Viewport& viewport) {
    if (!projection.isWebMercator()) return viewport.metresPerPixel();
    const double lat = std::atan(std::sinh(viewport.center().y / kEarthRadiusMercator));
    return viewport.metresPerPixel() * std::cos(lat);
}

std::optional<DemWindow> demWindowFor(const geo::Dem& dem, const LonLatBox& shown, double ground_metres_per_pixel,
                                      double margin, double coarsest_useful_degrees, int max_side) {
    const double grow_lon = (shown.east - shown.west) * margin, grow_lat = (shown.north - shown.south) * margin;
    const double west = std::max(shown.west - grow_lon, dem.west()), east = std::min(shown.east + grow_lon, dem.east());
    const double south = std::max(shown.south - grow_lat, dem.south());
    const double north = std::min(shown.north + grow_lat, dem.north());
    if (!(west < east && south < north)) return std::nullopt;

    DemWindow window;
    const double cell_metres = dem.cellLatDegrees() * kMetresPerDegree;
    if (ground_metres_per_pixel > cell_metres) {
        window.level = static_cast<int>(std::floor(std::log2(ground_metres_per_pixel / cell_metres) + 1e-9));
    }
    if (coarsest_useful_degrees > 0.0 && dem.cellLatDegrees() * std::ldexp(1.0, window.level) >= coarsest_useful_degrees) {
        return std::nullopt;
    }
    const int first_col = std::max(0, static_cast<int>(std::floor((west - dem.west()) / dem.cellLonDegrees())));
    const int end_col = std::min(dem.columns(), static_cast<int>(std::ceil((east - dem.west()) / dem.cellLonDegrees())));
    const int first_row = std::max(0, static_cast<int>(std::floor((dem.north() - north) / dem.cellLatDegrees())));
    const int end_row = std::min(dem.rows(), static_cast<int>(std::ceil((dem.north() - south) / dem.cellLatDegrees())));
    if (first_col >= end_col || first_row >= end_row) return std::nullopt;
    // Coarser while the window would be too large; never coarser than the DEM's whole extent in one cell.
    const auto too_large = [&] {
        const int columns = (end_col - first_col) >> window.level, rows = (end_row - first_row) >> window.level;
        return columns > max_side || rows > max_side || double(columns) * rows > kMaxDemWindowCells;
    };
    while (window.level < 30 && too_large()) ++window.level;
    const auto align = [&](int first, int end, int size, int& out_first, int& out_size) {
        const long long step = static_cast<long long>(kAlignCells) << window.level;
        const long long a = (first / step) * step;
        const long long b = std::min<long long>(size, ((end + step - 1) / step) * step);
        out_first = static_cast<int>(a);
        out_size = static_cast<int>(b - a);
    };
    align(first_col, end_col, dem.columns(), window.column, window.width);
    align(first_row, end_row, dem.rows(), window.row, window.height);
    // A DEM smaller than one cell of the level still gives one cell.
    while (window.level > 0 && (window.outWidth() < 1 || window.outHeight() < 1)) --window.level;
    return window;
}

}  // namespace app::render
