#include "geo/world_tiles.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace geo {

const std::vector<WorldBand>& worldBands() {
    // GSHHG's own generalised resolutions (low 5 km, intermediate 1 km, high 200 m, full) do the
    // shorelines' simplification; lines are simplified here. Zooms: a pixel is about 600 m at
    // zoom 8 and 150 m at 10 on the equator.
    static const std::vector<WorldBand> bands = {
        {0.0, 1, 5, 'l', 0.05, 4, 'l', 0, false},
        {4.0, 3, 6, 'i', 0.01, 9, 'i', 0, true},
        {7.0, 5, 8, 'h', 0.002, 0, 'h', 3, true},
        {9.0, 7, 9, 'f', 0.0, 0, 'f', 4, true},
    };
    return bands;
}

int bandForZoom(double zoom) {
    const std::vector<WorldBand>& bands = worldBands();
    int band = 0;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (zoom >= bands[i].min_zoom) band = static_cast<int>(i);
    }
    return band;
}

int TileKey::level() const { return worldBands().at(static_cast<std::size_t>(band)).tile_level; }

LonLatBox tileBounds(int level, int x, int y) {
    const double n = std::ldexp(1.0, level);
    const double w = 360.0 / n, h = 180.0 / n;
    return LonLatBox{-180.0 + x * w, 90.0 - (y + 1) * h, -180.0 + (x + 1) * w, 90.0 - y * h};
}

LonLatBox tileBounds(const TileKey& key) { return tileBounds(key.level(), key.x, key.y); }

std::vector<TileKey> tilesCovering(const LonLatBox& box, int band) {
    std::vector<TileKey> keys;
    if (!(box.south < box.north)) return keys;
    const int level = worldBands().at(static_cast<std::size_t>(band)).tile_level;
    const int n = 1 << level;
    const double w = 360.0 / n, h = 180.0 / n;
    const auto column = [&](double lon) { return std::clamp(static_cast<int>(std::floor((lon + 180.0) / w)), 0, n - 1); };
    const auto row = [&](double lat) { return std::clamp(static_cast<int>(std::floor((90.0 - lat) / h)), 0, n - 1); };
    const int y0 = row(std::min(box.north, 90.0)), y1 = row(std::max(box.south, -90.0));
    std::vector<std::pair<int, int>> columns;  // inclusive ranges
    const double west = std::max(box.west, -180.0), east = std::min(box.east, 180.0);
    if (box.west > box.east) {
        columns.push_back({column(box.west), n - 1});
        columns.push_back({0, column(box.east)});
    } else if (west < east) {
        columns.push_back({column(west), column(east)});
    }
    for (const auto& [x0, x1] : columns) {
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) keys.push_back(TileKey{band, x, y});
        }
    }
    // Nearest the middle first.
    const double cx = box.west > box.east ? box.west + 0.5 * (box.east + 360.0 - box.west) : 0.5 * (box.west + box.east);
    const double cy = 0.5 * (box.south + box.north);
    const auto distance = [&](const TileKey& k) {
        const LonLatBox t = tileBounds(level, k.x, k.y);
        double dx = std::abs(0.5 * (t.west + t.east) - cx);
        dx = std::min(dx, 360.0 - dx);
        return dx * dx + std::pow(0.5 * (t.south + t.north) - cy, 2);
    };
    std::stable_sort(keys.begin(), keys.end(), [&](const TileKey& a, const TileKey& b) { return distance(a) < distance(b); });
    return keys;
}

LonLatBox visibleBox(const Viewport& viewport, const MapProjection& projection) {
    constexpr int kSteps = 16;
    const double half_world = kWebMercatorHalfWorld;
    std::vector<double> lons, lats;
    for (int j = 0; j <= kSteps; ++j) {
        for (int i = 0; i <= kSteps; ++i) {
            XY p = viewport.toMercator(XY{viewport.width() * double(i) / kSteps, viewport.height() * double(j) / kSteps});
            if (projection.isWebMercator()) {
                // The world repeats sideways and is cut at ±85.05° north and south.
                p.x = std::fmod(std::fmod(p.x + half_world, 2 * half_world) + 2 * half_world, 2 * half_world) - half_world;
                p.y = std::clamp(p.y, -half_world, half_world);
            }
            const std::optional<LonLat> ll = projection.inverse(p);
            if (!ll) continue;
            lons.push_back(ll->lon);
            lats.push_back(ll->lat);
        }
    }
    if (lons.empty()) return LonLatBox{};
    LonLatBox box;
    box.south = *std::min_element(lats.begin(), lats.end());
    box.north = *std::max_element(lats.begin(), lats.end());
    const double span_x = viewport.width() * viewport.metresPerPixel();
    bool whole = projection.isWebMercator() && span_x >= 2 * half_world;
    // A pole in view: every longitude meets there.
    for (double pole : {90.0, -90.0}) {
        if (projection.isWebMercator()) break;
        if (const auto xy = projection.forward(0.0, pole)) {
            const XY px = viewport.toPixel(*xy);
            if (px.x >= 0 && px.y >= 0 && px.x <= viewport.width() && px.y <= viewport.height()) {
                whole = true;
                (pole > 0 ? box.north : box.south) = pole;
            }
        }
    }
    if (whole) {
        box.west = -180.0;
        box.east = 180.0;
        return box;
    }
    // Longitudes relative to the view's middle, so a view across the antimeridian stays one range.
    const double centre = lons[lons.size() / 2];
    double lo = 0.0, hi = 0.0;
    for (double lon : lons) {
        double d = std::fmod(lon - centre + 540.0, 360.0) - 180.0;
        lo = std::min(lo, d);
        hi = std::max(hi, d);
    }
    const double margin = 0.02 * (hi - lo) + 1e-6;
    lo -= margin;
    hi += margin;
    if (hi - lo >= 360.0) {
        box.west = -180.0;
        box.east = 180.0;
        return box;
    }
    box.west = centre + lo;
    box.east = centre + hi;
    if (box.west < -180.0) box.west += 360.0;
    if (box.east > 180.0) box.east -= 360.0;
    const double lat_margin = 0.02 * (box.north - box.south);
    box.south = std::max(-90.0, box.south - lat_margin);
    box.north = std::min(90.0, box.north + lat_margin);
    return box;
}

TileKey parentTile(const TileKey& key, int band) {
    if (band >= key.band) return key;
    const int shift = key.level() - worldBands().at(static_cast<std::size_t>(band)).tile_level;
    return TileKey{band, key.x >> shift, key.y >> shift};
}

}  // namespace geo
