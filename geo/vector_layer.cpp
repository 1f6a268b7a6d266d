#include "geo/vector_layer.hpp"
#include "geo/ogr_geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <optional>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/local_gdal_open.hpp"

namespace geo {

namespace {

std::optional<GeometryKind> kindOf(OGRwkbGeometryType type) {
    switch (OGR_GT_Flatten(type)) {
        case wkbPoint:
        case wkbMultiPoint:
            return GeometryKind::Points;
        case wkbLineString:
        case wkbMultiLineString:
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbMultiCurve:
            return GeometryKind::Lines;
        case wkbPolygon:
        case wkbMultiPolygon:
        case wkbCurvePolygon:
        case wkbMultiSurface:
        case wkbTriangle:
        case wkbPolyhedralSurface:
        case wkbTIN:
            return GeometryKind::Polygons;
        default:
            return std::nullopt;  // unknown, geometry collection, or none
    }
}

bool validLonLat(double lon, double lat) {
    return std::isfinite(lon) && std::isfinite(lat) && lon >= -180.0 && lon <= 180.0 && lat >= -90.0 &&
           lat <= 90.0;
}

// Reads the vertices of a simple curve (line string or linear ring). False if any is invalid.
bool readVertices(OGRGeometryH curve, std::vector<LonLat>& out) {
    const int count = OGR_G_GetPointCount(curve);
    std::vector<double> xs(static_cast<std::size_t>(count));
    std::vector<double> ys(static_cast<std::size_t>(count));
    if (count > 0) OGR_G_GetPoints(curve, xs.data(), sizeof(double), ys.data(), sizeof(double), nullptr, 0);
    out.clear();
    out.reserve(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!validLonLat(xs[i], ys[i])) return false;
        out.emplace_back(xs[i], ys[i]);
    }
    return true;
}


// The first basic kind met in a geometry (a collection may hold anything).
std::optional<GeometryKind> firstKindIn(OGRGeometryH geometry) {
    const OGRwkbGeometryType type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry));
    if (auto kind = kindOf(type)) return kind;
    const int members = OGR_G_GetGeometryCount(geometry);
    for (int i = 0; i < members; ++i) {
        if (auto kind = firstKindIn(OGR_G_GetGeometryRef(geometry, i))) return kind;
    }
    return std::nullopt;
}

constexpr std::array<const char*, 4> kNameFields = {"name", "NAME", "shapeName", "name_en"};

std::string featureName(OGRFeatureH feature, const std::vector<int>& name_fields) {
    for (int index : name_fields) {
        if (OGR_F_IsFieldSetAndNotNull(feature, index)) {
            const char* value = OGR_F_GetFieldAsString(feature, index);
            if (value != nullptr && *value != '\0') return value;
        }
    }
    return {};
}

}  // namespace

// Appends the parts of a (possibly multi-part or collection) geometry of `kind` to `feature`.
// Returns false if the geometry has invalid coordinates or parts of a different kind.
bool appendOgrParts(OGRGeometryH geometry, GeometryKind kind, VectorFeature& feature) {
    const OGRwkbGeometryType type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry));
    if (OGR_GT_IsNonLinear(type)) {
        // Arcs and curved rings become line strings and polygons with OGR's default step.
        gdal::GeometryPtr linear(OGR_G_GetLinearGeometry(geometry, 0.0, nullptr));
        return linear && appendOgrParts(linear.get(), kind, feature);
    }
    if (OGR_G_IsEmpty(geometry)) return true;
    if (type == wkbPoint || type == wkbLineString) {
        if (kindOf(type) != kind) return false;
        std::vector<LonLat> vertices;
        if (!readVertices(geometry, vertices)) return false;
        feature.parts.push_back(std::move(vertices));
        feature.ring_is_hole.push_back(false);
        return true;
    }
    if (type == wkbPolygon || type == wkbTriangle) {
        if (kind != GeometryKind::Polygons) return false;
        const int rings = OGR_G_GetGeometryCount(geometry);
        for (int i = 0; i < rings; ++i) {
            std::vector<LonLat> vertices;
            if (!readVertices(OGR_G_GetGeometryRef(geometry, i), vertices)) return false;
            feature.parts.push_back(std::move(vertices));
            feature.ring_is_hole.push_back(i > 0);
        }
        return true;
    }
    // Multi* geometries, collections, polyhedral surfaces and TINs: flatten their members.
    const int members = OGR_G_GetGeometryCount(geometry);
    for (int i = 0; i < members; ++i) {
        if (!appendOgrParts(OGR_G_GetGeometryRef(geometry, i), kind, feature)) return false;
    }
    return true;
}

namespace {

// Splits a geometry's parts by their kind into by_kind[kind]: a collection may hold several kinds.
// False if a part has invalid coordinates.
bool appendPartsByKind(OGRGeometryH geometry, std::array<VectorFeature, 3>& by_kind) {
    const OGRwkbGeometryType type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry));
    if (const auto kind = kindOf(type)) return appendOgrParts(geometry, *kind, by_kind[std::size_t(*kind)]);
    const int members = OGR_G_GetGeometryCount(geometry);
    for (int i = 0; i < members; ++i) {
        if (!appendPartsByKind(OGR_G_GetGeometryRef(geometry, i), by_kind)) return false;
    }
    return true;
}

