#include "geo/raster.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/geotiff_writer.hpp"
#include "support/shared_dem.hpp"
#include "support/temp_dir.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"

namespace {

// A real DEM as a user has one (DTED Level 0 of Afghanistan from the shared reference data, read
// where it lies); the tests that need it skip when it is absent.
const std::string kDem = test_support::sharedDemPath();
const std::string kFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/raster/";

geo::Error loadError(const std::string& path) {
    try {
        geo::loadRaster(path);
    } catch (const geo::Error& e) {
        return e;
    }
    return geo::Error(geo::ErrorKind::InvalidInput, "no error");
}

class UsersDtedDem : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!kDem.empty()) dem_ = new geo::Raster(geo::loadRaster(kDem));
    }
    void SetUp() override {
        if (dem_ == nullptr) GTEST_SKIP() << test_support::kNoSharedDem;
    }
    static void TearDownTestSuite() {
        delete dem_;
        dem_ = nullptr;
    }
    static const geo::Raster& dem() { return *dem_; }

private:
    static geo::Raster* dem_;
};
geo::Raster* UsersDtedDem::dem_ = nullptr;

TEST_F(UsersDtedDem, HasTheDocumentedGrid) {
    EXPECT_EQ(dem().width, 1801);
    EXPECT_EQ(dem().height, 1201);
    EXPECT_EQ(dem().values.size(), 1801u * 1201u);
    // 30 arc-seconds; the posts sit on whole 1/120 degrees from 60E/39N, and GDAL reports the
    // corners of the cells around them, half a cell further out.
    const double cell = 1.0 / 120.0;
    EXPECT_NEAR(dem().geotransform[1], cell, 1e-12);
    EXPECT_NEAR(dem().geotransform[5], -cell, 1e-12);
    EXPECT_EQ(dem().geotransform[2], 0.0);
    EXPECT_EQ(dem().geotransform[4], 0.0);
    EXPECT_NEAR(dem().west(), 60.0 - cell / 2.0, 1e-9);
    EXPECT_NEAR(dem().north(), 39.0 + cell / 2.0, 1e-9);
    EXPECT_NEAR(dem().east(), 75.0 + cell / 2.0, 1e-9);
    EXPECT_NEAR(dem().south(), 29.0 - cell / 2.0, 1e-9);
    EXPECT_NE(dem().crs_wkt.find("WGS 84"), std::string::npos);
}

TEST_F(UsersDtedDem, SpotHeightsMatchTheProvenanceNotes) {
    EXPECT_EQ(dem().sample(69.172, 34.528), 1807.0f);  // Kabul
    EXPECT_EQ(dem().sample(69.515, 35.313), 2021.0f);  // Bazarak
    // The range over the window, as documented (no NoData in it).
    EXPECT_EQ(dem().min_value, 73.0f);
    EXPECT_EQ(dem().max_value, 7944.0f);
    for (float v : dem().values) ASSERT_FALSE(std::isnan(v));
}

TEST_F(UsersDtedDem, SamplingIsNearestNeighbourOnThePosts) {
    // The post at 60E 39N is the first value; a point a third of a cell away still gets it.
    EXPECT_EQ(dem().sample(60.0, 39.0), dem().values[0]);
    EXPECT_EQ(dem().sample(60.0 + 1.0 / 360.0, 39.0 - 1.0 / 360.0), dem().values[0]);
    // The post at 75E 29N is the last value.
    EXPECT_EQ(dem().sample(75.0, 29.0), dem().values.back());
    // Row r, column c is the post at 60 + c/120 E, 39 - r/120 N.
    EXPECT_EQ(dem().sample(60.0 + 1101.0 / 120.0, 39.0 - 537.0 / 120.0), dem().values[537u * 1801u + 1101u]);
    EXPECT_TRUE(std::isnan(dem().sample(59.9, 35.0)));
    EXPECT_TRUE(std::isnan(dem().sample(70.0, 39.1)));
    EXPECT_TRUE(std::isnan(dem().sample(NAN, 35.0)));
}

TEST(Raster, NodataBecomesNanAndIsLeftOutOfTheRange) {
    // small_nodata.asc: 4 x 3 cells of 0.5°, west 10, north 21.5, NoData -9999 at (1,1) and (2,3).
    const geo::Raster raster = geo::loadRaster(kFixtures + "small_nodata.tif");
    ASSERT_EQ(raster.width, 4);
    ASSERT_EQ(raster.height, 3);
    const float expected[12] = {1, 2, 3, 4, 5, NAN, 7, 8, 9, 10, 11, NAN};
    for (int i = 0; i < 12; ++i) {
        if (std::isnan(expected[i])) {
            EXPECT_TRUE(std::isnan(raster.values[i])) << i;
        } else {
            EXPECT_EQ(raster.values[i], expected[i]) << i;
        }
    }
    EXPECT_EQ(raster.min_value, 1.0f);
    EXPECT_EQ(raster.max_value, 11.0f);
    EXPECT_EQ(raster.west(), 10.0);
    EXPECT_EQ(raster.north(), 21.5);
    EXPECT_EQ(raster.east(), 12.0);
    EXPECT_EQ(raster.south(), 20.0);
    EXPECT_EQ(raster.sample(10.25, 21.25), 1.0f);
    EXPECT_EQ(raster.sample(11.4, 20.1), 11.0f);  // row 2, column 2: next to the NoData cell
    EXPECT_TRUE(std::isnan(raster.sample(11.75, 20.25)));
    EXPECT_TRUE(std::isnan(raster.sample(12.01, 21.0)));
}

