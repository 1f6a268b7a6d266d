// The viewer's map canvas on the headless EGL context: which frames reuse, scroll, scale or redraw
// the kept picture, that a view which stays put is always drawn as MapRenderer::draw draws it, and
// that markers sit where PROJ puts their places whatever the kind of frame.
#include <gtest/gtest.h>

#include <GL/gl.h>

#include <cmath>
#include <memory>

#include "app/render/colour_target.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/image.hpp"
#include "app/render/map_canvas.hpp"
#include "app/render/map_renderer.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

using app::render::CanvasFrame;
using app::render::ColourTarget;
using app::render::FrameStyle;
using app::render::Image;
using app::render::MapCanvas;
using app::render::MapRenderer;
using app::render::MarkerInstance;

geo::XY mercator(double lon, double lat) { return geo::Projection::webMercator().forward(geo::LonLat(lon, lat)); }

// How far apart two pictures are: the largest difference of a channel, and how many pixels
// differ by more than `tolerance` in some channel.
struct Difference {
    int largest = 0;
    int pixels_over = 0;
};
Difference compare(const Image& a, const Image& b, int tolerance) {
    Difference d;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])));
        d.largest = std::max(d.largest, worst);
        if (worst > tolerance) ++d.pixels_over;
    }
    return d;
}

const geo::XY kKabul = mercator(69.17233, 34.52813);

// A marker at Kabul, drawn in the default red.
MarkerInstance kabulMarker() {
    MarkerInstance marker;
    marker.position = kKabul;
    marker.radius_px = 6.0f;
    return marker;
}

// True when the pixel holding Kabul in `view` shows the marker's red.
bool markerRedAtKabul(const Image& image, const geo::Viewport& view) {
    const geo::XY at = view.toPixel(kKabul);
    const std::uint8_t* p = image.pixel(int(at.x), int(at.y));
    return p[0] > 180 && p[1] < 90;
}

class MapCanvasTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        context_ = app::render::HeadlessContext::create().release();
        basemap_ = new geo::Basemap(geo::loadBasemap(geo::findDataDir()));
        renderer_ = new MapRenderer(*basemap_);
        window_ = new ColourTarget();
    }
    static void TearDownTestSuite() {
        delete window_;  // GL objects go before their context
        delete renderer_;
        delete basemap_;
        delete context_;
    }

    // The Kabul–Panjshir region, 480 × 320, as the viewer's window would show it.
    static geo::Viewport regionView() { return geo::Viewport(480, 320, mercator(69.3, 34.75), 9.0); }

    // One viewer frame through the canvas into a window-sized framebuffer, read back.
    Image frame(MapCanvas& canvas, const geo::Viewport& view, CanvasFrame* kind,
                const std::vector<MarkerInstance>& markers = {}, const FrameStyle& style = {}) {
        window_->ensure(view.width(), view.height(), 0);
        *kind = canvas.draw(*renderer_, view, markers, style);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, window_->framebuffer.get());
        return app::render::readColour(view.width(), view.height());
    }
    // The same view drawn in one go, as the viewer drew it before the canvas.
    Image direct(const geo::Viewport& view, const std::vector<MarkerInstance>& markers = {},
                 const FrameStyle& style = {}) {
        window_->ensure(view.width(), view.height(), 0);
        renderer_->draw(view, markers, style);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, window_->framebuffer.get());
        return app::render::readColour(view.width(), view.height());
    }

    static app::render::HeadlessContext* context_;
    static geo::Basemap* basemap_;
    static MapRenderer* renderer_;
    static ColourTarget* window_;
};

app::render::HeadlessContext* MapCanvasTest::context_ = nullptr;
geo::Basemap* MapCanvasTest::basemap_ = nullptr;
MapRenderer* MapCanvasTest::renderer_ = nullptr;
ColourTarget* MapCanvasTest::window_ = nullptr;

