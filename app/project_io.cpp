#include "app/project_io.hpp"

#include <filesystem>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "geo/project_store.hpp"
#include "geo/projection.hpp"
#include "geo/data_paths.hpp"
#include "app/user_dirs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <optional>

namespace app {

namespace {

namespace fs = std::filesystem;

// The folder holding the program's own data (gazetteer, basemap, sample texts), if it can be found.
std::optional<fs::path> programDataDir() {
    try {
        std::error_code ec;
        const fs::path dir = fs::weakly_canonical(geo::findDataDir("/proc/self/exe"), ec);
        if (!ec) return dir;
    } catch (const geo::Error&) {
    }
    return std::nullopt;
}

bool isInside(const fs::path& path, const fs::path& folder) {
    auto p = path.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++p)
        if (p == path.end() || *p != *f) return false;
    return true;
}

// FNV-1a: a stable name for the text's absolute path (two texts of one name in two folders differ).
std::string pathDigest(const std::string& path) {
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : path) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace

bool textFolderIsUsers(const std::string& text_path) {
    std::error_code ec;
    const fs::path text = fs::weakly_canonical(fs::absolute(text_path, ec), ec);
    if (ec) return false;
    const fs::path folder = text.parent_path();
    if (const auto data = programDataDir(); data && isInside(folder, *data)) return false;
    // Root may write anywhere: a folder whose owner took every write permission away is still
    // read-only to the reader.
    struct stat status {};
    if (::stat(folder.c_str(), &status) != 0 || (status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) return false;
    return ::access(folder.c_str(), W_OK) == 0;
}

std::string projectSavePath(const std::string& text_path) {
    const std::string beside = geo::projectPathFor(text_path);
    const std::string home = dataDir();
    if (home.empty() || textFolderIsUsers(text_path)) return beside;
    std::error_code ec;
    const fs::path text = fs::weakly_canonical(fs::absolute(text_path, ec), ec);
    const std::string key = ec ? text_path : text.string();
    return (fs::path(home) / "projects" / (fs::path(text_path).filename().string() + "-" + pathDigest(key) + ".atlas.gpkg"))
        .string();
}

std::string projectOpenPath(const std::string& text_path) {
    std::error_code ec;
    const std::string saved = projectSavePath(text_path);
    if (fs::exists(saved, ec)) return saved;
    const std::string beside = geo::projectPathFor(text_path);
    if (fs::exists(beside, ec)) return beside;
    return "";
}

OpenDocument openWithProject(const std::string& text_path, const geo::Gazetteer& gazetteer,
                             ProjectOpenReport* report, const geo::ExtractionProgress& progress) {
    OpenDocument doc = OpenDocument::load(text_path, gazetteer, progress);
    // Whatever this process writes from now on (exports, screenshots, layout JSON), never the text.
    geo::protectFromWriting(text_path);
    ProjectOpenReport local;
    ProjectOpenReport& r = report ? *report : local;
    r = ProjectOpenReport{};
    const std::string project = projectOpenPath(text_path);
    if (project.empty()) return doc;
    r.had_project = true;
    r.project_path = project;
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

std::string saveDocumentProject(const OpenDocument& doc, const geo::Viewport& view, const MapSettings* map) {
    geo::ProjectMeta meta;
    meta.text_path = doc.path;
    const geo::LonLat centre = geo::Projection::webMercator().inverse(view.center());
    meta.view_lon = centre.lon;
    meta.view_lat = centre.lat;
    meta.view_zoom = view.zoom();
    geo::ProjectData data = geo::makeProjectData(doc.document, doc.extraction, doc.corrections, meta);
    if (map != nullptr) data.map_settings = mapSettingsToJson(*map);
    const std::string path = projectSavePath(doc.path);
    std::error_code ec;
    const fs::path folder = fs::path(path).parent_path();
    if (!folder.empty() && !fs::is_directory(folder, ec)) {
        fs::create_directories(folder, ec);
        if (ec) throw geo::Error(geo::ErrorKind::Io, folder.string() + ": cannot make the projects folder (" + ec.message() + ")");
    }
    geo::saveProject(path, data);
    return path;
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
    if (!r.project_path.empty()) line += " from " + r.project_path;
    return line + ".";
}

}  // namespace app
