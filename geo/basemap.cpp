#include "geo/basemap.hpp"

#include <array>
#include <future>

#include "geo/error.hpp"

namespace geo {

namespace {

constexpr const char* kDemFile = "dem/afghanistan_dem_dted0_30arcsec.tif";

// Colours are 0xRRGGBBAA; alpha 0 means "not drawn".
constexpr std::uint32_t kNoColour = 0x00000000u;
constexpr std::uint32_t kLandFill = 0xEEE8D8FFu;       // pale beige, seen where the DEM has no data
constexpr std::uint32_t kWaterFill = 0x9DC3E6FFu;      // lakes
constexpr std::uint32_t kRiverLine = 0x4A80C0FFu;      // rivers, both sources
constexpr std::uint32_t kProvinceLine = 0x8A8A8ACCu;   // light grey, slightly transparent
constexpr std::uint32_t kCountryLine = 0x4B3B5EFFu;    // dark grey-purple

struct BasemapLayerSpec {
    const char* file;              // under data_dir/basemap/
    const char* attribute_filter;  // OGR SQL WHERE clause, "" for all features
    LayerStyle style;
};

// The basemap's vector layers in drawing order (first at the bottom): the one place to change it.
constexpr std::array<BasemapLayerSpec, 7> kBasemapLayers = {{
    {"world_land_110m.geojson", "", {kNoColour, 0.0f, kLandFill}},
    {"region_lakes_gshhg_high.geojson", "", {kNoColour, 0.0f, kWaterFill}},
    {"afghanistan_provinces_adm1.geojson", "", {kProvinceLine, 0.8f, kNoColour}},
    // WDBII classes 5 and above are minor, intermittent rivers and canals: too busy at this scale.
    {"region_rivers_wdbii_high.geojson", "level <= 4", {kRiverLine, 1.0f, kNoColour}},
    {"region_rivers_ne10m.geojson", "", {kRiverLine, 1.6f, kNoColour}},
    // The 10 m borders are drawn over the coarse world ones, so they win inside the region.
    {"world_countries_110m.geojson", "", {kCountryLine, 1.5f, kNoColour}},
    {"region_countries_10m.geojson", "", {kCountryLine, 1.5f, kNoColour}},
}};

constexpr std::array<const char*, 5> kAttribution = {
    "Elevation: DTED Level 0 (NIMA/NGA), public domain",
    "Borders, land, rivers: Natural Earth",
    "Rivers, lakes: GSHHG/WDBII (LGPL-3+)",
    "Provinces: geoBoundaries",
    "Places: GeoNames, geonames.org (CC BY 4.0)",
};

}  // namespace

Basemap loadBasemap(const std::string& data_dir) {
    const std::string basemap_dir = data_dir + "/basemap/";
    // The files are independent and GDAL can read different datasets on different threads, so
    // read them concurrently; the viewer waits for this at start.
    std::vector<std::future<VectorLayer>> pending;
    pending.reserve(kBasemapLayers.size());
    for (const BasemapLayerSpec& spec : kBasemapLayers) {
        pending.push_back(std::async(std::launch::async, [path = basemap_dir + spec.file, filter = std::string(spec.attribute_filter)] {
            return loadVectorLayerWhere(path, filter);
        }));
    }
    Basemap basemap;
    basemap.dem = loadRaster(data_dir + "/" + kDemFile);
    basemap.layers.reserve(kBasemapLayers.size());
    for (std::size_t i = 0; i < kBasemapLayers.size(); ++i) {
        // get() rethrows a loader's geo::Error (naming its file) here, on the caller's thread.
        basemap.layers.push_back(StyledLayer{pending[i].get(), kBasemapLayers[i].style, true});
    }
    basemap.attribution.assign(kAttribution.begin(), kAttribution.end());
    return basemap;
}

}  // namespace geo