TEST_F(MapCanvasTest, AFirstFrameIsDrawnThenTheSameViewIsReusedUnchanged) {
    MapCanvas canvas;
    CanvasFrame kind{};
    const geo::Viewport view = regionView();
    const Image first = frame(canvas, view, &kind);
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
    const Image again = frame(canvas, view, &kind);
    EXPECT_EQ(kind, CanvasFrame::Reused);
    EXPECT_EQ(compare(first, again, 0).largest, 0);
    EXPECT_EQ(compare(first, direct(view), 0).largest, 0) << "the canvas shows what MapRenderer::draw draws";
}

TEST_F(MapCanvasTest, AWholePixelPanScrollsAndMatchesADirectDraw) {
    MapCanvas canvas;
    CanvasFrame kind{};
    geo::Viewport view = regionView();
    frame(canvas, view, &kind);
    // A drag: 37 px right and 21 px up, then 15 px left and 40 px down.
    for (const auto& [dx, dy] : {std::pair{37, -21}, std::pair{-15, 40}}) {
        view = view.panned(dx, dy);
        const Image scrolled = frame(canvas, view, &kind);
        EXPECT_EQ(kind, CanvasFrame::Scrolled);
        // Only the uncovered strips were drawn; the rest is the old picture moved. Drawn in one go,
        // float rounding of the vertex positions may change an edge's coverage by a level or two.
        const Difference d = compare(scrolled, direct(view), 4);
        EXPECT_EQ(d.pixels_over, 0) << "largest channel difference " << d.largest;
    }
}

TEST_F(MapCanvasTest, AFractionalPanIsAtMostHalfAPixelOffWhileMovingAndExactOnceStill) {
    MapCanvas canvas;
    CanvasFrame kind{};
    geo::Viewport view = regionView();
    frame(canvas, view, &kind);
    const MarkerInstance marker = kabulMarker();
    // The glide after a drag moves by fractions of a pixel each frame.
    for (int step = 0; step < 3; ++step) {
        view = view.panned(10.4, -3.3);
        const Image moving = frame(canvas, view, &kind, {marker});
        EXPECT_EQ(kind, CanvasFrame::Scrolled);
        // The marker is drawn at its exact place every frame.
        EXPECT_TRUE(markerRedAtKabul(moving, view));
    }
    // The view stops: this frame must be the exact map.
    const Image still = frame(canvas, view, &kind, {marker});
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
    EXPECT_EQ(compare(still, direct(view, {marker}), 0).largest, 0);
    frame(canvas, view, &kind, {marker});
    EXPECT_EQ(kind, CanvasFrame::Reused);
}

TEST_F(MapCanvasTest, AZoomWhileMovingShowsTheScaledPictureThenTheExactMap) {
    MapCanvas canvas;
    CanvasFrame kind{};
    geo::Viewport view = regionView();
    frame(canvas, view, &kind);
    const geo::XY kabul_px = view.toPixel(kKabul);
    const MarkerInstance marker = kabulMarker();
    // A wheel step about Kabul: the map grows about it, the marker stays on it.
    view = view.zoomedAbout(kabul_px, 0.5);
    const Image scaled = frame(canvas, view, &kind, {marker});
    EXPECT_EQ(kind, CanvasFrame::Scaled);
    EXPECT_NEAR(view.toPixel(kKabul).x, kabul_px.x, 1e-6);
    EXPECT_TRUE(markerRedAtKabul(scaled, view));
    // The scaled picture is close to the map at the new zoom, though softer.
    const Image exact_new = direct(view, {marker});
    const Difference d = compare(scaled, exact_new, 60);
    EXPECT_LT(d.pixels_over, scaled.width * scaled.height / 20);
    // Still: drawn afresh, exactly.
    const Image still = frame(canvas, view, &kind, {marker});
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
    EXPECT_EQ(compare(still, exact_new, 0).largest, 0);
}

TEST_F(MapCanvasTest, AZoomFarOutIsDrawnAfreshRatherThanShownMostlyEmpty) {
    MapCanvas canvas;
    CanvasFrame kind{};
    geo::Viewport view = regionView();
    frame(canvas, view, &kind);
    view = view.zoomedAbout(geo::XY{240, 160}, -1.5);  // the old picture would cover an eighth
    frame(canvas, view, &kind);
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
}

