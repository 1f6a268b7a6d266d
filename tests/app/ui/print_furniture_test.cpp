// Tests of app/ui/print_furniture's inset locator map, read from the ImGui vertices it draws: its
// coasts without mitre spikes, and a view across the antimeridian shown in one piece.
#include "app/ui/print_furniture.hpp"

#include <gtest/gtest.h>

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "app/state.hpp"
#include "geo/viewport.hpp"
#include "support/viewer_imgui.hpp"

namespace {

using app::ui::LocatorOutline;

constexpr ImU32 kRgbMask = IM_COL32(255, 255, 255, 0);
constexpr ImU32 kCoastRgb = IM_COL32(95, 95, 95, 0);  // the inset's coast colour

LocatorOutline::Path pathThrough(std::vector<geo::XY> points) {
    LocatorOutline::Path path;
    path.min_x = path.min_y = 1e300;
    path.max_x = path.max_y = -1e300;
    for (const geo::XY& p : points) {
        path.min_x = std::min(path.min_x, p.x), path.max_x = std::max(path.max_x, p.x);
        path.min_y = std::min(path.min_y, p.y), path.max_y = std::max(path.max_y, p.y);
    }
    path.points = std::move(points);
    return path;
}

struct DrawnInset {
    app::ui::FurnitureLayout layout;
    std::vector<ImVec2> coast;  // the vertices drawn in the coast colour (lines and their fringes)
};

DrawnInset drawInset(const app::AppState& state, const LocatorOutline& outline) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(state.view.width()), float(state.view.height()));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const int first = dl->VtxBuffer.Size;
    app::ui::FurnitureOptions options;
    options.inset = true;
    DrawnInset drawn;
    drawn.layout = app::ui::drawPrintFurniture(dl, io.Fonts->Fonts[0], 15.0f, state, outline, options);
    for (int i = first; i < dl->VtxBuffer.Size; ++i)
        if ((dl->VtxBuffer[i].col & kRgbMask) == kCoastRgb) drawn.coast.push_back(dl->VtxBuffer[i].pos);
    ImGui::Render();
    return drawn;
}

TEST(Inset, ACoastThatTurnsBackOnItselfHasNoSpike) {
    const test_support::ViewerImGui imgui;
    app::AppState state;
    state.view = geo::Viewport(800, 600, geo::XY{0, 0}, 4.0);
    // A view 7,800 km wide: the inset shows the whole world, about 280 km an inset pixel. A coast
    // runs 3,000 km east (11 px) and turns back west-north-west by 168°, as a peninsula's or a
    // fjord's two shores do at this scale.
    LocatorOutline outline;
    outline.paths.push_back(pathThrough({geo::XY{0, 0}, geo::XY{3.0e6, 0}, geo::XY{0, 6.4e5}}));
    const DrawnInset drawn = drawInset(state, outline);
    ASSERT_GT(drawn.layout.inset.w, 0.0f);
    ASSERT_FALSE(drawn.coast.empty());
    // The view's extent is drawn as its bounding box: it gives the inset's scale and origin.
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    state.view.bounds(min_x, min_y, max_x, max_y);
    const app::ui::Box& view_box = drawn.layout.inset_view;
    const double scale = view_box.w / (max_x - min_x);
    const double west_px = view_box.x + (0.0 - min_x) * scale, east_px = view_box.x + (3.0e6 - min_x) * scale;
    const double south_px = view_box.y + (max_y - 0.0) * scale, north_px = view_box.y + (max_y - 6.4e5) * scale;
    ASSERT_GT(east_px - west_px, 8.0);
    // Every vertex of the lines lies within half a line width, a pixel of anti-aliasing and
    // ImGui's half-pixel offset of the coast; a mitred join at the turn pokes out some ten widths
    // past the eastern end.
    constexpr double kReach = 2.5;
    for (const ImVec2& v : drawn.coast) {
        EXPECT_GE(v.x, west_px - kReach);
        EXPECT_LE(v.x, east_px + kReach) << "a spike past the turn";
        EXPECT_GE(v.y, north_px - kReach);
        EXPECT_LE(v.y, south_px + kReach);
    }
}

TEST(Inset, AViewAcrossTheAntimeridianIsShownInOnePieceWithTheCoastsBothSides) {
    const test_support::ViewerImGui imgui;
    app::AppState state;
    // Centred on the antimeridian over the Bering Sea, 7,800 km wide at the equator's scale.
    state.view = geo::Viewport(800, 600, geo::XY{geo::kWebMercatorHalfWorld, 9.0e6}, 4.0);
    // A coast at 170°W, east of the centre: the world copy beside.
    const double x_170w = -170.0 / 180.0 * geo::kWebMercatorHalfWorld;
    LocatorOutline outline;
    outline.paths.push_back(pathThrough({geo::XY{x_170w, 8.0e6}, geo::XY{x_170w, 10.0e6}}));
    const DrawnInset drawn = drawInset(state, outline);
    const app::ui::Box& inset = drawn.layout.inset;
    const app::ui::Box& view_box = drawn.layout.inset_view;
    ASSERT_GT(inset.w, 0.0f);
    // One red box about a sixth of the inset across, in its middle; not two halves at its edges.
    EXPECT_LT(view_box.w, inset.w / 2);
    EXPECT_NEAR(view_box.x + view_box.w / 2, inset.x + inset.w / 2, 2.0);
    // The coast at 170°W is drawn east of the middle (10° of longitude: a fraction of the box).
    ASSERT_FALSE(drawn.coast.empty());
    for (const ImVec2& v : drawn.coast) {
        EXPECT_GT(v.x, inset.x + inset.w / 2);
        EXPECT_LT(v.x, view_box.x + view_box.w);
    }
}

}  // namespace
