#include "geo/world_tiles.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "geo/projection.hpp"
#include "geo/tile_loader.hpp"
#include <thread>
#include <cmath>

namespace {

bool contains(const std::vector<geo::TileKey>& keys, const geo::TileKey& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

TEST(WorldTiles, BandsGetFinerWithZoom) {
    const auto& bands = geo::worldBands();
    ASSERT_GE(bands.size(), 3u);
    EXPECT_EQ(geo::bandForZoom(0.0), 0);
    EXPECT_EQ(geo::bandForZoom(-1.0), 0);
    for (std::size_t i = 1; i < bands.size(); ++i) {
        EXPECT_GT(bands[i].min_zoom, bands[i - 1].min_zoom);
        EXPECT_GT(bands[i].tile_level, bands[i - 1].tile_level);
        EXPECT_GE(bands[i].cell_level, bands[i].tile_level);
        EXPECT_EQ(geo::bandForZoom(bands[i].min_zoom), int(i));
        EXPECT_EQ(geo::bandForZoom(bands[i].min_zoom - 0.01), int(i) - 1);
    }
    // A city view (zoom 10) is drawn from the full-resolution shoreline.
    EXPECT_EQ(bands[geo::bandForZoom(10.0)].gshhg_resolution, 'f');
    EXPECT_EQ(geo::bandForZoom(22.0), int(bands.size()) - 1);
}

TEST(WorldTiles, TileBoundsCutTheWorldIntoAQuadtree) {
    const geo::LonLatBox world = geo::tileBounds(0, 0, 0);
    EXPECT_EQ(world.west, -180.0);
    EXPECT_EQ(world.east, 180.0);
    EXPECT_EQ(world.south, -90.0);
    EXPECT_EQ(world.north, 90.0);
    // Level 2: 4 × 4 tiles of 90° × 45°, numbered from the north-west.
    const geo::LonLatBox nw = geo::tileBounds(2, 0, 0);
    EXPECT_EQ(nw.west, -180.0);
    EXPECT_EQ(nw.east, -90.0);
    EXPECT_EQ(nw.north, 90.0);
    EXPECT_EQ(nw.south, 45.0);
    const geo::LonLatBox se = geo::tileBounds(2, 3, 3);
    EXPECT_EQ(se.east, 180.0);
    EXPECT_EQ(se.south, -90.0);
}

TEST(WorldTiles, TilesCoveringABoxAreThoseItTouchesMiddleFirst) {
    const int band = geo::bandForZoom(10.0);
    const int level = geo::worldBands()[band].tile_level;
    // San Francisco Bay.
    const geo::LonLatBox bay{-122.6, 37.4, -122.0, 38.1};
    const std::vector<geo::TileKey> keys = geo::tilesCovering(bay, band);
    ASSERT_FALSE(keys.empty());
    for (const geo::TileKey& k : keys) {
        EXPECT_EQ(k.band, band);
        const geo::LonLatBox t = geo::tileBounds(level, k.x, k.y);
        EXPECT_TRUE(t.west < bay.east && bay.west < t.east && t.south < bay.north && bay.south < t.north);
    }
    // The tile holding the box's middle comes first.
    const geo::LonLatBox first = geo::tileBounds(keys.front());
    EXPECT_TRUE(first.west <= -122.3 && -122.3 <= first.east && first.south <= 37.75 && 37.75 <= first.north);
    // Every tile the box touches is there: count them from the grid.
    const double w = 360.0 / (1 << level), h = 180.0 / (1 << level);
    const int columns = int(std::floor((bay.east + 180) / w)) - int(std::floor((bay.west + 180) / w)) + 1;
    const int rows = int(std::floor((90 - bay.south) / h)) - int(std::floor((90 - bay.north) / h)) + 1;
    EXPECT_EQ(keys.size(), std::size_t(columns * rows));
}

TEST(WorldTiles, ABoxAcrossTheAntimeridianTakesTilesOnBothSides) {
    const geo::LonLatBox fiji{178.0, -19.0, -178.0, -15.0};  // west > east
    const std::vector<geo::TileKey> keys = geo::tilesCovering(fiji, 2);
    const int n = 1 << geo::worldBands()[2].tile_level;
    EXPECT_TRUE(std::any_of(keys.begin(), keys.end(), [&](const geo::TileKey& k) { return k.x == 0; }));
    EXPECT_TRUE(std::any_of(keys.begin(), keys.end(), [&](const geo::TileKey& k) { return k.x == n - 1; }));
    EXPECT_LE(keys.size(), 4u);
    EXPECT_TRUE(geo::tilesCovering(geo::LonLatBox{}, 1).empty());
}

TEST(WorldTiles, ParentTileCoversItsChild) {
    const geo::TileKey child{3, 100, 30};
    for (int band = 0; band <= 3; ++band) {
        const geo::TileKey parent = geo::parentTile(child, band);
        EXPECT_EQ(parent.band, band);
        const geo::LonLatBox p = geo::tileBounds(parent), c = geo::tileBounds(child);
        EXPECT_LE(p.west, c.west);
        EXPECT_GE(p.east, c.east);
        EXPECT_LE(p.south, c.south);
        EXPECT_GE(p.north, c.north);
    }
    // 101° E, 48° N: the world band's north-eastern tile.
    EXPECT_EQ(geo::parentTile(child, 0), (geo::TileKey{0, 1, 0}));
}

TEST(WorldTiles, VisibleBoxOfAMercatorViewIsItsCorners) {
    const geo::MapProjection mercator;
    const geo::Projection wm = geo::Projection::webMercator();
    const geo::XY centre = wm.forward(geo::LonLat(30.73, 46.48));  // Odesa
    const geo::Viewport view(1280, 800, centre, 9.0);
    const geo::LonLatBox box = geo::visibleBox(view, mercator);
    const geo::LonLat nw = wm.inverse(view.toMercator(geo::XY{0, 0}));
    const geo::LonLat se = wm.inverse(view.toMercator(geo::XY{1280, 800}));
    EXPECT_NEAR(box.west, nw.lon, 0.05 * (se.lon - nw.lon) + 1e-6);
    EXPECT_NEAR(box.east, se.lon, 0.05 * (se.lon - nw.lon) + 1e-6);
    EXPECT_NEAR(box.north, nw.lat, 0.05 * (nw.lat - se.lat) + 1e-6);
    EXPECT_NEAR(box.south, se.lat, 0.05 * (nw.lat - se.lat) + 1e-6);
    EXPECT_LE(box.west, nw.lon);
    EXPECT_GE(box.east, se.lon);
}

TEST(WorldTiles, VisibleBoxOfAGlobeOverAPoleTakesEveryLongitude) {
    const geo::MapProjection globe = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(0.0, 89.0));
    const geo::Viewport view(800, 800, geo::XY{0.0, 0.0}, 3.0);
    const geo::LonLatBox box = geo::visibleBox(view, globe);
    EXPECT_EQ(box.west, -180.0);
    EXPECT_EQ(box.east, 180.0);
    EXPECT_EQ(box.north, 90.0);
    EXPECT_LT(box.south, 60.0);
}

TEST(WorldTiles, AMercatorViewAcrossTheAntimeridianWraps) {
    const geo::MapProjection mercator;
    const geo::XY centre = geo::Projection::webMercator().forward(geo::LonLat(180.0, -17.0));
    const geo::Viewport view(1000, 600, centre, 7.0);
    const geo::LonLatBox box = geo::visibleBox(view, mercator);
    EXPECT_GT(box.west, box.east);
    EXPECT_GT(box.west, 170.0);
    EXPECT_LT(box.east, -170.0);
}

struct Payload {
    int value;
};

TEST(TileLoader, LoadsOnTheWorkerAndWaitsWhenAsked) {
    std::atomic<int> loads{0};
    geo::TileLoader<Payload> loader([&](const geo::TileKey& key) {
        ++loads;
        if (key.x == 13) throw std::runtime_error("tile 13 is damaged");
        return std::make_unique<Payload>(Payload{key.x * 10 + key.y});
    });
    const std::vector<geo::TileKey> keys = {{1, 2, 3}, {1, 4, 5}, {1, 13, 0}};
    loader.waitFor(keys);
    auto ready = loader.takeReady();
    ASSERT_EQ(ready.size(), 2u);
    for (auto& [key, payload] : ready) EXPECT_EQ(payload->value, key.x * 10 + key.y);
    EXPECT_TRUE(loader.failed(geo::TileKey{1, 13, 0}));
    EXPECT_FALSE(loader.failed(geo::TileKey{1, 2, 3}));
    EXPECT_EQ(loader.firstError(), "tile 13 is damaged");
    EXPECT_TRUE(loader.takeReady().empty());
    // A failed tile is not asked again.
    loader.waitFor({geo::TileKey{1, 13, 0}});
    EXPECT_EQ(loads.load(), 3);
}

TEST(TileLoader, ANewRequestReplacesTheQueue) {
    std::atomic<bool> release{false};
    std::atomic<int> loads{0};
    geo::TileLoader<Payload> loader([&](const geo::TileKey& key) {
        while (key.x == 0 && !release) std::this_thread::yield();
        ++loads;
        return std::make_unique<Payload>(Payload{key.x});
    });
    // Tile 0 blocks the worker; tiles 1–3 wait in the queue until the view moves on.
    loader.request({{0, 0, 0}, {0, 1, 0}, {0, 2, 0}, {0, 3, 0}});
    loader.request({{0, 7, 0}});
    release = true;
    loader.waitFor({{0, 7, 0}, {0, 0, 0}});
    std::vector<int> got;
    for (auto& [key, payload] : loader.takeReady()) got.push_back(key.x);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<int>{0, 7}));
    EXPECT_EQ(loads.load(), 2);
}

}  // namespace