TEST_F(MapCanvasTest, ANewStyleOrLayerDrawsTheMapAfresh) {
    MapCanvas canvas;
    CanvasFrame kind{};
    const geo::Viewport view = regionView();
    FrameStyle style;
    frame(canvas, view, &kind, {}, style);
    style.terrain.sun_azimuth_deg = 135.0f;  // light from the south-east
    const Image relit = frame(canvas, view, &kind, {}, style);
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
    EXPECT_EQ(compare(relit, direct(view, {}, style), 0).largest, 0);
    frame(canvas, view, &kind, {}, style);
    EXPECT_EQ(kind, CanvasFrame::Reused);

    // A layer added to the renderer (File → Add layer…): the kept picture is out of date.
    geo::StyledLayer added;
    added.layer.kind = geo::GeometryKind::Lines;
    geo::VectorFeature line;
    line.parts.push_back({geo::LonLat(69.0, 34.7), geo::LonLat(69.6, 35.1)});
    added.layer.features.push_back(line);
    added.style.line_rgba = 0xff00ffffu;
    added.style.line_width_px = 4.0f;
    renderer_->addLayer(added);
    const Image with_layer = frame(canvas, view, &kind, {}, style);
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
    EXPECT_EQ(compare(with_layer, direct(view, {}, style), 0).largest, 0);
}

TEST_F(MapCanvasTest, OnlyThePartBesideThePanelIsDrawnAndCopied) {
    MapCanvas canvas;
    const geo::Viewport view = regionView();
    const app::render::PixelRect beside_panel{160, 0, 320, 320};  // a panel covers x < 160
    // The window's panel area holds the panel's colour; the canvas must leave it alone.
    const auto frameBesidePanel = [&](const geo::Viewport& v, CanvasFrame* kind) {
        window_->ensure(v.width(), v.height(), 0);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(1.0f, 0.0f, 1.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        *kind = canvas.draw(*renderer_, v, {}, FrameStyle{}, &beside_panel);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, window_->framebuffer.get());
        return app::render::readColour(v.width(), v.height());
    };
    const auto sameBesidePanel = [&](const Image& a, const Image& b, int tolerance) {
        int worst = 0;
        for (int y = 0; y < a.height; ++y)
            for (int x = beside_panel.x; x < a.width; ++x)
                for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x, y)[c])));
        return worst <= tolerance;
    };
    CanvasFrame kind{};
    const Image first = frameBesidePanel(view, &kind);
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
    EXPECT_EQ(int(first.pixel(10, 10)[0]), 255);
    EXPECT_EQ(int(first.pixel(10, 10)[1]), 0) << "the panel's part is left as it was";
    EXPECT_TRUE(sameBesidePanel(first, direct(view), 0));
    // Dragged right: what slides out from under the panel was never drawn, so it is drawn now.
    geo::Viewport moved = view;
    for (const auto& [dx, dy] : {std::pair{25, -12}, std::pair{-40, 30}}) {
        moved = moved.panned(dx, dy);
        const Image scrolled = frameBesidePanel(moved, &kind);
        EXPECT_EQ(kind, CanvasFrame::Scrolled);
        EXPECT_EQ(int(scrolled.pixel(10, 10)[1]), 0);
        EXPECT_TRUE(sameBesidePanel(scrolled, direct(moved), 4)) << dx << ", " << dy;
    }
}

TEST_F(MapCanvasTest, AWindowBeingResizedShowsTheOldPictureUntilItsSizeSettles) {
    MapCanvas canvas;
    CanvasFrame kind{};
    const geo::Viewport view = regionView();
    frame(canvas, view, &kind);
    const geo::Viewport wider = view.withSize(520, 320);
    const Image resizing = frame(canvas, wider, &kind);
    EXPECT_EQ(kind, CanvasFrame::Scaled);
    // The old picture, unscaled, in the middle; the new margins in the sea's colour.
    const std::uint8_t* margin = resizing.pixel(5, 160);
    const FrameStyle style;
    EXPECT_EQ(int(margin[0]), int(style.background_rgba >> 24));
    const Image settled = frame(canvas, wider, &kind);
    EXPECT_EQ(kind, CanvasFrame::Redrawn);
    EXPECT_EQ(compare(settled, direct(wider), 0).largest, 0);
}

}  // namespace
