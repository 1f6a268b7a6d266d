// Drives the viewer's real Dear ImGui frame loop (panels, map input, actions) with simulated mouse
// input, headless: no window and no GL are needed to lay out and hit-test ImGui frames.
#include <gtest/gtest.h>

#include <imgui.h>

#include "app/actions.hpp"
#include "app/scene.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/panels.hpp"
#include "geo/data_paths.hpp"
#include "geo/projection.hpp"
#include "geo/raster.hpp"

#include <algorithm>

namespace {

using namespace app;

class ViewerUi : public ::testing::Test {
protected:
    static void SetUpTestSuite() { gazetteer_ = new geo::Gazetteer(geo::Gazetteer::load(geo::findDataDir())); }
    static void TearDownTestSuite() { delete gazetteer_; }

    void SetUp() override {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1400, 900);
        ui::addUiFont(io.Fonts, 16.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas; no GPU upload needed
        state.doc = std::make_unique<OpenDocument>(
            OpenDocument::load(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt", *gazetteer_));
        state.view = geo::Viewport(1400, 900, geo::XY{0, 0}, 2.0);
        apply(state, FitAll{});
        finishFlight();
    }
    void TearDown() override { ImGui::DestroyContext(context_); }

    // One viewer frame with the mouse at `mouse` and the left button `down`.
    void frame(ImVec2 mouse, bool down, float wheel = 0.0f) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        io.MouseWheel = wheel;
        ImGui::NewFrame();
        actions.push(SetHover{});
        input.update(state, actions);
        ui::drawMainMenu(state, actions, {});
        hits = ui::drawPassagesPanel(state, actions, panel, ui::menuBarHeight(), io.DisplaySize.y - ui::statusBarHeight());
        ImGui::Render();
        state.scroll_passages_to_top = false;
        state.scroll_to_mention = false;
        actions.applyAll(state);
    }
    void click(ImVec2 at) {
        frame(at, false);
        frame(at, true);
        frame(at, false);
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
    ImGuiContext* context_ = nullptr;
    AppState state;
    ActionQueue actions;
    ui::MapInput input;
    ui::PanelState panel;
    std::vector<ui::MentionHit> hits;
};
geo::Gazetteer* ViewerUi::gazetteer_ = nullptr;

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

TEST_F(ViewerUi, MeasuringTwoPointsGivesAnElevationProfileFromTheDem) {
    const geo::Raster dem = geo::loadRaster(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/dem/afghanistan_dem_dted0_30arcsec.tif");
    state.dem = &dem;
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
