#include "geo/vector_layer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <unistd.h>
#include <cstdio>

#include "geo/error.hpp"
#include "support/shared_dem.hpp"

#include <filesystem>

namespace {

// Real-world layers: the shared reference data's, read where they lie as a user's files (never
// copied into the project); the tests that need them skip when the folder is absent.
const std::string kBasemapDir = test_support::sharedDataDir() + "/";

bool haveSharedLayer(const std::string& file) {
    std::error_code ec;
    return std::filesystem::is_regular_file(kBasemapDir + file, ec);
}
const std::string kFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/vector/";

struct Extent {
    double west = 180, south = 90, east = -180, north = -90;
};

Extent extentOf(const geo::VectorLayer& layer) {
    Extent e;
    for (const auto& f : layer.features) {
        for (const auto& part : f.parts) {
            for (const geo::LonLat& p : part) {
                e.west = std::fmin(e.west, p.lon);
                e.east = std::fmax(e.east, p.lon);
                e.south = std::fmin(e.south, p.lat);
                e.north = std::fmax(e.north, p.lat);
            }
        }
    }
    return e;
}

geo::Error loadError(const std::string& path, const std::string& filter = "") {
    try {
        geo::loadVectorLayerWhere(path, filter);
    } catch (const geo::Error& e) {
        return e;
    }
    return geo::Error(geo::ErrorKind::Io, "no error");
}

// Feature counts, kinds and extents as listed in data/PROVENANCE.md.
struct ShippedLayerCase {
    const char* file;
    std::size_t features;
    geo::GeometryKind kind;
    Extent extent;
};

class ShippedLayer : public ::testing::TestWithParam<ShippedLayerCase> {};

TEST_P(ShippedLayer, LoadsCompletelyWithTheDocumentedCountAndExtent) {
    const ShippedLayerCase& c = GetParam();
    int skipped = -1;
    if (!haveSharedLayer(c.file)) GTEST_SKIP() << kBasemapDir << c.file << " is absent (set TEXTATLAS_SHARED_DATA)";
    const geo::VectorLayer layer = geo::loadVectorLayer(kBasemapDir + c.file, &skipped);
    EXPECT_EQ(skipped, 0);
    EXPECT_EQ(layer.features.size(), c.features);
    EXPECT_EQ(layer.kind, c.kind);
    EXPECT_EQ(layer.name + ".geojson", c.file);
    const Extent e = extentOf(layer);
    // PROVENANCE rounds extents to 2-4 decimals.
    EXPECT_NEAR(e.west, c.extent.west, 0.01);
    EXPECT_NEAR(e.south, c.extent.south, 0.01);
    EXPECT_NEAR(e.east, c.extent.east, 0.01);
    EXPECT_NEAR(e.north, c.extent.north, 0.01);
    for (const auto& f : layer.features) {
        ASSERT_FALSE(f.parts.empty());
        ASSERT_EQ(f.parts.size(), f.ring_is_hole.size());
        if (c.kind == geo::GeometryKind::Polygons) {
            EXPECT_FALSE(f.ring_is_hole.front());
        }
        if (c.kind == geo::GeometryKind::Points) {
            EXPECT_EQ(f.parts.front().size(), 1u);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    SharedData, ShippedLayer,
    ::testing::Values(
        ShippedLayerCase{"afghanistan_provinces_adm1.geojson", 34, geo::GeometryKind::Polygons,
                         {60.5676, 29.3513, 74.8918, 38.4975}},
        ShippedLayerCase{"region_countries_10m.geojson", 13, geo::GeometryKind::Polygons, {55, 25, 80, 42}},
        ShippedLayerCase{"world_countries_110m.geojson", 177, geo::GeometryKind::Polygons, {-180, -85.61, 180, 83.65}},
        ShippedLayerCase{"world_land_110m.geojson", 1, geo::GeometryKind::Polygons, {-180, -85.61, 180, 83.65}},
        ShippedLayerCase{"region_rivers_ne10m.geojson", 32, geo::GeometryKind::Lines, {55, 25, 80, 42}},
        ShippedLayerCase{"region_rivers_wdbii_high.geojson", 688, geo::GeometryKind::Lines, {60, 28, 76, 40}},
        ShippedLayerCase{"region_lakes_gshhg_high.geojson", 38, geo::GeometryKind::Polygons, {57.30, 25, 79.94, 42}},
        ShippedLayerCase{"region_places_geonames.geojson", 3265, geo::GeometryKind::Points, {55.0, 25.0, 80.0, 41.95}}),
    [](const ::testing::TestParamInfo<ShippedLayerCase>& info) {
        const std::string file = info.param.file;
        return file.substr(0, file.find('.'));
    });

TEST(VectorLayer, ProvinceNamesComeFromShapeName) {
    if (!haveSharedLayer("afghanistan_provinces_adm1.geojson")) GTEST_SKIP() << "the shared provinces are absent";
    const geo::VectorLayer provinces = geo::loadVectorLayer(kBasemapDir + "afghanistan_provinces_adm1.geojson");
    bool has_panjshir = false;
    bool has_ghanzi = false;  // the source's spelling of Ghazni, kept as shipped
    for (const auto& f : provinces.features) {
        EXPECT_FALSE(f.name.empty());
        has_panjshir |= f.name == "Panjshir";
        has_ghanzi |= f.name == "Ghanzi";
    }
    EXPECT_TRUE(has_panjshir);
    EXPECT_TRUE(has_ghanzi);
}

TEST(VectorLayer, AttributeFilterKeepsOnlyMatchingFeatures) {
    if (!haveSharedLayer("region_rivers_wdbii_high.geojson")) GTEST_SKIP() << "the shared rivers are absent";
    const std::string path = kBasemapDir + "region_rivers_wdbii_high.geojson";
    // Count the expected features straight from the text: one "level": N per feature.
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string json = text.str();
    const std::regex level_re("\"level\"\\s*:\\s*(\\d+)");
    std::size_t expected = 0;
    std::size_t total = 0;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), level_re); it != std::sregex_iterator(); ++it) {
        ++total;
        if (std::stoi((*it)[1].str()) <= 4) ++expected;
    }
    ASSERT_EQ(total, 688u);
    ASSERT_GT(expected, 0u);
    ASSERT_LT(expected, total);
    EXPECT_EQ(geo::loadVectorLayerWhere(path, "level <= 4").features.size(), expected);
    EXPECT_EQ(geo::loadVectorLayerWhere(path, "").features.size(), total);
}

