#include "app/ui/map_input.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ClosePopupsExceptModals

#include "app/scene.hpp"
#include "app/ui/edge_indicators.hpp"
#include "app/ui/map_overlay.hpp"

namespace app::ui {

std::optional<std::size_t> edgeIndicatorAt(const AppState& state, double x_px, double y_px) {
    // Laid out as the overlay lays them out, in view pixels: the overlay's font at ui_scale.
    ImFont* font = ImGui::GetFont();
    const float size = kScreenLabelPx * state.ui_scale;
    const auto indicators = layoutEdgeIndicators(state, [&](const std::string& text) {
        const ImVec2 s = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size());
        return std::pair<float, float>{s.x, s.y};
    });
    const auto at = indicatorAt(indicators, x_px, y_px);
    if (!at) return std::nullopt;
    return indicators[*at].place;
}

void MapInput::update(const AppState& state, ActionQueue& actions) {
    ImGuiIO& io = ImGui::GetIO();
    // Dear ImGui's mouse is in window units; the map's view is in framebuffer pixels (HiDPI).
    const ImVec2 to_px = io.DisplayFramebufferScale;
    const ImVec2 mouse(io.MousePos.x * to_px.x, io.MousePos.y * to_px.y);
    const bool over_ui = io.WantCaptureMouse;
    if (!over_ui && ImGui::IsMousePosValid()) {
        const auto picked = pickPlace(state, mouse.x, mouse.y);
        if (picked) actions.push(SetHover{picked, std::nullopt});
        if (io.MouseWheel != 0.0f) actions.push(ZoomAbout{mouse.x, mouse.y, io.MouseWheel * 0.5});
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) actions.push(ZoomAbout{mouse.x, mouse.y, 1.0});
        else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            dragging = true;
            moved = false;
            press_pos = mouse;
        }
    }
    if (dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const ImVec2 d(io.MouseDelta.x * to_px.x, io.MouseDelta.y * to_px.y);
        if (d.x != 0.0f || d.y != 0.0f) {
            const float dx = mouse.x - press_pos.x, dy = mouse.y - press_pos.y;
            const float slop = 3.0f * state.ui_scale;  // a click may wobble this much
            if (dx * dx + dy * dy > slop * slop) moved = true;
            if (moved) actions.push(PanBy{d.x, d.y});
        }
    }
    if (dragging && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        dragging = false;
        if (!moved && state.add_place && state.add_place->picking_on_map) {
            if (const auto point = lonLatAtPixel(state, mouse.x, mouse.y)) actions.push(PickUserPoint{*point});
        } else if (!moved && state.measure) {
            // Measuring: a click adds a point; on a marker it snaps to the place.
            const auto picked = pickPlace(state, mouse.x, mouse.y);
            if (picked) actions.push(AddMeasurePoint{state.doc->extraction.places[*picked].place.position});
            else if (const auto point = lonLatAtPixel(state, mouse.x, mouse.y)) actions.push(AddMeasurePoint{*point});
        } else if (!moved) {
            // A marker selects its place; a cluster opens (zooms to its places or fans them out);
            // an edge indicator flies to the place outside the view it points to.
            if (const auto picked = pickMarker(state, mouse.x, mouse.y)) {
                if (picked->members.size() > 1) actions.push(OpenCluster{picked->members});
                else actions.push(SelectPlace{picked->place, false});
            } else if (const auto indicated = edgeIndicatorAt(state, mouse.x, mouse.y)) {
                actions.push(SelectPlace{*indicated, true});
            } else if (const auto text = pickOtherText(state, mouse.x, mouse.y)) {
                actions.push(ActivateDocument{*text});
            }
        }
    }
    // Dear ImGui 1.86 indexes keys by the backend's codes: GLFW_KEY_* here.
    if (!io.WantCaptureKeyboard) {
        if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false)) actions.push(GoHome{});
        // Escape first closes an open menu (Dear ImGui does so only with keyboard navigation on).
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
            if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) ImGui::ClosePopupsExceptModals();
            else actions.push(ClearSelection{});
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_N)) actions.push(state.tour ? Action{StepTour{+1}} : Action{StepMention{+1}});
        if (ImGui::IsKeyPressed(GLFW_KEY_P)) actions.push(state.tour ? Action{StepTour{-1}} : Action{StepMention{-1}});
        if (ImGui::IsKeyPressed(GLFW_KEY_M, false)) actions.push(ToggleMeasure{});
        if (ImGui::IsKeyPressed(GLFW_KEY_T, false)) actions.push(state.tour ? Action{StopTour{}} : Action{StartTour{}});
        if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false) && state.tour) actions.push(ToggleTourPlaying{});
        if (ImGui::IsKeyPressed(GLFW_KEY_KP_ADD) || ImGui::IsKeyPressed(GLFW_KEY_EQUAL))
            actions.push(ZoomAbout{state.view.width() / 2.0, state.view.height() / 2.0, 1.0});
        if (ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT) || ImGui::IsKeyPressed(GLFW_KEY_MINUS))
            actions.push(ZoomAbout{state.view.width() / 2.0, state.view.height() / 2.0, -1.0});
    }
}

}  // namespace app::ui
