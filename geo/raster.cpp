#include "geo/raster.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <limits>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/local_gdal_open.hpp"

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

namespace {

// The file opened as a GDAL raster under the local-files policy, or the one-line error naming it;
// GDAL's own messages are the caller's to silence (a gdal::QuietErrors alive while it is read).
gdal::DatasetPtr openRasterFile(const std::string& path) {
    gdal::DatasetPtr dataset = openLocalGdalFile(path, GDAL_OF_RASTER);
    if (!dataset) {
        throw Error(ErrorKind::CorruptData, path + ": not a raster GDAL can read" + gdal::lastErrorSuffix(path));
    }
    return dataset;
}

}  // namespace

Raster loadRaster(const std::string& path) {
    gdal::QuietErrors quiet;
    const gdal::DatasetPtr dataset = openRasterFile(path);
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

namespace geo {

namespace {

// One band read decimated to out_w × out_h, with the band's validity mask (0: no data).
struct BandSamples {
    std::vector<float> values;
    std::vector<std::uint8_t> mask;
};

BandSamples readBand(const std::string& path, GDALDatasetH ds, int index, int out_w, int out_h) {
    GDALRasterBandH band = GDALGetRasterBand(ds, index);
    const int w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
    const std::size_t count = static_cast<std::size_t>(out_w) * static_cast<std::size_t>(out_h);
    BandSamples samples;
    samples.values.resize(count);
    samples.mask.resize(count);
    CPLErrorReset();
    if (GDALRasterIO(band, GF_Read, 0, 0, w, h, samples.values.data(), out_w, out_h, GDT_Float32, 0, 0) != CE_None ||
        GDALRasterIO(GDALGetMaskBand(band), GF_Read, 0, 0, w, h, samples.mask.data(), out_w, out_h, GDT_Byte, 0, 0) !=
            CE_None) {
        throw Error(ErrorKind::CorruptData, path + ": cannot read raster data" + gdal::lastErrorSuffix(path));
    }
    for (std::size_t i = 0; i < count; ++i)
        if (!std::isfinite(samples.values[i])) samples.mask[i] = 0;
    return samples;
}

// Byte bands as they are; other types stretched from their minimum to their maximum.
std::vector<std::uint8_t> toBytes(const BandSamples& samples, bool is_byte) {
    std::vector<std::uint8_t> out(samples.values.size(), 0);
    float low = std::numeric_limits<float>::infinity(), high = -low;
    if (!is_byte) {
        for (std::size_t i = 0; i < samples.values.size(); ++i) {
            if (samples.mask[i] == 0) continue;
            low = std::min(low, samples.values[i]);
            high = std::max(high, samples.values[i]);
        }
    }
    const float scale = high > low ? 255.0f / (high - low) : 0.0f;
    for (std::size_t i = 0; i < samples.values.size(); ++i) {
        if (samples.mask[i] == 0) continue;
        const float v = is_byte ? samples.values[i] : (high > low ? (samples.values[i] - low) * scale : 255.0f);
        out[i] = static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
    }
    return out;
}

// The raster's colours, decimated to out_w × out_h, interleaved RGBA.
std::vector<std::uint8_t> readColours(const std::string& path, GDALDatasetH ds, int out_w, int out_h) {
    const std::size_t count = static_cast<std::size_t>(out_w) * static_cast<std::size_t>(out_h);
    std::vector<std::uint8_t> rgba(count * 4, 0);
    const int bands = GDALGetRasterCount(ds);
    GDALRasterBandH first = GDALGetRasterBand(ds, 1);
    const GDALColorTableH table = GDALGetRasterColorTable(first);
    if (bands >= 3) {
        BandSamples alpha_source;
        for (int b = 0; b < 3; ++b) {
            const BandSamples samples = readBand(path, ds, b + 1, out_w, out_h);
            const std::vector<std::uint8_t> bytes =
                toBytes(samples, GDALGetRasterDataType(GDALGetRasterBand(ds, b + 1)) == GDT_Byte);
            for (std::size_t i = 0; i < count; ++i) rgba[i * 4 + b] = bytes[i];
            if (b == 0) alpha_source = samples;
        }
        // Band 1's mask is the dataset's alpha band or no-data mask where there is one.
        for (std::size_t i = 0; i < count; ++i) rgba[i * 4 + 3] = alpha_source.mask[i];
    } else if (table != nullptr && GDALGetRasterColorInterpretation(first) == GCI_PaletteIndex) {
        const BandSamples samples = readBand(path, ds, 1, out_w, out_h);
        const int entries = GDALGetColorEntryCount(table);
        for (std::size_t i = 0; i < count; ++i) {
            if (samples.mask[i] == 0) continue;
            const long index = std::lround(samples.values[i]);
            if (index < 0 || index >= entries) continue;
            const GDALColorEntry* entry = GDALGetColorEntry(table, static_cast<int>(index));
            rgba[i * 4 + 0] = static_cast<std::uint8_t>(std::clamp<short>(entry->c1, 0, 255));
            rgba[i * 4 + 1] = static_cast<std::uint8_t>(std::clamp<short>(entry->c2, 0, 255));
            rgba[i * 4 + 2] = static_cast<std::uint8_t>(std::clamp<short>(entry->c3, 0, 255));
            rgba[i * 4 + 3] = static_cast<std::uint8_t>(
                std::clamp<long>(std::lround(std::clamp<short>(entry->c4, 0, 255) * (samples.mask[i] / 255.0)), 0, 255));
        }
    } else {
        const BandSamples samples = readBand(path, ds, 1, out_w, out_h);
        const std::vector<std::uint8_t> grey = toBytes(samples, false);
        for (std::size_t i = 0; i < count; ++i) {
            rgba[i * 4 + 0] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i];
            rgba[i * 4 + 3] = samples.mask[i];
        }
    }
    return rgba;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", value);
    return text;
}

}  // namespace

RasterImage loadRasterImage(const std::string& path, int max_side) {
    gdal::QuietErrors quiet;
    const gdal::DatasetPtr dataset = openRasterFile(path);
    GDALDatasetH ds = dataset.get();
    const int width = GDALGetRasterXSize(ds);
    const int height = GDALGetRasterYSize(ds);
    if (GDALGetRasterCount(ds) < 1 || width <= 0 || height <= 0) {
        throw Error(ErrorKind::CorruptData, path + ": raster has no band to read");
    }
    double gt[6];
    if (GDALGetGeoTransform(ds, gt) != CE_None) throw Error(ErrorKind::CorruptData, path + ": raster has no geotransform");
    const OGRSpatialReferenceH crs = GDALGetSpatialRef(ds);
    if (crs == nullptr) throw Error(ErrorKind::CorruptData, path + ": raster has no coordinate reference system");
    max_side = std::max(max_side, 16);

    // The colours at no more than max_side a side, in the raster's own CRS.
    const double shrink = std::max(1.0, double(std::max(width, height)) / max_side);
    const int read_w = std::max(1, static_cast<int>(std::lround(width / shrink)));
    const int read_h = std::max(1, static_cast<int>(std::lround(height / shrink)));
    std::vector<std::uint8_t> colours = readColours(path, ds, read_w, read_h);
    GDALDriverH mem_driver = GDALGetDriverByName("MEM");
    if (mem_driver == nullptr) throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat (no MEM driver)");
    gdal::DatasetPtr picture(GDALCreate(mem_driver, "", read_w, read_h, 4, GDT_Byte, nullptr));
    if (!picture) {
        throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat" + gdal::lastErrorSuffix(path));
    }
    const double sx = double(width) / read_w, sy = double(height) / read_h;
    double picture_gt[6] = {gt[0], gt[1] * sx, gt[2] * sy, gt[3], gt[4] * sx, gt[5] * sy};
    GDALSetGeoTransform(picture.get(), picture_gt);
    GDALSetSpatialRef(picture.get(), crs);
    GDALSetRasterColorInterpretation(GDALGetRasterBand(picture.get(), 4), GCI_AlphaBand);
    int band_map[4] = {1, 2, 3, 4};
    if (GDALDatasetRasterIO(picture.get(), GF_Write, 0, 0, read_w, read_h, colours.data(), read_w, read_h, GDT_Byte, 4,
                            band_map, 4, 4 * read_w, 1) != CE_None) {
        throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat" + gdal::lastErrorSuffix(path));
    }
    colours.clear();
    colours.shrink_to_fit();

    // Where and how large it lands in lon/lat, cut to the world and to max_side a side.
    gdal::SpatialReferencePtr wgs84(OSRNewSpatialReference(nullptr));
    gdal::CplStringPtr wgs84_wkt;
    {
        char* wkt = nullptr;
        if (!wgs84 || OSRImportFromEPSG(wgs84.get(), 4326) != OGRERR_NONE || OSRExportToWkt(wgs84.get(), &wkt) != OGRERR_NONE) {
            CPLFree(wkt);
            throw Error(ErrorKind::Projection, path + ": cannot set up EPSG:4326" + gdal::lastErrorSuffix(path));
        }
        wgs84_wkt.reset(wkt);
    }
    const std::string dst_srs = std::string("DST_SRS=") + wgs84_wkt.get();
    const char* transformer_options[] = {dst_srs.c_str(), nullptr};
    gdal::TransformerPtr transformer(
        GDALCreateGenImgProjTransformer2(picture.get(), nullptr, const_cast<char**>(transformer_options)));
    double out_gt[6];
    double extent[4];
    int out_w = 0, out_h = 0;
    if (!transformer || GDALSuggestedWarpOutput2(picture.get(), GDALGenImgProjTransform, transformer.get(), out_gt, &out_w,
                                                 &out_h, extent, 0) != CE_None) {
        throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat" + gdal::lastErrorSuffix(path));
    }
    transformer.reset();
    // GDAL's axis order for EPSG:4326 here is the traditional lon, lat.
    const double west = std::max(extent[0], -180.0), south = std::max(extent[1], -90.0);
    const double east = std::min(extent[2], 180.0), north = std::min(extent[3], 90.0);
    if (!(west < east && south < north)) {
        throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat (it lies outside the world)");
    }
    double cols = (east - west) / out_gt[1];
    double rows = (north - south) / -out_gt[5];
    const double fit = std::max(1.0, std::max(cols, rows) / max_side);
    const int warp_w = std::clamp(static_cast<int>(std::lround(cols / fit)), 1, max_side);
    const int warp_h = std::clamp(static_cast<int>(std::lround(rows / fit)), 1, max_side);

    const std::vector<std::string> arguments = {"-t_srs", "EPSG:4326", "-te", number(west), number(south), number(east),
                                                number(north), "-ts", std::to_string(warp_w), std::to_string(warp_h),
                                                "-r", "bilinear", "-srcalpha", "-dstalpha", "-of", "MEM"};
    std::vector<char*> argv;
    for (const std::string& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    gdal::WarpOptionsPtr options(GDALWarpAppOptionsNew(argv.data(), nullptr));
    if (!options) {
        throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat" + gdal::lastErrorSuffix(path));
    }
    GDALDatasetH sources[] = {picture.get()};
    int usage_error = 0;
    gdal::DatasetPtr warped(GDALWarp("", nullptr, 1, sources, options.get(), &usage_error));
    if (!warped || GDALGetRasterCount(warped.get()) != 4) {
        throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat" + gdal::lastErrorSuffix(path));
    }

    RasterImage image;
    image.width = GDALGetRasterXSize(warped.get());
    image.height = GDALGetRasterYSize(warped.get());
    // Exactly the extent asked for (-te): edges on ±180° / ±90° stay there, not a rounding beyond.
    image.west = west;
    image.east = east;
    image.south = south;
    image.north = north;
    image.rgba.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4);
    if (GDALDatasetRasterIO(warped.get(), GF_Read, 0, 0, image.width, image.height, image.rgba.data(), image.width,
                            image.height, GDT_Byte, 4, band_map, 4, 4 * image.width, 1) != CE_None) {
        throw Error(ErrorKind::Projection, path + ": cannot reproject the raster to lon/lat" + gdal::lastErrorSuffix(path));
    }
    return image;
}

LayerFileKind layerFileKind(const std::string& path) {
    gdal::QuietErrors quiet;
    gdal::DatasetPtr dataset = openLocalGdalFile(path, GDAL_OF_VECTOR | GDAL_OF_RASTER);
    if (dataset) {
        if (GDALDatasetGetLayerCount(dataset.get()) > 0) return LayerFileKind::Vector;
        if (GDALGetRasterCount(dataset.get()) > 0) return LayerFileKind::Raster;
    }
    throw Error(ErrorKind::CorruptData,
                path + ": not a vector or raster file GDAL can read" + (dataset ? std::string(" (no layer or band in it)")
                                                                               : gdal::lastErrorSuffix(path)));
}

}  // namespace geo
