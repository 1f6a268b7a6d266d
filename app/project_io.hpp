// app/project_io.hpp — a text together with its project file ("<text>.atlas.gpkg", geo/project_store):
// opening restores the reader's corrections (re-anchored if the text changed since), the view and
// the map settings (layers: visibility, order, opacity, style, added files; projection); saving
// writes the corrected places, the corrections, the view and the map settings atomically. Shared by the
// viewer and `textatlas extract`, so both see the same corrected places.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/state.hpp"

namespace app {

struct SavedView {
    double lon = 0, lat = 0, zoom = 0;
};

struct ProjectOpenReport {
    bool had_project = false;
    std::string project_path;              // the project file read, if any
    bool text_changed = false;
    std::size_t corrections = 0;
    std::vector<std::string> unplaced;     // anchored corrections whose words are gone from the text
    std::optional<SavedView> view;
    std::optional<MapSettings> map_settings;  // none for projects saved without them
    std::string project_error;             // the project file could not be read (the text still opens)
};

// Where the project of the text at `text_path` is saved: beside the text ("<text>.atlas.gpkg") when
// the text's folder is the user's — writable, and not the program's own data folder — otherwise in
// $XDG_DATA_HOME/textatlas/projects/ as "<text's name>-<16 hex digits of its absolute path>.atlas.gpkg"
// (beside the text when no data home can be found).
std::string projectSavePath(const std::string& text_path);
// The project to open for the text: the one projectSavePath names if it exists, else one beside
// the text (a project shipped with a read-only text); "" when there is none.
std::string projectOpenPath(const std::string& text_path);
// True when the folder holding `text_path` is the user's to write projects in: not the program's
// data folder, and writable (a folder with no write permission bits is not, even to root).
bool textFolderIsUsers(const std::string& text_path);

// Loads the text, finds its places and applies the project's corrections if a project exists.
// Throws geo::Error for the text itself; a damaged project is reported, not thrown. `progress`
// (may be empty) hears how far the extraction is and may cancel it (geo::Cancelled).
OpenDocument openWithProject(const std::string& text_path, const geo::Gazetteer& gazetteer,
                             ProjectOpenReport* report = nullptr, const geo::ExtractionProgress& progress = {});

// Saves doc's project where projectSavePath says (making its folder), with the given view and, if
// given, map settings; returns the path written. Throws geo::Error(Io) naming the file.
std::string saveDocumentProject(const OpenDocument& doc, const geo::Viewport& view, const MapSettings* map = nullptr);

// One line for the status bar / stderr describing what was restored.
std::string describe(const ProjectOpenReport& report);

}  // namespace app
