#include "geo/place_shapes.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <mutex>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/local_gdal_open.hpp"

namespace geo {

struct PlaceShapes::Impl {
    std::string path;
    std::mutex mutex;           // one GDAL dataset, one reader at a time
    gdal::DatasetPtr dataset;   // opened on the first find()
    OGRLayerH layer = nullptr;
};

namespace {

std::vector<LonLat> pointsOf(OGRGeometryH line) {
    std::vector<LonLat> out;
    const int n = OGR_G_GetPointCount(line);
    out.reserve(static_cast<std::size_t>(std::max(0, n)));
    // (Clamped: sources store the antimeridian and the poles a hair beyond ±180° and ±90°.)
    for (int i = 0; i < n; ++i) {
        out.emplace_back(std::clamp(OGR_G_GetX(line, i), -180.0, 180.0), std::clamp(OGR_G_GetY(line, i), -90.0, 90.0));
    }
    return out;
}

// Adds a geometry (polygon, line, or a collection of them) to the shape.
void collect(OGRGeometryH g, PlaceShape& shape) {
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbPolygon) {
        std::vector<std::vector<LonLat>> rings;
        for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) rings.push_back(pointsOf(OGR_G_GetGeometryRef(g, r)));
        shape.polygons.push_back(std::move(rings));
    } else if (type == wkbLineString) {
        shape.lines.push_back(pointsOf(g));
    } else if (type == wkbMultiPolygon || type == wkbMultiLineString || type == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) collect(OGR_G_GetGeometryRef(g, i), shape);
    }
}

}  // namespace

PlaceShapes::PlaceShapes(std::string data_dir) : impl_(std::make_unique<Impl>()) { impl_->path = pathIn(data_dir); }
PlaceShapes::~PlaceShapes() = default;
PlaceShapes::PlaceShapes(PlaceShapes&&) noexcept = default;
PlaceShapes& PlaceShapes::operator=(PlaceShapes&&) noexcept = default;

std::string PlaceShapes::pathIn(const std::string& data_dir) { return data_dir + "/gazetteer/place_shapes.gpkg"; }

bool PlaceShapes::available() const {
    std::error_code ec;
    return std::filesystem::is_regular_file(impl_->path, ec);
}

std::optional<PlaceShape> PlaceShapes::find(const std::string& place_id) const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (!impl_->dataset) {
        if (!available()) return std::nullopt;
        gdal::registerDriversOnce();
        gdal::QuietErrors quiet;
        const char* const drivers[] = {"GPKG", nullptr};
        impl_->dataset = openLocalGdalFile(impl_->path, GDAL_OF_VECTOR, drivers);
        if (!impl_->dataset) {
            throw Error(ErrorKind::CorruptData, impl_->path + ": cannot be read as a GeoPackage" + gdal::lastErrorSuffix(impl_->path));
        }
        impl_->layer = GDALDatasetGetLayerByName(impl_->dataset.get(), "place_shapes");
        if (impl_->layer == nullptr) {
            impl_->dataset.reset();
            throw Error(ErrorKind::CorruptData, impl_->path + ": no place_shapes table");
        }
    }
    // Ids are gazetteer ids (letters, digits, ':', '.', '-', '_'); anything else cannot be one.
    const bool plain = std::all_of(place_id.begin(), place_id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '.' ||
               c == '-' || c == '_';
    });
    if (!plain || place_id.empty()) return std::nullopt;
    gdal::QuietErrors quiet;
    const std::string filter = "place_id = '" + place_id + "'";
    if (OGR_L_SetAttributeFilter(impl_->layer, filter.c_str()) != OGRERR_NONE) {
        throw Error(ErrorKind::CorruptData, impl_->path + ": place_shapes cannot be queried" + gdal::lastErrorSuffix(impl_->path));
    }
    OGR_L_ResetReading(impl_->layer);
    gdal::FeaturePtr feature(OGR_L_GetNextFeature(impl_->layer));
    OGR_L_SetAttributeFilter(impl_->layer, nullptr);
    if (!feature) return std::nullopt;
    OGRGeometryH geometry = OGR_F_GetGeometryRef(feature.get());
    if (geometry == nullptr) return std::nullopt;
    PlaceShape shape;
    const int kind_field = OGR_F_GetFieldIndex(feature.get(), "kind");
    const std::string kind = kind_field >= 0 ? OGR_F_GetFieldAsString(feature.get(), kind_field) : "";
    shape.kind = kind == "line" ? PlaceShape::Kind::Line : PlaceShape::Kind::Area;
    collect(geometry, shape);
    double west = std::numeric_limits<double>::infinity(), east = -west, south = west, north = -west;
    const auto extend = [&](const std::vector<LonLat>& points) {
        for (const LonLat& p : points) {
            west = std::min(west, p.lon);
            east = std::max(east, p.lon);
            south = std::min(south, p.lat);
            north = std::max(north, p.lat);
        }
    };
    for (const auto& polygon : shape.polygons) {
        for (const auto& ring : polygon) extend(ring);
    }
    for (const auto& line : shape.lines) extend(line);
    if (west > east) return std::nullopt;  // no points at all
    shape.west = west;
    shape.east = east;
    shape.south = south;
    shape.north = north;
    return shape;
}

}  // namespace geo
