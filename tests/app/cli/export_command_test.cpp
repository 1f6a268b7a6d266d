// `textatlas export` and the export options of `textatlas render`, run as a user runs them: the
// GIS files open with OGR and hold one feature per place of `textatlas extract` with its
// passages' text, the HTML report embeds a map of the asked size, a GeoTIFF's corners are the
// view's, large print renders go through tiles, and bad arguments are usage errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <tuple>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/run_textatlas.hpp"

#include "app/project_io.hpp"
#include "app/render/image.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

namespace fs = std::filesystem;

using test_support::CommandResult;
using test_support::textatlas;

const std::string kSeed = std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt";

fs::path tempDir() {
    fs::path dir = fs::temp_directory_path() / ("textatlas-export-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::size_t codePoints(const std::string& utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

// What `textatlas extract` says about the seed: the reference the exports are checked against.
class ExportCli : public ::testing::Test {
public:
    static void SetUpTestSuite() {
        extraction_ = new nlohmann::json(nlohmann::json::parse(textatlas("extract '" + kSeed + "'").out));
    }
    static void TearDownTestSuite() {
        delete extraction_;
        extraction_ = nullptr;
    }
    static nlohmann::json* extraction_;
};
nlohmann::json* ExportCli::extraction_ = nullptr;

const nlohmann::json& seedExtraction() { return *ExportCli::extraction_; }

// Every feature is a place of the extraction, in its order, with its mentions and the full
// text of its passages (each passage in the text file, as long as extract says).
void expectPlacesOf(const fs::path& path, const char* passages_field) {
    const nlohmann::json& extraction = seedExtraction();
    const std::string text = readFile(kSeed);
    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    ASSERT_TRUE(dataset) << path;
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    ASSERT_NE(layer, nullptr);
    ASSERT_EQ(OGR_L_GetFeatureCount(layer, TRUE), static_cast<GIntBig>(extraction["places"].size()));
    OGR_L_ResetReading(layer);
    for (const auto& place : extraction["places"]) {
        geo::gdal::FeaturePtr feature(OGR_L_GetNextFeature(layer));
        ASSERT_TRUE(feature);
        EXPECT_EQ(OGR_F_GetFieldAsString(feature.get(), OGR_F_GetFieldIndex(feature.get(), "name")),
                  place["name"].get<std::string>());
        EXPECT_EQ(OGR_F_GetFieldAsInteger(feature.get(), OGR_F_GetFieldIndex(feature.get(), "mention_count")),
                  static_cast<int>(place["mentions"].size()));
        OGRGeometryH point = OGR_F_GetGeometryRef(feature.get());
        ASSERT_NE(point, nullptr);
        EXPECT_NEAR(OGR_G_GetX(point, 0), place["lon"].get<double>(), 1e-6);
        EXPECT_NEAR(OGR_G_GetY(point, 0), place["lat"].get<double>(), 1e-6);
        const int field = OGR_F_GetFieldIndex(feature.get(), passages_field);
        ASSERT_GE(field, 0);
        std::string passages = OGR_F_GetFieldAsString(feature.get(), field);
        std::size_t piece = 0;
        for (const auto& index : place["passages"]) {
            const auto& passage = extraction["passages"][index.get<std::size_t>()];
            const std::size_t cut = passages.find("\n\n");
            const std::string one = passages.substr(0, cut);
            passages = cut == std::string::npos ? "" : passages.substr(cut + 2);
            EXPECT_NE(text.find(one), std::string::npos) << place["name"] << " passage " << piece;
            EXPECT_EQ(codePoints(one), passage["end"].get<std::size_t>() - passage["start"].get<std::size_t>());
            ++piece;
        }
        EXPECT_EQ(passages, "") << "more passages than extract lists for " << place["name"];
    }
}

TEST_F(ExportCli, GeoJsonKmlAndGeoPackageHoldEveryPlaceWithItsPassages) {
    ASSERT_FALSE(seedExtraction()["places"].empty());
    const fs::path dir = tempDir();
    for (const auto& [format, file, field] : {std::tuple{"geojson", "p.geojson", "passages"},
                                              std::tuple{"kml", "p.kml", "description"},
                                              std::tuple{"gpkg", "p.gpkg", "passages"}}) {
        const fs::path path = dir / file;
        const CommandResult run = textatlas("export '" + kSeed + "' --format " + format + " --out '" + path.string() + "'");
        ASSERT_EQ(run.exit_code, 0) << format;
        EXPECT_EQ(run.out.rfind("wrote " + path.string() + " (" + std::to_string(seedExtraction()["places"].size()) +
                                    " places",
                                0),
                  0u)
            << run.out;
        expectPlacesOf(path, field);
    }
    fs::remove_all(dir);
}

TEST_F(ExportCli, TheFormatFollowsTheExtension) {
    const fs::path dir = tempDir();
    const fs::path path = dir / "from-extension.gpkg";
    ASSERT_EQ(textatlas("export '" + kSeed + "' --out '" + path.string() + "'").exit_code, 0);
    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    ASSERT_TRUE(dataset);
    EXPECT_STREQ(GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get())), "GPKG");
    fs::remove_all(dir);
}

