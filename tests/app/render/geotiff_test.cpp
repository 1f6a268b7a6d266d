// GeoTIFFs read back with GDAL: the CRS is EPSG:3857, the geotransform is the view's, the corners
// GDAL reports (transformed to lon/lat by OGR) are the view's corners as PROJ inverts them, pixels
// survive exactly, and bad input is refused with a message naming the file.
#include <gtest/gtest.h>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "app/render/geotiff.hpp"
#include "app/render/image.hpp"
#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

namespace fs = std::filesystem;

fs::path tempDir() {
    fs::path dir = fs::temp_directory_path() / ("textatlas-geotiff-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

// A picture whose every pixel is different (so a flip or shift would show).
app::render::Image patterned(int width, int height) {
    app::render::Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<size_t>(width) * height * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = &image.rgba[(static_cast<size_t>(y) * width + x) * 4];
            p[0] = static_cast<std::uint8_t>(x);
            p[1] = static_cast<std::uint8_t>(y);
            p[2] = static_cast<std::uint8_t>(x * 7 + y * 3);
            p[3] = static_cast<std::uint8_t>(255 - (x + y) % 50);
        }
    return image;
}

TEST(GeoTiff, CornersReadBackWithGdalAreTheViewsCorners) {
    const geo::Projection web = geo::Projection::webMercator();
    // Kabul–Panjshir, an odd size so rows and columns cannot be swapped unnoticed.
    const geo::Viewport view(321, 203, web.forward(geo::LonLat(69.4, 34.95)), 9.3);
    const app::render::Image image = patterned(321, 203);
    const fs::path path = tempDir() / "view.tif";
    app::render::GeoTiffOptions options;
    options.dpi = 300;
    app::render::writeGeoTiff(image, view, path.string(), options);

    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpen(path.c_str(), GA_ReadOnly));
    ASSERT_TRUE(dataset);
    EXPECT_EQ(GDALGetRasterXSize(dataset.get()), 321);
    EXPECT_EQ(GDALGetRasterYSize(dataset.get()), 203);
    ASSERT_EQ(GDALGetRasterCount(dataset.get()), 4);
    EXPECT_EQ(GDALGetRasterColorInterpretation(GDALGetRasterBand(dataset.get(), 4)), GCI_AlphaBand);

    // The CRS is Web Mercator.
    OGRSpatialReferenceH srs = GDALGetSpatialRef(dataset.get());
    ASSERT_NE(srs, nullptr);
    OSRAutoIdentifyEPSG(srs);
    ASSERT_NE(OSRGetAuthorityCode(srs, nullptr), nullptr);
    EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "3857");

    // The geotransform: top-left corner, metres per pixel, north up.
    double gt[6] = {0, 0, 0, 0, 0, 0};
    ASSERT_EQ(GDALGetGeoTransform(dataset.get(), gt), CE_None);
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    view.bounds(min_x, min_y, max_x, max_y);
    EXPECT_NEAR(gt[0], min_x, 1e-6);
    EXPECT_NEAR(gt[3], max_y, 1e-6);
    EXPECT_NEAR(gt[1], view.metresPerPixel(), 1e-9);
    EXPECT_NEAR(gt[5], -view.metresPerPixel(), 1e-9);
    EXPECT_EQ(gt[2], 0.0);
    EXPECT_EQ(gt[4], 0.0);

    // The four corners as gdalinfo computes them, taken to lon/lat by OGR, are where the view's
    // pixel corners are according to the Viewport and PROJ.
    geo::gdal::SpatialReferencePtr wgs84(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(wgs84.get(), 4326);
    OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    geo::gdal::CoordinateTransformationPtr to_lonlat(OCTNewCoordinateTransformation(srs, wgs84.get()));
    ASSERT_TRUE(to_lonlat);
    for (const auto& [px, py] : {std::pair{0, 0}, {321, 0}, {0, 203}, {321, 203}}) {
        double x = gt[0] + px * gt[1] + py * gt[2];
        double y = gt[3] + px * gt[4] + py * gt[5];
        ASSERT_TRUE(OCTTransform(to_lonlat.get(), 1, &x, &y, nullptr));
        const geo::LonLat expected = web.inverse(view.toMercator(geo::XY{double(px), double(py)}));
        EXPECT_NEAR(x, expected.lon, 1e-9) << px << "," << py;
        EXPECT_NEAR(y, expected.lat, 1e-9) << px << "," << py;
    }

    // Deflate is lossless: the pixels are the image's, top row first.
    const app::render::Image back = app::render::readImage(path.string());
    ASSERT_EQ(back.rgba.size(), image.rgba.size());
    EXPECT_TRUE(back.rgba == image.rgba);
    EXPECT_STREQ(GDALGetMetadataItem(dataset.get(), "TIFFTAG_XRESOLUTION", nullptr), "300");
    fs::remove_all(path.parent_path());
}

