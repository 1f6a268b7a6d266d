// app/ui/open_dialog.hpp — File → Open…: a small file browser in Dear ImGui (folders and files of
// the current folder, a path field). It only returns the chosen path; the viewer opens it.
#pragma once
#include <optional>
#include <string>

namespace app::ui {

struct OpenDialog {
    bool visible = false;
    std::string folder;        // the folder being listed
    char path[4096] = {0};     // the path field

    void show(const std::string& start_folder);
    // Draws the dialog when visible; returns the chosen file once.
    std::optional<std::string> draw();
};

}  // namespace app::ui
