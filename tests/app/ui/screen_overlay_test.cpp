// HiDPI without a HiDPI monitor: the same map at content scale 2 on a framebuffer twice the size has
// its markers at twice the pixel coordinates and twice the size, its lines twice as wide, and its
// overlay (labels, counts, scale bar) exactly the standard one scaled by two — mapped back to window
// units where the framebuffer is denser than the window (app/scene, app/ui/screen_overlay).
#include <gtest/gtest.h>

#include <imgui.h>

#include <cmath>

#include "app/actions.hpp"
#include "app/scene.hpp"
#include "support/viewer_imgui.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/screen_overlay.hpp"
#include "geo/projection.hpp"
#include "support/test_places.hpp"

namespace {

using namespace app;

using test_support::testPlace;

class HiDpi : public ::testing::Test {
protected:
    void SetUp() override {
        test_support::addUnderItsName(gazetteer, testPlace("t:kabul", "Kabul", 69.17233, 34.52813));
        test_support::addUnderItsName(gazetteer, testPlace("t:herat", "Herat", 62.19967, 34.34817));
        test_support::addUnderItsName(gazetteer, testPlace("t:kandahar", "Kandahar", 65.71013, 31.61332));
        for (AppState* s : {&standard, &dense}) {
            auto doc = geo::Document::fromString("Kabul, Herat and Kandahar.\n\nKabul again. Kabul.\n", "test");
            s->doc = std::make_unique<OpenDocument>(OpenDocument::fromDocument(std::move(doc), gazetteer, "test.txt"));
            s->gazetteer = &gazetteer;
        }
        const geo::XY centre = geo::Projection::webMercator().forward(geo::LonLat(66.0, 33.5));
        standard.view = geo::Viewport(700, 450, centre, 5.0);
        standard.panel_width_px = 0;
        // The same map on a screen of content scale 2: twice the pixels, one zoom level up.
        dense.view = geo::Viewport(1400, 900, centre, 6.0);
        dense.panel_width_px = 0;
        dense.ui_scale = 2.0f;
    }
    geo::Gazetteer gazetteer;
    AppState standard, dense;
};

TEST_F(HiDpi, MarkersAtTwiceThePixelCoordinatesAndTwiceTheSize) {
    apply(standard, SelectPlace{0, false});
    apply(dense, SelectPlace{0, false});
    const MarkerScene a = drawnMarkers(standard), b = drawnMarkers(dense);
    ASSERT_EQ(a.markers.size(), 3u);
    ASSERT_EQ(b.markers.size(), a.markers.size());
    for (std::size_t k = 0; k < a.markers.size(); ++k) {
        EXPECT_EQ(b.place_of_marker[k], a.place_of_marker[k]);
        const geo::XY pa = standard.view.toPixel(a.markers[k].position), pb = dense.view.toPixel(b.markers[k].position);
        EXPECT_NEAR(pb.x, 2 * pa.x, 1e-6);
        EXPECT_NEAR(pb.y, 2 * pa.y, 1e-6);
        EXPECT_FLOAT_EQ(b.markers[k].radius_px, 2 * a.markers[k].radius_px);
    }
    // Picking covers the larger disc (and the slop scales too).
    const std::size_t kandahar = 2;
    const geo::XY at = dense.view.toPixel(dense.doc->place_mercator[kandahar]);
    const double reach = 2 * (markerRadiusPx(1) + 3.0);
    EXPECT_EQ(pickPlace(dense, at.x + reach - 0.5, at.y), std::optional<std::size_t>(kandahar));
    EXPECT_FALSE(pickPlace(dense, at.x + reach + 0.5, at.y).has_value());
    EXPECT_FALSE(pickPlace(standard, at.x / 2 + reach / 2 + 0.5, at.y / 2).has_value());
}

TEST_F(HiDpi, FittingThePlacesShowsTheSameGroundAtAnyDensity) {
    for (const std::vector<std::size_t>& places : {std::vector<std::size_t>{0, 1, 2}, std::vector<std::size_t>{0}}) {
        const geo::Viewport a = fitPlaces(standard, places), b = fitPlaces(dense, places);
        EXPECT_NEAR(b.zoom(), a.zoom() + 1.0, 1e-9);  // a city close up: zoom 11 at standard density, 12 here
        EXPECT_NEAR(b.center().x, a.center().x, 1e-3 * a.metresPerPixel());
        EXPECT_NEAR(b.center().y, a.center().y, 1e-3 * a.metresPerPixel());
    }
}

TEST_F(HiDpi, LineWidthsScaleWithTheContentScale) {
    for (AppState* s : {&standard, &dense}) {
        LayerSettings rivers;
        rivers.id = "rivers";
        rivers.style.line_width_px = 1.5f;
        s->map.layers = {rivers};
    }
    const FrameStyle a = screenFrameStyle(standard), b = screenFrameStyle(dense);
    ASSERT_EQ(a.layers.size(), b.layers.size());
    ASSERT_FALSE(a.layers.empty());
    for (std::size_t i = 0; i < a.layers.size(); ++i)
        EXPECT_FLOAT_EQ(b.layers[i].style.line_width_px, 2 * a.layers[i].style.line_width_px);
}

TEST(HiDpiView, TheStandardDensityViewShowsTheSameGround) {
    const geo::Viewport dense(1401, 900, geo::XY{1e6, 4e6}, 6.0);
    const geo::Viewport standard = ui::standardDensityView(dense, 2.0f);
    EXPECT_EQ(standard.width(), 701);  // rounded
    EXPECT_EQ(standard.height(), 450);
    EXPECT_DOUBLE_EQ(standard.zoom(), 5.0);
    EXPECT_DOUBLE_EQ(standard.metresPerPixel(), 2 * dense.metresPerPixel());
    // At the lowest zoom there is no lower one: the scale used is what is left.
    const geo::Viewport world(800, 600, geo::XY{0, 0}, 0.5);
    EXPECT_DOUBLE_EQ(ui::standardDensityView(world, 2.0f).zoom(), geo::kMinZoom);
}

// Draws the overlay the way the viewer does and returns the vertices it added to the background list.
std::vector<ImVec2> overlayVertices(AppState& state, ImVec2 display, float framebuffer_scale,
                                    ui::OverlayLayout* layout = nullptr) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.DisplayFramebufferScale = ImVec2(framebuffer_scale, framebuffer_scale);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const int first = dl->VtxBuffer.Size;
    ui::drawAtStandardDensity(dl, state, framebuffer_scale, [&](const AppState& s, const ui::DensityTransform&) {
        ui::OverlayLayout l = ui::drawMapOverlay(dl, ImGui::GetIO().Fonts->Fonts[0], 15.0f, s, ui::OverlayOptions{});
        if (layout) *layout = l;
    });
    std::vector<ImVec2> out;
    for (int i = first; i < dl->VtxBuffer.Size; ++i) out.push_back(dl->VtxBuffer[i].pos);
    ImGui::Render();
    return out;
}