TEST(VectorLayer, InvalidCoordinatesSkipTheFeatureAndAreCounted) {
    int skipped = -1;
    const geo::VectorLayer layer = geo::loadVectorLayer(kFixtures + "bad_coordinates.geojson", &skipped);
    // lat 95, NaN lon, lon 200, infinite lat, null geometry.
    EXPECT_EQ(skipped, 5);
    ASSERT_EQ(layer.features.size(), 2u);
    EXPECT_EQ(layer.kind, geo::GeometryKind::Lines);
    EXPECT_EQ(layer.features[0].name, "valid line");
    ASSERT_EQ(layer.features[0].parts.size(), 1u);
    EXPECT_EQ(layer.features[0].parts[0].size(), 2u);
    EXPECT_EQ(layer.features[0].parts[0][1].lon, 69.5);
    EXPECT_EQ(layer.features[0].parts[0][1].lat, 34.5);
    // A MultiLineString is flattened into the parts of one feature.
    EXPECT_EQ(layer.features[1].name, "valid multiline");
    ASSERT_EQ(layer.features[1].parts.size(), 2u);
    EXPECT_EQ(layer.features[1].parts[0].size(), 3u);
    EXPECT_EQ(layer.features[1].parts[1].size(), 2u);
    // Without a counter the result is the same.
    EXPECT_EQ(geo::loadVectorLayer(kFixtures + "bad_coordinates.geojson").features.size(), 2u);
}

TEST(VectorLayer, PolygonsListOuterRingsThenTheirHoles) {
    const geo::VectorLayer layer = geo::loadVectorLayer(kFixtures + "polygons_with_hole.geojson");
    EXPECT_EQ(layer.kind, geo::GeometryKind::Polygons);
    ASSERT_EQ(layer.features.size(), 2u);
    EXPECT_EQ(layer.features[0].name, "square with hole");
    EXPECT_EQ(layer.features[0].ring_is_hole, (std::vector<bool>{false, true}));
    EXPECT_EQ(layer.features[0].parts[0].size(), 5u);
    EXPECT_EQ(layer.features[0].parts[1][0].lon, 61.0);
    EXPECT_EQ(layer.features[1].name, "two islands");
    EXPECT_EQ(layer.features[1].ring_is_hole, (std::vector<bool>{false, false, true}));
    EXPECT_EQ(layer.features[1].parts[1][0].lon, 72.0);
    EXPECT_EQ(layer.features[1].parts[2][0].lon, 72.2);
}

TEST(VectorLayer, OtherCrsIsTransformedToLonLat) {
    const geo::VectorLayer layer = geo::loadVectorLayer(kFixtures + "web_mercator_points.geojson");
    EXPECT_EQ(layer.kind, geo::GeometryKind::Points);
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(layer.features[0].name, "origin");
    EXPECT_NEAR(layer.features[0].parts[0][0].lon, 0.0, 1e-9);
    EXPECT_NEAR(layer.features[0].parts[0][0].lat, 0.0, 1e-9);
    EXPECT_EQ(layer.features[1].name, "quarter world east");
    EXPECT_NEAR(layer.features[1].parts[0][0].lon, 90.0, 1e-9);  // x = π·R/2
    // A MultiPoint gives one part per point.
    ASSERT_EQ(layer.features[2].parts.size(), 2u);
    EXPECT_NEAR(std::fabs(layer.features[2].parts[0][0].lon), 180.0, 1e-9);
    // Inverse spherical Mercator: lat = atan(sinh(y / R)).
    const double expected_lat = std::atan(std::sinh(-1000000.0 / 6378137.0)) * 180.0 / 3.14159265358979323846;
    EXPECT_NEAR(layer.features[2].parts[1][0].lat, expected_lat, 1e-9);
    EXPECT_NEAR(layer.features[2].parts[1][0].lon, 0.0, 1e-9);
}

