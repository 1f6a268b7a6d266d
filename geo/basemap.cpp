#include "geo/basemap.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <limits>
#include <mutex>

#include "geo/error.hpp"
#include "geo/gazetteer.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/world_store.hpp"

namespace geo {

namespace {

constexpr const char* kWorldDemFile = "world/relief_5m.tif";

// Colours are 0xRRGGBBAA; alpha 0 means "not drawn".
constexpr std::uint32_t kNoColour = 0x00000000u;
constexpr std::uint32_t kLandFill = 0xEEE8D8FFu;       // pale beige, seen where the relief is not drawn
constexpr std::uint32_t kWaterFill = 0xAAD3DFFFu;      // sea and lakes: the frame's sea colour
constexpr std::uint32_t kRiverLine = 0x5B93C8FFu;      // rivers
constexpr std::uint32_t kProvinceLine = 0x8A7F96B0u;   // admin-1: grey-purple, translucent
constexpr std::uint32_t kCountryLine = 0x4B3B5EFFu;    // dark grey-purple

struct BasemapLayerSpec {
    const char* id;
    WorldLayer world;
    LayerStyle style;
    const char* title;
    double min_zoom;
};

// The basemap's layers in drawing order (first at the bottom): the one place to change it. The
// relief is drawn right above the bottom layer (land); rivers and state and province lines come
// before the water, which cuts the coasts and lakes and so hides where those lines run out to
// Natural Earth's coarser coast, across a lake or along a reservoir (a lake's outline shows it);
// state lines lie over rivers, and countries' borders over everything, lakes included.
constexpr std::array<BasemapLayerSpec, 5> kBasemapLayers = {{
    {"land", WorldLayer::None, {kNoColour, 0.0f, kLandFill}, "Land", 0.0},
    {"rivers", WorldLayer::Rivers, {kRiverLine, 1.3f, kNoColour}, "Rivers", 2.0},
    {"admin1", WorldLayer::Admin1, {kProvinceLine, 0.9f, kNoColour}, "States and provinces", 5.0},
    {"water", WorldLayer::Water, {kNoColour, 0.0f, kWaterFill}, "Sea and lakes (GSHHG)", 0.0},
    {"countries", WorldLayer::Countries, {kCountryLine, 1.5f, kNoColour}, "Countries", 0.0},
}};

// The land under everything: the whole world as one polygon (Web Mercator's square world).
VectorLayer worldLand() {
    VectorLayer land;
    land.name = "land";
    land.kind = GeometryKind::Polygons;
    VectorFeature feature;
    std::vector<LonLat> ring;
    constexpr double kMaxLat = 85.0511;
    for (double lon = -180.0; lon <= 180.0; lon += 10.0) ring.emplace_back(lon, -kMaxLat);
    for (double lon = 180.0; lon >= -180.0; lon -= 10.0) ring.emplace_back(lon, kMaxLat);
    ring.push_back(ring.front());
    feature.parts.push_back(std::move(ring));
    feature.ring_is_hole.push_back(false);
    land.features.push_back(std::move(feature));
    return land;
}

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

constexpr std::array<const char*, 4> kAttribution = {
    "Coasts, lakes, rivers: GSHHG/WDBII (LGPL-3+)",
    "Borders, rivers: Natural Earth",
    "Places: GeoNames, geonames.org (CC BY 4.0)",
    "World relief: ETOPO5 (NOAA NGDC), public domain",
};

}  // namespace

Basemap loadBasemap(const std::string& data_dir) {
    Basemap basemap;
    basemap.world_store = worldStorePath(data_dir);
    {
        // The world tile's coasts and borders, for locator maps (and a check that the store opens).
        WorldStore store(basemap.world_store);
        basemap.outline.name = "outline";
        basemap.outline.kind = GeometryKind::Lines;
        for (const TileKey& key : tilesCovering(LonLatBox{-180.0, -90.0, 180.0, 90.0}, 0)) {
            WorldTile world = store.read(key, false);
            for (VectorLayer* layer : {&world.coast, &world.countries}) {
                for (VectorFeature& feature : layer->features) basemap.outline.features.push_back(std::move(feature));
            }
        }
    }
    basemap.world_relief = openDems(data_dir + "/" + kWorldDemFile).front();
    basemap.layers.reserve(kBasemapLayers.size());
    for (const BasemapLayerSpec& spec : kBasemapLayers) {
        StyledLayer layer;
        if (spec.world == WorldLayer::None) {
            layer.layer = worldLand();
        } else {
            layer.layer.name = spec.id;
            layer.layer.kind = spec.world == WorldLayer::Water ? GeometryKind::Polygons : GeometryKind::Lines;
        }
        layer.style = spec.style;
        layer.id = spec.id;
        layer.title = spec.title;
        layer.min_zoom = spec.min_zoom;
        layer.world = spec.world;
        basemap.layers.push_back(std::move(layer));
    }
    basemap.attribution.assign(kAttribution.begin(), kAttribution.end());
    return basemap;
}

std::vector<Town> gazetteerTowns(const Gazetteer& gazetteer) {
    std::vector<Town> towns;
    for (const Place& place : gazetteer.places()) {
        if (place.kind != PlaceKind::City || place.population <= 0) continue;
        towns.push_back(Town{place.name, place.position, place.population});
    }
    std::stable_sort(towns.begin(), towns.end(), [](const Town& a, const Town& b) { return a.population > b.population; });
    return towns;
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
