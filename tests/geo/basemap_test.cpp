#include "geo/basemap.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "geo/error.hpp"
#include "geo/world_store.hpp"

namespace {

const std::string kDataDir = TEXTATLAS_SOURCE_DATA_DIR;

bool drawsLine(const geo::LayerStyle& s) { return (s.line_rgba & 0xffu) != 0 && s.line_width_px > 0.0f; }
bool drawsFill(const geo::LayerStyle& s) { return (s.fill_rgba & 0xffu) != 0; }

TEST(Basemap, LoadsTheReliefTheWorldLayersInDrawingOrderAndTheTowns) {
    const auto start = std::chrono::steady_clock::now();
    const geo::Basemap basemap = geo::loadBasemap(kDataDir);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    RecordProperty("load_seconds", std::to_string(seconds));
    std::printf("loadBasemap took %.3f s\n", seconds);

    // The world relief only (the user's DEMs are the caller's to open): ETOPO5 at its native 5′;
    // the sea is at 1 m (the water drawn over it makes the coast), as is land at or below sea level.
    EXPECT_TRUE(basemap.dems.empty());
    ASSERT_NE(basemap.world_relief, nullptr);
    const geo::Dem& relief = *basemap.world_relief;
    EXPECT_EQ(relief.columns(), 4320);
    EXPECT_EQ(relief.rows(), 2160);
    EXPECT_DOUBLE_EQ(relief.west(), -180.0);
    EXPECT_DOUBLE_EQ(relief.north(), 90.0);
    // The one cell under a point (the relief is opened, not read: each read is a window).
    const auto cell = [&relief](double lon, double lat) {
        const int column = static_cast<int>((lon - relief.west()) / relief.cellLonDegrees());
        const int row = static_cast<int>((relief.north() - lat) / relief.cellLatDegrees());
        return relief.readCells(column, row, 1, 1, 1, 1, false).values.at(0);
    };
    EXPECT_GT(cell(69.17, 34.53), 1500.0f);   // Kabul
    EXPECT_GT(cell(86.92, 27.99), 5000.0f);   // Everest
    EXPECT_EQ(cell(-150.0, 0.0), 1.0f);       // the Pacific
    EXPECT_EQ(cell(4.9, 52.37), 1.0f);        // Amsterdam, below sea level, is land
    EXPECT_GT(geo::elevationAt({}, &relief, 69.17, 34.53), 1500.0);  // what the elevation profile samples

    // Rivers and state lines under the water, so the sea and lakes hide where they run past GSHHG's coast.
    const std::vector<std::string> expected_order = {"land", "rivers", "admin1", "water", "countries"};
    const std::vector<geo::WorldLayer> expected_world = {geo::WorldLayer::None, geo::WorldLayer::Rivers, geo::WorldLayer::Admin1,
                                                         geo::WorldLayer::Water, geo::WorldLayer::Countries};
    ASSERT_EQ(basemap.layers.size(), expected_order.size());
    for (std::size_t i = 0; i < expected_order.size(); ++i) {
        EXPECT_EQ(basemap.layers[i].id, expected_order[i]) << i;
        EXPECT_EQ(basemap.layers[i].world, expected_world[i]) << i;
        EXPECT_TRUE(basemap.layers[i].visible);
        EXPECT_TRUE(drawsLine(basemap.layers[i].style) || drawsFill(basemap.layers[i].style)) << expected_order[i];
    }
    // The land under everything is the whole world; sea and lakes are areas without outline; the rest are lines.
    EXPECT_EQ(basemap.layers[0].layer.features.size(), 1u);
    EXPECT_TRUE(drawsFill(basemap.layers[3].style));
    EXPECT_FALSE(drawsLine(basemap.layers[3].style));
    for (std::size_t i = 1; i < basemap.layers.size(); ++i) {
        if (i == 3) continue;
        EXPECT_TRUE(drawsLine(basemap.layers[i].style)) << expected_order[i];
        EXPECT_FALSE(drawsFill(basemap.layers[i].style)) << expected_order[i];
    }
    EXPECT_EQ(basemap.world_store, geo::worldStorePath(kDataDir));
    // The locator's outline: the world's coasts and borders.
    EXPECT_GT(basemap.outline.features.size(), 500u);
    EXPECT_TRUE(basemap.towns.empty());  // the caller's gazetteer gives them

    EXPECT_NE(std::find(basemap.attribution.begin(), basemap.attribution.end(), "Places: GeoNames, geonames.org (CC BY 4.0)"),
              basemap.attribution.end());
    EXPECT_NE(std::find(basemap.attribution.begin(), basemap.attribution.end(), "World relief: ETOPO5 (NOAA NGDC), public domain"),
              basemap.attribution.end());
}

TEST(Basemap, TownsAreTheGazetteersPopulatedPlacesMostPopulousFirst) {
    const geo::Gazetteer gazetteer = geo::Gazetteer::load(kDataDir);
    const std::vector<geo::Town> towns = geo::gazetteerTowns(gazetteer);
    ASSERT_GT(towns.size(), 100000u);
    EXPECT_TRUE(std::is_sorted(towns.begin(), towns.end(),
                               [](const geo::Town& a, const geo::Town& b) { return a.population > b.population; }));
    EXPECT_GT(towns.front().population, 10'000'000);
    EXPECT_TRUE(std::all_of(towns.begin(), towns.end(), [](const geo::Town& t) { return t.population > 0 && !t.name.empty(); }));
    for (const char* name : {"Manila", "Odessa", "Bergen", "Karachi", "Oakland", "Charikar"}) {
        EXPECT_TRUE(std::any_of(towns.begin(), towns.end(), [&](const geo::Town& t) { return t.name == name; })) << name;
    }
}

TEST(Basemap, MissingDataFolderNamesTheFileAndHowToBuildIt) {
    const std::string dir = std::string(TEXTATLAS_TEST_DATA_DIR) + "/no_such_data_dir";
    try {
        geo::loadBasemap(dir);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::MissingData);
        EXPECT_EQ(std::string(e.what()),
                  dir + "/world/world.gpkg: cannot open the world basemap (tools/setup.sh builds it: tools/build_world.sh)");
    }
}

}  // namespace