TEST(VectorLayer, MissingFileIsMissingData) {
    const std::string path = kFixtures + "does_not_exist.geojson";
    const geo::Error e = loadError(path);
    EXPECT_EQ(e.kind(), geo::ErrorKind::MissingData);
    EXPECT_EQ(std::string(e.what()), path + ": file not found");
}

TEST(VectorLayer, UnreadableFileIsRefusedQuietly) {
    const std::string path = kFixtures + "not_a_vector.geojson";
    ::testing::internal::CaptureStderr();
    const geo::Error e = loadError(path);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
    // GDAL finds no driver for plain text and has no more to say.
    EXPECT_EQ(std::string(e.what()), path + ": not a vector file GDAL/OGR can read");
}

TEST(VectorLayer, BadAttributeFilterIsInvalidInput) {
    const std::string path = kFixtures + "polygons_with_hole.geojson";
    const geo::Error e = loadError(path, "level <=");
    EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(path + ": invalid attribute filter \"level <=\" (GDAL: ", 0), 0u) << message;
}

// File → Add layer… reads a file of mixed geometry as one layer per kind: polygons, lines, points
// (a GeoJSON of all three drew only the first feature's kind; the rest was skipped silently).
TEST(VectorLayer, AMixedFileGivesOneLayerPerKindPolygonsLinesPoints) {
    int skipped = -1;
    const std::vector<geo::VectorLayer> layers = geo::loadVectorLayersByKind(kFixtures + "mixed_kinds.geojson", &skipped);
    ASSERT_EQ(layers.size(), 3u);
    EXPECT_EQ(layers[0].kind, geo::GeometryKind::Polygons);
    EXPECT_EQ(layers[1].kind, geo::GeometryKind::Lines);
    EXPECT_EQ(layers[2].kind, geo::GeometryKind::Points);
    EXPECT_EQ(skipped, 2);  // the null geometry and the point at longitude 200
    const auto names = [](const geo::VectorLayer& layer) {
        std::vector<std::string> out;
        for (const auto& f : layer.features) out.push_back(f.name);
        return out;
    };
    EXPECT_EQ(names(layers[0]), std::vector<std::string>({"Lake Ring"}));
    EXPECT_EQ(names(layers[1]), std::vector<std::string>({"Canal", "Ferry", "Gauge and weir"}));
    EXPECT_EQ(names(layers[2]), std::vector<std::string>({"Alpha", "Beta", "Gauge and weir"}));
    ASSERT_EQ(layers[1].features[1].parts.size(), 2u);  // the MultiLineString's two lines
    const geo::LonLat& beta = layers[2].features[1].parts.at(0).at(0);
    EXPECT_DOUBLE_EQ(beta.lon, 12.9);
    EXPECT_DOUBLE_EQ(beta.lat, 45.3);
    // A file of one kind is one layer; the single-kind reader still reads the first kind only.
    const auto polygons = geo::loadVectorLayersByKind(kFixtures + "polygons_with_hole.geojson");
    ASSERT_EQ(polygons.size(), 1u);
    EXPECT_EQ(polygons[0].kind, geo::GeometryKind::Polygons);
    EXPECT_EQ(polygons[0].features.size(), geo::loadVectorLayer(kFixtures + "polygons_with_hole.geojson").features.size());
}

TEST(VectorLayer, AFileWithNoFeatureByKindIsOneEmptyLayerAndAnUnreadableOneIsNamed) {
    const std::string empty = ::testing::TempDir() + "empty_" + std::to_string(::getpid()) + ".geojson";
    std::ofstream(empty) << R"({"type":"FeatureCollection","features":[]})";
    const auto layers = geo::loadVectorLayersByKind(empty);
    std::remove(empty.c_str());
    ASSERT_EQ(layers.size(), 1u);
    EXPECT_TRUE(layers[0].features.empty());
    const std::string path = kFixtures + "not_a_vector.geojson";
    try {
        geo::loadVectorLayersByKind(path);
        FAIL() << "read a text file as a vector layer";
    } catch (const geo::Error& e) {
        EXPECT_EQ(std::string(e.what()), path + ": not a vector file GDAL/OGR can read");
    }
}

}  // namespace
