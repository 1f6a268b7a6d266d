// `textatlas render TEXT --layout-json OUT` with no view given frames the text's focus: its main
// places are in the picture as separate, unclustered markers at least 40 px apart, none touching an
// edge — on the bundled article and on texts about other regions (tests/data/text), at two sizes;
// far places are listed as outside, the country the story happens in and a river through it are not.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_textatlas.hpp"

#include "geo/place_shapes.hpp"

namespace {

namespace fs = std::filesystem;
using test_support::textatlas;

struct Story {
    const char* name;
    std::string path;
    std::vector<std::string> main_places;  // what the text is about, by its mentions
    std::vector<std::string> outside;      // places it names far away, that must not stretch the view
    // Areas round the picture's centre (the country the story is in) and rivers across it: not
    // pointed to from the edge.
    std::vector<std::string> around = {};
};

std::vector<Story> stories() {
    const std::string data = std::string(TEXTATLAS_TEST_DATA_DIR);
    return {
        {"seed", data + "/../../data/texts/panjshir-valley.txt", {"Kabul", "Panjshir Valley"}, {"United States", "United Kingdom"}, {"Afghanistan"}},
        {"sindh", data + "/text/sindh-floods.txt", {"Sukkur", "Hyderabad", "Karachi", "Larkana"}, {"Islamabad"}, {"Indus River"}},
        {"kharkiv", data + "/text/kharkiv-front.txt", {"Kharkiv"}, {"Moscow", "Russia"}, {"Ukraine"}},
        {"bergen", data + "/text/bergen-storm.txt", {"Bergen", "Voss", "Stavanger", "Haugesund"}, {}},
    };
}

class FramingRender : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(FramingRender, TheDefaultViewShowsEachTextsMainPlacesApart) {
    const auto [width, height] = GetParam();
    const fs::path dir = fs::temp_directory_path() / ("textatlas-framing-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const Story& story : stories()) {
        SCOPED_TRACE(story.name);
        const std::string png = (dir / (std::string(story.name) + ".png")).string();
        const std::string json_path = (dir / (std::string(story.name) + ".json")).string();
        const auto run = textatlas("render '" + story.path + "' --out '" + png + "' --size " + std::to_string(width) +
                                   "x" + std::to_string(height) + " --layout-json '" + json_path + "'",
                                   true);
        ASSERT_EQ(run.exit_code, 0) << run.out;
        std::ifstream in(json_path);
        const nlohmann::json layout = nlohmann::json::parse(in);
        struct Seen {
            double x, y;
        };
        std::vector<Seen> seen;
        for (const std::string& name : story.main_places) {
            const nlohmann::json* found = nullptr;
            for (const auto& marker : layout.at("markers"))
                if (marker.at("place") == name) found = &marker;
            ASSERT_NE(found, nullptr) << name << " has no marker of its own (clustered into another?)";
            const auto& m = *found;
            EXPECT_EQ(m.at("cluster_size").get<int>(), 1) << name;
            const double x = m.at("x").get<double>(), y = m.at("y").get<double>();
            const double w = m.at("w").get<double>(), h = m.at("h").get<double>();
            // The whole disc inside the picture, clear of the edges.
            EXPECT_GE(x, 4.0) << name;
            EXPECT_GE(y, 4.0) << name;
            EXPECT_LE(x + w, width - 4.0) << name;
            EXPECT_LE(y + h, height - 4.0) << name;
            for (const Seen& other : seen)
                EXPECT_GE(std::hypot(x + w / 2 - other.x, y + h / 2 - other.y), 40.0) << name << " is too close to another";
            seen.push_back(Seen{x + w / 2, y + h / 2});
        }
        // A far place the text names in passing does not stretch the view: it is pointed to instead.
        for (const std::string& name : story.outside) {
            bool listed = false;
            for (const auto& o : layout.at("outside")) listed = listed || o.at("place") == name;
            EXPECT_TRUE(listed) << name << " should lie outside the first view";
        }
        // (The outlines are built at setup from registry data: data/gazetteer/place_shapes.gpkg.)
        if (geo::PlaceShapes(std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data").available()) {
            for (const std::string& name : story.around)
                for (const auto& o : layout.at("outside"))
                    EXPECT_NE(o.at("place"), name) << name << " is round the picture's centre, yet pointed to";
        }
        EXPECT_GE(layout.at("zoom").get<double>(), 6.0) << "a regional view, not the world";
    }
    fs::remove_all(dir);
}

TEST(FramingRenderFurniture, TheTitleLegendNorthArrowAndInsetCoverNoneOfTheFocussPlaces) {
    // Iceland's ring road: Ísafjörður in the north-west corner, where the legend goes; the fitted
    // view put its marker and label under the legend (and the HTML report's map did the same).
    const fs::path dir = fs::temp_directory_path() / ("textatlas-furniture-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path text = dir / "iceland.txt";
    std::ofstream(text) << "Around Iceland on the Ring Road\n\nWe started in Reykjavik and drove east to Selfoss. Hofn lies at "
                           "the edge of the glacier, and the road follows the fjords north to Egilsstadir.\n\nAkureyri "
                           "is the largest town of the north; from there we visited Husavik for the whales. Going west, "
                           "Isafjordur in the Westfjords was the most remote stop, before returning to Reykjavik via "
                           "Borgarnes.\n";
    const std::string png = (dir / "map.png").string(), json_path = (dir / "map.json").string();
    const auto run = textatlas("render '" + text.string() + "' --out '" + png +
                                   "' --size 1280x800 --legend --inset --north-arrow --title 'Ring Road' --layout-json '" +
                                   json_path + "'",
                               true);
    ASSERT_EQ(run.exit_code, 0) << run.out;
    std::ifstream in(json_path);
    const nlohmann::json layout = nlohmann::json::parse(in);
    const nlohmann::json& furniture = layout.at("furniture");
    for (const char* piece : {"title", "legend", "north_arrow", "inset"}) ASSERT_TRUE(furniture.contains(piece)) << piece;
    auto overlaps = [](const nlohmann::json& a, const nlohmann::json& b) {
        return a.at("x").get<double>() < b.at("x").get<double>() + b.at("w").get<double>() &&
               b.at("x").get<double>() < a.at("x").get<double>() + a.at("w").get<double>() &&
               a.at("y").get<double>() < b.at("y").get<double>() + b.at("h").get<double>() &&
               b.at("y").get<double>() < a.at("y").get<double>() + a.at("h").get<double>();
    };
    bool isafjordur = false;
    for (const auto& marker : layout.at("markers")) {
        isafjordur = isafjordur || marker.at("place") == "Ísafjörður";
        for (const auto& [piece, box] : furniture.items())
            EXPECT_FALSE(overlaps(marker, box)) << marker.at("place") << "'s marker under the " << piece;
    }
    EXPECT_TRUE(isafjordur);
    for (const auto& label : layout.at("labels")) {
        if (label.at("kind") != "place") continue;
        for (const auto& [piece, box] : furniture.items())
            EXPECT_FALSE(overlaps(label, box)) << label.at("text") << "'s label under the " << piece;
    }
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Sizes, FramingRender,
                         ::testing::Values(std::make_pair(1280, 800), std::make_pair(800, 600)));

}  // namespace
