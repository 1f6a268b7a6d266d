// app/viewer.hpp — the interactive viewer: a GLFW window with the map, the passages panel and the
// menus. It owns the frame loop; panels and input push Actions that are applied once per frame.
#pragma once
#include <string>
#include <vector>

namespace app {

// Opens `text_path` in a window and runs until it is closed. Returns the exit code.
// Throws geo::Error for a text or data file that cannot be read, std::runtime_error when no
// window can be opened. `dem_paths` (--dem) are used as terrain with those of the XDG folder
// (app/user_dems); one that cannot be opened throws its geo::Error before the window opens.
int runViewer(const std::string& text_path, const std::string& argv0, const std::vector<std::string>& dem_paths = {});

}  // namespace app
