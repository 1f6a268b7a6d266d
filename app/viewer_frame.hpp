// app/viewer_frame.hpp — the GL-free part of one viewer frame, shared by the viewer's loop
// (app/viewer.cpp) and the UI tests, so that the tests click through the very same code: map input,
// menus, the passages and places panel with its corrections, status bar, error dialog, tooltips,
// the add-place window, the keyboard shortcuts, and saving the project after the frame's actions.
// The viewer adds the GL parts (map, export previews, layers panel) around it.
#pragma once
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/panels.hpp"

namespace app {

// What the panels keep between frames.
struct ViewerPanels {
    ui::MapInput input;
    ui::PanelState panel;
    std::vector<ui::MentionHit> hits;  // where this frame drew each visible mention
};

// Call between ImGui::NewFrame() and ImGui::Render(). Draws the panels and turns mouse and keys
// into Actions. The menus' requests come back with the keyboard shortcuts folded in: Ctrl+O open,
// Ctrl+S save, Ctrl+Q quit, F12 / Shift+F12 screenshots; Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) push
// Undo and Redo themselves.
ui::MenuRequests drawViewerPanels(AppState& state, ActionQueue& actions, ViewerPanels& panels,
                                  const std::vector<std::string>& recent_files);

// Call after the frame's actions were applied: saves the active text's project when asked
// (File → Save project, Ctrl+S) or when an edit left it dirty; sets quit_requested on Quit.
void finishViewerFrame(AppState& state, const ui::MenuRequests& requests);

// Saves the active text's project (corrections, view, map settings); a failure is shown in
// state.error and the edits stay in memory.
void saveActiveProject(AppState& state);

}  // namespace app