// The first layer of the file: as one layer of its kind, or with `by_kind` one layer per kind
// (indexed by GeometryKind).
std::vector<VectorLayer> readLayer(const std::string& path, const std::string& attribute_filter, int* skipped,
                                   bool by_kind) {
    if (skipped != nullptr) *skipped = 0;
    gdal::QuietErrors quiet;
    gdal::DatasetPtr dataset = openLocalGdalFile(path, GDAL_OF_VECTOR);
    if (!dataset) {
        throw Error(ErrorKind::CorruptData, path + ": not a vector file GDAL/OGR can read" + gdal::lastErrorSuffix(path));
    }
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    if (layer == nullptr) throw Error(ErrorKind::CorruptData, path + ": file has no vector layer");
    if (!attribute_filter.empty() && OGR_L_SetAttributeFilter(layer, attribute_filter.c_str()) != OGRERR_NONE) {
        throw Error(ErrorKind::InvalidInput,
                    path + ": invalid attribute filter \"" + attribute_filter + "\"" + gdal::lastErrorSuffix(path));
    }

    gdal::CoordinateTransformationPtr to_wgs84;
    if (OGRSpatialReferenceH source = OGR_L_GetSpatialRef(layer)) {
        gdal::SpatialReferencePtr wgs84(OSRNewSpatialReference(nullptr));
        if (!wgs84 || OSRImportFromEPSG(wgs84.get(), 4326) != OGRERR_NONE) {
            throw Error(ErrorKind::Projection, path + ": cannot set up EPSG:4326" + gdal::lastErrorSuffix(path));
        }
        // Lon/lat order, whatever EPSG says about the axes.
        OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
        const char* same_except_axes[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
        const bool already_lonlat = OSRIsSameEx(source, wgs84.get(), same_except_axes) &&
                                    OSRGetAxisMappingStrategy(source) == OAMS_TRADITIONAL_GIS_ORDER;
        if (!already_lonlat) {
            to_wgs84.reset(OCTNewCoordinateTransformation(source, wgs84.get()));
            if (!to_wgs84) {
                throw Error(ErrorKind::Projection,
                            path + ": cannot transform the layer's CRS to WGS 84" + gdal::lastErrorSuffix(path));
            }
        }
    }

    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    std::vector<int> name_fields;
    for (const char* field : kNameFields) {
        const int index = OGR_FD_GetFieldIndex(definition, field);
        if (index >= 0 && std::find(name_fields.begin(), name_fields.end(), index) == name_fields.end()) {
            name_fields.push_back(index);
        }
    }

    VectorLayer result;
    result.name = OGR_L_GetName(layer);
    std::optional<GeometryKind> layer_kind = kindOf(OGR_L_GetGeomType(layer));
    std::array<VectorLayer, 3> kinds;
    for (const GeometryKind kind : {GeometryKind::Lines, GeometryKind::Polygons, GeometryKind::Points}) {
        kinds[std::size_t(kind)].name = result.name;
        kinds[std::size_t(kind)].kind = kind;
    }
    int skipped_features = 0;
    OGR_L_ResetReading(layer);
    for (;;) {
        CPLErrorReset();
        gdal::FeaturePtr feature(OGR_L_GetNextFeature(layer));
        if (!feature) {
            // The end of the layer and a read error both give no feature; only the error sets this.
            if (CPLGetLastErrorType() >= CE_Failure) {
                throw Error(ErrorKind::CorruptData, path + ": cannot read features" + gdal::lastErrorSuffix(path));
            }
            break;
        }
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature.get());
        if (geometry == nullptr || OGR_G_IsEmpty(geometry)) {
            ++skipped_features;
            continue;
        }
        if (to_wgs84 && OGR_G_Transform(geometry, to_wgs84.get()) != OGRERR_NONE) {
            ++skipped_features;
            continue;
        }
        if (by_kind) {
            std::array<VectorFeature, 3> parts;
            bool any = false;
            if (appendPartsByKind(geometry, parts)) {
                for (std::size_t k = 0; k < parts.size(); ++k) {
                    if (parts[k].parts.empty()) continue;
                    parts[k].name = featureName(feature.get(), name_fields);
                    kinds[k].features.push_back(std::move(parts[k]));
                    any = true;
                }
            }
            if (!any) ++skipped_features;
            continue;
        }
        if (!layer_kind) layer_kind = firstKindIn(geometry);
        VectorFeature converted;
        if (!layer_kind || !appendOgrParts(geometry, *layer_kind, converted) || converted.parts.empty()) {
            ++skipped_features;
            continue;
        }
        converted.name = featureName(feature.get(), name_fields);
        result.features.push_back(std::move(converted));
    }
    if (skipped != nullptr) *skipped = skipped_features;
    if (by_kind) {
        std::vector<VectorLayer> layers;
        for (const GeometryKind kind : {GeometryKind::Polygons, GeometryKind::Lines, GeometryKind::Points}) {
            if (!kinds[std::size_t(kind)].features.empty()) layers.push_back(std::move(kinds[std::size_t(kind)]));
        }
        if (layers.empty()) layers.push_back(std::move(kinds[std::size_t(layer_kind.value_or(GeometryKind::Lines))]));
        return layers;
    }
    result.kind = layer_kind.value_or(GeometryKind::Lines);
    std::vector<VectorLayer> layers;
    layers.push_back(std::move(result));
    return layers;
}

}  // namespace

VectorLayer loadVectorLayerWhere(const std::string& path, const std::string& attribute_filter, int* skipped) {
    return std::move(readLayer(path, attribute_filter, skipped, false).front());
}

std::vector<VectorLayer> loadVectorLayersByKind(const std::string& path, int* skipped) {
    return readLayer(path, std::string(), skipped, true);
}

VectorLayer loadVectorLayer(const std::string& path, int* skipped) {
    return loadVectorLayerWhere(path, std::string(), skipped);
}

}  // namespace geo
