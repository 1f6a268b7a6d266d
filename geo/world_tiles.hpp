// geo/world_tiles.hpp — the world store's tiling: its zoom bands (which GSHHG resolution, which
// rivers and borders, how much simplification, which tile size each zoom range draws from) and
// which tiles a view needs. Tiles are a lon/lat quadtree: level L cuts the world into 2^L × 2^L
// tiles of 360/2^L° × 180/2^L°, numbered from the north-west corner. Pure values and
// arithmetic: reading tiles is geo/world_store, drawing them app/render.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "geo/map_projection.hpp"
#include "geo/viewport.hpp"

namespace geo {

// What the store's "lines" table holds, by its `kind` column.
enum class WorldLineKind { River = 0, Country = 1, Admin1 = 2, Coast = 3 };

struct WorldBand {
    double min_zoom;            // the band is drawn from this zoom up to the next band's
    int tile_level;             // tiles of this quadtree level are the unit of loading and caching
    int cell_level;             // water is worked out in cells of this level (bounds polygon size)
    char gshhg_resolution;      // GSHHG: c, l, i, h, f
    double simplify_degrees;    // Douglas–Peucker tolerance for rivers and borders (0: none)
    int natural_earth_max_rank; // rivers from Natural Earth 10m up to this scalerank (when no WDBII)
    char wdbii_resolution;      // WDBII rivers' GSHHG resolution, when wdbii_max_class > 0
    int wdbii_max_class;        // WDBII river classes 1 … this (0: Natural Earth rivers instead)
    bool admin1;                // admin-1 (state, province) borders
};

// The bands, from the world view to the closest.
const std::vector<WorldBand>& worldBands();
// The band drawn at a zoom level (256 · 2^zoom pixels round the equator).
int bandForZoom(double zoom);

struct TileKey {
    int band = 0;
    int x = 0;
    int y = 0;
    int level() const;
    bool operator==(const TileKey& o) const { return band == o.band && x == o.x && y == o.y; }
    bool operator!=(const TileKey& o) const { return !(*this == o); }
    bool operator<(const TileKey& o) const {
        return band != o.band ? band < o.band : (y != o.y ? y < o.y : x < o.x);
    }
};

struct TileKeyHash {
    std::size_t operator()(const TileKey& k) const {
        return std::hash<std::uint64_t>()((std::uint64_t(k.band) << 48) ^ (std::uint64_t(k.y) << 24) ^ std::uint64_t(k.x));
    }
};

struct LonLatBox {
    double west = 0.0, south = 0.0, east = 0.0, north = 0.0;
    bool empty() const { return !(west < east && south < north); }
};

LonLatBox tileBounds(int level, int x, int y);
LonLatBox tileBounds(const TileKey& key);

// The band's tiles that a lon/lat box touches (clamped to the world), nearest the box's centre
// first, so the middle of a view loads first. A box with west > east crosses the antimeridian.
std::vector<TileKey> tilesCovering(const LonLatBox& box, int band);

// The lon/lat box a view shows in `projection` (sampled over the view; the whole world's longitudes
// when a pole is in view; west > east when it crosses the antimeridian; empty if nothing of the
// Earth is in view).
LonLatBox visibleBox(const Viewport& viewport, const MapProjection& projection);

// The tile of a coarser band that covers `key`'s centre (the fallback drawn while `key` loads).
TileKey parentTile(const TileKey& key, int band);

}  // namespace geo
