// app/ui/map_input.hpp — mouse and keys over the map become Actions: drag pans, the wheel zooms
// about the cursor, double-click zooms in, a click on a marker selects its place (on a cluster, opens
// it), hovering a marker sets the hover; Home frames the text's focus (again: every place), Esc
// closes an open menu, else clears the selection, +/- zoom. Reads Dear ImGui's IO
// (so tests can feed simulated input); never changes AppState itself. The mouse, in window units,
// is converted to the view's framebuffer pixels with ImGuiIO::DisplayFramebufferScale (HiDPI).
#pragma once
#include <imgui.h>

#include "app/actions.hpp"

namespace app::ui {

// The place of the edge indicator (app/ui/edge_indicators) under view pixel (x, y), laid out as the
// viewer's overlay draws them.
std::optional<std::size_t> edgeIndicatorAt(const AppState& state, double x_px, double y_px);

// Drag state lives here, between frames.
struct MapInput {
    bool dragging = false;
    bool moved = false;
    ImVec2 press_pos{0, 0};  // view (framebuffer) pixels

    // Call once per frame between ImGui::NewFrame() and ImGui::Render().
    void update(const AppState& state, ActionQueue& actions);
};

}  // namespace app::ui