TEST(Raster, MissingFileIsMissingData) {
    const std::string path = kFixtures + "does_not_exist.tif";
    const geo::Error e = loadError(path);
    EXPECT_EQ(e.kind(), geo::ErrorKind::MissingData);
    EXPECT_EQ(std::string(e.what()), path + ": file not found");
}

TEST(Raster, FileWithoutCrsIsRefused) {
    const std::string path = kFixtures + "no_crs.tif";
    const geo::Error e = loadError(path);
    EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
    EXPECT_EQ(std::string(e.what()), path + ": raster has no coordinate reference system");
}

TEST(Raster, FileWithoutGeotransformIsRefused) {
    const std::string path = kFixtures + "no_geotransform.vrt";
    EXPECT_EQ(std::string(loadError(path).what()), path + ": raster has no geotransform");
}

TEST(Raster, RotatedGeotransformIsRefused) {
    const std::string path = kFixtures + "rotated.vrt";
    EXPECT_EQ(std::string(loadError(path).what()),
              path + ": raster is rotated or not north-up (geotransform not supported)");
}

TEST(Raster, TruncatedFileReportsGdalsReasonQuietly) {
    const test_support::TempDir scratch;
    const std::string path = scratch / "truncated.tif";
    test_support::writeTruncatedGeoTiff(path);
    ::testing::internal::CaptureStderr();
    const geo::Error e = loadError(path);
    const std::string printed = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
    const std::string message = e.what();
    const std::string prefix = path + ": cannot read raster data (GDAL: ";
    ASSERT_EQ(message.rfind(prefix, 0), 0u) << message;
    EXPECT_GT(message.size(), prefix.size() + 1);  // GDAL's own words follow
    EXPECT_EQ(message.back(), ')');
    EXPECT_EQ(message.find('\n'), std::string::npos);
    EXPECT_EQ(printed, "");  // GDAL's handler was silenced
}

TEST(Raster, NonRasterFileIsRefused) {
    const std::string path = kFixtures + "not_a_raster.tif";
    const std::string message = loadError(path).what();
    EXPECT_EQ(message.rfind(path + ": not a raster GDAL can read (GDAL: ", 0), 0u) << message;
}

// ---- Rasters as pictures (File → Add layer…, `render --layer`) ----

class RasterImageTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("textatlas-raster-image-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::filesystem::path dir_;
};

const std::uint8_t* pixelAt(const geo::RasterImage& image, double lon, double lat) {
    const int col = static_cast<int>((lon - image.west) / (image.east - image.west) * image.width);
    const int row = static_cast<int>((image.north - lat) / (image.north - image.south) * image.height);
    EXPECT_TRUE(col >= 0 && row >= 0 && col < image.width && row < image.height) << lon << ", " << lat;
    return &image.rgba[(static_cast<std::size_t>(row) * image.width + col) * 4];
}

