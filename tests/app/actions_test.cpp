// AppState changes through Actions: selection, passages shown, fly-to, picking, label placement.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/actions.hpp"
#include "app/framing.hpp"
#include "app/scene.hpp"
#include "app/ui/corrections_panel.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/measure_overlay.hpp"
#include "geo/projection.hpp"
#include "support/test_places.hpp"

namespace {

using namespace app;

using test_support::testPlace;

std::size_t placeOf(const AppState& state, const std::string& name) {
    const auto& places = state.doc->extraction.places;
    for (std::size_t i = 0; i < places.size(); ++i)
        if (places[i].place.name == name) return i;
    ADD_FAILURE() << name << " not found";
    return 0;
}

class ActionsTest : public ::testing::Test {
protected:
    void SetUp() override {
        test_support::addUnderItsName(gazetteer, testPlace("t:kabul", "Kabul", 69.17233, 34.52813, 3000000));
        test_support::addUnderItsName(gazetteer, testPlace("t:herat", "Herat", 62.19967, 34.34817, 400000));
        test_support::addUnderItsName(gazetteer, testPlace("t:kandahar", "Kandahar", 65.71013, 31.61332, 400000));
        auto doc = geo::Document::fromString(
            "Fighting was reported in Kabul on Monday.\n\nHerat and Kandahar were quiet.\n\nKabul again.\n", "test");
        state.doc = std::make_unique<OpenDocument>(OpenDocument::fromDocument(std::move(doc), gazetteer, "test.txt"));
        state.view = geo::Viewport(1200, 800, geo::XY{0, 0}, 3.0);
        state.panel_width_px = 400;
        state.gazetteer = &gazetteer;
    }
    std::size_t placeNamed(const std::string& name) const {
        const auto& places = state.doc->extraction.places;
        for (std::size_t i = 0; i < places.size(); ++i)
            if (places[i].place.name == name) return i;
        ADD_FAILURE() << name << " not found";
        return 0;
    }
    void finishFlight() {
        for (int i = 0; i < 100 && state.flight; ++i) apply(state, AdvanceTime{0.05});
    }
    geo::Gazetteer gazetteer;
    AppState state;
};

TEST_F(ActionsTest, SelectingAPlaceShowsOnlyItsPassagesAndFliesThere) {
    ASSERT_EQ(state.doc->extraction.places.size(), 3u);
    EXPECT_EQ(visiblePassages(state).size(), 3u);
    const std::size_t kabul = placeNamed("Kabul");
    apply(state, SelectPlace{kabul});
    EXPECT_EQ(visiblePassages(state), (std::vector<std::size_t>{0, 2}));
    ASSERT_TRUE(state.flight.has_value());
    finishFlight();
    EXPECT_FALSE(state.flight.has_value());
    // Kabul ends in the middle of the part of the map the panel leaves free.
    const geo::XY p = state.view.toPixel(state.doc->place_mercator[kabul]);
    EXPECT_NEAR(p.x, 400 + (1200 - 400) / 2.0, 1.0);
    EXPECT_NEAR(p.y, 400, 1.0);
    apply(state, ClearSelection{});
    EXPECT_EQ(visiblePassages(state).size(), 3u);
}

TEST_F(ActionsTest, ClickingAPassageSelectsItsPlacesAndFitsThemInView) {
    apply(state, SelectPassage{1});
    EXPECT_EQ(state.selection.passage, 1u);
    finishFlight();
    for (const char* name : {"Herat", "Kandahar"}) {
        const geo::XY p = state.view.toPixel(state.doc->place_mercator[placeNamed(name)]);
        EXPECT_GT(p.x, 400.0) << name;  // right of the panel
        EXPECT_LT(p.x, 1200.0) << name;
        EXPECT_GT(p.y, 0.0) << name;
        EXPECT_LT(p.y, 800.0) << name;
    }
}

TEST_F(ActionsTest, ClickingAMentionSelectsItsPlace) {
    const auto& mentions = state.doc->extraction.mentions;
    ASSERT_FALSE(mentions.empty());
    apply(state, SelectMention{mentions.size() - 1});
    EXPECT_EQ(state.selection.place, mentions.back().place);
    EXPECT_EQ(state.selection.passage, mentions.back().passage);
}

TEST_F(ActionsTest, PickingFindsTheMarkerUnderThePixelOnly) {
    apply(state, FitAll{});
    finishFlight();
    const std::size_t herat = placeNamed("Herat");
    const geo::XY p = state.view.toPixel(state.doc->place_mercator[herat]);
    EXPECT_EQ(pickPlace(state, p.x + 2, p.y - 2), herat);
    EXPECT_FALSE(pickPlace(state, p.x + 40, p.y + 40).has_value());
}

// A text naming Anadyr (177.5°E) and Nome (165.4°W), either side of the antimeridian.
std::unique_ptr<OpenDocument> beringText() {
    geo::Gazetteer gazetteer;
    test_support::addUnderItsName(gazetteer, testPlace("t:anadyr", "Anadyr", 177.5, 64.73, 200000));
    test_support::addUnderItsName(gazetteer, testPlace("t:nome", "Nome", -165.41, 64.50, 200000));
    return std::make_unique<OpenDocument>(OpenDocument::fromDocument(
        geo::Document::fromString("Flights link Anadyr and Nome.\n\nAnadyr, then Nome.\n", "test"), gazetteer, "test.txt"));
}

TEST(AntimeridianScene, PlacesJustAcrossTheAntimeridianAreDrawnLabelledAndPickedBesideTheView) {
    // A Web Mercator view centred on the antimeridian: Anadyr (177.5°E) west of the centre, Nome
    // (165.4°W) east of it. The renderer draws the world copies side by side; the markers, their
    // counts and labels, picking and the lon/lat under the cursor must use the copy in view.
    AppState state;
    state.doc = beringText();
    const geo::XY bering = *state.projection.forward(180.0, 64.6);
    state.view = geo::Viewport(1200, 800, bering, 5.0);
    const MarkerScene scene = drawnMarkers(state);
    ASSERT_EQ(scene.markers.size(), 2u);
    for (std::size_t k = 0; k < scene.markers.size(); ++k) {
        const std::string& name = state.doc->extraction.places[scene.place_of_marker[k]].place.name;
        const geo::XY p = state.view.toPixel(scene.markers[k].position);
        // 2.5° and 14.6° from the centre: some 30 and 170 px at zoom 5, not a world (8192 px) away.
        EXPECT_GT(p.x, 0.0) << name;
        EXPECT_LT(p.x, 1200.0) << name;
        EXPECT_EQ(p.x < 600.0, name == "Anadyr") << name << " is on its side of the antimeridian";
        EXPECT_EQ(pickPlace(state, p.x, p.y), scene.place_of_marker[k]) << name;
        const geo::XY by_pixel = pixelOf(state, state.doc->extraction.places[scene.place_of_marker[k]].place.position);
        EXPECT_NEAR(by_pixel.x, p.x, 1e-6) << name;
    }
    // Both are labelled.
    const auto labels = ui::placeLabels(state, [](const std::string& t) {
        return std::pair<float, float>{7.0f * float(t.size()), 14.0f};
    });
    EXPECT_EQ(std::count_if(labels.begin(), labels.end(), [](const ui::PlacedLabel& l) { return !l.town; }), 2);
    // East of the centre the map shows the western hemisphere (100 px: 4.4°).
    const auto east = lonLatAtPixel(state, 700, 400);
    ASSERT_TRUE(east.has_value());
    EXPECT_LT(east->lon, -170.0);
    EXPECT_GT(east->lon, -180.0);
}

TEST(AntimeridianScene, DraggingZoomingAndFlyingCrossTheAntimeridianInWebMercator) {
    // Web Mercator's plane repeats every world width; the view's centre must come back from the
    // other side rather than stop at ±180° (a wall in the Bering Sea), and flights go the short way.
    AppState state;
    state.doc = beringText();
    state.panel_width_px = 0;
    state.view = geo::Viewport(1200, 800, *state.projection.forward(179.5, 64.6), 5.0);
    auto centreLon = [&] { return lonLatAtPixel(state, 600, 400)->lon; };
    // 200 px to the left at zoom 5 (8192 px round the world): the centre moves 8.79° east.
    apply(state, PanBy{-200, 0});
    EXPECT_NEAR(centreLon(), 179.5 + 200 * 360.0 / 8192 - 360, 1e-6);
    apply(state, PanBy{+200, 0});  // and back
    EXPECT_NEAR(centreLon(), 179.5, 1e-6);
    // Zooming in about a point east of the antimeridian keeps that point under the cursor.
    const geo::LonLat under = *lonLatAtPixel(state, 1100, 300);
    ASSERT_LT(under.lon, -150.0);  // 22° east of the centre, past 180°
    apply(state, ZoomAbout{1100, 300, 1.0});
    const geo::LonLat after = *lonLatAtPixel(state, 1100, 300);
    EXPECT_NEAR(after.lon, under.lon, 1e-6);
    EXPECT_NEAR(after.lat, under.lat, 1e-6);
    // Flying from Anadyr to Nome (17° apart across 180°) passes over the Bering Sea, not Europe.
    apply(state, SelectPlace{placeOf(state, "Anadyr")});
    for (int i = 0; i < 100 && state.flight; ++i) apply(state, AdvanceTime{0.05});
    apply(state, SelectPlace{placeOf(state, "Nome")});
    ASSERT_TRUE(state.flight.has_value());
    for (int i = 0; i < 100 && state.flight; ++i) {
        apply(state, AdvanceTime{0.05});
        const double lon = centreLon();
        EXPECT_TRUE(lon >= 177.0 || lon <= -165.0) << "the flight passed " << lon;
    }
    EXPECT_NEAR(centreLon(), -165.41, 0.01);
}

TEST_F(ActionsTest, FitAllKeepsEveryPlaceInTheFreePartOfTheMap) {
    apply(state, FitAll{});
    finishFlight();
    for (const auto& xy : state.doc->place_mercator) {
        const geo::XY p = state.view.toPixel(xy);
        EXPECT_GE(p.x, 400.0);
        EXPECT_LE(p.x, 1200.0);
        EXPECT_GE(p.y, 0.0);
        EXPECT_LE(p.y, 800.0);
    }
}

TEST_F(ActionsTest, SelectedMarkerIsDrawnLastAndLarger) {
    const std::size_t herat = placeNamed("Herat");
    const float plain = buildMarkers(state).markers.front().radius_px;
    apply(state, SelectPlace{herat, false});
    const MarkerScene scene = buildMarkers(state);
    EXPECT_EQ(scene.place_of_marker.back(), herat);
    EXPECT_GT(scene.markers.back().radius_px, plain);
}

TEST_F(ActionsTest, LabelsNeverOverlapEachOtherOrForeignMarkers) {
    // Zoomed out far, the three places crowd together: some labels must be left out.
    for (double zoom : {1.0, 3.0, 6.0}) {
        state.view = geo::Viewport(600, 400, state.doc->place_mercator[0], zoom);
        const auto labels = ui::placeLabels(state, [](const std::string& s) {
            return std::pair<float, float>{9.0f * float(s.size()), 16.0f};
        });
        for (std::size_t i = 0; i < labels.size(); ++i)
            for (std::size_t j = i + 1; j < labels.size(); ++j)
                EXPECT_FALSE(labels[i].box.overlaps(labels[j].box)) << "zoom " << zoom;
        if (zoom == 6.0) {
            EXPECT_GE(labels.size(), 1u);
        }
    }
}

TEST_F(ActionsTest, NextAndPreviousStepThroughThePlacesMentionsAndWrap) {
    const std::size_t kabul = placeNamed("Kabul");
    const auto& mentions = state.doc->extraction.places[kabul].mentions;
    ASSERT_EQ(mentions.size(), 2u);
    apply(state, SelectPlace{kabul});
    apply(state, StepMention{+1});
    EXPECT_EQ(state.selection.mention, mentions[0]);
    EXPECT_TRUE(state.scroll_to_mention);
    apply(state, StepMention{+1});
    EXPECT_EQ(state.selection.mention, mentions[1]);
    EXPECT_EQ(state.selection.passage, 2u);
    apply(state, StepMention{+1});
    EXPECT_EQ(state.selection.mention, mentions[0]);  // wraps to the first
    apply(state, StepMention{-1});
    EXPECT_EQ(state.selection.mention, mentions[1]);  // and back to the last
    EXPECT_EQ(state.selection.place, kabul);
}

TEST_F(ActionsTest, TourVisitsPlacesInReadingOrderAndAdvancesByItself) {
    const auto stops = tourStops(*state.doc);
    // Kabul, Herat, Kandahar, Kabul: four stops in text order.
    ASSERT_EQ(stops.size(), 4u);
    apply(state, StartTour{});
    ASSERT_TRUE(state.tour.has_value());
    EXPECT_EQ(state.selection.place, placeNamed("Kabul"));
    // Time passes: the flight ends, then after seconds_per_stop the tour moves on.
    for (int i = 0; i < 80; ++i) apply(state, AdvanceTime{0.05});
    EXPECT_EQ(state.tour->stop, 1u);
    EXPECT_EQ(state.selection.place, placeNamed("Herat"));
    apply(state, ToggleTourPlaying{});
    for (int i = 0; i < 200; ++i) apply(state, AdvanceTime{0.05});
    EXPECT_EQ(state.tour->stop, 1u);  // paused
    apply(state, StepTour{+1});
    apply(state, StepTour{+1});
    apply(state, StepTour{+1});  // past the end: stays on the last stop
    EXPECT_EQ(state.tour->stop, 3u);
    EXPECT_EQ(state.selection.mention, stops[3]);
    // The route so far: Kabul → Herat → Kandahar → Kabul, one leg per change of place.
    const auto route = ui::tourRoutePlaces(state);
    EXPECT_EQ(route, (std::vector<std::size_t>{placeNamed("Kabul"), placeNamed("Herat"), placeNamed("Kandahar"),
                                               placeNamed("Kabul")}));
    apply(state, StepTour{-1});
    EXPECT_EQ(ui::tourRoutePlaces(state).size(), 3u);
    apply(state, StopTour{});
    EXPECT_FALSE(state.tour.has_value());
    EXPECT_TRUE(ui::tourRoutePlaces(state).empty());
}

TEST_F(ActionsTest, OpeningAnotherTextKeepsTheFirstAsABackgroundText) {
    auto second = std::make_shared<OpenDocument>(OpenDocument::fromDocument(
        geo::Document::fromString("Kandahar only.\n", "second"), gazetteer, "second.txt"));
    apply(state, SelectPlace{placeNamed("Herat")});
    apply(state, OpenedDocument{second});
    EXPECT_EQ(state.doc->path, "second.txt");
    ASSERT_EQ(state.other_docs.size(), 1u);
    EXPECT_EQ(state.other_docs[0]->path, "test.txt");
    EXPECT_FALSE(state.selection.place.has_value());  // selection belonged to the other text
    // The other text's places are drawn muted but not picked as the active text's.
    const MarkerScene scene = buildMarkers(state);
    EXPECT_EQ(scene.markers.size(), 3u + 1u);
    std::size_t from_other = 0;
    for (const auto& t : scene.text_of_marker) from_other += t.has_value();
    EXPECT_EQ(from_other, 3u);
    apply(state, SetShowOtherTexts{false});
    EXPECT_EQ(buildMarkers(state).markers.size(), 1u);
    apply(state, ActivateDocument{0});
    EXPECT_EQ(state.doc->path, "test.txt");
    EXPECT_EQ(state.other_docs[0]->path, "second.txt");
}

TEST_F(ActionsTest, NotAPlaceRemovesEveryMentionAndUndoRedoRestoreIt) {
    const std::size_t kabul = placeNamed("Kabul");
    const auto edit = geo::notAPlaceForPlace(state.doc->document, state.doc->extraction, kabul, 0);
    apply(state, Correct{edit});
    EXPECT_EQ(state.doc->extraction.places.size(), 2u);
    EXPECT_EQ(state.doc->place_mercator.size(), 2u);
    EXPECT_TRUE(state.project_dirty);
    for (const auto& p : state.doc->extraction.places) EXPECT_NE(p.place.name, "Kabul");
    apply(state, Undo{});
    EXPECT_EQ(state.doc->extraction.places.size(), 3u);
    EXPECT_TRUE(state.doc->corrections.empty());
    apply(state, Redo{});
    EXPECT_EQ(state.doc->extraction.places.size(), 2u);
    EXPECT_TRUE(state.doc->redo.empty());
}

TEST_F(ActionsTest, ChoosingAnotherPlaceKeepsTheSelectionOnTheNewPlace) {
    // A second "Herat" in the gazetteer, far away, as an alternative.
    geo::Place other = testPlace("t:herat-2", "Herat", 10.0, 50.0, 100);
    other.country = "DE";
    gazetteer.add(other, {{"Herat", geo::NameKind::Name}});
    const std::size_t herat = placeNamed("Herat");
    apply(state, SelectPlace{herat, false});
    apply(state, ShowCandidates{herat});
    ASSERT_FALSE(state.candidates.empty());
    EXPECT_EQ(state.candidates.front().id, "t:herat-2");
    const auto edit = geo::choosePlaceForPlace(state.doc->document, state.doc->extraction, herat,
                                               geo::PlaceTarget{"t:herat-2", std::nullopt}, 0);
    apply(state, Correct{edit});
    EXPECT_FALSE(state.choosing_for.has_value());
    const std::size_t now = placeNamed("Herat");
    EXPECT_EQ(state.doc->extraction.places[now].place.id, "t:herat-2");
    EXPECT_NEAR(state.doc->extraction.places[now].place.position.lon, 10.0, 1e-9);
}

TEST_F(ActionsTest, AWordPlacedOnTheMapBecomesAPlaceOfEveryOccurrence) {
    const std::string& text = state.doc->document.text();
    const std::size_t at = text.find("Monday");
    apply(state, BeginAddPlace{at, at + 6});
    apply(state, PickUserPoint{geo::LonLat(1, 2)});  // not picking on the map yet: ignored
    EXPECT_EQ(state.doc->extraction.places.size(), 3u);
    apply(state, SetAddPlaceOptions{true, false});
    apply(state, PickUserPoint{geo::LonLat(1, 2)});
    EXPECT_FALSE(state.add_place.has_value());
    ASSERT_EQ(state.doc->extraction.places.size(), 4u);
    const std::size_t monday = placeNamed("Monday");
    EXPECT_DOUBLE_EQ(state.doc->extraction.places[monday].place.position.lat, 2.0);
}

TEST_F(ActionsTest, DraggingTheGlobeTurnsItAndTheDiscStaysCentred) {
    state.view = geo::Viewport(1200, 800, geo::Projection::webMercator().forward(geo::LonLat(69.2, 34.5)), 6.0);
    setMapProjection(state, geo::MapProjectionKind::Globe);
    const geo::LonLat before = state.projection.centre();
    const double zoom = state.view.zoom();
    // The ground at the disc's centre, then 40 px to its right.
    const geo::XY middle{600.0, 400.0};
    const auto right_of_centre = state.projection.inverse(state.view.toMercator(geo::XY{640.0, 400.0}));
    ASSERT_TRUE(right_of_centre.has_value());
    apply(state, PanBy{-40.0, 0.0});  // drag left by 40 px
    const geo::LonLat after = state.projection.centre();
    // Turned, not panned: the centre moved east, to the ground that was 40 px right of it.
    EXPECT_GT(after.lon, before.lon);
    EXPECT_NEAR(after.lon - before.lon, right_of_centre->lon - before.lon, 0.02 * (right_of_centre->lon - before.lon));
    EXPECT_NEAR(after.lat, before.lat, 0.01);
    EXPECT_EQ(state.projection.kind(), geo::MapProjectionKind::Globe);
    EXPECT_DOUBLE_EQ(state.view.zoom(), zoom);
    // The disc stays centred: its centre (the projection's centre) is at the view's centre.
    const auto disc = state.projection.forward(after.lon, after.lat);
    ASSERT_TRUE(disc.has_value());
    const geo::XY pixel = state.view.toPixel(*disc);
    EXPECT_NEAR(pixel.x, middle.x, 1e-6);
    EXPECT_NEAR(pixel.y, middle.y, 1e-6);
    // Dragging down brings the north into view; the glide after release keeps turning the globe.
    apply(state, PanBy{0.0, 30.0});
    EXPECT_GT(state.projection.centre().lat, after.lat + 0.1);
    apply(state, AdvanceTime{0.016});
    apply(state, PanBy{0.0, 30.0});  // a second step a frame later: the drag has a speed
    const geo::LonLat dragged = state.projection.centre();
    apply(state, AdvanceTime{0.016});
    apply(state, AdvanceTime{0.016});
    EXPECT_GT(state.projection.centre().lat, dragged.lat);
    EXPECT_NEAR(state.view.toPixel(*state.projection.forward(state.projection.centre().lon,
                                                             state.projection.centre().lat)).x, middle.x, 1e-6);
    // Other projections still pan: the plane moves, the projection stays.
    setMapProjection(state, geo::MapProjectionKind::Laea);
    const std::string crs = state.projection.crs();
    const geo::XY centre = state.view.center();
    apply(state, PanBy{-40.0, 0.0});
    EXPECT_EQ(state.projection.crs(), crs);
    EXPECT_NEAR(state.view.center().x, centre.x + 40.0 * state.view.metresPerPixel(), 1e-6);
}

TEST(WordSpans, WordAtAndAdjustingByWords) {
    const std::string text = "They met in New Mexico's capital.";
    const auto word = ui::wordAt(text, text.find("Mexico") + 2);
    EXPECT_EQ(text.substr(word.first, word.second - word.first), "Mexico's");
    const auto grown = ui::adjustSpanByWord(text, word.first, word.second, false, +1, 0, text.size());
    EXPECT_EQ(text.substr(grown.first, grown.second - grown.first), "New Mexico's");
    const auto shrunk = ui::adjustSpanByWord(text, grown.first, grown.second, true, -1, 0, text.size());
    EXPECT_EQ(text.substr(shrunk.first, shrunk.second - shrunk.first), "New");
    const auto last = ui::wordAt(text, text.find("capital"));
    EXPECT_EQ(text.substr(last.first, last.second - last.first), "capital");  // no sentence period
    EXPECT_EQ(ui::wordAt(text, text.find(' ')).first, text.find(' '));       // a space: empty span
    // A dash ends a word (geo/text/unicode): right-clicking "Kabul" in "Kabul—the" picks "Kabul".
    const std::string dashed = "They reached Kabul\u2014the capital.";
    const auto kabul = ui::wordAt(dashed, dashed.find("Kabul") + 1);
    EXPECT_EQ(dashed.substr(kabul.first, kabul.second - kabul.first), "Kabul");
}

TEST(ScaleBar, NiceLengthsAreOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(ui::niceScaleLength(180000), 100000);
    EXPECT_DOUBLE_EQ(ui::niceScaleLength(260000), 200000);
    EXPECT_DOUBLE_EQ(ui::niceScaleLength(7300), 5000);
    EXPECT_DOUBLE_EQ(ui::niceScaleLength(0), 0);
}

TEST(ScaleBar, GroundScaleShrinksWithLatitudeLikeMercatorSays) {
    // At latitude φ, Web Mercator's ground metres per pixel are metresPerPixel·cos φ (sphere),
    // within the ellipsoid's ~0.5 % difference.
    const geo::Projection mercator = geo::Projection::webMercator();
    for (double lat : {0.0, 35.0, 60.0}) {
        const geo::Viewport view(800, 600, mercator.forward(geo::LonLat(69.0, lat)), 8.0);
        const double expected = view.metresPerPixel() * std::cos(lat * M_PI / 180.0);
        EXPECT_NEAR(ui::groundMetresPerPixel(view) / expected, 1.0, 0.01) << lat;
    }
}

}  // namespace

