#include "geo/world_store.hpp"

#include <filesystem>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/local_gdal_open.hpp"
#include "geo/ogr_geometry.hpp"

namespace geo {

namespace {

std::size_t countVertices(const VectorLayer& layer) {
    std::size_t n = 0;
    for (const VectorFeature& feature : layer.features) {
        for (const auto& part : feature.parts) n += part.size();
    }
    return n;
}

// Reads the rows of one tile of a table; `sink` gets each feature's kind, rank and geometry.
template <typename Sink>
void readRows(OGRLayerH layer, const TileKey& key, const std::string& path, Sink&& sink) {
    const std::string filter =
        "band = " + std::to_string(key.band) + " AND tx = " + std::to_string(key.x) + " AND ty = " + std::to_string(key.y);
    if (OGR_L_SetAttributeFilter(layer, filter.c_str()) != OGRERR_NONE) {
        throw Error(ErrorKind::CorruptData, path + ": is not a world store (no tile columns)");
    }
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const int kind_field = OGR_FD_GetFieldIndex(definition, "kind");
    const int rank_field = OGR_FD_GetFieldIndex(definition, "rank");
    OGR_L_ResetReading(layer);
    while (gdal::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature.get());
        if (geometry == nullptr) continue;
        sink(OGR_F_GetFieldAsInteger(feature.get(), kind_field), OGR_F_GetFieldAsInteger(feature.get(), rank_field), geometry);
    }
}

}  // namespace

std::size_t WorldTile::vertexCount() const {
    return countVertices(water) + countVertices(rivers_major) + countVertices(rivers_minor) + countVertices(countries) +
           countVertices(admin1) + countVertices(coast);
}

std::string worldStorePath(const std::string& data_dir) { return data_dir + "/world/world.gpkg"; }

struct WorldStore::Impl {
    gdal::DatasetPtr dataset;
    OGRLayerH water = nullptr;
    OGRLayerH lines = nullptr;
};

WorldStore::WorldStore(const std::string& path) : impl_(std::make_unique<Impl>()), path_(path) {
    gdal::registerDriversOnce();
    gdal::QuietErrors quiet;
    const char* drivers[] = {"GPKG", nullptr};
    std::error_code missing;
    if (std::filesystem::is_regular_file(path, missing)) {
        // The program's one policy for what GDAL may open (local files only).
        impl_->dataset = openLocalGdalFile(path, GDAL_OF_VECTOR, drivers);
    }
    if (!impl_->dataset) {
        throw Error(ErrorKind::MissingData,
                    path + ": cannot open the world basemap (tools/setup.sh builds it: tools/build_world.sh)");
    }
    impl_->water = GDALDatasetGetLayerByName(impl_->dataset.get(), "water");
    impl_->lines = GDALDatasetGetLayerByName(impl_->dataset.get(), "lines");
    if (!impl_->water || !impl_->lines) throw Error(ErrorKind::MissingData, path + ": is not a world store (no water or lines table)");
}

WorldStore::~WorldStore() = default;

WorldTile WorldStore::read(const TileKey& key, bool with_water) {
    gdal::QuietErrors quiet;
    WorldTile tile;
    tile.key = key;
    tile.water.kind = GeometryKind::Polygons;
    tile.water.name = "water";
    for (VectorLayer* layer : {&tile.rivers_major, &tile.rivers_minor, &tile.countries, &tile.admin1, &tile.coast}) {
        layer->kind = GeometryKind::Lines;
    }
    if (with_water) readRows(impl_->water, key, path_, [&](int, int, OGRGeometryH geometry) {
        VectorFeature feature;
        if (appendOgrParts(geometry, GeometryKind::Polygons, feature) && !feature.parts.empty()) {
            tile.water.features.push_back(std::move(feature));
        }
    });
    readRows(impl_->lines, key, path_, [&](int kind, int rank, OGRGeometryH geometry) {
        VectorLayer* target = nullptr;
        switch (static_cast<WorldLineKind>(kind)) {
            case WorldLineKind::River: target = rank == 0 ? &tile.rivers_major : &tile.rivers_minor; break;
            case WorldLineKind::Country: target = &tile.countries; break;
            case WorldLineKind::Admin1: target = &tile.admin1; break;
            case WorldLineKind::Coast: target = &tile.coast; break;
        }
        if (target == nullptr) return;
        VectorFeature feature;
        if (appendOgrParts(geometry, GeometryKind::Lines, feature) && !feature.parts.empty()) {
            target->features.push_back(std::move(feature));
        }
    });
    return tile;
}

}  // namespace geo
