// geo/basemap.hpp — the basemap: the world relief, the vector layers with their draw styles and
// the zoom from which each is worth drawing, and the GeoNames towns (from the gazetteer) as a
// labelled reference layer, loaded from the data folder through GDAL/OGR; and the user's own DEMs
// (geo/dem.hpp: --dem, $XDG_DATA_HOME/textatlas/dem, Map → Add elevation…), which the caller adds.
// The vector layers are the world store's (data/world/world.gpkg: water, rivers, borders per zoom
// band, read tile by tile as the renderer draws them). No GL: the renderer uploads what this returns.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "geo/dem.hpp"
#include "geo/gazetteer.hpp"
#include "geo/raster.hpp"
#include "geo/vector_layer.hpp"

namespace geo {

struct LayerStyle {
    std::uint32_t line_rgba = 0x000000ffu;  // 0xRRGGBBAA
    float line_width_px = 1.0f;
    std::uint32_t fill_rgba = 0x00000000u;  // alpha 0: no fill
};

// A basemap layer drawn from the world store's tiles (geo/world_store) rather than from `layer`.
enum class WorldLayer { None, Water, Rivers, Countries, Admin1 };

struct StyledLayer {
    VectorLayer layer;
    LayerStyle style;
    bool visible = true;
    std::string id;         // stable key for saved settings: the file name
    std::string title;      // for the layers panel
    double min_zoom = 0.0;  // not worth drawing below this zoom (regional detail on a world view)
    WorldLayer world = WorldLayer::None;  // drawn from the world store's tiles (`layer` is empty)
};

// A populated place of the reference layer.
struct Town {
    std::string name;
    LonLat position;
    long long population = 0;
};

struct Basemap {
    // The world relief (ETOPO5 5′; the sea at 1 m, under the water layer), opened, not read: the
    // renderer reads the window a view needs, the elevation profile the cells it samples. May be null.
    std::shared_ptr<const Dem> world_relief;
    // The user's DEMs, coarsest first: terrain where they cover, blended into the world relief.
    std::vector<std::shared_ptr<const Dem>> dems;
    std::vector<StyledLayer> layers;  // drawn in this order (first at the bottom)
    std::vector<Town> towns;          // most populous first
    std::string world_store;          // the tiled world layers (data/world/world.gpkg)
    VectorLayer outline;              // coasts and country borders at world scale (locator maps)
    std::vector<std::string> attribution;  // one line per source, shown on the map
};

// Opens the world relief (data/world/relief_5m.tif) and loads the world store's layers in their drawing
// order (their tiles are read as they are drawn); no towns (the caller has the gazetteer:
// gazetteerTowns) and no user DEM (the caller opens those with openDems). Throws geo::Error naming the missing or damaged file (the
// world data is built by tools/build_world.sh, which tools/setup.sh runs).
Basemap loadBasemap(const std::string& data_dir);

// The points of a file with a "name" and a "population" attribute, most populous first.
// Throws geo::Error naming the file if it cannot be read or lacks those attributes.
std::vector<Town> loadTowns(const std::string& path);
// The gazetteer's populated places with a known population, most populous first.
std::vector<Town> gazetteerTowns(const Gazetteer& gazetteer);

// The outlines of a Polygons layer (or the lines of a Lines layer) without the parts inside the
// lon/lat box, as a Lines layer: segments are cut exactly at the box's edge.
VectorLayer outlinesOutside(const VectorLayer& layer, double west, double south, double east, double north);

}  // namespace geo
