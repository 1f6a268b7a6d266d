// Places written as GeoJSON, KML and GeoPackage are read back with OGR itself (not with our code):
// one point feature per place at its lon/lat in EPSG:4326, with its attributes and the full text
// of its passages; failed exports name the path and leave nothing behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/place_export.hpp"

namespace {

namespace fs = std::filesystem;

// Three paragraphs; Kabul twice in the first, the Panjshir Valley and Bazarak in the second.
const std::string kText =
    "Kabul lies below the Hindu Kush. From Kabul the road climbs north.\n"
    "\n"
    "The Panjshir Valley <b>\"opens\"</b> & narrows near Bazarak.\n"
    "\n"
    "Nothing here.\n";

geo::Mention mentionOf(const geo::Document& doc, const std::string& word, std::size_t occurrence, std::size_t place,
                       std::size_t passage) {
    std::size_t at = doc.text().find(word);
    for (std::size_t i = 0; i < occurrence; ++i) at = doc.text().find(word, at + 1);
    geo::Mention m;
    m.byte_start = at;
    m.byte_end = at + word.size();
    m.start = doc.byteToCodePoint(m.byte_start);
    m.end = doc.byteToCodePoint(m.byte_end);
    m.text = word;
    m.place = place;
    m.passage = passage;
    return m;
}

geo::ResolvedPlace resolved(const std::string& id, const std::string& name, double lon, double lat,
                            geo::PlaceKind kind, double confidence) {
    geo::ResolvedPlace r;
    r.place.id = id;
    r.place.name = name;
    r.place.position = geo::LonLat(lon, lat);
    r.place.kind = kind;
    r.place.country = "AF";
    r.confidence = confidence;
    return r;
}

struct Sample {
    geo::Document doc = geo::Document::fromString(kText, "sample.txt");
    geo::Extraction extraction;

    Sample() {
        extraction.places = {resolved("geonames:1138958", "Kabul", 69.17233, 34.52813, geo::PlaceKind::City, 0.95),
                             resolved("curated:panjshir-valley", "Panjshir Valley", 69.6, 35.35,
                                      geo::PlaceKind::Region, 0.8),
                             resolved("geonames:1147540", "Bazarak", 69.515, 35.313, geo::PlaceKind::City, 0.625)};
        extraction.mentions = {mentionOf(doc, "Kabul", 0, 0, 0), mentionOf(doc, "Kabul", 1, 0, 0),
                               mentionOf(doc, "Panjshir Valley", 0, 1, 1), mentionOf(doc, "Bazarak", 0, 2, 1)};
        extraction.places[0].mentions = {0, 1};
        extraction.places[0].passages = {0};
        extraction.places[1].mentions = {2};
        extraction.places[1].passages = {1};
        extraction.places[2].mentions = {3};
        extraction.places[2].passages = {1};
    }
};

fs::path tempDir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("textatlas-place-export-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

struct ReadFeature {
    std::string name;
    std::string passages;
    std::string id;
    int mention_count = -1;
    double lon = 0.0;
    double lat = 0.0;
};

struct ReadLayer {
    int layer_count = 0;
    std::string epsg;
    std::vector<ReadFeature> features;
};

std::string fieldString(OGRFeatureH feature, const char* name) {
    const int index = OGR_F_GetFieldIndex(feature, name);
    return index >= 0 ? OGR_F_GetFieldAsString(feature, index) : std::string("<no field ") + name + ">";
}

// Reads with OGR; KML keeps the passages in the placemark's description.
ReadLayer readWithOgr(const std::string& path, const char* passages_field) {
    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    ReadLayer read;
    if (!dataset) return read;
    read.layer_count = GDALDatasetGetLayerCount(dataset.get());
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
        OSRAutoIdentifyEPSG(srs);
        const char* code = OSRGetAuthorityCode(srs, nullptr);
        read.epsg = code ? code : "";
    }
    OGR_L_ResetReading(layer);
    while (OGRFeatureH raw = OGR_L_GetNextFeature(layer)) {
        geo::gdal::FeaturePtr feature(raw);
        ReadFeature f;
        f.name = fieldString(raw, "name");
        f.passages = fieldString(raw, passages_field);
        f.id = fieldString(raw, "id");
        const int count_index = OGR_F_GetFieldIndex(raw, "mention_count");
        if (count_index >= 0) f.mention_count = OGR_F_GetFieldAsInteger(raw, count_index);
        if (OGRGeometryH g = OGR_F_GetGeometryRef(raw); g && wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
            f.lon = OGR_G_GetX(g, 0);
            f.lat = OGR_G_GetY(g, 0);
        }
        read.features.push_back(f);
    }
    return read;
}

void expectAllPlaces(const ReadLayer& read, const Sample& sample) {
    EXPECT_EQ(read.layer_count, 1);
    EXPECT_EQ(read.epsg, "4326");
    ASSERT_EQ(read.features.size(), sample.extraction.places.size());
    for (std::size_t i = 0; i < read.features.size(); ++i) {
        const auto& want = sample.extraction.places[i];
        const ReadFeature& got = read.features[i];
        EXPECT_EQ(got.name, want.place.name);
        EXPECT_EQ(got.id, want.place.id);
        EXPECT_EQ(got.mention_count, static_cast<int>(want.mentions.size()));
        EXPECT_NEAR(got.lon, want.place.position.lon, 1e-6);
        EXPECT_NEAR(got.lat, want.place.position.lat, 1e-6);
    }
    // Whole paragraphs, exactly as in the text.
    EXPECT_EQ(read.features[0].passages, "Kabul lies below the Hindu Kush. From Kabul the road climbs north.");
    EXPECT_EQ(read.features[1].passages, "The Panjshir Valley <b>\"opens\"</b> & narrows near Bazarak.");
    EXPECT_EQ(read.features[2].passages, read.features[1].passages);
}

// Only the exported file is left in the folder: no temporary or journal files.
void expectOnlyFile(const fs::path& dir, const fs::path& file) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{file.filename().string()});
}

