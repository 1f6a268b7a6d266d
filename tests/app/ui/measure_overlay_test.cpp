#include <gtest/gtest.h>

#include "app/actions.hpp"
#include "app/ui/measure_overlay.hpp"
#include "geo/geodesy.hpp"

namespace {

TEST(Measure, GeodesicPathEndsAtBothPointsAndItsPiecesAddUpToTheGeodesic) {
    const geo::LonLat kabul(69.17233, 34.52813), london(-0.12574, 51.50853);
    const auto path = app::ui::geodesicPath(kabul, london, 32);
    ASSERT_EQ(path.size(), 33u);
    EXPECT_DOUBLE_EQ(path.front().lon, kabul.lon);
    EXPECT_DOUBLE_EQ(path.back().lat, london.lat);
    double sum = 0;
    for (std::size_t i = 1; i < path.size(); ++i) sum += geo::geodesicDistanceMeters(path[i - 1], path[i]);
    const double total = geo::geodesicDistanceMeters(kabul, london);
    EXPECT_NEAR(sum, total, total * 1e-9);
    // A geodesic is not the straight line in lon/lat: mid-point lies north of the lat average.
    EXPECT_GT(path[16].lat, (kabul.lat + london.lat) / 2);
}

TEST(Measure, FormatsKilometresAndMiles) {
    EXPECT_EQ(app::ui::formatDistance(160934.4), "160.9 km · 100.0 mi");
}

TEST(Measure, ClicksCollectTwoPointsAndAThirdStartsOver) {
    app::AppState state;
    app::apply(state, app::AddMeasurePoint{geo::LonLat(69, 34)});
    EXPECT_FALSE(state.measure.has_value());  // tool off: ignored
    app::apply(state, app::ToggleMeasure{});
    app::apply(state, app::AddMeasurePoint{geo::LonLat(69, 34)});
    app::apply(state, app::AddMeasurePoint{geo::LonLat(70, 35)});
    ASSERT_EQ(state.measure->points.size(), 2u);
    app::apply(state, app::AddMeasurePoint{geo::LonLat(71, 36)});
    ASSERT_EQ(state.measure->points.size(), 1u);
    EXPECT_DOUBLE_EQ(state.measure->points[0].lon, 71);
    app::apply(state, app::ToggleMeasure{});
    EXPECT_FALSE(state.measure.has_value());
}

}  // namespace

#include "app/ui/claims_panel.hpp"

namespace {

TEST(Compass, SixteenPointsRoundToTheNearest) {
    EXPECT_STREQ(app::ui::compassPoint(0), "N");
    EXPECT_STREQ(app::ui::compassPoint(11.2), "N");
    EXPECT_STREQ(app::ui::compassPoint(11.3), "NNE");
    EXPECT_STREQ(app::ui::compassPoint(90), "E");
    EXPECT_STREQ(app::ui::compassPoint(-45), "NW");
    EXPECT_STREQ(app::ui::compassPoint(359), "N");
}

}  // namespace
