// Drives the viewer's real Dear ImGui frame loop (app/viewer_frame: panels, map input, shortcuts,
// actions, saving) with simulated mouse and keys, headless: no window and no GL are needed to lay
// out and hit-test ImGui frames. Buttons, menus and rows are found by their labels (ui/item_locator).
#include <gtest/gtest.h>

#include "support/geotiff_writer.hpp"
#include "support/shared_dem.hpp"
#include "support/viewer_imgui.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <unistd.h>

#include "app/actions.hpp"
#include "app/project_io.hpp"
#include "app/scene.hpp"
#include "app/frame.hpp"
#include "app/framing.hpp"
#include "app/place_search.hpp"
#include "app/render/gl_context.hpp"
#include "geo/basemap.hpp"
#include "app/ui/edge_indicators.hpp"
#include "app/ui/item_locator.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/panels.hpp"
#include "app/viewer_frame.hpp"
#include "geo/corrections.hpp"
#include "geo/data_paths.hpp"
#include "geo/project_store.hpp"
#include "geo/projection.hpp"
#include "geo/raster.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace {

using namespace app;

class ViewerUi : public ::testing::Test {
protected:
    static void SetUpTestSuite() { gazetteer_ = new geo::Gazetteer(geo::Gazetteer::load(geo::findDataDir())); }
    static void TearDownTestSuite() { delete gazetteer_; }

