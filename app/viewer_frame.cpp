#include "app/viewer_frame.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "app/project_io.hpp"
#include "app/ui/claims_panel.hpp"
#include "app/ui/corrections_panel.hpp"
#include "app/ui/item_locator.hpp"
#include "geo/project_store.hpp"

namespace app {

ui::MenuRequests drawViewerPanels(AppState& state, ActionQueue& actions, ViewerPanels& panels,
                                  const std::vector<std::string>& recent_files) {
    ui::clearNotedItems();
    const ImGuiIO& io = ImGui::GetIO();
    actions.push(SetHover{});  // hover is recomputed every frame; later pushes win
    // The map is seen between the menu bar and the status bar (view pixels).
    const float to_view = io.DisplayFramebufferScale.y > 0 ? io.DisplayFramebufferScale.y : 1.0f;
    state.map_top_px = int(std::lround(ui::menuBarHeight() * to_view));
    state.map_bottom_px = int(std::lround(ui::statusBarHeight() * to_view));
    panels.input.update(state, actions);
    ui::MenuRequests requests = ui::drawMainMenu(state, actions, recent_files);
    panels.hits = ui::drawPassagesPanel(state, actions, panels.panel, ui::menuBarHeight(),
                                        io.DisplaySize.y - ui::statusBarHeight());
    ui::drawStatusBar(state, ui::statusBarHeight());
    ui::drawErrorDialog(state, actions);
    ui::drawMarkerTooltip(state);
    panels.panel.profile_samples_drawn = ui::drawElevationProfile(state);
    ui::drawAddPlaceWindow(state, actions, panels.panel);

    // Dear ImGui 1.86 indexes keys by the backend's codes: GLFW_KEY_* here.
    const bool ctrl = io.KeyCtrl, shift = io.KeyShift;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) requests.open_dialog = true;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_S, false)) requests.save = true;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requests.quit = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) (shift ? requests.screenshot_2x : requests.screenshot) = true;
    if (requests.undo || (ctrl && !shift && ImGui::IsKeyPressed(GLFW_KEY_Z, false))) actions.push(Undo{});
    if (requests.redo ||
        (ctrl && (ImGui::IsKeyPressed(GLFW_KEY_Y, false) || (shift && ImGui::IsKeyPressed(GLFW_KEY_Z, false)))))
        actions.push(Redo{});
    return requests;
}

void saveActiveProject(AppState& state) {
    if (!state.doc) return;
    state.project_dirty = false;
    try {
        // The view is saved as a screen of standard density would show it (see AppState::ui_scale),
        // so a project opens on the same area on any monitor.
        const double density_zoom = std::log2(double(state.ui_scale > 0 ? state.ui_scale : 1.0f));
        const double zoom = std::clamp(state.view.zoom() - density_zoom, geo::kMinZoom, geo::kMaxZoom);
        const std::string path = saveDocumentProject(
            *state.doc, geo::Viewport(state.view.width(), state.view.height(), state.view.center(), zoom), &state.map);
        state.status = "Project saved to " + path;
        if (path != geo::projectPathFor(state.doc->path))
            state.status += " (the text's folder is not yours to write: " +
                            std::filesystem::path(state.doc->path).parent_path().string() + ")";
    } catch (const std::exception& e) {
        state.error = std::string("Could not save the project; your corrections are still open.\n") + e.what();
    }
}

void finishViewerFrame(AppState& state, const ui::MenuRequests& requests) {
    if (requests.quit) state.quit_requested = true;
    if (requests.save || state.project_dirty) saveActiveProject(state);
}

}  // namespace app
