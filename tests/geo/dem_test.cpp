#include "geo/dem.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "geo/error.hpp"
#include "support/geotiff_writer.hpp"
#include "support/temp_dir.hpp"

namespace {

using test_support::kDemNoData;
using test_support::writeLonLatDem;

std::string errorOf(const std::string& path) {
    try {
        geo::openDems(path);
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "no error";
}

// Elevation rising 10 m per column eastwards from `base`.
auto eastwardRamp(double base) {
    return [base](int col, int) { return base + 10.0 * col; };
}

TEST(Dem, AFileIsOneDemOnItsLonLatGrid) {
    const test_support::TempDir scratch;
    writeLonLatDem(scratch / "a.tif", 69.0, 35.0, 40, 20, 0.05, eastwardRamp(1000.0));
    const auto dems = geo::openDems(scratch / "a.tif");
    ASSERT_EQ(dems.size(), 1u);
    const geo::Dem& dem = *dems[0];
    EXPECT_EQ(dem.path(), scratch / "a.tif");
    EXPECT_EQ(dem.columns(), 40);
    EXPECT_EQ(dem.rows(), 20);
    EXPECT_DOUBLE_EQ(dem.west(), 69.0);
    EXPECT_DOUBLE_EQ(dem.north(), 35.0);
    EXPECT_NEAR(dem.east(), 71.0, 1e-12);
    EXPECT_NEAR(dem.south(), 34.0, 1e-12);
    // At a cell centre the cell's value; halfway between two centres their mean; NaN outside.
    EXPECT_NEAR(dem.sample(69.0 + 0.025 + 0.05 * 7, 34.5), 1070.0, 1e-6);
    EXPECT_NEAR(dem.sample(69.0 + 0.05 * 8, 34.5), 1075.0, 1e-6);
    EXPECT_TRUE(std::isnan(dem.sample(68.9, 34.5)));
    EXPECT_TRUE(std::isnan(dem.sample(70.0, 35.2)));
}

TEST(Dem, AWindowIsReadAtTheResolutionAsked) {
    const test_support::TempDir scratch;
    writeLonLatDem(scratch / "a.tif", 69.0, 35.0, 40, 20, 0.05, eastwardRamp(1000.0));
    const auto dem = geo::openDems(scratch / "a.tif").front();
    // Columns 8–15, rows 4–11, two cells to one, averaged: 4 × 4 cells of 0.1°.
    const geo::Raster window = dem->readCells(8, 4, 8, 8, 4, 4, true);
    ASSERT_EQ(window.width, 4);
    ASSERT_EQ(window.height, 4);
    EXPECT_NEAR(window.west(), 69.4, 1e-9);
    EXPECT_NEAR(window.north(), 34.8, 1e-9);
    EXPECT_NEAR(window.geotransform[1], 0.1, 1e-12);
    EXPECT_NEAR(window.values[0], 1085.0, 1e-3);  // the mean of columns 8 and 9
    EXPECT_NEAR(window.values[3], 1145.0, 1e-3);
    // Cut where it runs off the grid; nothing where it misses it.
    EXPECT_EQ(dem->readCells(36, 0, 8, 4, 8, 4, false).width, 4);
    EXPECT_EQ(dem->readCells(40, 0, 8, 4, 8, 4, false).width, 0);
    // The whole DEM in at most 10 cells a side.
    const geo::Raster all = dem->readAll(10);
    EXPECT_EQ(all.width, 10);
    EXPECT_EQ(all.height, 5);
}

TEST(Dem, AGridInMemoryIsReadLikeAFile) {
    // 4 × 2 cells of 0.5° from 10°E, 50°N: 100, 110, … eastwards, 1000 more in the south row; one hole.
    geo::Raster grid;
    grid.width = 4;
    grid.height = 2;
    const double gt[6] = {10.0, 0.5, 0.0, 50.0, 0.0, -0.5};
    std::copy(gt, gt + 6, grid.geotransform);
    grid.values = {100, 110, 120, 130, 1100, 1110, std::numeric_limits<float>::quiet_NaN(), 1130};
    const auto dem = geo::demFromRaster(grid, "grid");
    EXPECT_EQ(dem->path(), "grid");
    EXPECT_EQ(dem->columns(), 4);
    EXPECT_EQ(dem->rows(), 2);
    EXPECT_DOUBLE_EQ(dem->west(), 10.0);
    EXPECT_DOUBLE_EQ(dem->east(), 12.0);
    EXPECT_DOUBLE_EQ(dem->south(), 49.0);
    const geo::Raster all = dem->readCells(0, 0, 4, 2, 4, 2, false);
    ASSERT_EQ(all.values.size(), 8u);
    for (std::size_t i = 0; i < 8; ++i) {
        if (i == 6) EXPECT_TRUE(std::isnan(all.values[i]));
        else EXPECT_EQ(all.values[i], grid.values[i]) << "cell " << i;
    }
    EXPECT_EQ(all.min_value, 100.0f);
    EXPECT_EQ(all.max_value, 1130.0f);
    // Halfway between the first two cell centres of the north row: their mean.
    EXPECT_NEAR(dem->sample(10.5, 49.75), 105.0, 1e-6);
    EXPECT_NEAR(geo::elevationAt({}, dem.get(), 10.5, 49.75), 105.0, 1e-6);
    // A DEM of the user's wins over the relief where it has a value.
    const test_support::TempDir scratch;
    writeLonLatDem(scratch / "over.tif", 10.0, 50.0, 2, 2, 0.5, [](int, int) { return 7000.0; });
    const auto over = geo::openDems(scratch / "over.tif");
    EXPECT_NEAR(geo::elevationAt(over, dem.get(), 10.5, 49.75), 7000.0, 1e-6);
    EXPECT_NEAR(geo::elevationAt(over, dem.get(), 11.75, 49.75), 130.0, 1e-6);
}

TEST(Dem, AGridInMemoryThatIsNotALonLatGridIsRefused) {
    geo::Raster grid;
    const auto message = [](const geo::Raster& raster) {
        try {
            geo::demFromRaster(raster, "grid");
        } catch (const geo::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message(grid), "grid: the grid has 0 values for 0 x 0 cells");
    grid.width = 2;
    grid.height = 2;
    grid.values = {1, 2, 3};
    EXPECT_EQ(message(grid), "grid: the grid has 3 values for 2 x 2 cells");
    grid.values.push_back(4);
    grid.geotransform[5] = 1.0;  // south-up
    EXPECT_EQ(message(grid), "grid: not a north-up lon/lat grid");
}

TEST(Dem, NoDataIsNaN) {
    const test_support::TempDir scratch;
    writeLonLatDem(scratch / "a.tif", 10.0, 50.0, 4, 4, 0.25,
                   [](int col, int row) { return col == 1 && row == 1 ? kDemNoData : 300.0; });
    const auto dem = geo::openDems(scratch / "a.tif").front();
    const geo::Raster all = dem->readCells(0, 0, 4, 4, 4, 4, false);
    EXPECT_TRUE(std::isnan(all.values[5]));
    EXPECT_EQ(all.values[0], 300.0f);
    EXPECT_TRUE(std::isnan(dem->sample(10.375, 49.625)));
}

TEST(Dem, AFolderOfTilesIsOneMosaicPerCoordinateSystem) {
    const test_support::TempDir scratch;
    // Two 1° tiles side by side (as SRTM tiles are), a note, and a UTM tile in a subfolder.
    writeLonLatDem(scratch / "N34E069.tif", 69.0, 35.0, 20, 20, 0.05, [](int, int) { return 1000.0; });
    writeLonLatDem(scratch / "N34E070.tif", 70.0, 35.0, 20, 20, 0.05, [](int, int) { return 2000.0; });
    std::ofstream(scratch / "README.txt") << "tiles from my survey\n";
    std::filesystem::create_directories(scratch / "utm");
    test_support::GeoTiffSpec utm;
    utm.epsg = 32642;  // UTM 42N
    const double gt[6] = {500000.0, 1000.0, 0.0, 3900000.0, 0.0, -1000.0};
    for (int i = 0; i < 6; ++i) utm.geotransform[i] = gt[i];
    utm.width = utm.height = 30;
    utm.type = GDT_Float32;
    utm.value = [](int, int, int) { return 3000.0; };
    test_support::writeGeoTiff(scratch / "utm/survey.tif", utm);

    auto dems = geo::openDems(scratch.path().string());
    ASSERT_EQ(dems.size(), 2u);
    geo::sortCoarsestFirst(dems);
    const geo::Dem* mosaic = dems[0]->columns() == 40 ? dems[0].get() : dems[1].get();
    ASSERT_EQ(mosaic->columns(), 40);
    const geo::Dem* survey = mosaic == dems[0].get() ? dems[1].get() : dems[0].get();
    EXPECT_EQ(mosaic->path(), scratch.path().string());
    EXPECT_EQ(mosaic->rows(), 20);
    EXPECT_NEAR(mosaic->sample(69.5, 34.5), 1000.0, 1e-6);
    EXPECT_NEAR(mosaic->sample(70.5, 34.5), 2000.0, 1e-6);
    // The UTM tile is read warped to lon/lat: about 69°E, 35.2°N.
    EXPECT_NEAR(survey->west(), 69.0, 0.05);
    EXPECT_NEAR(survey->north(), 35.24, 0.05);
    EXPECT_NEAR(survey->sample(69.15, 35.1), 3000.0, 1e-3);
    // Coarsest first: the mosaic's 0.05° cells, then the survey's ~0.009°.
    EXPECT_EQ(dems[0].get(), mosaic);
    // Where both cover, the finest answers; elsewhere the one that covers.
    EXPECT_NEAR(geo::elevationAt(dems, nullptr, 69.15, 35.1), 3000.0, 1e-3);
    EXPECT_NEAR(geo::elevationAt(dems, nullptr, 69.15, 34.9), 1000.0, 1e-6);
    EXPECT_NEAR(geo::elevationAt(dems, nullptr, 70.5, 34.5), 2000.0, 1e-6);
    EXPECT_TRUE(std::isnan(geo::elevationAt(dems, nullptr, 10.0, 10.0)));
}

// A checkerboard of 0 m and 1000 m cells over 10–12°E, 44–46°N: every second cell is all of one
// colour (what a nearest-cell read of a zoomed-out view sees), the average of any 2 × 2 is 500 m.
void writeCheckerboard(const std::string& path, double west, int columns, double base = 0.0) {
    const double cell = 2.0 / 512;
    test_support::writeLonLatDem(path, west, 46.0, columns, 512, cell,
                                 [base](int col, int row) { return base + ((col + row) % 2 == 0 ? 0.0 : 1000.0); });
}

// Every value of `raster` within `tolerance` of `metres`.
::testing::AssertionResult allNear(const geo::Raster& raster, double metres, double tolerance) {
    for (float v : raster.values)
        if (!(std::abs(v - metres) <= tolerance)) return ::testing::AssertionFailure() << v << " is not " << metres;
    return ::testing::AssertionSuccess();
}

TEST(Dem, AveragedOverviewsAreWrittenOnceToTheCacheAndUsedForCoarseReads) {
    const test_support::TempDir scratch;
    writeCheckerboard(scratch / "board.tif", 10.0, 512);
    const auto dem = geo::openDems(scratch / "board.tif").front();
    // Without overviews a nearest read of every fourth cell sees one colour only.
    const geo::Raster aliased = dem->readCells(0, 0, 512, 512, 128, 128, false);
    EXPECT_TRUE(allNear(aliased, 0.0, 0.0) || allNear(aliased, 1000.0, 0.0));

    const std::string cache = scratch / "cache";
    const std::string made = dem->useAveragedOverviews(cache);
    EXPECT_EQ(std::filesystem::path(made).parent_path(), cache);
    EXPECT_EQ(std::filesystem::path(made).extension(), ".tif");
    // Coarse reads, nearest asked or not, anywhere in the grid, are the average now.
    EXPECT_TRUE(allNear(dem->readCells(0, 0, 512, 512, 128, 128, false), 500.0, 1.0));
    EXPECT_TRUE(allNear(dem->readCells(101, 37, 200, 100, 50, 25, false), 500.0, 1.0));
    const geo::Raster coarse = dem->readCells(101, 37, 200, 100, 50, 25, false);
    EXPECT_NEAR(coarse.geotransform[0], 10.0 + 101 * 2.0 / 512, 1e-12);
    EXPECT_NEAR(coarse.geotransform[1], 4 * 2.0 / 512, 1e-12);
    // Full-resolution reads are the DEM's own cells.
    const geo::Raster fine = dem->readCells(10, 10, 2, 1, 2, 1, false);
    EXPECT_EQ(fine.values, (std::vector<float>{0.0f, 1000.0f}));

    // Another run on the same DEM reuses the file; a changed DEM makes another.
    const auto written = std::filesystem::last_write_time(made);
    EXPECT_EQ(geo::openDems(scratch / "board.tif").front()->useAveragedOverviews(cache), made);
    EXPECT_EQ(std::filesystem::last_write_time(made), written);
    writeCheckerboard(scratch / "board.tif", 10.0, 512, 200.0);
    std::filesystem::last_write_time(scratch / "board.tif", written + std::chrono::seconds(10));  // any clock's grain
    const auto changed = geo::openDems(scratch / "board.tif").front();
    const std::string remade = changed->useAveragedOverviews(cache);
    EXPECT_NE(remade, made);
    EXPECT_TRUE(allNear(changed->readCells(0, 0, 512, 512, 128, 128, false), 700.0, 1.0));

    // Stopped while it is made (the viewer quits): nothing is left in the cache, reads go on as before.
    writeCheckerboard(scratch / "other.tif", 10.0, 512);
    const auto other = geo::openDems(scratch / "other.tif").front();
    const std::string stopped_cache = scratch / "stopped";
    EXPECT_THROW(other->useAveragedOverviews(stopped_cache, [] { return false; }), geo::Cancelled);
    EXPECT_TRUE(std::filesystem::is_empty(stopped_cache));
    const geo::Raster still_aliased = other->readCells(0, 0, 512, 512, 128, 128, false);
    EXPECT_TRUE(allNear(still_aliased, 0.0, 0.0) || allNear(still_aliased, 1000.0, 0.0));
    // A folder of tiles: the mosaic's overviews, across the seam.
    std::filesystem::create_directories(scratch.path() / "tiles");
    writeCheckerboard(scratch / "tiles/west.tif", 10.0, 256);
    writeCheckerboard(scratch / "tiles/east.tif", 11.0, 256);
    const auto mosaic = geo::openDems(scratch / "tiles").front();
    ASSERT_EQ(mosaic->columns(), 512);
    mosaic->useAveragedOverviews(cache);
    EXPECT_TRUE(allNear(mosaic->readCells(200, 0, 112, 512, 28, 128, false), 500.0, 1.0));
}

TEST(Dem, BadFilesAreNamedInOneLine) {
    const test_support::TempDir scratch;
    EXPECT_EQ(errorOf(scratch / "missing.hgt"), scratch / "missing.hgt: file not found");
    std::ofstream(scratch / "garbage.tif") << "II*\0 this is not a TIFF";
    EXPECT_EQ(errorOf(scratch / "garbage.tif").rfind(scratch / "garbage.tif: not a raster GDAL can read", 0), 0u)
        << errorOf(scratch / "garbage.tif");
    const std::string fixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/raster/";
    EXPECT_EQ(errorOf(fixtures + "no_crs.tif"), fixtures + "no_crs.tif: raster has no coordinate reference system");
    EXPECT_EQ(errorOf(fixtures + "no_geotransform.vrt"), fixtures + "no_geotransform.vrt: raster has no geotransform");
    test_support::writeTruncatedGeoTiff(scratch / "truncated.tif");
    EXPECT_EQ(errorOf(scratch / "truncated.tif").rfind(scratch / "truncated.tif: cannot read raster data", 0), 0u)
        << errorOf(scratch / "truncated.tif");
    std::filesystem::create_directories(scratch / "empty");
    std::ofstream(scratch / "empty/notes.md") << "nothing here\n";
    EXPECT_EQ(errorOf(scratch / "empty"), scratch / "empty: no DEM files in the folder");
}

}  // namespace
