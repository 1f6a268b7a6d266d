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
    bool text_changed = false;
    std::size_t corrections = 0;
    std::vector<std::string> unplaced;     // anchored corrections whose words are gone from the text
    std::optional<SavedView> view;
    std::optional<MapSettings> map_settings;  // none for projects saved without them
    std::string project_error;             // the project file could not be read (the text still opens)
};

// Loads the text, finds its places and applies the project's corrections if a project exists.
// Throws geo::Error for the text itself; a damaged project is reported, not thrown. `progress`
// (may be empty) hears how far the extraction is and may cancel it (geo::Cancelled).
OpenDocument openWithProject(const std::string& text_path, const geo::Gazetteer& gazetteer,
                             ProjectOpenReport* report = nullptr, const geo::ExtractionProgress& progress = {});

// Saves doc's project next to its text with the given view and, if given, map settings. Throws
// geo::Error(Io) naming the file.
void saveDocumentProject(const OpenDocument& doc, const geo::Viewport& view, const MapSettings* map = nullptr);

// One line for the status bar / stderr describing what was restored.
std::string describe(const ProjectOpenReport& report);

}  // namespace app
