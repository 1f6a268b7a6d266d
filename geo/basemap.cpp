#include "geo/basemap.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <limits>
#include <mutex>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"

namespace geo {

namespace {

constexpr const char* kWorldDemFile = "dem/world_relief_etopo5_10arcmin.tif";
constexpr const char* kTownsFile = "basemap/region_places_geonames.geojson";

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
    const char* title;
    double min_zoom;
};

// The basemap's vector layers in drawing order (first at the bottom): the one place to change it.
// Regional detail starts at zoom 4 (a country fills the view), minor rivers at 6.
constexpr std::array<BasemapLayerSpec, 7> kBasemapLayers = {{
    {"world_land_110m.geojson", "", {kNoColour, 0.0f, kLandFill}, "Land", 0.0},
    {"region_lakes_gshhg_high.geojson", "", {kNoColour, 0.0f, kWaterFill}, "Lakes", 4.0},
    {"afghanistan_provinces_adm1.geojson", "", {kProvinceLine, 0.8f, kNoColour}, "Provinces of Afghanistan", 4.0},
    // WDBII classes 5 and above are minor, intermittent rivers and canals: too busy at this scale.
    {"region_rivers_wdbii_high.geojson", "level <= 4", {kRiverLine, 1.0f, kNoColour}, "Rivers (detailed)", 6.0},
    {"region_rivers_ne10m.geojson", "", {kRiverLine, 1.6f, kNoColour}, "Rivers (major)", 4.0},
    // The world borders are cut away inside the regional layer's extent (see loadBasemap).
    {"world_countries_110m.geojson", "", {kCountryLine, 1.5f, kNoColour}, "Countries (world)", 0.0},
    {"region_countries_10m.geojson", "", {kCountryLine, 1.5f, kNoColour}, "Countries (region, detailed)", 0.0},
}};
constexpr std::size_t kWorldBordersLayer = 5;
constexpr std::size_t kRegionBordersLayer = 6;

// Liang–Barsky: the parameter interval [t0, t1] of segment a→b inside the box, if any.
bool segmentInsideInterval(const LonLat& a, const LonLat& b, double west, double south, double east, double north,
                           double& t0, double& t1) {
    t0 = 0.0;
    t1 = 1.0;
    const double dx = b.lon - a.lon, dy = b.lat - a.lat;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.lon - west, east - a.lon, a.lat - south, north - a.lat};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

LonLat lerp(const LonLat& a, const LonLat& b, double t) {
    return LonLat(a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t);
}

// Sea-floor cells are dropped: the sea is drawn in its own colour, not tinted as lowland.
void dropSeaFloor(Raster& dem) {
    for (float& z : dem.values) {
        if (!(z > 0.0f)) z = std::numeric_limits<float>::quiet_NaN();
    }
}

constexpr std::array<const char*, 5> kAttribution = {
    "Borders, land, rivers: Natural Earth",
    "Rivers, lakes: GSHHG/WDBII (LGPL-3+)",
    "Provinces: geoBoundaries",
    "Places: GeoNames, geonames.org (CC BY 4.0)",
    "World relief: ETOPO5 (NOAA NGDC), public domain",
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
    auto towns = std::async(std::launch::async, [path = data_dir + "/" + kTownsFile] { return loadTowns(path); });
    Basemap basemap;
    basemap.world_dem = loadRaster(data_dir + "/" + kWorldDemFile);
    dropSeaFloor(basemap.world_dem);
    basemap.layers.reserve(kBasemapLayers.size());
    for (std::size_t i = 0; i < kBasemapLayers.size(); ++i) {
        // get() rethrows a loader's geo::Error (naming its file) here, on the caller's thread.
        const BasemapLayerSpec& spec = kBasemapLayers[i];
        basemap.layers.push_back(StyledLayer{pending[i].get(), spec.style, true, spec.file, spec.title, spec.min_zoom});
    }
    // Where the detailed borders exist, the coarse ones would draw a second, different line.
    double west = 1e300, south = 1e300, east = -1e300, north = -1e300;
    for (const VectorFeature& feature : basemap.layers[kRegionBordersLayer].layer.features) {
        for (const auto& part : feature.parts) {
            for (const LonLat& p : part) {
                west = std::min(west, p.lon);
                east = std::max(east, p.lon);
                south = std::min(south, p.lat);
                north = std::max(north, p.lat);
            }
        }
    }
    if (west < east) {
        VectorLayer& world = basemap.layers[kWorldBordersLayer].layer;
        world = outlinesOutside(world, west, south, east, north);
    }
    basemap.towns = towns.get();
    basemap.attribution.assign(kAttribution.begin(), kAttribution.end());
    return basemap;
}

std::vector<Town> loadTowns(const std::string& path) {
    gdal::registerDriversOnce();
    gdal::QuietErrors quiet;
    gdal::DatasetPtr dataset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) throw Error(ErrorKind::MissingData, path + ": cannot open as a vector file" + gdal::lastErrorSuffix(path));
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    if (layer == nullptr) throw Error(ErrorKind::InvalidInput, path + ": has no layer");
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const int name_field = OGR_FD_GetFieldIndex(definition, "name");
    const int population_field = OGR_FD_GetFieldIndex(definition, "population");
    if (name_field < 0 || population_field < 0) {
        throw Error(ErrorKind::InvalidInput, path + ": towns need \"name\" and \"population\" attributes");
    }
    std::vector<Town> towns;
    OGR_L_ResetReading(layer);
    while (gdal::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature.get());
        if (geometry == nullptr || wkbFlatten(OGR_G_GetGeometryType(geometry)) != wkbPoint) continue;
        const double lon = OGR_G_GetX(geometry, 0), lat = OGR_G_GetY(geometry, 0);
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180.0 || std::abs(lat) > 90.0) continue;
        Town town;
        town.name = OGR_F_GetFieldAsString(feature.get(), name_field);
        town.position = LonLat(lon, lat);
        town.population = OGR_F_GetFieldAsInteger64(feature.get(), population_field);
        if (!town.name.empty()) towns.push_back(std::move(town));
    }
    std::stable_sort(towns.begin(), towns.end(), [](const Town& a, const Town& b) { return a.population > b.population; });
    return towns;
}