TEST_F(ExportCli, HtmlReportEmbedsAMapOfTheAskedSize) {
    const fs::path dir = tempDir();
    const fs::path path = dir / "report.html";
    const CommandResult run = textatlas("export '" + kSeed + "' --format html --size 640x400 --title 'Panjshir <notes>' --out '" +
                                        path.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.out;
    const std::string html = readFile(path);
    EXPECT_NE(html.find("<title>Panjshir &lt;notes&gt;</title>"), std::string::npos);
    std::size_t sections = 0;
    for (std::size_t at = html.find("<section class=\"place\""); at != std::string::npos;
         at = html.find("<section class=\"place\"", at + 1))
        ++sections;
    EXPECT_EQ(sections, seedExtraction()["places"].size());

    // Decode the data URI independently and read the PNG back.
    const std::string prefix = "data:image/png;base64,";
    const std::size_t start = html.find(prefix);
    ASSERT_NE(start, std::string::npos);
    const std::string encoded = html.substr(start + prefix.size(), html.find('"', start) - start - prefix.size());
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string png;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : encoded) {
        if (c == '=') break;
        buffer = (buffer << 6) | static_cast<unsigned>(alphabet.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            png += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    const fs::path png_path = dir / "map.png";
    std::ofstream(png_path, std::ios::binary) << png;
    const app::render::Image map = app::render::readImage(png_path.string());
    EXPECT_EQ(map.width, 640);
    EXPECT_EQ(map.height, 400);
    fs::remove_all(dir);
}

TEST_F(ExportCli, RenderToTifWritesTheViewsGeoreference) {
    const fs::path dir = tempDir();
    const fs::path path = dir / "map.tif";
    const CommandResult run = textatlas("render '" + kSeed + "' --out '" + path.string() +
                                        "' --size 800x600 --center 34.9,69.4 --zoom 8");
    ASSERT_EQ(run.exit_code, 0) << run.out;
    const geo::Viewport view(800, 600, geo::Projection::webMercator().forward(geo::LonLat(69.4, 34.9)), 8.0);
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    view.bounds(min_x, min_y, max_x, max_y);

    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpen(path.c_str(), GA_ReadOnly));
    ASSERT_TRUE(dataset);
    EXPECT_EQ(GDALGetRasterXSize(dataset.get()), 800);
    EXPECT_EQ(GDALGetRasterYSize(dataset.get()), 600);
    double gt[6] = {0, 0, 0, 0, 0, 0};
    ASSERT_EQ(GDALGetGeoTransform(dataset.get(), gt), CE_None);
    // Upper left and lower right as gdalinfo prints them.
    EXPECT_NEAR(gt[0], min_x, 1e-3);
    EXPECT_NEAR(gt[3], max_y, 1e-3);
    EXPECT_NEAR(gt[0] + 800 * gt[1], max_x, 1e-3);
    EXPECT_NEAR(gt[3] + 600 * gt[5], min_y, 1e-3);
    OGRSpatialReferenceH srs = GDALGetSpatialRef(dataset.get());
    ASSERT_NE(srs, nullptr);
    OSRAutoIdentifyEPSG(srs);
    EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "3857");
    fs::remove_all(dir);
}