    void SetUp() override {
        startViewer();
        state.doc = std::make_unique<OpenDocument>(
            OpenDocument::load(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt", *gazetteer_));
        state.view = geo::Viewport(1400, 900, geo::XY{0, 0}, 2.0);
        apply(state, FitAll{});
        finishFlight();
    }
    void TearDown() override {
        imgui_.reset();
        if (!temp_dir_.empty()) std::filesystem::remove_all(temp_dir_);
    }

    // A copy of the seed article in a folder of its own (removed after the test), so a test may
    // save a project beside it.
    std::string copySeedToTempDir(const std::string& name) {
        temp_dir_ = std::filesystem::temp_directory_path() / ("textatlas-ui-" + name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(temp_dir_);
        std::filesystem::create_directories(temp_dir_);
        const std::filesystem::path text = temp_dir_ / "panjshir-valley.txt";
        std::filesystem::copy_file(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt", text);
        return text.string();
    }

    // A fresh viewer: new ImGui context, empty state and panels, as when the program starts.
    void startViewer() {
        imgui_.reset();
        imgui_.emplace();
        state = AppState{};
        // Made afresh in place, not assigned: ImGuiTextFilter's ImVector copies with memcpy even
        // when empty (a null pointer), which UndefinedBehaviorSanitizer rightly reports.
        panels_storage.emplace();
        actions = ActionQueue{};
    }

    // One viewer frame with the mouse at `mouse` and the left button `down`, through the viewer's
    // own frame code (app/viewer_frame), GL parts and the clock aside. `key` is pressed during this
    // frame, with Ctrl if `ctrl`.
    void frame(ImVec2 mouse, bool down, float wheel = 0.0f, int key = -1, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        io.MouseWheel = wheel;
        io.KeyCtrl = ctrl;
        for (bool& k : io.KeysDown) k = false;
        if (key >= 0) io.KeysDown[key] = true;
        ImGui::NewFrame();
        const ui::MenuRequests requests = drawViewerPanels(state, actions, panels, {});
        last_requests = requests;
        hits = panels.hits;
        ImGui::Render();
        state.scroll_passages_to_top = false;
        state.scroll_to_mention = false;
        actions.applyAll(state);  // time stands still: flights are finished with finishFlight()
        finishViewerFrame(state, requests);
    }
    void click(ImVec2 at) {
        frame(at, false);
        frame(at, true);
        frame(at, false);
    }
    // Clicks the first mention of place `place` that the passages panel drew in the last frame.
    // Fails the test if none is shown.
    void clickMentionOf(std::size_t place) {
        const auto hit = std::find_if(hits.begin(), hits.end(), [&](const ui::MentionHit& h) {
            return state.doc->extraction.mentions[h.mention].place == place;
        });
        ASSERT_NE(hit, hits.end()) << "no mention of place " << place << " is shown";
        click(ImVec2((hit->x0 + hit->x1) / 2, (hit->y0 + hit->y1) / 2));
    }
    void pressKey(int key, bool ctrl) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        frame(mouse, false, 0.0f, key, ctrl);
        frame(mouse, false);
    }
    // Clicks the control labelled `label` where the last frame drew it (a frame is drawn first so
    // the layout is current). Fails the test if no such control is shown.
    void clickItem(const std::string& label, bool prefix = false) {
        frame(ImVec2(5, 5), false);
        const auto item = ui::findNotedItem(label, prefix);
        ASSERT_TRUE(item.has_value()) << "no control labelled \"" << label << "\" is shown";
        click(ImVec2(item->centreX(), item->centreY()));
    }
    // Types into the search box of the places list, like a user.
    void searchPlaces(const std::string& text) {
        clickItem("Search places");
        // Select what is there and type over it.
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
        pressKey(GLFW_KEY_A, true);
        pressKey(GLFW_KEY_BACKSPACE, false);
        for (char c : text) io.AddInputCharacter(static_cast<unsigned char>(c));
        frame(io.MousePos, false);
        frame(io.MousePos, false);
    }
    void finishFlight() {
        for (int i = 0; i < 200 && state.flight; ++i) apply(state, AdvanceTime{0.05});
    }
    std::size_t placeNamed(const std::string& name) const {
        for (std::size_t i = 0; i < state.doc->extraction.places.size(); ++i)
            if (state.doc->extraction.places[i].place.name == name) return i;
        ADD_FAILURE() << name;
        return 0;
    }
    ImVec2 markerPixel(std::size_t place) const {
        const geo::XY p = state.view.toPixel(state.doc->place_mercator[place]);
        return ImVec2(float(p.x), float(p.y));
    }

    static geo::Gazetteer* gazetteer_;
    std::optional<test_support::ViewerImGui> imgui_;
    std::filesystem::path temp_dir_;
    AppState state;
    ActionQueue actions;
    std::optional<ViewerPanels> panels_storage{std::in_place};
    ViewerPanels& panels = *panels_storage;  // emplace() keeps the address, so this stays valid
    std::vector<ui::MentionHit> hits;
    ui::MenuRequests last_requests;
};
geo::Gazetteer* ViewerUi::gazetteer_ = nullptr;

TEST_F(ViewerUi, ALongTextDrawsOnlyThePassagesInViewAndScrollsToAFarMention) {
    // 20,000 passages: drawing them all each frame made the viewer stall on book-length texts.
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "Paragraph " + std::to_string(i) + ": troops moved from Kabul to Herat.\n\n";
    state.doc = std::make_unique<OpenDocument>(
        OpenDocument::fromDocument(geo::Document::fromString(text, "long"), *gazetteer_, "long.txt"));
    ASSERT_EQ(state.doc->document.passages().size(), 20000u);
    frame(ImVec2(5, 5), false);
    EXPECT_GT(panels.panel.passages_drawn, 5u);
    EXPECT_LT(panels.panel.passages_drawn, 200u);
    const auto drawn = [this](std::size_t mention) {
        return std::find_if(hits.begin(), hits.end(), [mention](const ui::MentionHit& h) { return h.mention == mention; });
    };
    EXPECT_NE(drawn(0), hits.end());  // the first passage is in view

    // Selecting the last mention scrolls the list to it: it is drawn, inside the window.
    const std::size_t last = state.doc->extraction.mentions.size() - 1;
    ASSERT_EQ(state.doc->extraction.mentions[last].passage, 19999u);
    actions.push(SelectMention{last});
    actions.applyAll(state);
    for (int i = 0; i < 5; ++i) frame(ImVec2(5, 5), false);
    const auto hit = drawn(last);
    ASSERT_NE(hit, hits.end());
    EXPECT_GT(hit->y0, 0.0f);
    EXPECT_LT(hit->y1, 900.0f);
    EXPECT_EQ(drawn(0), hits.end());
    EXPECT_LT(panels.panel.passages_drawn, 200u);
}

TEST_F(ViewerUi, ClickingAMarkerShowsItsPassagesWithEveryMentionHighlighted) {
    const std::size_t kabul = placeNamed("Kabul");
    // Zoom to Kabul first so its marker stands apart from Panjshir's.
    state.view = geo::Viewport(1400, 900, state.doc->place_mercator[kabul], 8.0).panned(200, 0);
    click(markerPixel(kabul));
    ASSERT_EQ(state.selection.place, kabul);
    EXPECT_EQ(visiblePassages(state), state.doc->extraction.places[kabul].passages);
    frame(ImVec2(5, 5), false);  // redraw with the selection
    std::size_t kabul_hits = 0;
    for (const auto& hit : hits) kabul_hits += state.doc->extraction.mentions[hit.mention].place == kabul;
    EXPECT_EQ(kabul_hits, state.doc->extraction.places[kabul].mentions.size());
}

TEST_F(ViewerUi, ClickingAMentionFliesTheMapToItsPlace) {
    // ImGui lays a new window out over its first frames; hit-test the settled layout.
    frame(ImVec2(5, 5), false);
    frame(ImVec2(5, 5), false);
    const std::size_t kabul = placeNamed("Kabul");
    const ui::MentionHit* target = nullptr;
    for (const auto& hit : hits)
        if (state.doc->extraction.mentions[hit.mention].place == kabul) {
            target = &hit;
            break;
        }
    ASSERT_NE(target, nullptr) << "no Kabul mention visible in the panel";
    const ImVec2 at((target->x0 + target->x1) / 2, (target->y0 + target->y1) / 2);
    click(at);
    EXPECT_EQ(state.selection.place, kabul);
    finishFlight();
    const ImVec2 p = markerPixel(kabul);
    const float free_centre = state.panel_width_px + (1400 - state.panel_width_px) / 2.0f;
    EXPECT_NEAR(p.x, free_centre, 2.0);
    EXPECT_NEAR(p.y, 450, 2.0);
}

TEST_F(ViewerUi, HoveringAMentionHighlightsItsMarker) {
    frame(ImVec2(5, 5), false);
    frame(ImVec2(5, 5), false);
    ASSERT_FALSE(hits.empty());
    const ui::MentionHit hit = hits.front();
    frame(ImVec2((hit.x0 + hit.x1) / 2, (hit.y0 + hit.y1) / 2), false);
    const std::size_t place = state.doc->extraction.mentions[hit.mention].place;
    EXPECT_EQ(state.hover.place, place);
    const MarkerScene scene = buildMarkers(state);
    EXPECT_EQ(scene.place_of_marker.back(), place);  // hovered marker drawn on top, enlarged
}

TEST_F(ViewerUi, DragPansAndWheelZoomsAboutTheCursor) {
    const ImVec2 start(1000, 500);
    const geo::XY before = state.view.toMercator(geo::XY{start.x, start.y});
    frame(start, false);
    frame(start, true);
    frame(ImVec2(1030, 520), true);
    frame(ImVec2(1060, 540), true);
    frame(ImVec2(1060, 540), false);
    // The point that was under the cursor moved with it.
    const geo::XY after = state.view.toPixel(before);
    EXPECT_NEAR(after.x, 1060, 0.5);
    EXPECT_NEAR(after.y, 540, 0.5);
    EXPECT_FALSE(state.selection.place.has_value());  // a drag is not a click

    const double zoom = state.view.zoom();
    const geo::XY under = state.view.toMercator(geo::XY{900, 300});
    frame(ImVec2(900, 300), false, 2.0f);
    EXPECT_NEAR(state.view.zoom(), zoom + 1.0, 1e-9);
    const geo::XY still = state.view.toPixel(under);
    EXPECT_NEAR(still.x, 900, 0.5);
    EXPECT_NEAR(still.y, 300, 0.5);
}

TEST_F(ViewerUi, MeasureToolSnapsToMarkersAndMeasuresTheGeodesic) {
    const std::size_t kabul = placeNamed("Kabul");
    const std::size_t valley = placeNamed("Panjshir Valley");
    state.view = geo::Viewport(1400, 900, state.doc->place_mercator[kabul], 8.0).panned(250, 100);
    apply(state, ToggleMeasure{});
    click(markerPixel(kabul));
    click(markerPixel(valley));
    ASSERT_EQ(state.measure->points.size(), 2u);
    EXPECT_FALSE(state.selection.place.has_value());  // measuring does not select
    const auto& a = state.doc->extraction.places[kabul].place.position;
    EXPECT_DOUBLE_EQ(state.measure->points[0].lon, a.lon);
    EXPECT_DOUBLE_EQ(state.measure->points[0].lat, a.lat);
}

TEST_F(ViewerUi, TheSeedsDistanceClaimIsListedAndShownWithBothPlacesInView) {
    ASSERT_FALSE(state.doc->claims.empty());
    const geo::DistanceClaim& claim = state.doc->claims.front();
    ASSERT_TRUE(claim.subject && claim.reference);
    EXPECT_EQ(state.doc->extraction.places[*claim.reference].place.name, "Kabul");
    EXPECT_EQ(state.doc->extraction.places[*claim.subject].place.name, "Panjshir Valley");
    apply(state, ShowClaim{0});
    finishFlight();
    for (std::size_t place : {*claim.subject, *claim.reference}) {
        const ImVec2 p = markerPixel(place);
        EXPECT_GT(p.x, float(state.panel_width_px));
        EXPECT_LT(p.x, 1400.0f);
        EXPECT_GT(p.y, 0.0f);
        EXPECT_LT(p.y, 900.0f);
    }
    apply(state, ShowClaim{std::nullopt});
    EXPECT_FALSE(state.shown_claim.has_value());
}

// The first view frames the article's focus; the places it names far away are pointed to from
// the map's edge, and clicking one flies there at the zoom for its kind.
TEST_F(ViewerUi, ClickingAnEdgeIndicatorFliesToThePlaceOutsideTheView) {
    frame(ImVec2(5, 5), false);  // the bars' heights are known from the first frame
    apply(state, GoHome{});
    finishFlight();
    const std::size_t us = placeNamed("United States");
    const MapArea area = visibleMapArea(state);
    ASSERT_FALSE(area.contains(markerPixel(us).x, markerPixel(us).y));
    for (const char* name : {"Kabul", "Panjshir Valley"})
        EXPECT_TRUE(area.contains(markerPixel(placeNamed(name)).x, markerPixel(placeNamed(name)).y)) << name;
    ImFont* font = ImGui::GetFont();
    const auto indicators = ui::layoutEdgeIndicators(state, [&](const std::string& text) {
        const ImVec2 s = font->CalcTextSizeA(ui::kScreenLabelPx, 1e9f, 0.0f, text.c_str());
        return std::pair<float, float>{s.x, s.y};
    });
    const auto it = std::find_if(indicators.begin(), indicators.end(),
                                 [&](const ui::EdgeIndicator& e) { return e.place == us; });
    ASSERT_NE(it, indicators.end()) << "no indicator points to the United States";
    EXPECT_NE(it->label.find("United States · "), std::string::npos) << it->label;
    EXPECT_NE(it->label.find(" km"), std::string::npos) << it->label;
    EXPECT_TRUE(area.contains(it->x, it->y) && area.contains(it->x + it->w, it->y + it->h));
    click(ImVec2(it->x + it->w / 2, it->y + it->h / 2));
    EXPECT_EQ(state.selection.place, us);
    ASSERT_TRUE(state.flight.has_value());
    finishFlight();
    const ImVec2 p = markerPixel(us);
    EXPECT_NEAR(p.x, area.centreX(), 2.0);
    EXPECT_NEAR(p.y, area.centreY(), 2.0);
    EXPECT_DOUBLE_EQ(state.view.zoom(), 5.0);  // a country is shown whole
}

// Kabul and the Panjshir Valley, 100 km apart, are one cluster from afar; a click opens it.
TEST_F(ViewerUi, ClickingAClusterZoomsInUntilItsPlacesAreSeparate) {
    const std::size_t kabul = placeNamed("Kabul"), valley = placeNamed("Panjshir Valley");
    state.view = geo::Viewport(1400, 900, state.doc->place_mercator[kabul], 4.0).panned(250, 0);
    frame(ImVec2(5, 5), false);
    const MarkerScene before = drawnMarkers(state);
    const auto cluster = markerOfPlace(before, kabul);
    ASSERT_TRUE(cluster.has_value());
    ASSERT_EQ(markerOfPlace(before, valley), cluster) << "the two should share one marker at zoom 4";
    const geo::XY at = state.view.toPixel(before.markers[*cluster].position);
    // Its tooltip lists both.
    frame(ImVec2(float(at.x), float(at.y)), false);
    const std::string tooltip = ui::markerTooltip(state);
    EXPECT_NE(tooltip.find("Kabul"), std::string::npos) << tooltip;
    EXPECT_NE(tooltip.find("Panjshir Valley"), std::string::npos) << tooltip;
    click(ImVec2(float(at.x), float(at.y)));
    EXPECT_FALSE(state.selection.place.has_value());  // opening a cluster selects nothing
    ASSERT_TRUE(state.flight.has_value());
    finishFlight();
    EXPECT_GT(state.view.zoom(), 6.0);
    const MarkerScene after = drawnMarkers(state);
    ASSERT_TRUE(markerOfPlace(after, kabul).has_value());
    EXPECT_NE(markerOfPlace(after, kabul), markerOfPlace(after, valley));
    const MapArea area = visibleMapArea(state);
    for (std::size_t place : {kabul, valley})
        EXPECT_TRUE(area.contains(markerPixel(place).x, markerPixel(place).y));
}

// Choosing a place in the list flies to it at the zoom for its kind, never deeper than the data.
// With the world relief alone (5′ cells) Kabul is shown at zoom 8, where the vector layers still
// hold; over a fine DEM of the user's, at zoom 9, a city's zoom.
TEST_F(ViewerUi, ChoosingAPlaceFliesToTheZoomForItsKindAndNoDeeperThanTheData) {
    const std::vector<std::pair<std::string, double>> expected = {
        {"Afghanistan", 5.0}, {"United States", 5.0}, {"Panjshir Valley", 8.0}, {"Kabul", 8.0}};
    const auto dem = copySeedToTempDir("fine-dem") + ".dem.tif";
    test_support::writeLonLatDem(dem, 68.5, 35.5, 120, 120, 1.0 / 120.0, [](int, int) { return 1800.0; });  // 30″
    for (const bool with_dem : {false, true}) {
      if (with_dem) state.dems = geo::openDems(dem);
      for (auto [name, zoom] : expected) {
        if (with_dem && name == "Kabul") zoom = 9.0;
        ASSERT_NO_FATAL_FAILURE(clickItem(name));
        ASSERT_EQ(state.selection.place, placeNamed(name));
        finishFlight();
        EXPECT_DOUBLE_EQ(state.view.zoom(), zoom) << name;
        const geo::Place& place = state.doc->extraction.places[placeNamed(name)].place;
        EXPECT_LE(state.view.zoom(), detailZoomAt(state, place.position)) << name;
      }
    }
}

TEST_F(ViewerUi, MeasuringTwoPointsGivesAnElevationProfileFromTheUsersDem) {
    const std::string dem_path = test_support::sharedDemPath();
    if (dem_path.empty()) GTEST_SKIP() << test_support::kNoSharedDem;
    state.dems = geo::openDems(dem_path);
    apply(state, ToggleMeasure{});
    apply(state, AddMeasurePoint{geo::LonLat(69.172, 34.528)});   // Kabul, 1807 m in the DEM
    EXPECT_FALSE(state.measure->profile.has_value());
    apply(state, AddMeasurePoint{geo::LonLat(69.515, 35.313)});   // Bazarak, 2021 m
    ASSERT_TRUE(state.measure->profile.has_value());
    const auto& profile = *state.measure->profile;
    EXPECT_NEAR(profile.elevations.front(), 1807, 60);  // bilinear between posts
    EXPECT_NEAR(profile.elevations.back(), 2021, 60);
    EXPECT_GT(*std::max_element(profile.elevations.begin(), profile.elevations.end()), 2500);  // a ridge between
}

}  // namespace

namespace {

namespace fs = std::filesystem;

// Correct a place and a mention with clicks, save from the File menu and with Ctrl+S, quit, open the
// same text in a fresh viewer: the places list shows the corrections and the view is back.
TEST_F(ViewerUi, CorrectionsMadeWithClicksAreThereWhenTheTextIsOpenedAgain) {
    const std::string text = copySeedToTempDir("corrections");

    state.doc = std::make_unique<OpenDocument>(openWithProject(text, *gazetteer_));
    state.gazetteer = gazetteer_;
    apply(state, FitAll{});
    finishFlight();

    // A place with another candidate of its name (not Kabul, which gets the other correction).
    const auto& places = state.doc->extraction.places;
    std::string name;
    for (std::size_t i = 0; i < places.size() && name.empty(); ++i)
        if (places[i].place.name != "Kabul" && !geo::candidatesFor(*gazetteer_, state.doc->extraction, i).empty())
            name = places[i].place.name;
    ASSERT_FALSE(name.empty()) << "no place of the seed text has an alternative";
    const std::string old_id = places[placeNamed(name)].place.id;
    const std::size_t kabul_mentions = places[placeNamed("Kabul")].mentions.size();
    ASSERT_GE(kabul_mentions, 2u);

    // Find the place in the list, select its row, open "Correct this place", choose another.
    ASSERT_NO_FATAL_FAILURE(searchPlaces(name));
    ASSERT_NO_FATAL_FAILURE(clickItem(name));
    ASSERT_TRUE(state.selection.place.has_value());
    ASSERT_EQ(state.doc->extraction.places[*state.selection.place].place.name, name);
    ASSERT_NO_FATAL_FAILURE(clickItem("Correct this place"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Choose another place…"));
    ASSERT_FALSE(state.candidates.empty());
    const geo::CandidateView chosen = state.candidates.front();
    frame(ImVec2(5, 5), false);
    const ui::LocatedItem* first_candidate = nullptr;
    for (const auto& item : ui::notedItems())
        if (item.label.rfind(chosen.name + ", ", 0) == 0) {
            first_candidate = &item;
            break;
        }
    ASSERT_NE(first_candidate, nullptr);
    click(ImVec2(first_candidate->centreX(), first_candidate->centreY()));
    const std::size_t place_corrections = state.doc->corrections.size();  // one per name of the place
    ASSERT_GE(place_corrections, 1u);
    std::optional<std::size_t> corrected;
    for (std::size_t i = 0; i < state.doc->extraction.places.size(); ++i)
        if (state.doc->extraction.places[i].place.id == chosen.id) corrected = i;
    ASSERT_TRUE(corrected.has_value()) << "the chosen candidate is not among the places";

    // Back to all passages; click a Kabul mention; only that mention is "not a place".
    if (state.selection.place) {
        ASSERT_NO_FATAL_FAILURE(clickItem("Show all passages (Esc)"));
    }
    frame(ImVec2(5, 5), false);
    const std::size_t kabul = placeNamed("Kabul");
    ASSERT_NO_FATAL_FAILURE(clickMentionOf(kabul));
    ASSERT_EQ(state.selection.place, kabul);
    ASSERT_TRUE(state.selection.mention.has_value());
    ASSERT_NO_FATAL_FAILURE(clickItem("Only the selected mention"));
    ASSERT_TRUE(panels.panel.this_mention_only);
    ASSERT_NO_FATAL_FAILURE(clickItem("Not a place"));
    ASSERT_EQ(state.doc->corrections.size(), place_corrections + 1);
    EXPECT_EQ(state.doc->extraction.places[placeNamed("Kabul")].mentions.size(), kabul_mentions - 1);

    // File → Save project.
    fs::remove(geo::projectPathFor(text));  // edits are saved as they are made; prove the menu saves
    ASSERT_NO_FATAL_FAILURE(clickItem("File"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Save project"));
    ASSERT_TRUE(fs::exists(geo::projectPathFor(text)));
    EXPECT_NE(state.status.find("saved to " + geo::projectPathFor(text)), std::string::npos) << state.status;

    // Pan the map (no edit, so nothing is saved by itself), then Ctrl+S saves the view too.
    const geo::LonLat before_pan = *state.projection.inverse(state.view.center());
    frame(ImVec2(1000, 500), false);
    frame(ImVec2(1000, 500), true);
    frame(ImVec2(1050, 530), true);
    frame(ImVec2(1100, 560), true);
    frame(ImVec2(1100, 560), false);
    state.pan_velocity_px_s = geo::XY{};  // no inertia after the drag
    EXPECT_FALSE(state.project_dirty);
    pressKey(GLFW_KEY_S, true);
    const geo::LonLat saved_centre = *state.projection.inverse(state.view.center());

    // A fresh viewer opens the same text.
    startViewer();
    ProjectOpenReport report;
    state.doc = std::make_unique<OpenDocument>(openWithProject(text, *gazetteer_, &report));
    state.gazetteer = gazetteer_;
    EXPECT_TRUE(report.had_project);
    EXPECT_EQ(report.corrections, place_corrections + 1);
    ASSERT_TRUE(report.view.has_value());
    EXPECT_NEAR(report.view->lon, saved_centre.lon, 1e-6);
    EXPECT_NEAR(report.view->lat, saved_centre.lat, 1e-6);
    EXPECT_GT(std::abs(before_pan.lon - report.view->lon) + std::abs(before_pan.lat - report.view->lat), 1e-3)
        << "the view saved is the one before the pan";
    state.view = geo::Viewport(1400, 900, geo::Projection::webMercator().forward(geo::LonLat(report.view->lon, report.view->lat)),
                               report.view->zoom);

    // The places list shows the chosen place; selecting its row shows its coordinates.
    ASSERT_NO_FATAL_FAILURE(searchPlaces(chosen.name));
    ASSERT_NO_FATAL_FAILURE(clickItem(chosen.name));
    ASSERT_TRUE(state.selection.place.has_value());
    const geo::Place& now = state.doc->extraction.places[*state.selection.place].place;
    EXPECT_EQ(now.id, chosen.id);
    EXPECT_NE(now.id, old_id);
    EXPECT_DOUBLE_EQ(now.position.lat, chosen.position.lat);
    EXPECT_DOUBLE_EQ(now.position.lon, chosen.position.lon);
    // Kabul's row counts one mention fewer: the "not a place" mention stayed out.
    ASSERT_NO_FATAL_FAILURE(searchPlaces("Kabul"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Kabul"));
    ASSERT_TRUE(state.selection.place.has_value());
    EXPECT_EQ(state.doc->extraction.places[*state.selection.place].place.name, "Kabul");
    EXPECT_EQ(state.doc->extraction.places[*state.selection.place].mentions.size(), kabul_mentions - 1);
    // Undo is there too, from the Edit menu's shortcut: the mention comes back.
    pressKey(GLFW_KEY_Z, true);
    EXPECT_EQ(state.doc->extraction.places[placeNamed("Kabul")].mentions.size(), kabul_mentions);
}

}  // namespace

namespace {

// HiDPI as on Wayland or macOS: a 700×450 window (Dear ImGui's units) over a 1400×900 framebuffer
// (the map's view), content scale 2. Clicks, drags and the wheel at window coordinates act on the
// map at the framebuffer pixel under them.
TEST_F(ViewerUi, OnAHiDpiScreenWindowCoordinatesPickDragAndZoomAtFramebufferPixels) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(700, 450);
    io.DisplayFramebufferScale = ImVec2(2, 2);
    state.ui_scale = 2.0f;
    state.panel_width_px = 880;  // framebuffer pixels: 440 window units
    const std::size_t kabul = placeNamed("Kabul");
    state.view = geo::Viewport(1400, 900, state.doc->place_mercator[kabul], 9.0).panned(300, 0);
    const ImVec2 marker = markerPixel(kabul);  // framebuffer pixels
    const ImVec2 at_window(marker.x / 2, marker.y / 2);
    click(at_window);
    ASSERT_EQ(state.selection.place, kabul);
    // The marker is drawn ui_scale times larger: a click 1.2 standard radii off in window units
    // (2.4 in framebuffer pixels, where a standard-size marker would be missed) still hits it.
    apply(state, ClearSelection{});
    const float standard_radius = markerRadiusPx(state.doc->extraction.places[kabul].mentions.size());
    state.ui_scale = 1.0f;  // markers of standard size would not be hit there
    EXPECT_NE(pickPlace(state, marker.x + 2.4 * standard_radius, marker.y), std::optional<std::size_t>(kabul));
    state.ui_scale = 2.0f;
    click(ImVec2(at_window.x + standard_radius * 1.2f, at_window.y));
    EXPECT_EQ(state.selection.place, kabul);
    // The passages panel is 440 window units wide, covering 880 framebuffer pixels of the map.
    frame(ImVec2(5, 5), false);
    ASSERT_TRUE(ui::findNotedItem("Search places").has_value());
    EXPECT_LT(ui::findNotedItem("Search places")->x1, 440.0f);

    // Drag: the map point under the cursor follows it.
    const ImVec2 start(500, 250);
    const geo::XY grabbed = state.view.toMercator(geo::XY{start.x * 2.0, start.y * 2.0});
    frame(start, false);
    frame(start, true);
    frame(ImVec2(520, 260), true);
    frame(ImVec2(540, 270), true);
    frame(ImVec2(540, 270), false);
    const geo::XY now = state.view.toPixel(grabbed);
    EXPECT_NEAR(now.x, 1080, 1.0);
    EXPECT_NEAR(now.y, 540, 1.0);

    // Wheel: zooms about the framebuffer pixel under the cursor.
    state.pan_velocity_px_s = geo::XY{};
    const geo::XY under = state.view.toMercator(geo::XY{2 * 600.0, 2 * 150.0});
    frame(ImVec2(600, 150), false, 2.0f);
    const geo::XY still = state.view.toPixel(under);
    EXPECT_NEAR(still.x, 1200, 0.5);
    EXPECT_NEAR(still.y, 300, 0.5);
}

}  // namespace

namespace {

// "Add a place" for words the program missed, spelt otherwise than in the gazetteer: the reader
// searches another name in the window and picks its entry.
TEST_F(ViewerUi, AddingAMissedPlaceBySearchingTheGazetteerForAnotherName) {
    const std::string text = copySeedToTempDir("add-place");
    state.doc = std::make_unique<OpenDocument>(openWithProject(text, *gazetteer_));
    state.gazetteer = gazetteer_;

    // "Taliban" is no place; pretend it were a misspelt name of Kabul.
    const std::string& body = state.doc->document.text();
    const std::size_t at = body.find("Taliban");
    ASSERT_NE(at, std::string::npos);
    apply(state, BeginAddPlace{at, at + 7});  // what right-clicking the word does
    ASSERT_NO_FATAL_FAILURE(clickItem("Search the gazetteer"));
    ImGuiIO& io = ImGui::GetIO();
    for (char c : std::string("Kabul")) io.AddInputCharacter(static_cast<unsigned char>(c));
    frame(io.MousePos, false);
    ASSERT_NO_FATAL_FAILURE(clickItem("Kabul, AF", true));
    std::size_t taliban_as_kabul = 0;
    for (const auto& m : state.doc->extraction.mentions)
        taliban_as_kabul += m.text == "Taliban" && state.doc->extraction.places[m.place].place.name == "Kabul";
    EXPECT_GE(taliban_as_kabul, 2u);  // every occurrence, as "Only here" was not ticked
    EXPECT_TRUE(fs::exists(geo::projectPathFor(text)));  // saved after the edit
}

}  // namespace

namespace {

// F12 saves what the window shows of the map: the part beside the passages panel and between the
// menu and status bars, pixel for pixel as the window draws it (map, markers, labels, scale bar,
// attribution, edge indicators); Shift+F12 twice the pixels with labels and markers twice as large.
TEST_F(ViewerUi, F12SavesTheVisibleMapAsTheWindowShowsIt) {
    frame(ImVec2(5, 5), false);
    apply(state, GoHome{});
    finishFlight();
    const geo::Basemap basemap = geo::loadBasemap(geo::findDataDir());
    state.map = defaultMapSettings(basemap);
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;  // keys the panels read by ImGuiKey
    pressKey(GLFW_KEY_F12, false);
    frame(ImVec2(5, 5), false, 0.0f, GLFW_KEY_F12);
    ASSERT_TRUE(last_requests.screenshot) << "F12 asks for a screenshot";

    const auto context = app::render::HeadlessContext::create();
    FrameRenderers renderers(basemap, ui::kScreenLabelPx);
    // The window's picture: the whole view with the panel's part covered, as the viewer draws it.
    const render::Image window = renderFrame(renderers, state, 0.0f, nullptr, true);
    FrameLayout layout;
    const render::Image shot = renderVisibleMap(renderers, state, 1, &layout);
    const MapArea area = visibleMapArea(state);
    ASSERT_EQ(shot.width, int(std::lround(area.width())));
    ASSERT_EQ(shot.height, int(std::lround(area.height())));
    EXPECT_EQ(shot.width, 1400 - state.panel_width_px);
    EXPECT_LT(shot.height, 900);
    EXPECT_FALSE(layout.overlay.edge_indicators.empty()) << "the United States is pointed to, as on screen";
    const int x0 = int(std::lround(area.x0)), y0 = int(std::lround(area.y0));
    long differing = 0;
    for (int y = 0; y < shot.height; ++y)
        for (int x = 0; x < shot.width; ++x) {
            const std::uint8_t* a = shot.pixel(x, y);
            const std::uint8_t* b = window.pixel(x0 + x, y0 + y);
            differing += std::abs(a[0] - b[0]) > 6 || std::abs(a[1] - b[1]) > 6 || std::abs(a[2] - b[2]) > 6;
        }
    EXPECT_LT(differing, long(shot.width) * shot.height / 5000) << "of " << shot.width * shot.height << " pixels";

    // Twice the pixels: the same map, labels and markers twice as large and where they were.
    FrameLayout twice;
    const render::Image large = renderVisibleMap(renderers, state, 2, &twice);
    EXPECT_EQ(large.width, 2 * shot.width);
    EXPECT_EQ(large.height, 2 * shot.height);
    ASSERT_EQ(twice.overlay.markers.size(), layout.overlay.markers.size());
    for (std::size_t i = 0; i < layout.overlay.markers.size(); ++i) {
        EXPECT_NEAR(twice.overlay.markers[i].box.w, 2 * layout.overlay.markers[i].box.w, 0.5);
        EXPECT_NEAR(twice.overlay.markers[i].box.x, 2 * layout.overlay.markers[i].box.x, 1.0);
    }
    ASSERT_EQ(twice.overlay.labels.size(), layout.overlay.labels.size());
    for (std::size_t i = 0; i < layout.overlay.labels.size(); ++i) {
        EXPECT_NEAR(twice.overlay.labels[i].box.w, 2 * layout.overlay.labels[i].box.w, 1.0) << layout.overlay.labels[i].text;
        EXPECT_NEAR(twice.overlay.labels[i].box.y, 2 * layout.overlay.labels[i].box.y, 1.0) << layout.overlay.labels[i].text;
    }
}

}  // namespace

namespace {

// The bundled article lies in the program's own data folder: a correction made with clicks is saved
// under $XDG_DATA_HOME/textatlas/projects/, never beside the text, the status bar says where, and
// the text opens with it again. A read-only folder is treated the same way.
class ViewerUiProjects : public ViewerUi {
protected:
    void SetUp() override {
        ViewerUi::SetUp();
        data_home_ = fs::temp_directory_path() / ("textatlas-xdg-" + std::to_string(::getpid()));
        fs::remove_all(data_home_);
        const char* old = std::getenv("XDG_DATA_HOME");
        if (old) old_data_home_ = old;
        had_data_home_ = old != nullptr;
        ::setenv("XDG_DATA_HOME", data_home_.c_str(), 1);
    }
    void TearDown() override {
        if (had_data_home_) ::setenv("XDG_DATA_HOME", old_data_home_.c_str(), 1);
        else ::unsetenv("XDG_DATA_HOME");
        fs::remove_all(data_home_);
        ViewerUi::TearDown();
    }
    // Opens the text, marks one mention of Kabul "not a place" with clicks; returns the status line.
    void correctKabulWithClicks(const std::string& text) {
        state.doc = std::make_unique<OpenDocument>(openWithProject(text, *gazetteer_));
        state.gazetteer = gazetteer_;
        frame(ImVec2(5, 5), false);
        frame(ImVec2(5, 5), false);
        const std::size_t kabul = placeNamed("Kabul");
        ASSERT_NO_FATAL_FAILURE(clickMentionOf(kabul));
        ASSERT_EQ(state.selection.place, kabul);
        ASSERT_NO_FATAL_FAILURE(clickItem("Correct this place"));
        ASSERT_NO_FATAL_FAILURE(clickItem("Only the selected mention"));
        ASSERT_NO_FATAL_FAILURE(clickItem("Not a place"));
        ASSERT_EQ(state.doc->corrections.size(), 1u);
    }
    fs::path data_home_;
    std::string old_data_home_;
    bool had_data_home_ = false;
};

TEST_F(ViewerUiProjects, ACorrectionToTheBundledArticleIsSavedUnderTheUsersDataFolder) {
    const std::string text = std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt";
    ASSERT_FALSE(fs::exists(geo::projectPathFor(text))) << "a project was left in the program's data folder";
    EXPECT_FALSE(textFolderIsUsers(text));
    ASSERT_NO_FATAL_FAILURE(correctKabulWithClicks(text));
    EXPECT_FALSE(fs::exists(geo::projectPathFor(text))) << "saved into the program's own data folder";
    const std::string saved = projectSavePath(text);
    EXPECT_EQ(fs::path(saved).parent_path(), data_home_ / "textatlas" / "projects");
    EXPECT_TRUE(fs::exists(saved));
    EXPECT_NE(state.status.find(saved), std::string::npos) << state.status;
    // Opened again, the correction is back, read from there.
    ProjectOpenReport report;
    const OpenDocument again = openWithProject(text, *gazetteer_, &report);
    EXPECT_EQ(report.corrections, 1u);
    EXPECT_EQ(report.project_path, saved);
    EXPECT_NE(describe(report).find(saved), std::string::npos);
}

// (Root too: a folder with every write permission taken away is read-only to the reader.)
TEST_F(ViewerUiProjects, ACorrectionToATextInAReadOnlyFolderIsSavedUnderTheUsersDataFolder) {
    const std::string text = copySeedToTempDir("read-only");
    fs::permissions(fs::path(text).parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_FALSE(textFolderIsUsers(text));
    const std::string saved = projectSavePath(text);
    EXPECT_EQ(fs::path(saved).parent_path(), data_home_ / "textatlas" / "projects");
    correctKabulWithClicks(text);
    EXPECT_TRUE(fs::exists(saved));
    EXPECT_NE(state.status.find(saved), std::string::npos) << state.status;
    fs::permissions(fs::path(text).parent_path(), fs::perms::owner_all);
    EXPECT_FALSE(fs::exists(geo::projectPathFor(text)));
}

TEST_F(ViewerUiProjects, ATextInTheUsersOwnFolderKeepsItsProjectBesideIt) {
    const std::string text = copySeedToTempDir("own-folder");
    EXPECT_TRUE(textFolderIsUsers(text));
    ASSERT_NO_FATAL_FAILURE(correctKabulWithClicks(text));
    EXPECT_TRUE(fs::exists(geo::projectPathFor(text)));
    EXPECT_FALSE(fs::exists(data_home_ / "textatlas" / "projects"));
    EXPECT_NE(state.status.find(geo::projectPathFor(text)), std::string::npos) << state.status;
}

}  // namespace

namespace {

// After a "Go to any place" choice: the place found is `name` in `country`, and the flight ends with
// it in the middle of the free part of the map.
void expectFoundAndCentred(const AppState& state, const std::string& name, const std::string& country) {
    ASSERT_TRUE(state.found.has_value());
    EXPECT_EQ(state.found->place.name, name);
    EXPECT_EQ(state.found->place.country, country);
    const geo::XY p = state.view.toPixel(*state.projection.forward(state.found->place.position.lon,
                                                                    state.found->place.position.lat));
    const MapArea area = visibleMapArea(state);
    EXPECT_NEAR(p.x, area.centreX(), 2.0);
    EXPECT_NEAR(p.y, area.centreY(), 2.0);
}

// "Go to any place" finds places the text does not name, flies there and pins the place.
TEST_F(ViewerUi, GoToAnyPlaceFindsAGazetteerPlaceTheTextDoesNotName) {
    state.gazetteer = gazetteer_;
    ASSERT_NO_FATAL_FAILURE(clickItem("Go to any place"));
    for (char c : std::string("Bergen")) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
    frame(ImGui::GetIO().MousePos, false);
    ASSERT_NO_FATAL_FAILURE(clickItem("Bergen — city, NO", true));
    finishFlight();
    ASSERT_NO_FATAL_FAILURE(expectFoundAndCentred(state, "Bergen", "NO"));
    EXPECT_DOUBLE_EQ(state.view.zoom(), flyToZoom(state, state.found->place));
    // Another name of a place finds it too.
    PlaceSearch search(*gazetteer_);
    bool kyiv = false;
    for (std::uint32_t i : search.find("Kiev")) kyiv = kyiv || gazetteer_->place(i).name == "Kyiv";
    EXPECT_TRUE(kyiv);
}

// Regression: Enter in "Go to any place" did nothing; it goes to the first result.
TEST_F(ViewerUi, EnterInGoToAnyPlaceGoesToTheFirstResult) {
    state.gazetteer = gazetteer_;
    ASSERT_NO_FATAL_FAILURE(clickItem("Go to any place"));
    ImGuiIO& io = ImGui::GetIO();
    for (char c : std::string("Ushuaia")) io.AddInputCharacter(static_cast<unsigned char>(c));
    frame(io.MousePos, false);
    ASSERT_TRUE(ui::findNotedItem("Ushuaia — city, AR", true).has_value());
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    pressKey(GLFW_KEY_ENTER, false);
    finishFlight();
    ASSERT_NO_FATAL_FAILURE(expectFoundAndCentred(state, "Ushuaia", "AR"));
    // The box is emptied for the next search.
    frame(io.MousePos, false);
    EXPECT_FALSE(ui::findNotedItem("Ushuaia — city, AR", true).has_value());
}

// Regression: Escape left an open menu open (and cleared the selection behind it). It closes the
// menu; pressed again, it clears the selection.
TEST_F(ViewerUi, EscapeClosesAnOpenMenuBeforeItClearsTheSelection) {
    ASSERT_NO_FATAL_FAILURE(clickItem("Kabul"));
    ASSERT_EQ(state.selection.place, placeNamed("Kabul"));
    ASSERT_NO_FATAL_FAILURE(clickItem("File"));
    frame(ImVec2(5, 5), false);
    ASSERT_TRUE(ui::findNotedItem("Save project").has_value());
    ImGui::GetIO().KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    pressKey(GLFW_KEY_ESCAPE, false);
    frame(ImVec2(5, 5), false);
    EXPECT_FALSE(ui::findNotedItem("Save project").has_value());
    EXPECT_EQ(state.selection.place, placeNamed("Kabul"));
    pressKey(GLFW_KEY_ESCAPE, false);
    EXPECT_FALSE(state.selection.place.has_value());
}

// Selecting a place changes what is below the places list, never where the list is.
TEST_F(ViewerUi, SelectingAPlaceDoesNotMoveThePlacesList) {
    frame(ImVec2(5, 5), false);
    frame(ImVec2(5, 5), false);
    const auto before = ui::findNotedItem("United States");
    ASSERT_TRUE(before.has_value());
    ASSERT_NO_FATAL_FAILURE(clickItem("Kabul"));
    ASSERT_EQ(state.selection.place, placeNamed("Kabul"));
    frame(ImVec2(5, 5), false);
    const auto after = ui::findNotedItem("United States");
    ASSERT_TRUE(after.has_value());
    EXPECT_FLOAT_EQ(after->y0, before->y0);
    // All five places are rows of the list at once.
    for (const char* name : {"Afghanistan", "Kabul", "Panjshir Valley", "United Kingdom", "United States"})
        EXPECT_TRUE(ui::findNotedItem(name).has_value()) << name;
}

// The distance claim's text wraps inside the panel instead of running off its edge.
TEST_F(ViewerUi, TheDistanceClaimWrapsInsideThePanel) {
    ASSERT_FALSE(state.doc->claims.empty());
    frame(ImVec2(5, 5), false);
    frame(ImVec2(5, 5), false);
    // Open the claims' header, then the claim is a block of several lines within the panel.
    ASSERT_NO_FATAL_FAILURE(clickItem("Distance claims (1)"));
    frame(ImVec2(5, 5), false);
    const auto claim = ui::findNotedItem("claim 1");
    ASSERT_TRUE(claim.has_value());
    EXPECT_LE(claim->x1, float(state.panel_width_px));
    EXPECT_GT(claim->y1 - claim->y0, 2.5f * ImGui::GetTextLineHeight()) << "the quote and the measurement, wrapped";
    click(ImVec2(claim->centreX(), claim->centreY()));
    EXPECT_EQ(state.shown_claim, std::optional<std::size_t>(0));
}

// The measure tool's profile plot draws the ground along the line.
TEST_F(ViewerUi, TheElevationProfilePlotDrawsItsSamples) {
    const std::string dem = copySeedToTempDir("profile") + ".dem.tif";
    // A ridge rising eastwards across 69–70° E.
    test_support::writeLonLatDem(dem, 68.9, 35.5, 120, 120, 1.0 / 100.0, [](int col, int) { return 1500.0 + 10.0 * col; });
    state.dems = geo::openDems(dem);
    apply(state, ToggleMeasure{});
    apply(state, AddMeasurePoint{geo::LonLat(69.0, 35.0)});
    apply(state, AddMeasurePoint{geo::LonLat(70.0, 35.0)});
    ASSERT_TRUE(state.measure->profile.has_value());
    frame(ImVec2(5, 5), false);
    frame(ImVec2(5, 5), false);
    EXPECT_EQ(panels.panel.profile_samples_drawn, int(state.measure->profile->elevations.size()));
    EXPECT_GT(panels.panel.profile_samples_drawn, 100);
}

}  // namespace
