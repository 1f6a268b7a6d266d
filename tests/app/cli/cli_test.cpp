// Runs the real `textatlas` binary as a user would and checks its output and exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <string>

#include <gdal.h>
#include <nlohmann/json.hpp>

#include "support/geotiff_writer.hpp"
#include "support/run_textatlas.hpp"
#include "support/temp_dir.hpp"

#include "app/render/image.hpp"
#include "geo/geodesy.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

namespace fs = std::filesystem;

using test_support::CommandResult;
using test_support::textatlas;

const std::string kSeed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/panjshir-valley.txt";

fs::path tempDir() {
    fs::path dir = fs::temp_directory_path() / ("textatlas-cli-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

const nlohmann::json* findPlace(const nlohmann::json& doc, const std::string& name) {
    for (const auto& p : doc["places"])
        if (p["name"] == name) return &p;
    return nullptr;
}

TEST(Cli, HelpAndVersionExitZero) {
    const CommandResult help = textatlas("--help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("textatlas extract FILE"), std::string::npos);
    const CommandResult version = textatlas("--version");
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_EQ(version.out.rfind("textatlas ", 0), 0u);
}

TEST(Cli, ExtractSeedFindsItsPlacesAndLinksEveryParagraph) {
    const CommandResult run = textatlas("extract '" + kSeed + "'");
    ASSERT_EQ(run.exit_code, 0);
    const nlohmann::json doc = nlohmann::json::parse(run.out);

    // Read the file independently to check offsets and paragraph links.
    std::ifstream in(kSeed);
    std::string line;
    std::vector<std::string> paragraphs;
    while (std::getline(in, line))
        if (!line.empty()) paragraphs.push_back(line);
    ASSERT_EQ(doc["passages"].size(), paragraphs.size());

    const auto* kabul = findPlace(doc, "Kabul");
    ASSERT_NE(kabul, nullptr);
    const double km = geo::geodesicDistanceMeters(geo::LonLat(69.17233, 34.52813),
                                                  geo::LonLat((*kabul)["lon"], (*kabul)["lat"])) / 1000.0;
    EXPECT_LT(km, 10.0);
    ASSERT_NE(findPlace(doc, "Afghanistan"), nullptr);
    ASSERT_NE(findPlace(doc, "United States"), nullptr);
    const auto* valley = findPlace(doc, "Panjshir Valley");
    ASSERT_NE(valley, nullptr);

    // Every paragraph naming Kabul is linked to Kabul through one of its mentions.
    std::set<std::size_t> linked;
    for (std::size_t m : (*kabul)["mentions"]) linked.insert(doc["mentions"][m]["passage"].get<std::size_t>());
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
        EXPECT_EQ(paragraphs[i].find("Kabul") != std::string::npos, linked.count(i) == 1) << "paragraph " << i;

    // "Washington Post" is a newspaper: no mention touches "Washington".
    for (const auto& m : doc["mentions"]) EXPECT_EQ(m["text"].get<std::string>().find("Washington"), std::string::npos);
    // Mentions point at places that exist, and demonyms are reported as such.
    bool demonym = false;
    for (const auto& m : doc["mentions"]) {
        bool found = false;
        for (const auto& p : doc["places"]) found = found || p["id"] == m["place"];
        EXPECT_TRUE(found);
        demonym = demonym || m["kind"] == "demonym";
    }
    EXPECT_TRUE(demonym);
}

TEST(Cli, ExtractReportsTheSeedsDistanceClaimWithTheMeasuredGeodesic) {
    const CommandResult run = textatlas("extract '" + kSeed + "'");
    ASSERT_EQ(run.exit_code, 0);
    const nlohmann::json doc = nlohmann::json::parse(run.out);
    ASSERT_TRUE(doc.contains("distance_claims"));
    ASSERT_FALSE(doc["distance_claims"].empty());
    const auto& claim = doc["distance_claims"][0];
    // "about 100 miles north of Kabul": 100 miles claimed; measured Kabul → Panjshir Valley.
    EXPECT_NEAR(claim["claimed_m"].get<double>(), 160934.4, 1.0);
    const auto* kabul = findPlace(doc, "Kabul");
    const auto* valley = findPlace(doc, "Panjshir Valley");
    ASSERT_TRUE(kabul && valley);
    EXPECT_EQ(claim["reference"], (*kabul)["id"]);
    EXPECT_EQ(claim["subject"], (*valley)["id"]);
    const double measured = geo::geodesicDistanceMeters(geo::LonLat((*kabul)["lon"], (*kabul)["lat"]),
                                                        geo::LonLat((*valley)["lon"], (*valley)["lat"]));
    EXPECT_NEAR(claim["measured_m"].get<double>(), measured, 1.0);
}

TEST(Cli, ExtractMissingFileFailsWithMessage) {
    const CommandResult run = textatlas("extract /nonexistent/file.txt", true);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("/nonexistent/file.txt"), std::string::npos);
}

TEST(Cli, ExtractJsonlWritesOneLinePerDocumentWithCodePointOffsets) {
    const fs::path dir = tempDir();
    const fs::path in = dir / "in.jsonl";
    {
        std::ofstream f(in);
        f << R"({"id": "a", "text": "Schüler in Kabul and Paris."})" << "\n";
        f << R"({"id": 7, "text": ""})" << "\n";
    }
    const CommandResult run = textatlas("extract --jsonl '" + in.string() + "'");
    ASSERT_EQ(run.exit_code, 0);
    std::istringstream lines(run.out);
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    const auto a = nlohmann::json::parse(first);
    EXPECT_EQ(a["id"], "a");
    bool kabul = false;
    for (const auto& m : a["mentions"])
        if (m["text"] == "Kabul") {
            kabul = true;
            EXPECT_EQ(m["start"], 11);  // "Schüler in " is 11 code points (ü is one)
            EXPECT_EQ(m["end"], 16);
        }
    EXPECT_TRUE(kabul);
    const auto b = nlohmann::json::parse(second);
    EXPECT_EQ(b["id"], 7);
    EXPECT_TRUE(b["mentions"].empty());
    fs::remove_all(dir);
}

TEST(Cli, ExtractJsonlRejectsALineThatIsNotJson) {
    const fs::path dir = tempDir();
    const fs::path in = dir / "bad.jsonl";
    std::ofstream(in) << "{\"id\": 1, \"text\": \"Kabul\"}\nnot json\n";
    const CommandResult run = textatlas("extract --jsonl '" + in.string() + "'", true);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find(in.string() + ":2: not a JSON object"), std::string::npos);
    fs::remove_all(dir);
}

TEST(Cli, RenderWritesAPngWithAMarkerWhereProjPutsKabul) {
    const fs::path dir = tempDir();
    const fs::path png = dir / "kabul.png";
    const CommandResult run = textatlas("render '" + kSeed + "' --out '" + png.string() + "' --size 640x480 --center 34.9,69.4 --zoom 8");
    ASSERT_EQ(run.exit_code, 0) << run.out;
    const app::render::Image image = app::render::readImage(png.string());
    ASSERT_EQ(image.width, 640);
    ASSERT_EQ(image.height, 480);
    const geo::Projection mercator = geo::Projection::webMercator();
    const geo::Viewport view(640, 480, mercator.forward(geo::LonLat(69.4, 34.9)), 8.0);
    const geo::XY kabul = view.toPixel(mercator.forward(geo::LonLat(69.17233, 34.52813)));
    const std::uint8_t* p = image.pixel(int(kabul.x), int(kabul.y));
    // Marker fill is red-orange (0xd7301f) or, when two places share the spot, still reddish.
    EXPECT_GT(p[0], 180);
    EXPECT_LT(p[1], 90);
    EXPECT_LT(p[2], 80);
    fs::remove_all(dir);
}

TEST(Cli, RenderDrawsTheRasterAndVectorFilesGivenWithLayer) {
    // Over northern Italy, far from the seed's places: a cyan GeoTIFF over lon 10–12, lat 44–46,
    // and a GeoJSON line, both added the way File → Add layer… adds them.
    const fs::path dir = tempDir();
    const fs::path tif = dir / "cyan.tif";
    test_support::writeSolidLonLatGeoTiff(tif.string(), 10.0, 44.0, 12.0, 46.0, 0, 255, 255);
    const fs::path line = dir / "line.geojson";
    std::ofstream(line) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                           R"("geometry":{"type":"LineString","coordinates":[[12.5,44.0],[12.5,46.0]]}}]})";
    const fs::path png = dir / "layers.png", layout_path = dir / "layout.json", text = dir / "note.txt";
    // A text that names no place: no arrow at the map's edge points to one over the layers.
    std::ofstream(text) << "A note that names no place.\n";
    const CommandResult run = textatlas("render '" + text.string() + "' --out '" + png.string() +
                                        "' --size 400x300 --center 45,11.5 --zoom 7 --layer '" + tif.string() +
                                        "' --layer '" + line.string() + "' --layout-json '" + layout_path.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.out;
    const app::render::Image image = app::render::readImage(png.string());
    const geo::Projection mercator = geo::Projection::webMercator();
    const geo::Viewport view(400, 300, mercator.forward(geo::LonLat(11.5, 45.0)), 7.0);
    auto isCyan = [](const std::uint8_t* p) { return p[0] < 10 && p[1] > 245 && p[2] > 245; };
    // Inside the box (3 px in from the edges PROJ gives) all cyan but where a town's label and dot
    // (the layout says where), the scale bar or the attribution is drawn over it; beyond it (3 px out) none.
    std::vector<std::array<double, 4>> labels;
    {
        std::ifstream in(layout_path);
        const nlohmann::json layout = nlohmann::json::parse(in);
        for (const auto& label : layout.at("labels")) {
            const double x = label.at("x").get<double>(), y = label.at("y").get<double>();
            labels.push_back({x - 8, y - 8, x + label.at("w").get<double>() + 8, y + label.at("h").get<double>() + 8});
        }
    }
    ASSERT_FALSE(labels.empty()) << "the layout lists the town labels";
    const auto labelled = [&](int x, int y) {
        return std::any_of(labels.begin(), labels.end(),
                           [&](const auto& b) { return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]; });
    };
    const geo::XY nw = view.toPixel(mercator.forward(geo::LonLat(10.0, 46.0)));
    const geo::XY se = view.toPixel(mercator.forward(geo::LonLat(12.0, 44.0)));
    int inside = 0, inside_cyan = 0, outside = 0, outside_cyan = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            // The bottom 60 rows hold the attribution and the scale bar above it.
            const bool in = x > nw.x + 3 && x < se.x - 3 && y > nw.y + 3 && y < se.y - 3 && y < image.height - 60 &&
                            !labelled(x, y);
            const bool out = x < nw.x - 3 || x > se.x + 3 || y < nw.y - 3 || y > se.y + 3;
            if (in) ++inside, inside_cyan += isCyan(image.pixel(x, y));
            if (out) ++outside, outside_cyan += isCyan(image.pixel(x, y));
        }
    }
    ASSERT_GT(inside, 8000);
    EXPECT_GT(inside_cyan, inside * 9 / 10);
    EXPECT_EQ(outside_cyan, 0);
    // The line in the added-layer purple (0x7b3294; 1.5 px wide, so blended at its sides with the
    // sea or land): found across most rows it spans, where the basemap has no purple.
    auto isPurple = [](const std::uint8_t* p) { return p[2] > p[1] + 50 && p[0] > p[1] + 30; };
    int rows = 0, purple_rows = 0;
    for (double lat = 44.2; lat < 45.8; lat += 0.05) {
        const geo::XY at = view.toPixel(mercator.forward(geo::LonLat(12.5, lat)));
        bool found = false;
        for (int x = int(at.x) - 2; x <= int(at.x) + 2; ++x) found = found || isPurple(image.pixel(x, int(at.y)));
        ++rows;
        purple_rows += found;
        EXPECT_FALSE(isPurple(image.pixel(int(at.x) - 20, int(at.y))));
    }
    EXPECT_GT(purple_rows, rows * 3 / 4);

    // A file GDAL cannot read: one line naming it, exit code 1, no picture.
    const fs::path bad = dir / "notes.txt";
    std::ofstream(bad) << "not a map\n";
    const fs::path none = dir / "none.png";
    const CommandResult failed = textatlas("render '" + kSeed + "' --out '" + none.string() + "' --layer '" +
                                               bad.string() + "'", true);
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_EQ(failed.out.rfind("textatlas: " + bad.string() + ": not a vector or raster file GDAL can read", 0), 0u)
        << failed.out;
    EXPECT_EQ(std::count(failed.out.begin(), failed.out.end(), '\n'), 1) << failed.out;
    EXPECT_FALSE(fs::exists(none));
    const CommandResult missing = textatlas("render '" + kSeed + "' --out '" + none.string() + "' --layer", true);
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.out.find("--layer needs a value"), std::string::npos);
    fs::remove_all(dir);
}