TEST_F(ExportCli, LargePrintRenderGoesThroughTiles) {
    const fs::path dir = tempDir();
    const fs::path path = dir / "print.png";
    const CommandResult run = textatlas("render '" + kSeed + "' --out '" + path.string() +
                                        "' --size 3000x2000 --tile-size 1024 --dpi 192 --title 'Panjshir' --legend --inset");
    ASSERT_EQ(run.exit_code, 0) << run.out;
    // 3000 / 1024 → 3 columns, 2000 / 1024 → 2 rows.
    EXPECT_NE(run.out.find("(3000x2000, "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(", 6 tiles)"), std::string::npos) << run.out;
    const app::render::Image image = app::render::readImage(path.string());
    EXPECT_EQ(image.width, 3000);
    EXPECT_EQ(image.height, 2000);
    fs::remove_all(dir);
}

TEST_F(ExportCli, TimingsGoToStderrOnlyWhenAskedFor) {
    const fs::path dir = tempDir();
    const fs::path path = dir / "timed.png";
    const std::string render = "render '" + kSeed + "' --out '" + path.string() + "' --size 300x200";
    const CommandResult quiet = textatlas(render, true);
    ASSERT_EQ(quiet.exit_code, 0) << quiet.out;
    EXPECT_EQ(quiet.out.find("textatlas timing:"), std::string::npos) << quiet.out;
    ::setenv("TEXTATLAS_TIMINGS", "1", 1);
    const CommandResult timed = textatlas(render, true);
    ::unsetenv("TEXTATLAS_TIMINGS");
    ASSERT_EQ(timed.exit_code, 0) << timed.out;
    // Every stage once, in the order the pipeline runs them.
    std::size_t at = 0;
    for (const char* stage : {"EGL context", "load the gazetteer, find the places", "load the basemap",
                              "upload to the GPU", "render and read back", "write the PNG"}) {
        const std::size_t found = timed.out.find(std::string("textatlas timing: ") + stage, at);
        ASSERT_NE(found, std::string::npos) << stage << " in\n" << timed.out;
        at = found + 1;
    }
    const app::render::Image image = app::render::readImage(path.string());
    EXPECT_EQ(image.width, 300);
    EXPECT_EQ(image.height, 200);
    fs::remove_all(dir);
}

TEST_F(ExportCli, BadArgumentsAreUsageErrors) {
    const CommandResult format = textatlas("export '" + kSeed + "' --format shp --out /tmp/x.shp", true);
    EXPECT_EQ(format.exit_code, 2);
    EXPECT_NE(format.out.find("--format must be geojson, kml, gpkg or html, got 'shp'"), std::string::npos);
    const CommandResult unknown_extension = textatlas("export '" + kSeed + "' --out /tmp/places.txt", true);
    EXPECT_EQ(unknown_extension.exit_code, 2);
    EXPECT_NE(unknown_extension.out.find("give --format"), std::string::npos);
    EXPECT_EQ(textatlas("export '" + kSeed + "'", true).exit_code, 2);
    const CommandResult missing = textatlas("export /no/such/text.txt --out /tmp/p.geojson", true);
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.out.find("/no/such/text.txt: no such file"), std::string::npos) << missing.out;

    const CommandResult jpg = textatlas("render '" + kSeed + "' --out /tmp/map.jpg", true);
    EXPECT_EQ(jpg.exit_code, 2);
    EXPECT_NE(jpg.out.find("--out must end in .png, or .tif / .tiff"), std::string::npos);
    const CommandResult huge = textatlas("render '" + kSeed + "' --out /tmp/map.png --size 20000x20000", true);
    EXPECT_EQ(huge.exit_code, 2);
    EXPECT_NE(huge.out.find("at most 16384x16384 pixels in all"), std::string::npos);
    const CommandResult dpi = textatlas("render '" + kSeed + "' --out /tmp/map.png --dpi 10", true);
    EXPECT_EQ(dpi.exit_code, 2);
    EXPECT_NE(dpi.out.find("--dpi must be a number from 50 to 1200, got '10'"), std::string::npos);
}

}  // namespace

