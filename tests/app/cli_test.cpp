// Runs the real `textatlas` binary as a user would and checks its output and exit codes.
#include <gtest/gtest.h>

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

#include <nlohmann/json.hpp>

#include "run_textatlas.hpp"

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
