// Tests of geo::PlaceShapes: outlines and courses by gazetteer id, read lazily from a GeoPackage —
// a small one written here with OGR, and the one setup builds from the Debian packages.
#include <gtest/gtest.h>
#include <unistd.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/extraction.hpp"
#include "geo/place_shapes.hpp"

namespace fs = std::filesystem;

namespace {

class PlaceShapesFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("textatlas_shapes_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                "-" + std::to_string(::getpid()));  // several checkouts run their suites at once
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "gazetteer");
    }
    void TearDown() override { fs::remove_all(dir_); }

    // place_shapes.gpkg with a square area and a two-part line, as tools/build_place_shapes.py writes it.
    void writeShapes() {
        GDALAllRegister();
        GDALDriverH driver = GDALGetDriverByName("GPKG");
        ASSERT_NE(driver, nullptr);
        const std::string path = geo::PlaceShapes::pathIn(dir_.string());
        GDALDatasetH ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        ASSERT_NE(ds, nullptr);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 4326);
        OGRLayerH layer = GDALDatasetCreateLayer(ds, "place_shapes", srs, wkbUnknown, nullptr);
        OSRRelease(srs);
        ASSERT_NE(layer, nullptr);
        for (const char* name : {"place_id", "kind"}) {
            OGRFieldDefnH field = OGR_Fld_Create(name, OFTString);
            OGR_L_CreateField(layer, field, TRUE);
            OGR_Fld_Destroy(field);
        }
        const auto add = [&](const char* id, const char* kind, const char* wkt) {
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            OGR_F_SetFieldString(f, 0, id);
            OGR_F_SetFieldString(f, 1, kind);
            OGRGeometryH g = nullptr;
            char* text = const_cast<char*>(wkt);
            ASSERT_EQ(OGR_G_CreateFromWkt(&text, nullptr, &g), OGRERR_NONE);
            OGR_F_SetGeometryDirectly(f, g);
            ASSERT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
            OGR_F_Destroy(f);
        };
        add("admin1:XX.01", "area", "MULTIPOLYGON (((10 40,12 40,12 42,10 42,10 40),(10.5 40.5,11 40.5,11 41,10.5 40.5)))");
        add("river:test-1", "line", "MULTILINESTRING ((30 50,31 50.5,32 51),(31 50.5,31 49))");
        GDALClose(ds);
    }
    fs::path dir_;
};

TEST_F(PlaceShapesFile, AnAreaIsItsPolygonsWithHoles) {
    writeShapes();
    const geo::PlaceShapes shapes(dir_.string());
    ASSERT_TRUE(shapes.available());
    const auto area = shapes.find("admin1:XX.01");
    ASSERT_TRUE(area.has_value());
    EXPECT_EQ(area->kind, geo::PlaceShape::Kind::Area);
    ASSERT_EQ(area->polygons.size(), 1u);
    ASSERT_EQ(area->polygons[0].size(), 2u);  // outer ring and one hole
    EXPECT_EQ(area->polygons[0][0].size(), 5u);
    EXPECT_DOUBLE_EQ(area->polygons[0][0][1].lon, 12.0);
    EXPECT_TRUE(area->lines.empty());
    EXPECT_DOUBLE_EQ(area->west, 10.0);
    EXPECT_DOUBLE_EQ(area->east, 12.0);
    EXPECT_DOUBLE_EQ(area->south, 40.0);
    EXPECT_DOUBLE_EQ(area->north, 42.0);
}

TEST_F(PlaceShapesFile, ALineIsThePartsOfItsCourse) {
    writeShapes();
    const geo::PlaceShapes shapes(dir_.string());
    const auto river = shapes.find("river:test-1");
    ASSERT_TRUE(river.has_value());
    EXPECT_EQ(river->kind, geo::PlaceShape::Kind::Line);
    ASSERT_EQ(river->lines.size(), 2u);
    EXPECT_EQ(river->lines[0].size(), 3u);
    EXPECT_DOUBLE_EQ(river->lines[1][1].lat, 49.0);
    EXPECT_DOUBLE_EQ(river->south, 49.0);
    EXPECT_DOUBLE_EQ(river->north, 51.0);
}

