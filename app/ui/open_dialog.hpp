// app/ui/open_dialog.hpp — File → Open… (and Map → Add elevation…): a small file browser in Dear
// ImGui (folders and files of the current folder, a path field), optionally showing only some
// kinds of file and letting a folder be chosen. It only returns the chosen path; the caller opens it.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace app::ui {

struct OpenDialog {
    bool visible = false;
    std::string folder;        // the folder being listed
    char path[4096] = {0};     // the path field
    std::string title = "Open text";
    std::vector<std::string> extensions;  // lower case with the dot (".tif"); files listed, empty: all
    bool choose_folder = false;           // "Use this folder" returns the folder listed

    void show(const std::string& start_folder);
    // Draws the dialog when visible; returns the chosen file once.
    std::optional<std::string> draw();
};

}  // namespace app::ui
