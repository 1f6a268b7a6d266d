// app/ui/panels.hpp — the viewer's Dear ImGui panels: main menu, passages panel (the text split
// into passages, mentions highlighted and clickable), status bar, error dialog, marker tooltip.
// Panels read AppState and push Actions; they never change state directly and never call GL.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/place_search.hpp"

#include <memory>

namespace app::ui {

// What the menu asked the viewer to do outside AppState (window-level requests).
struct MenuRequests {
    bool screenshot = false;      // at the window's size
    bool screenshot_2x = false;   // at twice the window's size
    bool quit = false;
    bool save = false;            // File → Save project (the active text's project file)
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
// Heights of the passages as last drawn, so the panel lays out a long text without drawing it all:
// only the passages in (or near) the visible part of the list are drawn each frame; the others
// take their measured height, or an estimate from their length until they have been seen.
struct PassageHeights {
    const void* document = nullptr;  // the geo::Document measured (heights are reset for another)
    float wrap_width = 0.0f;         // and the layout they were measured at
    float font_size = 0.0f;
    std::vector<float> height;       // per passage; 0: not measured yet
};

struct PanelState {
    ImGuiTextFilter place_filter;
    bool this_mention_only = false;  // corrections act on the selected mention only
    char gazetteer_query[128] = "";  // "Add a place": a name to look up instead of the chosen words
    PassageHeights passage_heights;
    std::size_t passages_drawn = 0;  // in the last frame (tests check a long text is not drawn whole)
    int scroll_frames_left = 0;      // frames that still scroll the selected mention into view
    char goto_query[128] = "";       // "Go to any place": a gazetteer name being typed
    std::unique_ptr<PlaceSearch> place_search;  // made on the first search
    int profile_samples_drawn = 0;   // the elevation profile's samples drawn in the last frame (tests)
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
// What the tooltip of the hovered marker says: its name and mentions, or a cluster's places.
std::string markerTooltip(const AppState& state);

}  // namespace app::ui