TEST_F(RasterImageTest, AWebMercatorGeoTiffIsWarpedToTheLonLatBoxProjPutsItIn) {
    // 64 × 64 cells of 5 km in EPSG:3857, its north-west corner over Kabul; red, with a blue column.
    const geo::Projection mercator = geo::Projection::webMercator();
    const geo::XY corner = mercator.forward(geo::LonLat(69.0, 35.0));
    test_support::GeoTiffSpec spec;
    spec.epsg = 3857;
    const double gt[6] = {corner.x, 5000.0, 0.0, corner.y, 0.0, -5000.0};
    std::copy(gt, gt + 6, spec.geotransform);
    spec.width = spec.height = 64;
    spec.bands = 3;
    spec.value = [](int band, int col, int) {
        if (col >= 60) return band == 3 ? 255.0 : 0.0;
        return band == 1 ? 255.0 : 0.0;
    };
    test_support::writeGeoTiff(path("mercator.tif"), spec);

    const geo::RasterImage image = geo::loadRasterImage(path("mercator.tif"));
    // The far corner, back through PROJ: the warped grid spans exactly the raster's lon/lat box.
    const geo::LonLat far = mercator.inverse(geo::XY{corner.x + 64 * 5000.0, corner.y - 64 * 5000.0});
    const double cell_lon = (image.east - image.west) / image.width;
    const double cell_lat = (image.north - image.south) / image.height;
    EXPECT_NEAR(image.west, 69.0, cell_lon);
    EXPECT_NEAR(image.north, 35.0, cell_lat);
    EXPECT_NEAR(image.east, far.lon, cell_lon);
    EXPECT_NEAR(image.south, far.lat, cell_lat);
    ASSERT_EQ(image.rgba.size(), static_cast<std::size_t>(image.width) * image.height * 4);
    const std::uint8_t* red = pixelAt(image, 69.5, 34.0);
    EXPECT_EQ(red[0], 255);
    EXPECT_EQ(red[1], 0);
    EXPECT_EQ(red[2], 0);
    EXPECT_EQ(red[3], 255);
    // The blue column: the last 4 cells, east of the lon PROJ gives for column 60.
    const double blue_west = mercator.inverse(geo::XY{corner.x + 60 * 5000.0, corner.y}).lon;
    const std::uint8_t* blue = pixelAt(image, 0.5 * (blue_west + far.lon), 34.0);
    EXPECT_EQ(blue[0], 0);
    EXPECT_EQ(blue[2], 255);
    EXPECT_EQ(blue[3], 255);
}

TEST_F(RasterImageTest, OneBandIsStretchedGreyAndNoDataIsTransparent) {
    test_support::GeoTiffSpec spec;
    const double gt[6] = {10.0, 0.25, 0.0, 50.0, 0.0, -0.25};  // lon 10–12, lat 48–50
    std::copy(gt, gt + 6, spec.geotransform);
    spec.type = GDT_Float32;
    spec.has_nodata = true;
    spec.nodata = -9999.0;
    // West half 100 m, east half 500 m, the top row no data.
    spec.value = [](int, int col, int row) { return row == 0 ? -9999.0 : col < 4 ? 100.0 : 500.0; };
    test_support::writeGeoTiff(path("dem.tif"), spec);

    const geo::RasterImage image = geo::loadRasterImage(path("dem.tif"));
    EXPECT_NEAR(image.west, 10.0, 1e-6);
    EXPECT_NEAR(image.east, 12.0, 1e-6);
    EXPECT_NEAR(image.south, 48.0, 1e-6);
    EXPECT_NEAR(image.north, 50.0, 1e-6);
    const std::uint8_t* low = pixelAt(image, 10.3, 48.5);
    const std::uint8_t* high = pixelAt(image, 11.7, 48.5);
    const std::uint8_t* none = pixelAt(image, 11.0, 49.9);
    EXPECT_EQ(low[0], 0);  // the minimum is black, the maximum white
    EXPECT_EQ(low[3], 255);
    EXPECT_EQ(high[0], 255);
    EXPECT_EQ(high[1], 255);
    EXPECT_EQ(none[3], 0);
}

TEST_F(RasterImageTest, LargeRastersAreReadDecimated) {
    test_support::writeSolidLonLatGeoTiff(path("big.tif"), 0.0, 0.0, 10.0, 10.0, 0, 128, 0, 600);
    const geo::RasterImage image = geo::loadRasterImage(path("big.tif"), 100);
    EXPECT_LE(image.width, 100);
    EXPECT_LE(image.height, 100);
    EXPECT_EQ(pixelAt(image, 5.0, 5.0)[1], 128);
}

TEST_F(RasterImageTest, LayerFilesAreToldApartAndBadOnesNamed) {
    test_support::writeSolidLonLatGeoTiff(path("solid.tif"), 0.0, 0.0, 1.0, 1.0, 1, 2, 3);
    std::ofstream(path("line.geojson"))
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
           R"("geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]})";
    std::ofstream(path("notes.txt")) << "not a map\n";
    EXPECT_EQ(geo::layerFileKind(path("solid.tif")), geo::LayerFileKind::Raster);
    EXPECT_EQ(geo::layerFileKind(path("line.geojson")), geo::LayerFileKind::Vector);
    try {
        geo::layerFileKind(path("notes.txt"));
        FAIL() << "a text file was taken for a layer";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
        const std::string message = e.what();
        EXPECT_EQ(message.rfind(path("notes.txt") + ": not a vector or raster file GDAL can read", 0), 0u) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos);
    }
    try {
        geo::layerFileKind(path("missing.tif"));
        FAIL();
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::MissingData);
        EXPECT_EQ(std::string(e.what()), path("missing.tif") + ": file not found");
    }
    try {
        geo::loadRasterImage(path("notes.txt"));
        FAIL();
    } catch (const geo::Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path("notes.txt") + ": not a raster GDAL can read", 0), 0u) << e.what();
    }
}

}  // namespace

