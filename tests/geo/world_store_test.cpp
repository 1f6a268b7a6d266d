#include "geo/world_store.hpp"

#include <gtest/gtest.h>

#include <string>

#include "geo/error.hpp"

namespace {

const std::string kStore = geo::worldStorePath(TEXTATLAS_SOURCE_DATA_DIR);

// Every vertex of the layer lies in the box (up to rounding).
bool inside(const geo::VectorLayer& layer, const geo::LonLatBox& box) {
    for (const geo::VectorFeature& f : layer.features) {
        for (const auto& part : f.parts) {
            for (const geo::LonLat& p : part) {
                if (p.lon < box.west - 1e-9 || p.lon > box.east + 1e-9 || p.lat < box.south - 1e-9 || p.lat > box.north + 1e-9)
                    return false;
            }
        }
    }
    return true;
}

geo::TileKey tileAt(double lon, double lat, int band) {
    return geo::tilesCovering(geo::LonLatBox{lon - 1e-6, lat - 1e-6, lon + 1e-6, lat + 1e-6}, band).front();
}

TEST(WorldStore, AMissingStoreNamesItselfAndHowToBuildIt) {
    const std::string path = std::string(TEXTATLAS_TEST_DATA_DIR) + "/no_such_world.gpkg";
    try {
        geo::WorldStore store(path);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::MissingData);
        EXPECT_EQ(std::string(e.what()), path + ": cannot open the world basemap (tools/setup.sh builds it: tools/build_world.sh)");
    }
}

TEST(WorldStore, TheWorldBandHoldsTheSeaCoastsAndBorders) {
    geo::WorldStore store(kStore);
    std::size_t water = 0, coast = 0, countries = 0, admin1 = 0;
    const std::vector<geo::TileKey> world = geo::tilesCovering(geo::LonLatBox{-180, -90, 180, 90}, 0);
    ASSERT_EQ(world.size(), 4u);
    for (const geo::TileKey& key : world) {
        const geo::WorldTile tile = store.read(key);
        EXPECT_EQ(tile.water.kind, geo::GeometryKind::Polygons);
        water += tile.water.features.size();
        coast += tile.coast.features.size();
        countries += tile.countries.features.size();
        admin1 += tile.admin1.features.size();
        EXPECT_TRUE(inside(tile.water, geo::tileBounds(key)));
        // Lines only: the same lines, no water.
        const geo::WorldTile lines = store.read(key, false);
        EXPECT_TRUE(lines.water.features.empty());
        EXPECT_EQ(lines.coast.features.size(), tile.coast.features.size());
    }
    EXPECT_GT(water, 40u);
    EXPECT_GT(coast, 300u);
    EXPECT_GT(countries, 200u);
    EXPECT_EQ(admin1, 0u);  // admin-1 borders start at the next band
}

TEST(WorldStore, ACityTileIsClippedToItsBoundsAndHasWaterRiversAndBorders) {
    geo::WorldStore store(kStore);
    const int band = geo::bandForZoom(10.0);
    // Odesa: the Black Sea, the Dniester's estuary, oblast borders.
    const geo::TileKey key = tileAt(30.73, 46.48, band);
    const geo::WorldTile tile = store.read(key);
    EXPECT_EQ(tile.key, key);
    EXPECT_FALSE(tile.water.features.empty());
    EXPECT_FALSE(tile.admin1.features.empty());
    EXPECT_FALSE(tile.rivers_major.features.empty() && tile.rivers_minor.features.empty());
    const geo::LonLatBox bounds = geo::tileBounds(key);
    for (const geo::VectorLayer* layer : {&tile.water, &tile.rivers_major, &tile.rivers_minor, &tile.countries, &tile.admin1}) {
        EXPECT_TRUE(inside(*layer, bounds)) << layer->name;
    }
    // Inland, far from any water: an empty tile reads as empty layers, not an error.
    const geo::WorldTile sahara = store.read(tileAt(12.0, 24.0, band));
    EXPECT_TRUE(sahara.water.features.empty());
    const geo::WorldTile nowhere = store.read(geo::TileKey{band, -5, -5});
    EXPECT_EQ(nowhere.vertexCount(), 0u);
}

TEST(WorldStore, OpenSeaIsOneRectangle) {
    geo::WorldStore store(kStore);
    const geo::TileKey key = tileAt(-140.0, -30.0, geo::bandForZoom(10.0));  // the South Pacific
    const geo::WorldTile tile = store.read(key);
    ASSERT_EQ(tile.water.features.size(), 1u);
    ASSERT_EQ(tile.water.features[0].parts.size(), 1u);
    EXPECT_LE(tile.water.features[0].parts[0].size(), 5u);
}

}  // namespace
