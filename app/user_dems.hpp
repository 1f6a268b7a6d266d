// app/user_dems.hpp — which of the user's own DEMs the map uses as terrain: those named on the
// command line (--dem PATH, a file or a folder of tiles), then every file or folder in
// $XDG_DATA_HOME/textatlas/dem (app/user_dirs), then those the reader added with
// Map → Add elevation… (kept in the map settings). Opening goes through geo::openDems; drawing is
// the renderer's (render::MapRenderer::addDem). Large DEMs get averaged overviews in the cache
// (render and export make them before drawing, the viewer on a worker thread). No GL here.
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

// Where averaged overviews of large DEMs are kept: $XDG_CACHE_HOME/textatlas/dem-overviews.
std::string demOverviewsDir();
// Whether `dem` is large enough to be given averaged overviews (more cells than a window averages
// on the fly, render::kMaxAveragedCells): a zoomed-out view of it is then averaged, not the nearest cells.
bool wantsAveragedOverviews(const geo::Dem& dem);

// The entries of `folder` that are DEMs to open, sorted: files and subfolders; hidden ones and
// side files (.aux.xml, .prj, .tfw, .ovr, .txt, .md, .xml) skipped.
// Empty when the folder does not exist.
std::vector<std::string> demDirEntries(const std::string& folder);

}  // namespace app