TEST(Cli, RenderRejectsBadSizeAsUsageError) {
    const CommandResult run = textatlas("render '" + kSeed + "' --out /tmp/x.png --size 0x10", true);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.out.find("--size must be WxH"), std::string::npos);
}

TEST(Cli, DefaultWithNoDisplayRendersHeadlessAndListsPlaces) {
    const fs::path dir = tempDir();
    const fs::path png = dir / "seed.png";
    const CommandResult run = textatlas("view '" + kSeed + "' --headless-out '" + png.string() + "'");
    ASSERT_EQ(run.exit_code, 0);
    EXPECT_TRUE(fs::exists(png));
    EXPECT_NE(run.out.find(png.string()), std::string::npos);
    EXPECT_NE(run.out.find("Kabul"), std::string::npos);
    EXPECT_NE(run.out.find("Panjshir Valley"), std::string::npos);
    fs::remove_all(dir);
}

}  // namespace

namespace {

// A GeoTIFF is a clean georeferenced map: markers and labels, but no scale bar, north arrow or
// attribution burnt in (the sources go into TIFFTAG_COPYRIGHT) — unless furniture is asked for.
TEST(Cli, AGeoTiffIsACleanMapUnlessFurnitureIsAskedFor) {
    const fs::path dir = tempDir();
    const std::string view = " --size 400x300 --center 34.9,69.3 --zoom 7";
    const std::string png = (dir / "map.png").string(), tif = (dir / "map.tif").string(),
                      titled = (dir / "titled.tif").string();
    ASSERT_EQ(textatlas("render '" + kSeed + "' --out '" + png + "'" + view).exit_code, 0);
    ASSERT_EQ(textatlas("render '" + kSeed + "' --out '" + tif + "'" + view).exit_code, 0);
    ASSERT_EQ(textatlas("render '" + kSeed + "' --out '" + titled + "' --title Panjshir" + view).exit_code, 0);
    // The scale bar: a dark bar from x = 16 in the bottom-left quarter (above the attribution
    // where that reaches across).
    auto scaleBarDrawn = [](const app::render::Image& image) {
        for (int y = 150; y < 300; ++y) {
            int dark = 0;
            for (int x = 18; x < 60; ++x) {
                const std::uint8_t* p = image.pixel(x, y);
                dark += p[0] < 60 && p[1] < 60 && p[2] < 60;
            }
            if (dark > 38) return true;
        }
        return false;
    };
    EXPECT_TRUE(scaleBarDrawn(app::render::readImage(png)));
    EXPECT_FALSE(scaleBarDrawn(app::render::readImage(tif)));
    const app::render::Image clean = app::render::readImage(tif);
    // Kabul's marker is there.
    const geo::Projection mercator = geo::Projection::webMercator();
    const geo::Viewport v(400, 300, mercator.forward(geo::LonLat(69.3, 34.9)), 7.0);
    const geo::XY kabul = v.toPixel(mercator.forward(geo::LonLat(69.17233, 34.52813)));
    EXPECT_GT(clean.pixel(int(kabul.x), int(kabul.y))[0], 150);
    EXPECT_LT(clean.pixel(int(kabul.x), int(kabul.y))[1], 100);
    // The sources in the file's metadata.
    GDALAllRegister();
    GDALDatasetH dataset = GDALOpen(tif.c_str(), GA_ReadOnly);
    ASSERT_NE(dataset, nullptr);
    const char* copyright = GDALGetMetadataItem(dataset, "TIFFTAG_COPYRIGHT", nullptr);
    const std::string sources = copyright ? copyright : "";
    GDALClose(dataset);
    EXPECT_NE(sources.find("GeoNames"), std::string::npos) << sources;
    // Asked for a title, it has the map's furniture too.
    EXPECT_TRUE(scaleBarDrawn(app::render::readImage(titled)));
    fs::remove_all(dir);
}

}  // namespace

namespace {

// Extraction is deterministic across processes, not only within one: two runs of the program (each
// with its own address layout, allocator state and hash tables) write the same bytes. Ambiguous
// names (Alexandria, Paris, Jordan), a demonym and an abbreviation make ties for ordering to break.
TEST(ExtractCli, TwoProcessesWriteTheSameBytes) {
    test_support::TempDir dir;
    const std::string text = dir.write(
        "ambiguous.txt", "Kabul, Herat and Kandahar; the U.S. and Britain; Alexandria and Paris.\n\n"
                         "Afghan officials met in Jordan and Georgia, then flew to Memphis and Springfield.\n");
    const std::string seed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/panjshir-valley.txt";
    for (const std::string& file : {text, seed}) {
        const test_support::CommandResult first = test_support::runTextatlas("extract '" + file + "'");
        const test_support::CommandResult second = test_support::runTextatlas("extract '" + file + "'");
        ASSERT_EQ(first.exit_code, 0) << first.err;
        ASSERT_EQ(second.exit_code, 0) << second.err;
        EXPECT_GT(first.out.size(), 100u);
        EXPECT_TRUE(first.out == second.out) << file;
    }
}

}  // namespace
