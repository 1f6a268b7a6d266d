#include "app/project_io.hpp"

#include <filesystem>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "geo/project_store.hpp"
#include "geo/projection.hpp"

namespace app {

OpenDocument openWithProject(const std::string& text_path, const geo::Gazetteer& gazetteer,
                             ProjectOpenReport* report, const geo::ExtractionProgress& progress) {
    OpenDocument doc = OpenDocument::load(text_path, gazetteer, progress);
    // Whatever this process writes from now on (exports, screenshots, layout JSON), never the text.
    geo::protectFromWriting(text_path);
    ProjectOpenReport local;
    ProjectOpenReport& r = report ? *report : local;
    r = ProjectOpenReport{};
    const std::string project = geo::projectPathFor(text_path);
    std::error_code ec;
    if (!std::filesystem::exists(project, ec)) return doc;
    r.had_project = true;
    try {
        geo::ProjectData data = geo::loadProject(project);
        std::vector<geo::Correction> corrections = std::move(data.corrections);
        if (geo::textChanged(data.meta, doc.document)) {
            r.text_changed = true;
            geo::ReanchorResult moved = geo::reanchor(doc.document, std::move(corrections));
            for (const auto& u : moved.unplaced) r.unplaced.push_back(u.text);
            corrections = std::move(moved.corrections);
        }
        r.corrections = corrections.size();
        for (const auto& c : corrections) doc.next_edit = std::max(doc.next_edit, c.edit + 1);
        doc.corrections = std::move(corrections);
        doc.reapplyCorrections(gazetteer);
        if (data.meta.view_zoom > 0) r.view = SavedView{data.meta.view_lon, data.meta.view_lat, data.meta.view_zoom};
        if (!data.map_settings.empty()) r.map_settings = mapSettingsFromJson(data.map_settings, project);
    } catch (const geo::Error& e) {
        r.project_error = e.what();
    }
    return doc;
}

void saveDocumentProject(const OpenDocument& doc, const geo::Viewport& view, const MapSettings* map) {
    geo::ProjectMeta meta;
    meta.text_path = doc.path;
    const geo::LonLat centre = geo::Projection::webMercator().inverse(view.center());
    meta.view_lon = centre.lon;
    meta.view_lat = centre.lat;
    meta.view_zoom = view.zoom();
    geo::ProjectData data = geo::makeProjectData(doc.document, doc.extraction, doc.corrections, meta);
    if (map != nullptr) data.map_settings = mapSettingsToJson(*map);
    geo::saveProject(geo::projectPathFor(doc.path), data);
}

std::string describe(const ProjectOpenReport& r) {
    if (!r.had_project) return "";
    if (!r.project_error.empty()) return "The project file could not be read: " + r.project_error;
    std::string line = "Restored " + std::to_string(r.corrections) + " correction" + (r.corrections == 1 ? "" : "s");
    if (r.text_changed) {
        line += "; the text changed since it was saved";
        if (!r.unplaced.empty()) {
            line += " and " + std::to_string(r.unplaced.size()) + " could not be placed again (";
            for (std::size_t i = 0; i < r.unplaced.size(); ++i) line += (i ? ", \"" : "\"") + r.unplaced[i] + "\"";
            line += ")";
        }
    }
    return line + ".";
}

}  // namespace app