namespace {

// Regression: the wheel zoomed out to zoom 0, where the globe was an 80-px disc in a 1200-px window.
TEST_F(ActionsTest, ZoomingOutStopsWhereTheWholeWorldFillsTheMap) {
    const MapArea area = visibleMapArea(state);
    for (const geo::MapProjectionKind kind : {geo::MapProjectionKind::WebMercator, geo::MapProjectionKind::Utm,
                                              geo::MapProjectionKind::Laea, geo::MapProjectionKind::Globe}) {
        state.projection = geo::MapProjection::make(kind, geo::LonLat(-70.0, -45.0));
        const geo::XY centre = *state.projection.forward(-70.0, -45.0);
        state.view = geo::Viewport(1200, 800, centre, 6.0);
        const double floor_zoom = wholeWorldZoom(state);
        EXPECT_GT(floor_zoom, geo::kMinZoom) << geo::projectionName(kind);
        apply(state, ZoomAbout{800, 400, -20.0});
        EXPECT_NEAR(state.view.zoom(), floor_zoom, 1e-9) << geo::projectionName(kind);
        // Zooming in from there still works.
        apply(state, ZoomAbout{800, 400, +1.0});
        EXPECT_NEAR(state.view.zoom(), floor_zoom + 1.0, 1e-9) << geo::projectionName(kind);
    }
    // Wherever the wheel turned, LAEA's cap ends centred in the part of the map the panel leaves
    // free; the globe's disc on the view's centre, where turning it keeps it.
    for (const geo::MapProjectionKind kind : {geo::MapProjectionKind::Globe, geo::MapProjectionKind::Laea}) {
        state.projection = geo::MapProjection::make(kind, geo::LonLat(-70.0, -45.0));
        state.view = geo::Viewport(1200, 800, geo::XY{0, 0}, 6.0);
        apply(state, ZoomAbout{1100, 100, -20.0});
        const geo::XY middle = state.view.toPixel(*state.projection.forward(-70.0, -45.0));
        const bool globe = kind == geo::MapProjectionKind::Globe;
        EXPECT_NEAR(middle.x, globe ? 600.0 : area.centreX(), 3.0) << geo::projectionName(kind);
        EXPECT_NEAR(middle.y, globe ? 400.0 : area.centreY(), 3.0) << geo::projectionName(kind);
    }
    state.projection = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(-70.0, -45.0));
    state.view = geo::Viewport(1200, 800, geo::XY{0, 0}, 6.0);
    apply(state, ZoomAbout{800, 400, -20.0});
    const double disc_px = 2 * 6378137.0 / state.view.metresPerPixel();
    EXPECT_LE(disc_px, std::min(area.width(), area.height()) + 1.0);
    EXPECT_GE(disc_px, 0.97 * std::min(area.width(), area.height()));
    // Web Mercator: the world square fits the map area's height (800 px tall, no bars).
    state.projection = geo::MapProjection();
    state.view = geo::Viewport(1200, 800, geo::XY{0, 0}, 6.0);
    apply(state, ZoomAbout{800, 400, -20.0});
    EXPECT_NEAR(256.0 * std::exp2(state.view.zoom()), std::min(area.width(), area.height()), 1.0);
}

TEST_F(ActionsTest, AViewAlreadyWiderThanTheWorldIsNotZoomedInByZoomingOut) {
    state.projection = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(69.0, 34.0));
    state.view = geo::Viewport(1200, 800, geo::XY{0, 0}, 0.5);
    ASSERT_LT(0.5, wholeWorldZoom(state));
    apply(state, ZoomAbout{800, 400, -1.0});
    EXPECT_DOUBLE_EQ(state.view.zoom(), 0.5);
}

}  // namespace