namespace {

// A feature named `name` in the first layer of a vector file.
bool hasFeatureNamed(const fs::path& path, const std::string& name) {
    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) return false;
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    OGR_L_ResetReading(layer);
    while (geo::gdal::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        if (OGR_F_GetFieldAsString(feature.get(), OGR_F_GetFieldIndex(feature.get(), "name")) == name) return true;
    }
    return false;
}

}  // namespace

TEST(ExportCliProject, RenderAndExportShowTheReadersCorrectionsFromTheProject) {
    // The command line used the places as found, ignoring what the reader corrected in the viewer.
    const fs::path dir = tempDir() / "project";
    fs::create_directories(dir);
    const fs::path text = dir / "article.txt";
    fs::copy_file(kSeed, text, fs::copy_options::overwrite_existing);
    {
        const geo::Gazetteer gazetteer = geo::Gazetteer::load(TEXTATLAS_SOURCE_DATA_DIR);
        app::OpenDocument doc = app::openWithProject(text.string(), gazetteer);
        const auto kabul = std::find_if(doc.extraction.mentions.begin(), doc.extraction.mentions.end(),
                                        [](const geo::Mention& m) { return m.text == "Kabul"; });
        ASSERT_NE(kabul, doc.extraction.mentions.end());
        doc.corrections.push_back(geo::notAPlace(doc.document, *kabul, geo::CorrectionScope::AllWithName, 1));
        doc.reapplyCorrections(gazetteer);
        app::saveDocumentProject(doc, geo::Viewport(800, 600, geo::XY{0, 0}, 3.0));
    }
    const fs::path before = dir / "before.geojson", after = dir / "after.geojson";
    ASSERT_EQ(textatlas("export '" + kSeed + "' --out '" + before.string() + "'").exit_code, 0);
    EXPECT_TRUE(hasFeatureNamed(before, "Kabul"));
    const CommandResult exported = textatlas("export '" + text.string() + "' --out '" + after.string() + "'");
    ASSERT_EQ(exported.exit_code, 0) << exported.out;
    EXPECT_FALSE(hasFeatureNamed(after, "Kabul"));
    EXPECT_TRUE(hasFeatureNamed(after, "Panjshir Valley"));

    // A view where the seed's Kabul marker is drawn apart from Panjshir's.
    const auto markersDrawn = [&](const fs::path& source) {
        const fs::path layout = dir / "layout.json";
        const CommandResult rendered =
            textatlas("render '" + source.string() + "' --out '" + (dir / "map.png").string() +
                      "' --size 800x600 --center 34.9,69.4 --zoom 8 --layout-json '" + layout.string() + "'");
        EXPECT_EQ(rendered.exit_code, 0) << rendered.out;
        std::vector<std::string> places;
        const nlohmann::json drawn = nlohmann::json::parse(readFile(layout));
        for (const auto& marker : drawn["markers"]) places.push_back(marker["place"]);
        return places;
    };
    const std::vector<std::string> seed_markers = markersDrawn(kSeed);
    EXPECT_NE(std::find(seed_markers.begin(), seed_markers.end(), "Kabul"), seed_markers.end());
    const std::vector<std::string> corrected_markers = markersDrawn(text);
    EXPECT_EQ(std::find(corrected_markers.begin(), corrected_markers.end(), "Kabul"), corrected_markers.end());
    EXPECT_NE(std::find(corrected_markers.begin(), corrected_markers.end(), "Panjshir Valley"), corrected_markers.end());
    fs::remove_all(dir);
}
