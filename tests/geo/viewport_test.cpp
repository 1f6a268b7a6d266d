#include "geo/viewport.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "geo/error.hpp"
#include "geo/projection.hpp"

namespace {

constexpr double H = geo::kWebMercatorHalfWorld;

std::string errorMessage(void (*make)()) {
    try {
        make();
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
        return e.what();
    }
    return "no error";
}

TEST(Viewport, RejectsBadSizeAndZoomWithExactMessages) {
    EXPECT_EQ(errorMessage([] { geo::Viewport(0, 600, geo::XY{}, 3.0); }),
              "viewport size must be positive (got 0 x 600)");
    EXPECT_EQ(errorMessage([] { geo::Viewport(800, -1, geo::XY{}, 3.0); }),
              "viewport size must be positive (got 800 x -1)");
    EXPECT_EQ(errorMessage([] { geo::Viewport(800, 600, geo::XY{}, 30.0); }), "viewport zoom 30 is outside [0, 18]");
    EXPECT_EQ(errorMessage([] { geo::Viewport(800, 600, geo::XY{}, -0.5); }),
              "viewport zoom -0.5 is outside [0, 18]");
    EXPECT_EQ(errorMessage([] { geo::Viewport(800, 600, geo::XY{NAN, 0.0}, 3.0); }),
              "viewport centre must be finite (got nan, 0)");
    EXPECT_EQ(errorMessage([] { geo::Viewport(800, 600, geo::XY{}, 4.0).withSize(0, 0); }),
              "viewport size must be positive (got 0 x 0)");
}

TEST(Viewport, ZoomZeroShowsTheWorldIn256Pixels) {
    const geo::Viewport view(256, 256, geo::XY{0.0, 0.0}, 0.0);
    EXPECT_DOUBLE_EQ(view.metresPerPixel(), 2.0 * H / 256.0);
    const geo::XY top_left = view.toPixel(geo::XY{-H, H});
    const geo::XY bottom_right = view.toPixel(geo::XY{H, -H});
    EXPECT_NEAR(top_left.x, 0.0, 1e-9);
    EXPECT_NEAR(top_left.y, 0.0, 1e-9);
    EXPECT_NEAR(bottom_right.x, 256.0, 1e-9);
    EXPECT_NEAR(bottom_right.y, 256.0, 1e-9);
    // Each zoom level halves the metres per pixel.
    EXPECT_DOUBLE_EQ(geo::Viewport(256, 256, geo::XY{}, 3.0).metresPerPixel(), view.metresPerPixel() / 8.0);
}

TEST(Viewport, PixelsRunRightAndDownFromTheTopLeft) {
    const geo::Viewport view(800, 600, geo::XY{7.7e6, 4.1e6}, 6.0);
    const geo::XY centre = view.toPixel(view.center());
    EXPECT_DOUBLE_EQ(centre.x, 400.0);
    EXPECT_DOUBLE_EQ(centre.y, 300.0);
    const geo::XY north_east = view.toPixel(geo::XY{7.7e6 + 1000.0, 4.1e6 + 1000.0});
    EXPECT_GT(north_east.x, 400.0);
    EXPECT_LT(north_east.y, 300.0);
}

TEST(Viewport, PixelAndMercatorRoundTrip) {
    const geo::Viewport view(1024, 768, geo::XY{7.7e6, 4.1e6}, 7.25);
    for (double px = -100.0; px <= 1200.0; px += 130.0) {
        for (double py = -50.0; py <= 800.0; py += 85.0) {
            const geo::XY back = view.toPixel(view.toMercator(geo::XY{px, py}));
            EXPECT_NEAR(back.x, px, 1e-6);
            EXPECT_NEAR(back.y, py, 1e-6);
        }
    }
    const geo::XY m{7.71e6, 4.09e6};
    const geo::XY again = view.toMercator(view.toPixel(m));
    EXPECT_NEAR(again.x, m.x, 1e-6);
    EXPECT_NEAR(again.y, m.y, 1e-6);
}

TEST(Viewport, BoundsCoverTheWindow) {
    const geo::Viewport view(800, 600, geo::XY{1e6, 2e6}, 5.0);
    double min_x, min_y, max_x, max_y;
    view.bounds(min_x, min_y, max_x, max_y);
    EXPECT_NEAR(max_x - min_x, 800 * view.metresPerPixel(), 1e-6);
    EXPECT_NEAR(max_y - min_y, 600 * view.metresPerPixel(), 1e-6);
    EXPECT_NEAR((min_x + max_x) / 2.0, 1e6, 1e-6);
    EXPECT_NEAR((min_y + max_y) / 2.0, 2e6, 1e-6);
}

TEST(Viewport, ZoomedAboutKeepsThePointUnderTheCursor) {
    const geo::Viewport view(1280, 720, geo::XY{7.7e6, 4.1e6}, 6.0);
    for (const geo::XY cursor : {geo::XY{0, 0}, geo::XY{1280, 720}, geo::XY{200.5, 611.25}, geo::XY{640, 360}}) {
        for (double delta : {1.0, -1.0, 0.37, 3.0}) {
            const geo::XY under_cursor = view.toMercator(cursor);
            const geo::Viewport zoomed = view.zoomedAbout(cursor, delta);
            EXPECT_DOUBLE_EQ(zoomed.zoom(), 6.0 + delta);
            const geo::XY after = zoomed.toPixel(under_cursor);
            EXPECT_NEAR(after.x, cursor.x, 1e-6);
            EXPECT_NEAR(after.y, cursor.y, 1e-6);
        }
    }
}

TEST(Viewport, ZoomedAboutClampsTheZoom) {
    const geo::Viewport view(800, 600, geo::XY{}, 17.5);
    EXPECT_EQ(view.zoomedAbout(geo::XY{10, 10}, 3.0).zoom(), geo::kMaxZoom);
    EXPECT_EQ(view.zoomedAbout(geo::XY{10, 10}, -40.0).zoom(), geo::kMinZoom);
}

TEST(Viewport, PannedMovesContentWithTheMouse) {
    const geo::Viewport view(800, 600, geo::XY{7.7e6, 4.1e6}, 8.0);
    const geo::XY m{7.72e6, 4.08e6};
    const geo::XY before = view.toPixel(m);
    const geo::XY after = view.panned(35.0, -12.0).toPixel(m);
    EXPECT_NEAR(after.x - before.x, 35.0, 1e-6);
    EXPECT_NEAR(after.y - before.y, -12.0, 1e-6);
}

TEST(Viewport, CentreStaysInsideTheWorld) {
    const geo::Viewport view(800, 600, geo::XY{}, 0.0);
    // Dragging far left and down moves the centre east and north, up to the world's edge.
    const geo::Viewport far = view.panned(-1e6, 1e6);
    EXPECT_DOUBLE_EQ(far.center().x, H);
    EXPECT_DOUBLE_EQ(far.center().y, H);
    const geo::Viewport other_way = view.panned(1e6, -1e6);
    EXPECT_DOUBLE_EQ(other_way.center().x, -H);
    EXPECT_DOUBLE_EQ(other_way.center().y, -H);
    EXPECT_DOUBLE_EQ(geo::Viewport(800, 600, geo::XY{5 * H, -3 * H}, 2.0).center().x, H);
}

TEST(Viewport, FitShowsAllPointsInsideThePaddingAtTheLargestZoom) {
    const geo::Projection mercator = geo::Projection::webMercator();
    const std::vector<geo::XY> places = {
        mercator.forward(geo::LonLat(69.17233, 34.52813)),  // Kabul
        mercator.forward(geo::LonLat(69.515, 35.313)),      // Bazarak
        mercator.forward(geo::LonLat(62.19967, 34.34817)),  // Herat
        mercator.forward(geo::LonLat(65.71013, 31.61332)),  // Kandahar
    };
    const int width = 1000;
    const int height = 700;
    const double padding = 48.0;
    const geo::Viewport view = geo::Viewport::fit(places, width, height, padding);
    double touching_sides = 0;
    for (const geo::XY& p : places) {
        const geo::XY px = view.toPixel(p);
        EXPECT_GE(px.x, padding - 1e-6);
        EXPECT_LE(px.x, width - padding + 1e-6);
        EXPECT_GE(px.y, padding - 1e-6);
        EXPECT_LE(px.y, height - padding + 1e-6);
        if (std::fabs(px.x - padding) < 1e-6 || std::fabs(px.x - (width - padding)) < 1e-6) ++touching_sides;
        if (std::fabs(px.y - padding) < 1e-6 || std::fabs(px.y - (height - padding)) < 1e-6) ++touching_sides;
    }
    // Largest zoom: the points reach the padded edge on one axis (both sides, as the view is centred).
    EXPECT_GE(touching_sides, 2);
    // Centred on the bounding box of the points.
    EXPECT_NEAR(view.center().x, (places[2].x + places[1].x) / 2.0, 1e-6);
    EXPECT_NEAR(view.center().y, (places[3].y + places[1].y) / 2.0, 1e-6);
}

TEST(Viewport, FitOfOnePointUsesTheSinglePointZoom) {
    const geo::XY kabul{7.7e6, 4.1e6};
    const geo::Viewport one = geo::Viewport::fit({kabul}, 800, 600);
    EXPECT_EQ(one.zoom(), 9.0);
    EXPECT_EQ(one.center().x, kabul.x);
    EXPECT_EQ(one.center().y, kabul.y);
    EXPECT_EQ(geo::Viewport::fit({kabul, kabul}, 800, 600, 48.0, 11.0).zoom(), 11.0);
    EXPECT_EQ(geo::Viewport::fit({}, 800, 600, 48.0, 4.0).zoom(), 4.0);
}

TEST(Viewport, FitOfVeryClosePointsStopsAtTheMaximumZoom) {
    const geo::Viewport view = geo::Viewport::fit({geo::XY{1e6, 1e6}, geo::XY{1e6 + 0.01, 1e6}}, 800, 600);
    EXPECT_EQ(view.zoom(), geo::kMaxZoom);
}

TEST(Viewport, FitOfTheWholeWorldInASmallWindowStopsAtZoomZero) {
    const geo::Viewport view = geo::Viewport::fit({geo::XY{-H, -H}, geo::XY{H, H}}, 200, 200);
    EXPECT_EQ(view.zoom(), geo::kMinZoom);
}

}  // namespace
