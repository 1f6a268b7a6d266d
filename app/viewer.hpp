// app/viewer.hpp — the interactive viewer: a GLFW window with the map, the passages panel and the
// menus. It owns the frame loop; panels and input push Actions that are applied once per frame.
#pragma once
#include <string>
#include <vector>

namespace app {

// The window's first size, in the screen units glfwCreateWindow takes: 1440×900 where the
// monitor's work area (its size less panels and docks, in screen units) has room for it times the
// content scale (GLFW_SCALE_TO_MONITOR enlarges the window by it), else the whole work area, so
// that no part of the map or the status bar opens off screen. `fills_work_area`: maximise it.
struct WindowSize {
    int width = 0;
    int height = 0;
    bool fills_work_area = false;
};
WindowSize initialWindowSize(int work_area_width, int work_area_height, float content_scale);

// Opens `text_path` in a window and runs until it is closed. Returns the exit code.
// Throws geo::Error for a text or data file that cannot be read, std::runtime_error when no
// window can be opened. `dem_paths` (--dem) are used as terrain with those of the XDG folder
// (app/user_dems); one that cannot be opened throws its geo::Error before the window opens.
int runViewer(const std::string& text_path, const std::string& argv0, const std::vector<std::string>& dem_paths = {});

}  // namespace app
