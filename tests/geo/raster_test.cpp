#include "geo/raster.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "geo/error.hpp"

namespace {

const std::string kDem = std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/dem/afghanistan_dem_dted0_30arcsec.tif";
const std::string kFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/raster/";

geo::Error loadError(const std::string& path) {
    try {
        geo::loadRaster(path);
    } catch (const geo::Error& e) {
        return e;
    }
    return geo::Error(geo::ErrorKind::InvalidInput, "no error");
}

class ShippedDem : public ::testing::Test {
protected:
    static void SetUpTestSuite() { dem_ = new geo::Raster(geo::loadRaster(kDem)); }
    static void TearDownTestSuite() {
        delete dem_;
        dem_ = nullptr;
    }
    static const geo::Raster& dem() { return *dem_; }

private:
    static geo::Raster* dem_;
};
geo::Raster* ShippedDem::dem_ = nullptr;

TEST_F(ShippedDem, HasTheDocumentedGrid) {
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

TEST_F(ShippedDem, SpotHeightsMatchTheProvenanceNotes) {
    EXPECT_EQ(dem().sample(69.172, 34.528), 1807.0f);  // Kabul
    EXPECT_EQ(dem().sample(69.515, 35.313), 2021.0f);  // Bazarak
    // The range over the window, as documented (no NoData in it).
    EXPECT_EQ(dem().min_value, 73.0f);
    EXPECT_EQ(dem().max_value, 7944.0f);
    for (float v : dem().values) ASSERT_FALSE(std::isnan(v));
}

TEST_F(ShippedDem, SamplingIsNearestNeighbourOnThePosts) {
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
    const std::string path = kFixtures + "truncated.tif";
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

}  // namespace
