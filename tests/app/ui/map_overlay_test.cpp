// Tests of app/ui/map_overlay's town labels: the zoom's large towns everywhere, and smaller ones
// only where the map would otherwise be empty.
#include "app/ui/map_overlay.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/state.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/gazetteer.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

using app::ui::PlacedLabel;

constexpr float kLabelHeight = 14.0f;

std::pair<float, float> measure(const std::string& text) { return {7.0f * float(text.size()), kLabelHeight}; }

geo::XY mercator(double lon, double lat) { return geo::Projection::webMercator().forward(geo::LonLat(lon, lat)); }

app::AppState stateAt(double lon, double lat, double zoom) {
    app::AppState state;
    state.view = geo::Viewport(800, 560, mercator(lon, lat), zoom);
    state.panel_width_px = 0;
    state.map.show_towns = true;
    return state;
}

bool labelled(const std::vector<PlacedLabel>& labels, const std::string& name) {
    for (const PlacedLabel& label : labels)
        if (label.town && label.text == name) return true;
    return false;
}

// At zoom 4.5 the threshold is 1,000,000 and the floor 100,000.
constexpr double kZoom = 4.5;

TEST(TownLabels, TheFloorIsATenthOfTheThreshold) {
    for (double zoom : {2.0, 4.5, 5.5, 6.5, 7.5, 8.5, 10.0})
        EXPECT_EQ(app::ui::townFillPopulationFloor(zoom), app::ui::townPopulationThreshold(zoom) / 10) << zoom;
    ASSERT_EQ(app::ui::townPopulationThreshold(kZoom), 1'000'000);
}

TEST(TownLabels, ASmallerTownIsLabelledWhereNothingElseIs) {
    const std::vector<geo::Town> towns{{"Lonely", geo::LonLat(0.0, 0.0), 150'000}};
    const app::AppState state = stateAt(0.0, 0.0, kZoom);
    EXPECT_TRUE(labelled(app::ui::placeLabels(state, measure, &towns), "Lonely"));
}

TEST(TownLabels, ASmallerTownNearALargeOneIsLeftOut) {
    // 1° of longitude at zoom 4.5 is 256·2^4.5/360 ≈ 16 px: well inside the spacing.
    const std::vector<geo::Town> towns{{"Big", geo::LonLat(0.0, 0.0), 2'000'000},
                                       {"Satellite", geo::LonLat(2.0, 0.0), 150'000},
                                       {"Far", geo::LonLat(10.0, 0.0), 150'000}};
    const app::AppState state = stateAt(4.0, 0.0, kZoom);
    const std::vector<PlacedLabel> labels = app::ui::placeLabels(state, measure, &towns);
    EXPECT_TRUE(labelled(labels, "Big"));
    EXPECT_FALSE(labelled(labels, "Satellite"));
    EXPECT_TRUE(labelled(labels, "Far"));  // 160 px from Big
}

TEST(TownLabels, ATownUnderTheFloorIsNeverLabelled) {
    const std::vector<geo::Town> towns{{"Hamlet", geo::LonLat(0.0, 0.0), 99'999}};
    const app::AppState state = stateAt(0.0, 0.0, kZoom);
    EXPECT_FALSE(labelled(app::ui::placeLabels(state, measure, &towns), "Hamlet"));
}

// Regression: a town just across the antimeridian from the view's centre was projected a world
// away and left unlabelled, though the map draws that side.
TEST(TownLabels, ATownJustAcrossTheAntimeridianIsLabelledBesideTheView) {
    const std::vector<geo::Town> towns{{"East of 180", geo::LonLat(-178.0, -18.0), 2'000'000},
                                       {"West of 180", geo::LonLat(178.0, -18.0), 2'000'000}};
    for (const double centre_lon : {179.5, -179.5}) {
        const app::AppState state = stateAt(centre_lon, -18.0, 6.0);
        const std::vector<PlacedLabel> labels = app::ui::placeLabels(state, measure, &towns);
        EXPECT_TRUE(labelled(labels, "East of 180")) << centre_lon;
        EXPECT_TRUE(labelled(labels, "West of 180")) << centre_lon;
        for (const PlacedLabel& label : labels) {
            EXPECT_GE(label.box.x, 0.0f) << label.text;
            EXPECT_LE(label.box.x + label.box.w, 800.0f) << label.text;
        }
    }
}

// With the gazetteer's towns: whatever the region, a town under the zoom's threshold keeps the
// spacing from every other town and marker, and thinly peopled land shows its largest towns.
class TownLabelsOfTheGazetteer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        towns_ = new std::vector<geo::Town>(geo::gazetteerTowns(geo::Gazetteer::load(geo::findDataDir())));
    }
    static void TearDownTestSuite() {
        delete towns_;
        towns_ = nullptr;
    }
    static std::vector<geo::Town>* towns_;
};
std::vector<geo::Town>* TownLabelsOfTheGazetteer::towns_ = nullptr;

// Regression: a view of Patagonia at zoom 4.9 labelled no town at all (none has a million people).
TEST_F(TownLabelsOfTheGazetteer, PatagoniaShowsItsLargestTowns) {
    const app::AppState state = stateAt(-69.0, -46.0, 4.9);
    const std::vector<PlacedLabel> labels = app::ui::placeLabels(state, measure, towns_);
    EXPECT_TRUE(labelled(labels, "Comodoro Rivadavia"));
    EXPECT_TRUE(labelled(labels, "Punta Arenas"));
    EXPECT_TRUE(labelled(labels, "Neuquén"));
}

TEST_F(TownLabelsOfTheGazetteer, SmallerTownsKeepTheirSpacingEverywhere) {
    struct View {
        double lon, lat, zoom;
    };
    const double spacing = app::ui::kTownFillSpacingInLabelHeights * kLabelHeight;
    for (const View v : {View{135.0, 35.0, 6.5}, View{80.0, 25.0, 5.5}, View{-69.0, -46.0, 4.9}, View{20.0, 10.0, 3.0}}) {
        const app::AppState state = stateAt(v.lon, v.lat, v.zoom);
        const long long threshold = app::ui::townPopulationThreshold(v.zoom);
        const std::vector<PlacedLabel> labels = app::ui::placeLabels(state, measure, towns_);
        std::vector<geo::XY> dots;
        for (const PlacedLabel& label : labels)
            if (label.town) {
                const geo::Town& t = (*towns_)[label.place];
                dots.push_back(state.view.toPixel(mercator(t.position.lon, t.position.lat)));
            }
        std::size_t smaller = 0;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (!labels[i].town) continue;
            const geo::Town& town = (*towns_)[labels[i].place];
            EXPECT_GE(town.population, app::ui::townFillPopulationFloor(v.zoom));
            if (town.population >= threshold) continue;
            ++smaller;
            // Every dot placed before this one (more populous) is at least the spacing away.
            const geo::XY p = state.view.toPixel(mercator(town.position.lon, town.position.lat));
            for (std::size_t j = 0; j < labels.size(); ++j) {
                if (!labels[j].town || (*towns_)[labels[j].place].population < town.population || labels[j].place == labels[i].place)
                    continue;
                const geo::Town& other = (*towns_)[labels[j].place];
                const geo::XY q = state.view.toPixel(mercator(other.position.lon, other.position.lat));
                EXPECT_GE(std::hypot(p.x - q.x, p.y - q.y), spacing - 1.0) << town.name << " near " << other.name;
            }
        }
        std::printf("view %.0f,%.0f z%.1f: %zu town labels, %zu under the threshold\n", v.lon, v.lat, v.zoom, dots.size(), smaller);
    }
}

}  // namespace