TEST(GeoTiff, AnotherCrsIsWrittenAsGiven) {
    const geo::Viewport view(64, 48, geo::XY{500000.0, 3870000.0}, 10.0);  // UTM 42N metres near Kabul
    const fs::path path = tempDir() / "utm.tif";
    app::render::GeoTiffOptions options;
    options.crs = "EPSG:32642";
    app::render::writeGeoTiff(patterned(64, 48), view, path.string(), options);
    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpen(path.c_str(), GA_ReadOnly));
    ASSERT_TRUE(dataset);
    OGRSpatialReferenceH srs = GDALGetSpatialRef(dataset.get());
    ASSERT_NE(srs, nullptr);
    OSRAutoIdentifyEPSG(srs);
    EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "32642");
    fs::remove_all(path.parent_path());
}

TEST(GeoTiff, RefusesAnImageOfAnotherSizeThanTheView) {
    const geo::Viewport view(100, 100, geo::XY{0, 0}, 3.0);
    const std::string path = (tempDir() / "wrong.tif").string();
    try {
        app::render::writeGeoTiff(patterned(100, 90), view, path);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
        EXPECT_EQ(std::string(e.what()), path + ": cannot write GeoTIFF (the image is 100 x 90 but the view is 100 x 100)");
    }
    EXPECT_FALSE(fs::exists(path));
    fs::remove_all(tempDir());
}

TEST(GeoTiff, MissingFolderAndUnknownCrsAreNamed) {
    const geo::Viewport view(8, 8, geo::XY{0, 0}, 3.0);
    const std::string missing = (tempDir() / "no" / "such" / "x.tif").string();
    try {
        app::render::writeGeoTiff(patterned(8, 8), view, missing);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Io);
        EXPECT_EQ(std::string(e.what()), missing + ": cannot write GeoTIFF (directory does not exist)");
    }
    const std::string path = (tempDir() / "crs.tif").string();
    app::render::GeoTiffOptions options;
    options.crs = "EPSG:999999";
    try {
        app::render::writeGeoTiff(patterned(8, 8), view, path, options);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
        EXPECT_EQ(std::string(e.what()), path + ": cannot write GeoTIFF (unknown CRS 'EPSG:999999')");
    }
    // Nothing is left behind: no half file, no temporary.
    for (const auto& entry : fs::directory_iterator(tempDir())) ADD_FAILURE() << "left behind: " << entry.path();
    fs::remove_all(tempDir());
}

TEST(GeoTiff, PngBytesDecodeToTheSamePixels) {
    const app::render::Image image = patterned(37, 23);
    const std::string png = app::render::encodePng(image);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    const fs::path path = tempDir() / "bytes.png";
    std::ofstream(path, std::ios::binary) << png;
    const app::render::Image back = app::render::readImage(path.string());
    EXPECT_EQ(back.width, 37);
    EXPECT_EQ(back.height, 23);
    EXPECT_TRUE(back.rgba == image.rgba);
    fs::remove_all(path.parent_path());
    EXPECT_THROW(app::render::encodePng(app::render::Image{}), geo::Error);
}

}  // namespace
