// Bad and awkward input for the geo library (issue 7), beyond the per-module tests: texts that never
// end or are one enormous line, damaged gazetteer indexes, a data folder without data, and GIS
// files that are broken in the ways files arrive broken (cut short, parts missing, not what their
// name says). Cases already covered elsewhere: text_test.cpp (missing, directory, permission,
// empty, binary, invalid UTF-8, UTF-16, CRLF), raster_test.cpp (no CRS, truncated GeoTIFF),
// vector_layer_test.cpp (lat 95, NaN, infinite coordinates).
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/gazetteer.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/raster.hpp"
#include "geo/text.hpp"
#include "geo/vector_layer.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kVectorFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/vector/";

// The message of the geo::Error that `fn` throws, or "" if it throws none.
template <typename Fn>
std::string errorOf(Fn&& fn) {
    try {
        fn();
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "";
}

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

class GeoBadInput : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("textatlas-geo-bad-input-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::string write(const std::string& name, const std::string& bytes) const {
        fs::create_directories((dir_ / name).parent_path());
        std::ofstream(path(name), std::ios::binary) << bytes;
        return path(name);
    }

    fs::path dir_;
};

// ---- texts

TEST_F(GeoBadInput, EndlessDeviceIsRefusedAsBinaryWithoutReadingItAll) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(errorOf([] { geo::Document::fromFile("/dev/zero"); }), "/dev/zero: binary file, not text");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST_F(GeoBadInput, NulByteFarIntoALargeFileIsFound) {
    // Past the first read block (1 MiB), so the block-by-block check must look at every block.
    std::string bytes(3u << 20, 'a');
    bytes[(3u << 20) - 10] = '\0';
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(write("late-nul.txt", bytes)); }),
              path("late-nul.txt") + ": binary file, not text");
}

TEST_F(GeoBadInput, SingleHundredMegabyteLineIsOnePassage) {
    // "é" is two bytes: 50 M of them make 100 MB and 50 M code points.
    constexpr std::size_t kLetters = 50u << 20;
    const std::string file = path("long-line.txt");
    {
        std::ofstream out(file, std::ios::binary);
        std::string block;
        for (int i = 0; i < (1 << 19); ++i) block += "\xC3\xA9";
        out << "Kabul ";
        for (std::size_t written = 0; written < kLetters; written += 1u << 19) out << block;
        out << "\n";
    }
    const geo::Document doc = geo::Document::fromFile(file);
    ASSERT_EQ(doc.passages().size(), 1u);
    EXPECT_EQ(doc.passages()[0].start, 0u);
    EXPECT_EQ(doc.passages()[0].end, 6 + kLetters);
    EXPECT_EQ(doc.passages()[0].byte_end, 6 + 2 * kLetters);
    EXPECT_EQ(doc.codePointCount(), 6 + kLetters + 1);
    EXPECT_EQ(doc.byteToCodePoint(6 + 2 * 1000), 6u + 1000u);
    EXPECT_EQ(doc.codePointToByte(6 + kLetters), 6 + 2 * kLetters);
}

// ---- gazetteer index and data folder