VectorLayer outlinesOutside(const VectorLayer& layer, double west, double south, double east, double north) {
    VectorLayer result;
    result.name = layer.name;
    result.kind = GeometryKind::Lines;
    if (layer.kind == GeometryKind::Points) return result;
    for (const VectorFeature& feature : layer.features) {
        VectorFeature out;
        out.name = feature.name;
        for (const auto& raw : feature.parts) {
            std::vector<LonLat> path(raw);
            // A ring is a closed path: make its closing segment explicit.
            if (layer.kind == GeometryKind::Polygons && path.size() >= 2 &&
                (path.front().lon != path.back().lon || path.front().lat != path.back().lat)) {
                path.push_back(path.front());
            }
            std::vector<LonLat> run;
            auto flush = [&] {
                if (run.size() >= 2) out.parts.push_back(run);
                run.clear();
            };
            for (std::size_t i = 0; i + 1 < path.size(); ++i) {
                const LonLat& a = path[i];
                const LonLat& b = path[i + 1];
                double t0 = 0.0, t1 = 1.0;
                if (!segmentInsideInterval(a, b, west, south, east, north, t0, t1) || t0 >= t1) {
                    if (run.empty()) run.push_back(a);
                    run.push_back(b);
                    continue;
                }
                // The part before the box, then a break, then the part after it.
                if (t0 > 0.0) {
                    if (run.empty()) run.push_back(a);
                    run.push_back(lerp(a, b, t0));
                }
                flush();
                if (t1 < 1.0) {
                    run.push_back(lerp(a, b, t1));
                    run.push_back(b);
                }
            }
            flush();
        }
        if (!out.parts.empty()) result.features.push_back(std::move(out));
    }
    return result;
}

}  // namespace geo