TEST_F(HiDpi, TheOverlayIsTheStandardOneScaledByTheContentScale) {
    const test_support::ViewerImGui imgui(ImVec2(1400, 900), 32.0f);

    ui::OverlayLayout standard_layout, dense_layout;
    const std::vector<ImVec2> reference = overlayVertices(standard, ImVec2(700, 450), 1.0f, &standard_layout);
    ASSERT_FALSE(standard_layout.labels.empty());
    ASSERT_GT(reference.size(), 100u);
    // X11 at scale 2: window units are framebuffer pixels, so everything is twice as large.
    const geo::Viewport view_before = dense.view;
    const std::vector<ImVec2> x11 = overlayVertices(dense, ImVec2(1400, 900), 1.0f, &dense_layout);
    EXPECT_EQ(dense.view.zoom(), view_before.zoom());  // the state is given back as it was
    EXPECT_EQ(dense.ui_scale, 2.0f);
    ASSERT_EQ(x11.size(), reference.size());
    std::size_t exact = 0;
    for (std::size_t i = 0; i < x11.size(); ++i) {
        // Anti-aliasing fringes stay one pixel wide, so their vertices (offset along a line's
        // normal, longer at a mitred joint) are up to two pixels off; the rest are exactly twice.
        EXPECT_NEAR(x11[i].x, 2 * reference[i].x, 2.0) << i;
        EXPECT_NEAR(x11[i].y, 2 * reference[i].y, 2.0) << i;
        exact += std::abs(x11[i].x - 2 * reference[i].x) < 1e-3 && std::abs(x11[i].y - 2 * reference[i].y) < 1e-3;
    }
    EXPECT_GT(exact, x11.size() * 3 / 4);
    // Labels are laid out at standard density: the same labels in the same places.
    ASSERT_EQ(dense_layout.labels.size(), standard_layout.labels.size());
    for (std::size_t i = 0; i < dense_layout.labels.size(); ++i) EXPECT_EQ(dense_layout.labels[i].text, standard_layout.labels[i].text);
    // Wayland or macOS at scale 2: a 700×450 window over the 1400×900 framebuffer; Dear ImGui's
    // units are the standard pixels again (its renderer doubles them).
    const std::vector<ImVec2> wayland = overlayVertices(dense, ImVec2(700, 450), 2.0f);
    ASSERT_EQ(wayland.size(), reference.size());
    for (std::size_t i = 0; i < wayland.size(); ++i) {
        EXPECT_NEAR(wayland[i].x, reference[i].x, 1e-3) << i;
        EXPECT_NEAR(wayland[i].y, reference[i].y, 1e-3) << i;
    }
}

}  // namespace