TEST_F(PlaceShapesFile, PlacesWithoutAShapeAndOddIds) {
    writeShapes();
    const geo::PlaceShapes shapes(dir_.string());
    EXPECT_FALSE(shapes.find("geonames:703448").has_value());
    EXPECT_FALSE(shapes.find("").has_value());
    EXPECT_FALSE(shapes.find("x' OR '1'='1").has_value());  // never read as SQL
    EXPECT_TRUE(shapes.find("river:test-1").has_value());    // the filter was reset
}

TEST_F(PlaceShapesFile, NoFileMeansNoShapes) {
    const geo::PlaceShapes shapes(dir_.string());
    EXPECT_FALSE(shapes.available());
    EXPECT_FALSE(shapes.find("admin1:XX.01").has_value());
}

TEST_F(PlaceShapesFile, ADamagedFileIsAnErrorNamingIt) {
    std::ofstream(geo::PlaceShapes::pathIn(dir_.string()), std::ios::binary) << "not a GeoPackage at all";
    const geo::PlaceShapes shapes(dir_.string());
    try {
        shapes.find("admin1:XX.01");
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
        EXPECT_NE(std::string(e.what()).find(geo::PlaceShapes::pathIn(dir_.string())), std::string::npos);
    }
}

// The shapes setup builds (tools/build_place_shapes.py, from libmagics++-data and qgis-common).
class ShippedShapes : public ::testing::Test {
protected:
    void SetUp() override {
        shapes_ = std::make_unique<geo::PlaceShapes>(geo::findDataDir());
        if (!shapes_->available()) {
            GTEST_SKIP() << geo::PlaceShapes::pathIn(geo::findDataDir()) << " is built by tools/setup.sh";
        }
    }
    static bool inside(const geo::PlaceShape& s, double lon, double lat) {
        for (const auto& polygon : s.polygons) {
            bool in = false;
            const auto& ring = polygon[0];
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                if ((ring[i].lat > lat) != (ring[j].lat > lat) &&
                    lon < ring[i].lon + (lat - ring[i].lat) * (ring[j].lon - ring[i].lon) / (ring[j].lat - ring[i].lat)) {
                    in = !in;
                }
            }
            if (in) return true;
        }
        return false;
    }
    std::unique_ptr<geo::PlaceShapes> shapes_;
};

TEST_F(ShippedShapes, CountriesAndProvincesAreAreas) {
    const auto ukraine = shapes_->find("country:UA");
    ASSERT_TRUE(ukraine.has_value());
    EXPECT_EQ(ukraine->kind, geo::PlaceShape::Kind::Area);
    EXPECT_TRUE(inside(*ukraine, 30.52, 50.45));   // Kyiv
    EXPECT_FALSE(inside(*ukraine, 37.62, 55.75));  // Moscow
    const auto texas = shapes_->find("admin1:US.TX");
    ASSERT_TRUE(texas.has_value());
    EXPECT_TRUE(inside(*texas, -97.74, 30.27));    // Austin
    EXPECT_FALSE(inside(*texas, -90.07, 29.95));   // New Orleans
}

TEST_F(ShippedShapes, RiversAreLinesAlongTheirCourse) {
    // The Indus, once a point near Attock, runs from Tibet to the Arabian Sea.
    const auto indus = shapes_->find("curated:indus-river");
    ASSERT_TRUE(indus.has_value());
    EXPECT_EQ(indus->kind, geo::PlaceShape::Kind::Line);
    EXPECT_GT(indus->north - indus->south, 8.0);
    EXPECT_LT(indus->south, 25.5);
    const auto dnipro = shapes_->find("river:dnipro-116");
    ASSERT_TRUE(dnipro.has_value());
    // It flows through Kyiv: some vertex within about 10 km.
    double nearest = 1e9;
    for (const auto& line : dnipro->lines) {
        for (const geo::LonLat& p : line) nearest = std::min(nearest, std::hypot((p.lon - 30.55) * 0.64, p.lat - 50.45));
    }
    EXPECT_LT(nearest, 0.1);
}

TEST_F(ShippedShapes, EveryResolvedProvinceAndRiverOfAUkraineTextHasAShape) {
    const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir());
    const geo::Extraction ex = geo::extractPlaces(
        geo::Document::fromString("Shelling hit the Kharkiv region and towns along the Dnipro river in Ukraine.", "t"),
        gazetteer);
    int shaped = 0;
    for (const geo::ResolvedPlace& p : ex.places) shaped += shapes_->find(p.place.id).has_value();
    EXPECT_EQ(shaped, 3) << "Kharkiv region, the Dnipro river and Ukraine";
}

}  // namespace
