#include "geo/basemap.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "geo/error.hpp"

namespace {

const std::string kDataDir = TEXTATLAS_SOURCE_DATA_DIR;

bool drawsLine(const geo::LayerStyle& s) { return (s.line_rgba & 0xffu) != 0 && s.line_width_px > 0.0f; }
bool drawsFill(const geo::LayerStyle& s) { return (s.fill_rgba & 0xffu) != 0; }

TEST(Basemap, LoadsTheReliefAndTheLayersInDrawingOrder) {
    const auto start = std::chrono::steady_clock::now();
    const geo::Basemap basemap = geo::loadBasemap(kDataDir);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    RecordProperty("load_seconds", std::to_string(seconds));
    std::printf("loadBasemap took %.3f s\n", seconds);

    // The world relief only: the user's DEMs are the caller's to open.
    EXPECT_GT(basemap.world_dem.width, 0);
    EXPECT_TRUE(basemap.dems.empty());

    const std::vector<std::string> expected_order = {
        "world_land_110m",         "region_lakes_gshhg_high", "afghanistan_provinces_adm1",
        "region_rivers_wdbii_high", "region_rivers_ne10m",     "world_countries_110m",
        "region_countries_10m"};
    ASSERT_EQ(basemap.layers.size(), expected_order.size());
    for (std::size_t i = 0; i < expected_order.size(); ++i) {
        EXPECT_EQ(basemap.layers[i].layer.name, expected_order[i]) << i;
        EXPECT_TRUE(basemap.layers[i].visible);
        EXPECT_FALSE(basemap.layers[i].layer.features.empty()) << expected_order[i];
        EXPECT_TRUE(drawsLine(basemap.layers[i].style) || drawsFill(basemap.layers[i].style)) << expected_order[i];
    }
    // Land and lakes are areas without outline; the rest are lines.
    EXPECT_TRUE(drawsFill(basemap.layers[0].style));
    EXPECT_FALSE(drawsLine(basemap.layers[0].style));
    EXPECT_TRUE(drawsFill(basemap.layers[1].style));
    for (std::size_t i = 2; i < basemap.layers.size(); ++i) {
        EXPECT_TRUE(drawsLine(basemap.layers[i].style)) << expected_order[i];
        EXPECT_FALSE(drawsFill(basemap.layers[i].style)) << expected_order[i];
    }
    // Only the major WDBII river classes are kept (688 pieces in all).
    EXPECT_LT(basemap.layers[3].layer.features.size(), 688u);
    // The named rivers are drawn wider than the detailed ones, the same blue.
    EXPECT_GT(basemap.layers[4].style.line_width_px, basemap.layers[3].style.line_width_px);
    EXPECT_EQ(basemap.layers[4].style.line_rgba, basemap.layers[3].style.line_rgba);

    ASSERT_EQ(basemap.attribution.size(), 5u);
    EXPECT_EQ(basemap.attribution[3], "Places: GeoNames, geonames.org (CC BY 4.0)");
    EXPECT_EQ(basemap.attribution[4], "World relief: ETOPO5 (NOAA NGDC), public domain");
}

TEST(Basemap, MissingDataFolderNamesTheFile) {
    const std::string dir = std::string(TEXTATLAS_TEST_DATA_DIR) + "/no_such_data_dir";
    try {
        geo::loadBasemap(dir);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::MissingData);
        EXPECT_EQ(std::string(e.what()), dir + "/dem/world_relief_etopo5_10arcmin.tif: file not found");
    }
}

}  // namespace