// The tiny gazetteer of gazetteer_test.cpp: 8 places in 5 tables.
void writeTinyTables(const fs::path& data) {
    const fs::path dir = data / "gazetteer";
    fs::create_directories(dir);
    const auto write = [&](const char* name, const std::string& content) {
        std::ofstream(dir / name, std::ios::binary) << content;
    };
    const std::string cities =
        "#geonameid\tname\talt_names\tcountry\tadmin1\tfeature_code\tpopulation\tlat\tlon\n"
        "1138958\tKabul\t\tAF\t13\tPPLC\t3043532\t34.52813\t69.17233\n"
        "1429434\tBazarak\t\tAF\t42\tPPLA\t65000\t35.31292\t69.51519\n";
    std::unique_ptr<gzFile_s, decltype(&gzclose)> gz(gzopen((dir / "cities.tsv.gz").c_str(), "wb"), &gzclose);
    gzwrite(gz.get(), cities.data(), static_cast<unsigned>(cities.size()));
    gz.reset();
    write("admin1.tsv", "AF.42\tPanjshir\t\t\t65000\t35.2973\t69.68125\nUS.VA\tVirginia\t\tVa.\t1000\t37.5\t-77.4\n");
    write("admin2.tsv", "US.LA.079\tRapides Parish\t31.2\t-92.5\n");
    write("countries.tsv", "AF\tAFG\tAfghanistan\tIslamic Republic of Afghanistan\t\t\tAfghan\t6785497\t33\t65\n");
    write("curated.tsv", "panjshir-valley\tPanjshir Valley\t\tRegion\tVAL\tAF\t35.31\t69.52\tcurated\n"
                         "asia\tAsia\t\tContinent\tCONT\t\t29.84\t89.3\tcurated\n");
    write("physical.tsv", "river:dnipro-116\tDnipro\t\tPhysical\tSTM\tUA\t50\t31.44\tNatural Earth\n");
}

// Overwrites 4 bytes of a file at `offset` (negative: from the end).
void patch32(const std::string& file, long offset, std::uint32_t value) {
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(offset, offset < 0 ? std::ios::end : std::ios::beg);
    f.write(reinterpret_cast<const char*>(&value), sizeof value);
}

TEST_F(GeoBadInput, DamagedIndexCountsAreIgnoredNotAllocated) {
    writeTinyTables(dir_);
    const std::string index = path("gazetteer/gazetteer.idx");
    // An index of a one-place gazetteer, so which source load() read shows in the place count.
    geo::Gazetteer one;
    geo::Place place;
    place.id = "curated:only";
    place.name = "Only";
    one.add(place, {{"Only", geo::NameKind::Name}});
    one.writeIndex(index);
    ASSERT_EQ(geo::Gazetteer::load(dir_.string()).places().size(), 1u);

    // Layout: 8 magic bytes, byte-order mark, longest name in words, place count.
    patch32(index, 16, 0xFFFFFFFFu);  // four billion places in a file of a few hundred bytes
    EXPECT_EQ(geo::Gazetteer::load(dir_.string()).places().size(), 9u);  // the tables, no bad_alloc

    one.writeIndex(index);
    patch32(index, 12, 0);  // names of zero words
    EXPECT_EQ(geo::Gazetteer::load(dir_.string()).places().size(), 9u);

    one.writeIndex(index);
    // The last id's place index sits before the 8-byte end marker: one past the only place.
    patch32(index, -12, 1);
    EXPECT_EQ(geo::Gazetteer::load(dir_.string()).places().size(), 9u);
}

TEST_F(GeoBadInput, DataFolderFromTheEnvironmentIsUsedEvenWhenEmpty) {
    const std::string empty = path("empty-data");
    fs::create_directories(empty);
    const char* old = std::getenv("TEXTATLAS_DATA");
    const std::string saved = old != nullptr ? old : "";
    ::setenv("TEXTATLAS_DATA", empty.c_str(), 1);
    std::string found;
    try {
        found = geo::findDataDir();
    } catch (...) {
    }
    if (old != nullptr) ::setenv("TEXTATLAS_DATA", saved.c_str(), 1);
    else ::unsetenv("TEXTATLAS_DATA");
    // Not quietly the source tree's data: the user's folder, whose missing file is then named.
    EXPECT_EQ(found, empty);
    try {
        geo::Gazetteer::load(found);
        FAIL() << "no error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::MissingData);
        EXPECT_EQ(std::string(e.what()), empty + "/gazetteer/cities.tsv.gz: missing");
    }
}

// ---- GIS files

