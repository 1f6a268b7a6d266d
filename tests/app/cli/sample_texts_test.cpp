// The README's region pictures (docs/region-*.png) are rendered from the sample texts in data/texts/.
// `textatlas extract` on each finds the places the picture shows, and every place it resolves lies in
// the text's region, but for the wider ones the text names on purpose (the country, the sea, a river
// whose gazetteer point lies upstream, a neighbouring state): a name that went to the wrong continent
// ("Laguna" as Laguna, California in the Manila text; "Sierra Madre" as the Californian town) would
// put a marker in the wrong place or stretch the picture.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run_textatlas.hpp"

namespace {

using test_support::textatlas;

struct SampleText {
    const char* file;
    double south, west, north, east;     // the region, degrees
    std::vector<std::string> must_find;  // gazetteer names
    std::set<std::string> wider;         // named on purpose, allowed outside the region
};

std::vector<SampleText> sampleTexts() {
    return {
        {"california-water.txt", 32.0, -125.0, 42.5, -114.0,
         {"Sacramento", "San Francisco", "Los Angeles", "Fresno", "San Diego", "Oroville", "Feather River"},
         {"Oregon"}},
        {"manila-bay.txt", 14.0, 120.5, 15.2, 121.5,
         {"Manila", "Pasay", "Cavite City", "Laguna de Bay", "Santa Rosa", "Antipolo", "San Fernando"},
         {"Luzon"}},
        {"odesa-south-ukraine.txt", 45.0, 28.0, 48.5, 36.0,
         {"Odessa", "Mykolayiv", "Kherson", "Nova Kakhovka", "Izmail", "Zaporizhia"},
         {"Ukraine", "Romania", "Bulgaria", "Black Sea", "Danube", "Dnipro"}},
        {"bergen-western-norway.txt", 58.5, 4.5, 62.6, 11.0,
         {"Bergen", "Voss", "Hardangerfjord", "Odda", "Stavanger", "Haugesund", "Ålesund", "Oslo"},
         {}},
    };
}

TEST(SampleTexts, EachResolvesItsPlacesInsideItsRegion) {
    for (const SampleText& text : sampleTexts()) {
        SCOPED_TRACE(text.file);
        const std::string path = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/" + text.file;
        const auto run = textatlas("extract '" + path + "'");
        ASSERT_EQ(run.exit_code, 0);
        const nlohmann::json doc = nlohmann::json::parse(run.out);
        std::set<std::string> found;
        for (const auto& place : doc.at("places")) {
            const std::string name = place.at("name").get<std::string>();
            found.insert(name);
            if (text.wider.count(name)) continue;
            const double lat = place.at("lat").get<double>(), lon = place.at("lon").get<double>();
            EXPECT_TRUE(lat >= text.south && lat <= text.north && lon >= text.west && lon <= text.east)
                << name << " (" << place.at("id").get<std::string>() << ") at " << lat << ", " << lon
                << " is outside the text's region";
        }
        for (const std::string& name : text.must_find) EXPECT_TRUE(found.count(name)) << name << " not found";
    }
}

}  // namespace