TEST(PlaceExport, GeoJsonHasOneFeaturePerPlaceWithItsPassages) {
    const Sample sample;
    const fs::path dir = tempDir("geojson");
    const fs::path path = dir / "places.geojson";
    geo::exportPlaces(sample.doc, sample.extraction, path.string(), geo::PlaceFormat::GeoJson);
    expectAllPlaces(readWithOgr(path.string(), "passages"), sample);
    expectOnlyFile(dir, path);
    fs::remove_all(dir);
}

TEST(PlaceExport, KmlHasOnePlacemarkPerPlaceWithPassagesAsDescription) {
    const Sample sample;
    const fs::path dir = tempDir("kml");
    const fs::path path = dir / "places.kml";
    geo::exportPlaces(sample.doc, sample.extraction, path.string(), geo::PlaceFormat::Kml);
    expectAllPlaces(readWithOgr(path.string(), "description"), sample);
    expectOnlyFile(dir, path);
    // Google Earth shows <name> on the map and <description> in the balloon.
    std::ifstream in(path);
    const std::string kml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(kml.find("<name>Panjshir Valley</name>"), std::string::npos);
    EXPECT_NE(kml.find("<description>The Panjshir Valley &lt;b&gt;"), std::string::npos);
    fs::remove_all(dir);
}

TEST(PlaceExport, GeoPackageHasOneFeaturePerPlaceAndReplacesAnOldFile) {
    const Sample sample;
    const fs::path dir = tempDir("gpkg");
    const fs::path path = dir / "places.gpkg";
    geo::exportPlaces(sample.doc, sample.extraction, path.string(), geo::PlaceFormat::GeoPackage);
    // A second export replaces the file rather than adding a second layer or more features.
    geo::exportPlaces(sample.doc, sample.extraction, path.string(), geo::PlaceFormat::GeoPackage);
    expectAllPlaces(readWithOgr(path.string(), "passages"), sample);
    expectOnlyFile(dir, path);
    fs::remove_all(dir);
}

TEST(PlaceExport, RecordsJoinSeveralPassagesWithABlankLine) {
    Sample sample;
    // Kabul named in the second paragraph too.
    sample.extraction.places[0].passages = {0, 1};
    const std::vector<geo::PlaceRecord> records = geo::placeRecords(sample.doc, sample.extraction);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].passage_count, 2);
    EXPECT_EQ(records[0].passages,
              "Kabul lies below the Hindu Kush. From Kabul the road climbs north.\n\n"
              "The Panjshir Valley <b>\"opens\"</b> & narrows near Bazarak.");
    EXPECT_EQ(records[1].kind, "region");
    EXPECT_DOUBLE_EQ(records[2].confidence, 0.625);
}

TEST(PlaceExport, MissingDirectoryIsAnIoErrorNamingThePath) {
    const Sample sample;
    const fs::path dir = tempDir("missing");
    const std::string path = (dir / "no-such-folder" / "places.gpkg").string();
    try {
        geo::exportPlaces(sample.doc, sample.extraction, path, geo::PlaceFormat::GeoPackage);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Io);
        EXPECT_EQ(std::string(e.what()), path + ": cannot write places as GeoPackage (directory does not exist)");
    }
    EXPECT_TRUE(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST(PlaceExport, FormatsByNameAndExtension) {
    EXPECT_EQ(geo::placeFormatFromName("GeoJSON"), geo::PlaceFormat::GeoJson);
    EXPECT_EQ(geo::placeFormatFromName("kml"), geo::PlaceFormat::Kml);
    EXPECT_EQ(geo::placeFormatFromName("gpkg"), geo::PlaceFormat::GeoPackage);
    EXPECT_FALSE(geo::placeFormatFromName("shp").has_value());
    EXPECT_EQ(geo::placeFormatFromPath("a/b.json"), geo::PlaceFormat::GeoJson);
    EXPECT_EQ(geo::placeFormatFromPath("B.KML"), geo::PlaceFormat::Kml);
    EXPECT_EQ(geo::placeFormatFromPath("x.gpkg"), geo::PlaceFormat::GeoPackage);
    EXPECT_FALSE(geo::placeFormatFromPath("x.csv").has_value());
}

}  // namespace