TEST_F(GeoBadInput, FilesThatAreNotWhatTheirNameSays) {
    const std::string gpkg = write("not-sqlite.gpkg", "not an SQLite database");
    EXPECT_EQ(errorOf([&] { geo::loadVectorLayer(gpkg); }), gpkg + ": not a vector file GDAL/OGR can read");
    const std::string empty_tif = write("empty.tif", "");
    EXPECT_EQ(errorOf([&] { geo::loadRaster(empty_tif); }), empty_tif + ": not a raster GDAL can read");
    // A folder is no raster; as a vector source (OGR reads folders of shapefiles) it has no layer.
    const std::string folder = path("folder");
    fs::create_directories(folder);
    EXPECT_EQ(errorOf([&] { geo::loadRaster(folder); }), folder + ": not a raster GDAL can read");
    EXPECT_EQ(errorOf([&] { geo::loadVectorLayer(folder); }), folder + ": not a vector file GDAL/OGR can read");
}

TEST_F(GeoBadInput, CutShortKmlAndGeoJsonGiveGdalsReasonInOneLine) {
    const std::string kml = write("cut.kml", "<?xml version=\"1.0\"?><kml><Document><Placemark><Point><coordinates>69,34");
    const std::string kml_error = errorOf([&] { geo::loadVectorLayer(kml); });
    EXPECT_TRUE(startsWith(kml_error, kml + ": not a vector file GDAL/OGR can read (GDAL: ")) << kml_error;
    EXPECT_EQ(kml_error.find('\n'), std::string::npos);

    std::ifstream in(kVectorFixtures + "polygons_with_hole.geojson", std::ios::binary);
    const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string geojson = write("cut.geojson", whole.substr(0, whole.size() / 2));
    EXPECT_EQ(errorOf([&] { geo::loadVectorLayer(geojson); }),
              geojson + ": not a vector file GDAL/OGR can read (GDAL: Failed to read GeoJSON data)");
}

// A shapefile of the two-feature fixture, written by GDAL's own translator.
std::string makeShapefile(const std::string& folder) {
    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr source(GDALOpenEx((kVectorFixtures + "polygons_with_hole.geojson").c_str(), GDAL_OF_VECTOR,
                                            nullptr, nullptr, nullptr));
    char* arguments[] = {const_cast<char*>("-f"), const_cast<char*>("ESRI Shapefile"), nullptr};
    std::unique_ptr<GDALVectorTranslateOptions, decltype(&GDALVectorTranslateOptionsFree)> options(
        GDALVectorTranslateOptionsNew(arguments, nullptr), &GDALVectorTranslateOptionsFree);
    GDALDatasetH sources[] = {source.get()};
    geo::gdal::DatasetPtr out(GDALVectorTranslate(folder.c_str(), nullptr, 1, sources, options.get(), nullptr));
    return folder + "/polygons_with_hole.shp";
}

TEST_F(GeoBadInput, ShapefileWithoutItsIndexFileIsRefusedNamingIt) {
    const std::string shp = makeShapefile(path("shapes"));
    ASSERT_EQ(geo::loadVectorLayer(shp).features.size(), 2u);
    fs::remove(path("shapes/polygons_with_hole.shx"));
    const std::string message = errorOf([&] { geo::loadVectorLayer(shp); });
    EXPECT_TRUE(startsWith(message, shp + ": not a vector file GDAL/OGR can read (GDAL: Unable to open ")) << message;
    EXPECT_NE(message.find("polygons_with_hole.shx"), std::string::npos);
}

TEST_F(GeoBadInput, CutShortShapefileCountsTheFeaturesItLost) {
    const std::string shp = makeShapefile(path("shapes"));
    // Keep the 100-byte header and the first record (the second starts at the offset in the .shx).
    std::ifstream shx(path("shapes/polygons_with_hole.shx"), std::ios::binary);
    unsigned char record[8] = {};
    shx.seekg(100 + 8);
    shx.read(reinterpret_cast<char*>(record), sizeof record);
    const std::uintmax_t second_offset =
        2u * ((std::uintmax_t{record[0]} << 24) | (record[1] << 16) | (record[2] << 8) | record[3]);
    ASSERT_GT(second_offset, 100u);
    fs::resize_file(shp, second_offset + 20);
    int skipped = -1;
    const geo::VectorLayer layer = geo::loadVectorLayer(shp, &skipped);
    EXPECT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(skipped, 1);  // said, not silently dropped
}

}  // namespace
