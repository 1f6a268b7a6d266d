// tests/support/geotiff_writer.hpp — small GeoTIFFs made at test time with GDAL (for the raster
// layer tests in tests/geo and tests/app), so no binary fixture is needed.
#pragma once
#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_support {

struct GeoTiffSpec {
    int epsg = 4326;
    double geotransform[6] = {0, 1, 0, 0, 0, -1};  // x = lon, y = lat for EPSG:4326
    int width = 8;
    int height = 8;
    int bands = 1;
    GDALDataType type = GDT_Byte;
    bool has_nodata = false;
    double nodata = 0.0;
    // Value of (band 1-based, column, row); every band's pixels are written from it.
    std::function<double(int band, int col, int row)> value = [](int, int, int) { return 0.0; };
};

inline void writeGeoTiff(const std::string& path, const GeoTiffSpec& spec) {
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    if (driver == nullptr) throw std::runtime_error("no GTiff driver");
    std::unique_ptr<void, void (*)(void*)> dataset(
        GDALCreate(driver, path.c_str(), spec.width, spec.height, spec.bands, spec.type, nullptr),
        [](void* ds) { GDALClose(static_cast<GDALDatasetH>(ds)); });
    if (!dataset) throw std::runtime_error("cannot create " + path);
    double gt[6];
    for (int i = 0; i < 6; ++i) gt[i] = spec.geotransform[i];
    GDALSetGeoTransform(dataset.get(), gt);
    std::unique_ptr<void, void (*)(void*)> srs(OSRNewSpatialReference(nullptr),
                                               [](void* s) { OSRRelease(static_cast<OGRSpatialReferenceH>(s)); });
    OSRImportFromEPSG(static_cast<OGRSpatialReferenceH>(srs.get()), spec.epsg);
    GDALSetSpatialRef(dataset.get(), static_cast<OGRSpatialReferenceH>(srs.get()));
    std::vector<double> row(static_cast<std::size_t>(spec.width));
    for (int b = 1; b <= spec.bands; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(dataset.get(), b);
        if (spec.has_nodata) GDALSetRasterNoDataValue(band, spec.nodata);
        for (int y = 0; y < spec.height; ++y) {
            for (int x = 0; x < spec.width; ++x) row[static_cast<std::size_t>(x)] = spec.value(b, x, y);
            if (GDALRasterIO(band, GF_Write, 0, y, spec.width, 1, row.data(), spec.width, 1, GDT_Float64, 0, 0) !=
                CE_None) {
                throw std::runtime_error("cannot write " + path);
            }
        }
    }
}

// A solid-colour RGB GeoTIFF in EPSG:4326 covering [west, east] × [south, north].
inline void writeSolidLonLatGeoTiff(const std::string& path, double west, double south, double east, double north,
                                    unsigned char r, unsigned char g, unsigned char b, int size = 32) {
    GeoTiffSpec spec;
    spec.width = spec.height = size;
    const double gt[6] = {west, (east - west) / size, 0.0, north, 0.0, -(north - south) / size};
    for (int i = 0; i < 6; ++i) spec.geotransform[i] = gt[i];
    spec.bands = 3;
    spec.value = [r, g, b](int band, int, int) { return double(band == 1 ? r : band == 2 ? g : b); };
    writeGeoTiff(path, spec);
}

// A one-band Float32 DEM in EPSG:4326: `width` × `height` cells of `cell` degrees from the
// north-west corner (west, north); no-data -9999 (return it from `metres` for a hole).
constexpr double kDemNoData = -9999.0;
inline void writeLonLatDem(const std::string& path, double west, double north, int width, int height, double cell,
                           const std::function<double(int col, int row)>& metres) {
    GeoTiffSpec spec;
    spec.width = width;
    spec.height = height;
    const double gt[6] = {west, cell, 0.0, north, 0.0, -cell};
    for (int i = 0; i < 6; ++i) spec.geotransform[i] = gt[i];
    spec.type = GDT_Float32;
    spec.has_nodata = true;
    spec.nodata = kDemNoData;
    spec.value = [metres](int, int col, int row) { return metres(col, row); };
    writeGeoTiff(path, spec);
}

// A damaged DEM: a tiled, DEFLATE-compressed Cloud Optimised GeoTIFF (EPSG:4326, 128 × 128 Int16
// cells of noise, so the tile hardly compresses) cut to the first half of its bytes. A COG keeps
// its header (the directory and the georeferencing) before the tile data, so the file opens as a
// georeferenced raster and fails only when its pixels are read.
inline void writeTruncatedGeoTiff(const std::string& path) {
    GDALAllRegister();
    GDALDriverH mem_driver = GDALGetDriverByName("MEM");
    GDALDriverH cog_driver = GDALGetDriverByName("COG");
    if (mem_driver == nullptr || cog_driver == nullptr) throw std::runtime_error("no MEM or COG driver");
    const auto close = [](void* ds) { GDALClose(static_cast<GDALDatasetH>(ds)); };
    constexpr int kSide = 128;
    std::unique_ptr<void, decltype(close)> source(GDALCreate(mem_driver, "", kSide, kSide, 1, GDT_Int16, nullptr), close);
    if (!source) throw std::runtime_error("cannot create a MEM dataset");
    double gt[6] = {68.0, 1.0 / 120.0, 0.0, 35.0, 0.0, -1.0 / 120.0};  // 30″ cells from 68°E 35°N
    GDALSetGeoTransform(source.get(), gt);
    std::unique_ptr<void, void (*)(void*)> srs(OSRNewSpatialReference(nullptr),
                                               [](void* s) { OSRRelease(static_cast<OGRSpatialReferenceH>(s)); });
    OSRImportFromEPSG(static_cast<OGRSpatialReferenceH>(srs.get()), 4326);
    GDALSetSpatialRef(source.get(), static_cast<OGRSpatialReferenceH>(srs.get()));
    std::vector<std::int16_t> cells(kSide * kSide);
    std::uint32_t state = 12345u;
    for (std::int16_t& cell : cells) {
        state = state * 1664525u + 1013904223u;  // a linear congruential generator: repeatable noise
        cell = static_cast<std::int16_t>(1000 + (state >> 20));
    }
    if (GDALRasterIO(GDALGetRasterBand(source.get(), 1), GF_Write, 0, 0, kSide, kSide, cells.data(), kSide, kSide,
                     GDT_Int16, 0, 0) != CE_None) {
        throw std::runtime_error("cannot fill the MEM dataset");
    }
    const char* options[] = {"COMPRESS=DEFLATE", nullptr};
    std::unique_ptr<void, decltype(close)> copy(
        GDALCreateCopy(cog_driver, path.c_str(), source.get(), FALSE, const_cast<char**>(options), nullptr, nullptr), close);
    if (!copy) throw std::runtime_error("cannot write " + path);
    copy.reset();
    std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
}

}  // namespace test_support
