// app/ui/screen_overlay.hpp — HiDPI for what the viewer draws over the map with ImDrawList
// (labels, marker counts, scale bar, north arrow, tour route, measure line, candidates, claim ring).
// They are laid out as a standard-density screen would show the map — AppState::view seen at
// 1/ui_scale of its framebuffer size — and what they add to the draw list is then scaled by
// ui_scale and mapped from framebuffer pixels to Dear ImGui's window units. So a label covers the
// same physical size on any monitor, lands where its marker is drawn, and the overlay code itself
// knows nothing of densities (it is the same code the exports scale for print). No GL.
#pragma once
#include <imgui.h>

#include <functional>

#include "app/state.hpp"

namespace app::ui {

// Standard-density pixels ↔ the view's framebuffer pixels ↔ Dear ImGui window units.
struct DensityTransform {
    double scale = 1.0;              // framebuffer pixels per standard-density pixel
    double framebuffer_scale = 1.0;  // framebuffer pixels per window unit
    double standard_cx = 0, standard_cy = 0, framebuffer_cx = 0, framebuffer_cy = 0;

    ImVec2 toFramebuffer(double x, double y) const {
        return ImVec2(float((x - standard_cx) * scale + framebuffer_cx), float((y - standard_cy) * scale + framebuffer_cy));
    }
    ImVec2 toWindow(double x, double y) const {
        const ImVec2 p = toFramebuffer(x, y);
        return ImVec2(float(p.x / framebuffer_scale), float(p.y / framebuffer_scale));
    }
    ImVec2 fromWindow(double x, double y) const {
        return ImVec2(float((x * framebuffer_scale - framebuffer_cx) / scale + standard_cx),
                      float((y * framebuffer_scale - framebuffer_cy) / scale + standard_cy));
    }
};

// The view a standard-density screen would have to show what `view` shows at `ui_scale`: the same
// centre, 1/ui_scale of the size, the zoom lowered by log2(ui_scale) (kept in the valid range).
geo::Viewport standardDensityView(const geo::Viewport& view, float ui_scale);

// Calls `draw` with `state` seen as a standard-density screen (standardDensityView, ui_scale 1,
// the panel width scaled down; restored afterwards, even on an exception), then maps everything it
// added to `draw_list` — vertices and clip rectangles — into window units, where Dear ImGui's
// renderer draws them at `framebuffer_scale`.
void drawAtStandardDensity(ImDrawList* draw_list, AppState& state, float framebuffer_scale,
                           const std::function<void(const AppState&, const DensityTransform&)>& draw);

}  // namespace app::ui
