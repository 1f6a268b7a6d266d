// Correct a place, save, reopen: the correction is there; the text changed: it is re-anchored;
// the project is damaged: the text still opens and the reader is told.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/actions.hpp"
#include "app/project_io.hpp"
#include "geo/project_store.hpp"
#include "geo/projection.hpp"
#include "support/test_places.hpp"

namespace {

namespace fs = std::filesystem;
using namespace app;

class ProjectIo : public ::testing::Test {
protected:
    void SetUp() override {
        auto add = [&](const char* id, const char* name, double lon, double lat) {
            test_support::addUnderItsName(gazetteer, test_support::testPlace(id, name, lon, lat, 500000));
        };
        add("t:kabul", "Kabul", 69.17, 34.53);
        add("t:herat", "Herat", 62.2, 34.35);
        add("t:herat-de", "Herat", 10.0, 50.0);
        dir = fs::temp_directory_path() / ("textatlas-project-io-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        text = (dir / "news.txt").string();
        write("Kabul was calm.\n\nIn Herat the market opened. Herat is old.\n");
    }
    void TearDown() override { fs::remove_all(dir); }
    void write(const std::string& content) { std::ofstream(text, std::ios::trunc) << content; }
    std::size_t placeNamed(const AppState& s, const std::string& name) {
        for (std::size_t i = 0; i < s.doc->extraction.places.size(); ++i)
            if (s.doc->extraction.places[i].place.name == name) return i;
        ADD_FAILURE() << name;
        return 0;
    }
    geo::Gazetteer gazetteer;
    fs::path dir;
    std::string text;
};

TEST_F(ProjectIo, ACorrectionSavedIsThereOnReopenWithTheView) {
    AppState state;
    state.gazetteer = &gazetteer;
    ProjectOpenReport report;
    state.doc = std::make_unique<OpenDocument>(openWithProject(text, gazetteer, &report));
    EXPECT_FALSE(report.had_project);
    const std::size_t herat = placeNamed(state, "Herat");
    apply(state, Correct{geo::choosePlaceForPlace(state.doc->document, state.doc->extraction, herat,
                                                  geo::PlaceTarget{"t:herat-de", std::nullopt}, 0)});
    state.view = geo::Viewport(800, 600, geo::Projection::webMercator().forward(geo::LonLat(65, 35)), 6.5);
    saveDocumentProject(*state.doc, state.view);
    ASSERT_TRUE(fs::exists(geo::projectPathFor(text)));

    AppState reopened;
    reopened.doc = std::make_unique<OpenDocument>(openWithProject(text, gazetteer, &report));
    EXPECT_TRUE(report.had_project);
    EXPECT_FALSE(report.text_changed);
    EXPECT_EQ(report.corrections, state.doc->corrections.size());
    const auto& place = reopened.doc->extraction.places[placeNamed(reopened, "Herat")].place;
    EXPECT_EQ(place.id, "t:herat-de");
    ASSERT_TRUE(report.view.has_value());
    EXPECT_NEAR(report.view->lon, 65.0, 1e-6);
    EXPECT_NEAR(report.view->lat, 35.0, 1e-6);
    EXPECT_DOUBLE_EQ(report.view->zoom, 6.5);
    // Undo still works after reopening: the history came back too.
    reopened.gazetteer = &gazetteer;
    apply(reopened, Undo{});
    EXPECT_EQ(reopened.doc->extraction.places[placeNamed(reopened, "Herat")].place.id, "t:herat");
}

TEST_F(ProjectIo, ANarrowedCorrectionFollowsItsWordsWhenTheTextChanges) {
    AppState state;
    state.gazetteer = &gazetteer;
    state.doc = std::make_unique<OpenDocument>(openWithProject(text, gazetteer));
    // "Herat is old." — the second Herat only: not a place.
    const auto& mentions = state.doc->extraction.mentions;
    ASSERT_EQ(mentions.size(), 3u);
    apply(state, Correct{{geo::notAPlace(state.doc->document, mentions[2], geo::CorrectionScope::ThisMention, 0)}});
    EXPECT_EQ(state.doc->extraction.mentions.size(), 2u);
    saveDocumentProject(*state.doc, state.view);

    write("A new first paragraph.\n\nKabul was calm.\n\nIn Herat the market opened. Herat is old.\n");
    ProjectOpenReport report;
    OpenDocument changed = openWithProject(text, gazetteer, &report);
    EXPECT_TRUE(report.text_changed);
    EXPECT_TRUE(report.unplaced.empty());
    ASSERT_EQ(changed.extraction.mentions.size(), 2u);  // the correction still removes the second Herat
    EXPECT_EQ(changed.extraction.mentions[1].text, "Herat");
    EXPECT_LT(changed.extraction.mentions[1].byte_start, changed.document.text().find("Herat is old"));

    write("Kabul was calm.\n\nIn Herat the market opened.\n");  // the corrected words are gone
    OpenDocument gone = openWithProject(text, gazetteer, &report);
    ASSERT_EQ(report.unplaced.size(), 1u);
    EXPECT_EQ(report.unplaced[0], "Herat");
    EXPECT_NE(describe(report).find("could not be placed again"), std::string::npos);
}

TEST_F(ProjectIo, ADamagedProjectIsReportedAndTheTextStillOpens) {
    std::ofstream(geo::projectPathFor(text)) << "this is not a GeoPackage";
    ProjectOpenReport report;
    const OpenDocument doc = openWithProject(text, gazetteer, &report);
    EXPECT_EQ(doc.extraction.places.size(), 2u);
    EXPECT_TRUE(report.had_project);
    EXPECT_NE(report.project_error.find("not a Text Atlas project"), std::string::npos) << report.project_error;
}

}  // namespace
