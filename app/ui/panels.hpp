// app/ui/panels.hpp — the viewer's Dear ImGui panels: main menu, passages panel (the text split
// into passages, mentions highlighted and clickable), status bar, error dialog, marker tooltip.
// Panels read AppState and push Actions; they never change state directly and never call GL.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"

namespace app::ui {

// What the menu asked the viewer to do outside AppState (window-level requests).
struct MenuRequests {
    bool screenshot = false;      // at the window's size
    bool screenshot_2x = false;   // at twice the window's size
    bool quit = false;
    bool open_dialog = false;     // File → Open…
    std::optional<int> export_kind;  // File → Export → …: an app::ui::ExportKind value
    bool undo = false;
    bool redo = false;
    std::string open_path;        // a recent file chosen from the menu
};

float menuBarHeight();
float statusBarHeight();
MenuRequests drawMainMenu(const AppState& state, ActionQueue& actions, const std::vector<std::string>& recent_files);
// UI-only state of the panels that lives between frames (not part of AppState: nothing else reads it).
struct PanelState {
    ImGuiTextFilter place_filter;
    bool this_mention_only = false;  // corrections act on the selected mention only
};

// Where a mention was drawn this frame (screen pixels), so tests can point the mouse at it.
struct MentionHit {
    std::size_t mention;
    float x0, y0, x1, y1;
};
std::vector<MentionHit> drawPassagesPanel(const AppState& state, ActionQueue& actions, PanelState& panel, float top,
                                          float bottom);
void drawStatusBar(const AppState& state, float height);
void drawErrorDialog(const AppState& state, ActionQueue& actions);
void drawMarkerTooltip(const AppState& state);

}  // namespace app::ui
