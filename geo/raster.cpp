#include "geo/raster.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"

namespace geo {

float Raster::sample(double x, double y) const {
    constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
    if (width <= 0 || height <= 0 || !std::isfinite(x) || !std::isfinite(y)) return kNaN;
    // loadRaster only accepts north-up grids, so the geotransform is a scale and an offset.
    const double col = std::floor((x - geotransform[0]) / geotransform[1]);
    const double row = std::floor((y - geotransform[3]) / geotransform[5]);
    if (col < 0.0 || row < 0.0 || col >= width || row >= height) return kNaN;
    return values[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(col)];
}

Raster loadRaster(const std::string& path) {
    // GDAL's virtual paths (/vsizip/…, /vsimem/…) are not on the file system; let GDAL judge those.
    if (path.rfind("/vsi", 0) != 0) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) throw Error(ErrorKind::MissingData, path + ": file not found");
    }
    gdal::registerDriversOnce();
    gdal::QuietErrors quiet;

    gdal::DatasetPtr dataset(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) {
        throw Error(ErrorKind::CorruptData, path + ": not a raster GDAL can read" + gdal::lastErrorSuffix(path));
    }
    GDALDatasetH ds = dataset.get();
    Raster raster;
    raster.width = GDALGetRasterXSize(ds);
    raster.height = GDALGetRasterYSize(ds);
    if (GDALGetRasterCount(ds) < 1 || raster.width <= 0 || raster.height <= 0) {
        throw Error(ErrorKind::CorruptData, path + ": raster has no band to read");
    }
    if (GDALGetGeoTransform(ds, raster.geotransform) != CE_None) {
        throw Error(ErrorKind::CorruptData, path + ": raster has no geotransform");
    }
    const double* gt = raster.geotransform;
    if (gt[2] != 0.0 || gt[4] != 0.0 || !(gt[1] > 0.0) || !(gt[5] < 0.0)) {
        throw Error(ErrorKind::CorruptData, path + ": raster is rotated or not north-up (geotransform not supported)");
    }
    const OGRSpatialReferenceH crs = GDALGetSpatialRef(ds);
    if (crs == nullptr) throw Error(ErrorKind::CorruptData, path + ": raster has no coordinate reference system");
    const char* wkt = GDALGetProjectionRef(ds);
    raster.crs_wkt = wkt != nullptr ? wkt : "";

    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    const std::size_t count = static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
    raster.values.resize(count);
    CPLErrorReset();
    if (GDALRasterIO(band, GF_Read, 0, 0, raster.width, raster.height, raster.values.data(), raster.width,
                     raster.height, GDT_Float32, 0, 0) != CE_None) {
        throw Error(ErrorKind::CorruptData, path + ": cannot read raster data" + gdal::lastErrorSuffix(path));
    }

    int has_nodata = 0;
    const double nodata = GDALGetRasterNoDataValue(band, &has_nodata);
    // Compare in float: the values went through the same double→float conversion as nodata does here.
    const float nodata_as_float = static_cast<float>(nodata);
    constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
    bool any_valid = false;
    float min_value = std::numeric_limits<float>::infinity();
    float max_value = -std::numeric_limits<float>::infinity();
    for (float& v : raster.values) {
        if (has_nodata && (v == nodata_as_float || (std::isnan(nodata) && std::isnan(v)))) v = kNaN;
        if (!std::isfinite(v)) {
            v = kNaN;
            continue;
        }
        any_valid = true;
        min_value = std::min(min_value, v);
        max_value = std::max(max_value, v);
    }
    if (any_valid) {
        raster.min_value = min_value;
        raster.max_value = max_value;
    }
    return raster;
}

}  // namespace geo
