// app/user_dems.hpp — which of the user's own DEMs the map uses as terrain: those named on the
// command line (--dem PATH, a file or a folder of tiles), then every file or folder in
// $XDG_DATA_HOME/textatlas/dem (app/user_dirs), then those the reader added with
// Map → Add elevation… (kept in the map settings). Opening goes through geo::openDems; drawing is
// the renderer's (render::MapRenderer::addDem). No GL here.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "geo/dem.hpp"

namespace app {

struct UserDems {
    std::vector<std::shared_ptr<const geo::Dem>> dems;  // coarsest first
    std::vector<std::string> problems;  // DEMs of the XDG folder that could not be opened, one line each
};

// Opens `paths` (the command line's --dem: a DEM that cannot be opened throws its geo::Error,
// naming the file) and, when `with_dem_dir`, each entry of demDir() (one that cannot be opened is
// left out and reported in `problems`).
UserDems openUserDems(const std::vector<std::string>& paths, bool with_dem_dir = true);

// The entries of `folder` that are DEMs to open, sorted: files and subfolders; hidden ones and
// side files (.aux.xml, .prj, .tfw, .ovr, .txt, .md, .xml) skipped.
// Empty when the folder does not exist.
std::vector<std::string> demDirEntries(const std::string& folder);

}  // namespace app
