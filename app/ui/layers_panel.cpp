#include "app/ui/layers_panel.hpp"
#include "app/layer_files.hpp"
#include "app/user_dems.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/project_io.hpp"
#include "app/scene.hpp"
#include "app/ui/item_locator.hpp"
#include "geo/error.hpp"
#include "geo/project_store.hpp"

namespace app::ui {
namespace {

void rgbaToFloats(std::uint32_t rgba, float out[4]) {
    for (int i = 0; i < 4; ++i) out[i] = float((rgba >> (24 - 8 * i)) & 0xffu) / 255.0f;
}

std::uint32_t floatsToRgba(const float in[4]) {
    std::uint32_t rgba = 0;
    for (int i = 0; i < 4; ++i) {
        const float v = in[i] < 0.0f ? 0.0f : in[i] > 1.0f ? 1.0f : in[i];
        rgba |= std::uint32_t(v * 255.0f + 0.5f) << (24 - 8 * i);
    }
    return rgba;
}

const char* const kProjectionTitles[] = {"Web Mercator", "UTM (zone of the view)", "Lambert equal-area (on the view)",
                                         "Globe (orthographic)"};
constexpr geo::MapProjectionKind kProjections[] = {geo::MapProjectionKind::WebMercator, geo::MapProjectionKind::Utm,
                                                   geo::MapProjectionKind::Laea, geo::MapProjectionKind::Globe};

// A message for the status bar: one line.
std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// A DEM's path as the settings keep it: absolute, without "." or ".." or a trailing separator, so
// the same file added twice is recognised.
std::string normalisedPath(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    std::string normal = (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal;
}

std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// "alps.tif (2,400 × 1,800 cells of 3″)" for the status bar.
std::string describeDems(const std::string& path, const std::vector<std::shared_ptr<const geo::Dem>>& dems) {
    std::string text = fileName(path);
    if (dems.size() == 1) {
        char detail[96];
        std::snprintf(detail, sizeof detail, " (%d × %d cells of %.3g″)", dems.front()->columns(), dems.front()->rows(),
                      dems.front()->cellLatDegrees() * 3600.0);
        text += detail;
    } else {
        text += " (" + std::to_string(dems.size()) + " mosaics, one per coordinate system)";
    }
    return text;
}

}  // namespace

const std::vector<std::string>& demFileExtensions() {
    // GeoTIFF, SRTM, DTED, VRT mosaics, ERDAS, ASCII and binary grids, USGS DEM, NetCDF, Terragen…
    static const std::vector<std::string> extensions{".tif", ".tiff", ".hgt", ".dt0", ".dt1", ".dt2", ".vrt",
                                                     ".img", ".asc",  ".bil", ".dem", ".grd", ".nc",  ".ter",
                                                     ".bt",  ".adf",  ".xyz", ".flt"};
    return extensions;
}

const LayersPanel::AddedDem& LayersPanel::addDem(const std::string& path, render::MapRenderer& renderer) {
    AddedDem added{path, geo::openDems(path)};
    for (const auto& dem : added.dems) renderer.addDem(dem);
    added_dems_.push_back(std::move(added));
    return added_dems_.back();
}

void LayersPanel::removeDem(std::size_t index, render::MapRenderer& renderer) {
    for (const auto& dem : added_dems_[index].dems) renderer.removeDem(dem.get());
    added_dems_.erase(added_dems_.begin() + static_cast<long>(index));
}

bool LayersPanel::addChosenDem(const std::string& chosen, const AppState& state, MapSettings& edited,
                               ActionQueue& actions, render::MapRenderer& renderer) {
    const std::string path = normalisedPath(chosen);
    const bool known = std::any_of(state.dems.begin(), state.dems.end(),
                                   [&](const auto& dem) { return normalisedPath(dem->path()) == path; }) ||
                       std::any_of(added_dems_.begin(), added_dems_.end(), [&](const AddedDem& a) { return a.path == path; });
    if (known) {
        actions.push(ShowStatus{"Elevation not added: " + path + " is already on the map"});
        return false;
    }
    try {
        const AddedDem& added = addDem(path, renderer);
        edited.dems.push_back(path);
        actions.push(AddElevation{path, added.dems});
        actions.push(ShowStatus{"Elevation added: " + describeDems(path, added.dems)});
        return true;
    } catch (const std::exception& e) {
        // A file GDAL cannot read, a folder without DEMs, a vanished disk: one line, nothing else changes.
        actions.push(ShowStatus{"Elevation not added: " + oneLine(e.what())});
        return false;
    }
}

void LayersPanel::showAddLayerDialog(const AppState& state) {
    add_dialog_.title = "Add layer: a GIS file (vector or raster)";
    // What GDAL/OGR read that a reader is likely to have; others are typed in the path field.
    add_dialog_.extensions = {".geojson", ".json", ".shp", ".gpkg", ".kml", ".kmz", ".gml", ".gpx", ".csv",
                              ".fgb", ".sqlite", ".tab", ".mif", ".tif", ".tiff", ".vrt", ".jp2", ".png",
                              ".jpg", ".img", ".asc", ".nc"};
    std::error_code ec;
    std::string start = add_dialog_.folder;
    if (start.empty() || !std::filesystem::is_directory(start, ec)) {
        start = state.doc ? std::filesystem::path(state.doc->path).parent_path().string() : std::string();
        if (start.empty() || !std::filesystem::is_directory(start, ec)) start = std::filesystem::current_path(ec).string();
    }
    add_dialog_.show(start);
}

void LayersPanel::showElevationDialog(const AppState& state) {
    elevation_dialog_.title = "Add elevation: a DEM file or a folder of tiles";
    elevation_dialog_.extensions = demFileExtensions();
    elevation_dialog_.choose_folder = true;
    // Where the last DEM was chosen, else beside the text.
    std::error_code ec;
    std::string start = elevation_dialog_.folder;
    if (start.empty() || !std::filesystem::is_directory(start, ec)) {
        start = state.doc ? std::filesystem::path(state.doc->path).parent_path().string() : std::string();
        if (start.empty() || !std::filesystem::is_directory(start, ec)) start = std::filesystem::current_path(ec).string();
    }
    elevation_dialog_.show(start);
}

LayersPanel::~LayersPanel() { stop_overviews_->store(true); }

void LayersPanel::updateOverviews(const AppState& state, ActionQueue& actions) {
    // Every large DEM in use (from --dem, the DEM folder or added) is given averaged overviews once.
    for (const auto& dem : state.dems) {
        if (std::find(overviews_asked_.begin(), overviews_asked_.end(), dem.get()) != overviews_asked_.end()) continue;
        overviews_asked_.push_back(dem.get());
        if (!wantsAveragedOverviews(*dem)) continue;
        overviews_.emplace_back(fileName(dem->path()),
                                std::async(std::launch::async, [dem, dir = demOverviewsDir(), stop = stop_overviews_] {
                                    return dem->useAveragedOverviews(dir, [stop] { return !stop->load(); });
                                }));
    }
    for (auto it = overviews_.begin(); it != overviews_.end();) {
        if (it->second.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ++it;
            continue;
        }
        try {
            it->second.get();
            actions.push(ShowStatus{"Elevation: " + it->first + " is averaged when zoomed out (overviews in the cache)"});
        } catch (const geo::Cancelled&) {
        } catch (const std::exception& e) {
            actions.push(ShowStatus{"Elevation: no overviews for " + it->first + ": " + oneLine(e.what())});
        }
        it = overviews_.erase(it);
    }
}

void LayersPanel::drawElevation(const AppState& state, MapSettings& edited, bool& changed, ActionQueue& actions,
                                render::MapRenderer& renderer) {
    ImGui::TextUnformatted("Elevation (your DEMs)");
    // Right-aligned, as wide as its label.
    const float button_width = ImGui::CalcTextSize("Add elevation…").x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_width);
    if (ImGui::SmallButton("Add elevation…")) showElevationDialog(state);
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < added_dems_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string name = fileName(added_dems_[i].path);
        ImGui::TextUnformatted(name.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", added_dems_[i].path.c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Remove").x -
                        2.0f * ImGui::GetStyle().FramePadding.x);
        if (ImGui::SmallButton("Remove")) remove = i;
        noteItem("Remove " + name);
        ImGui::PopID();
    }
    // DEMs from --dem or the XDG folder: listed, removed only where they came from.
    for (const auto& dem : state.dems) {
        const bool added = std::any_of(added_dems_.begin(), added_dems_.end(), [&](const AddedDem& a) {
            return std::find(a.dems.begin(), a.dems.end(), dem) != a.dems.end();
        });
        if (!added) ImGui::TextDisabled("%s (--dem or the DEM folder)", fileName(dem->path()).c_str());
    }
    if (state.dems.empty()) ImGui::TextDisabled("None: the world relief (ETOPO5, 5′) everywhere");
    if (remove) {
        const AddedDem& gone = added_dems_[*remove];
        edited.dems.erase(std::remove(edited.dems.begin(), edited.dems.end(), gone.path), edited.dems.end());
        actions.push(RemoveElevation{gone.path, gone.dems});
        actions.push(ShowStatus{"Elevation removed: " + gone.path});
        removeDem(*remove, renderer);
        changed = true;
    }
}

void LayersPanel::init(AppState& state, const geo::Basemap& basemap, render::MapRenderer& renderer,
                       const std::string& settings_path, const std::optional<MapSettings>& project_settings) {
    settings_path_ = settings_path;
    defaults_ = defaultMapSettings(basemap);
    MapSettings settings = defaults_;
    if (project_settings) {
        settings = mergeSavedSettings(defaults_, *project_settings);
    } else {
        try {
            if (const auto saved = loadMapSettings(settings_path_)) settings = mergeSavedSettings(defaults_, *saved);
        } catch (const geo::Error& e) {
            state.status = std::string("Map settings not restored: ") + e.what();
        }
    }
    std::vector<std::string> problems;
    loadAddedLayers(settings, renderer, problems);
    if (!problems.empty()) state.status = "Layer not restored: " + problems.front();
    // The DEMs the reader added: drawn and sampled again; one that cannot be opened is dropped and named.
    for (auto it = settings.dems.begin(); it != settings.dems.end();) {
        try {
            const AddedDem& added = addDem(*it, renderer);
            state.dems.insert(state.dems.end(), added.dems.begin(), added.dems.end());
            ++it;
        } catch (const std::exception& e) {
            state.status = "Elevation not restored: " + oneLine(e.what());
            it = settings.dems.erase(it);
        }
    }
    geo::sortCoarsestFirst(state.dems);
    const geo::MapProjectionKind projection = settings.projection;
    settings.projection = state.map.projection;
    state.map = settings;
    if (projection != state.map.projection) {
        try {
            setMapProjection(state, projection);
        } catch (const geo::Error& e) {
            state.status = std::string("Projection not restored: ") + e.what();
        }
    }
    saved_ = state.map;
}

void LayersPanel::adopt(const MapSettings& project_settings, const AppState& state, ActionQueue& actions,
                        render::MapRenderer& renderer) {
    MapSettings settings = mergeSavedSettings(defaults_, project_settings);
    // Files already on the map are not loaded a second time.
    for (LayerSettings& layer : settings.layers) {
        if (layer.renderer_index != kLayerNotLoaded) continue;
        for (const LayerSettings& loaded : state.map.layers) {
            if (!loaded.path.empty() && loaded.path == layer.path && loaded.renderer_index != kLayerNotLoaded) {
                layer.renderer_index = loaded.renderer_index;
                layer.more_renderer_indices = loaded.more_renderer_indices;
                layer.labelled_points = loaded.labelled_points;
                layer.raster = loaded.raster;
            }
        }
    }
    std::vector<std::string> problems;
    loadAddedLayers(settings, renderer, problems);
    for (const std::string& problem : problems) actions.push(ReportError{"A layer of the project could not be restored.\n" + problem});
    // DEMs: those the project names come onto the map, added ones it does not name go.
    std::vector<Action> dem_actions;
    for (std::size_t i = added_dems_.size(); i-- > 0;) {
        if (std::find(settings.dems.begin(), settings.dems.end(), added_dems_[i].path) != settings.dems.end()) continue;
        dem_actions.push_back(RemoveElevation{added_dems_[i].path, added_dems_[i].dems});
        removeDem(i, renderer);
    }
    for (auto it = settings.dems.begin(); it != settings.dems.end();) {
        if (std::any_of(added_dems_.begin(), added_dems_.end(), [&](const AddedDem& a) { return a.path == *it; })) {
            ++it;
            continue;
        }
        try {
            dem_actions.push_back(AddElevation{*it, addDem(*it, renderer).dems});
            ++it;
        } catch (const std::exception& e) {
            dem_actions.push_back(ShowStatus{"Elevation not restored: " + oneLine(e.what())});
            it = settings.dems.erase(it);
        }
    }
    saved_ = settings;  // what the project holds: nothing to write back
    adopting_ = true;   // until SetMapSettings is applied, state.map is the old text's
    actions.push(SetMapSettings{settings});
    for (Action& action : dem_actions) actions.push(std::move(action));
}

void LayersPanel::save(const AppState& state, const MapSettings& settings, ActionQueue& actions) {
    if (adopting_) {
        if (state.map != saved_) return;
        adopting_ = false;
    }
    if (settings == saved_) return;
    saved_ = settings;
    // A text with a project keeps its layers there; map.json is the default for texts without one.
    std::error_code ec;
    if (state.doc && !projectOpenPath(state.doc->path).empty()) {
        actions.push(MarkProjectChanged{});
        return;
    }
    try {
        saveMapSettings(settings, settings_path_);
    } catch (const geo::Error& e) {
        // Reported once: saved_ already holds these settings, so it is not retried every frame.
        actions.push(ReportError{std::string("Could not save the map settings.\n") + e.what()});
    }
}

void LayersPanel::draw(const AppState& state, ActionQueue& actions, render::MapRenderer& renderer) {
    if (state.add_layer_requested && !add_dialog_.visible) {
        showAddLayerDialog(state);
        actions.push(ShowLayersPanel{true, false});
    }
    if (state.add_elevation_requested && !elevation_dialog_.visible) {
        showElevationDialog(state);
        actions.push(ShowLayersPanel{true, false, false});
    }
    // Each says what was left out ("… (left out of the terrain)", "… drawn as outlines only").
    for (const std::string& problem : renderer.takeProblems()) actions.push(ShowStatus{oneLine(problem)});
    updateOverviews(state, actions);
    MapSettings edited = state.map;
    bool changed = false;
    if (state.show_layers_panel) {
        bool open = true;
        ImGui::SetNextWindowSize(ImVec2(380, 560), ImGuiCond_FirstUseEver);
        if (ImGui::Begin("Layers", &open)) {
            int projection = 0;
            for (int i = 0; i < 4; ++i)
                if (kProjections[i] == edited.projection) projection = i;
            if (ImGui::Combo("Projection", &projection, kProjectionTitles, 4)) {
                edited.projection = kProjections[projection];
                changed = true;
            }
            ImGui::TextDisabled("%s", state.projection.title().c_str());
            if (ImGui::Button("Add layer…")) showAddLayerDialog(state);
            ImGui::Separator();
            // Top of the list is drawn on top: walk the drawing order backwards.
            for (std::size_t n = edited.layers.size(); n-- > 0;) {
                LayerSettings& layer = edited.layers[n];
                ImGui::PushID(int(n));
                changed |= ImGui::Checkbox("##visible", &layer.visible);
                ImGui::SameLine();
                const bool open_layer = ImGui::TreeNode("layer", "%s", layer.title.c_str());
                ImGui::SameLine(ImGui::GetWindowWidth() - 70);
                if (ImGui::ArrowButton("##up", ImGuiDir_Up) && n + 1 < edited.layers.size()) {
                    std::swap(edited.layers[n], edited.layers[n + 1]);
                    changed = true;
                }
                ImGui::SameLine();
                if (ImGui::ArrowButton("##down", ImGuiDir_Down) && n > 0) {
                    std::swap(edited.layers[n], edited.layers[n - 1]);
                    changed = true;
                }
                if (open_layer) {
                    LayerSettings& current = edited.layers[n];
                    changed |= ImGui::SliderFloat("Opacity", &current.opacity, 0.0f, 1.0f);
                    if (current.raster) {  // a picture: no colours, width or zoom threshold to set
                        ImGui::TextDisabled("Raster image");
                        ImGui::TreePop();
                        ImGui::PopID();
                        continue;
                    }
                    float line[4], fill[4];
                    rgbaToFloats(current.style.line_rgba, line);
                    rgbaToFloats(current.style.fill_rgba, fill);
                    if (ImGui::ColorEdit4("Line", line, ImGuiColorEditFlags_NoInputs)) {
                        current.style.line_rgba = floatsToRgba(line);
                        changed = true;
                    }
                    ImGui::SameLine();
                    if (ImGui::ColorEdit4("Fill", fill, ImGuiColorEditFlags_NoInputs)) {
                        current.style.fill_rgba = floatsToRgba(fill);
                        changed = true;
                    }
                    changed |= ImGui::SliderFloat("Width", &current.style.line_width_px, 0.0f, 6.0f, "%.1f px");
                    float min_zoom = float(current.min_zoom);
                    if (ImGui::SliderFloat("From zoom", &min_zoom, 0.0f, 12.0f, "%.1f")) {
                        current.min_zoom = min_zoom;
                        changed = true;
                    }
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
            ImGui::Separator();
            ImGui::TextUnformatted("Terrain");
            changed |= ImGui::Checkbox("Show terrain", &edited.terrain.show_terrain);
            changed |= ImGui::SliderFloat("Terrain opacity", &edited.terrain.terrain_opacity, 0.0f, 1.0f);
            changed |= ImGui::SliderFloat("Sun azimuth", &edited.terrain.sun_azimuth_deg, 0.0f, 360.0f, "%.0f°");
            changed |= ImGui::SliderFloat("Sun elevation", &edited.terrain.sun_elevation_deg, 5.0f, 90.0f, "%.0f°");
            changed |= ImGui::SliderFloat("Exaggeration", &edited.terrain.vertical_exaggeration, 0.5f, 5.0f, "%.1f×");
            ImGui::Separator();
            drawElevation(state, edited, changed, actions, renderer);
            ImGui::Separator();
            changed |= ImGui::Checkbox("Graticule", &edited.show_graticule);
            changed |= ImGui::Checkbox("Town labels", &edited.show_towns);
            changed |= ImGui::Checkbox("Cluster markers", &edited.cluster_markers);
            changed |= ImGui::Checkbox("North arrow", &edited.show_north_arrow);
        }
        ImGui::End();
        if (!open) actions.push(ShowLayersPanel{false, false});
    }
    // The file dialogs (modal popups) after the window: Dear ImGui 1.86 asserts when a window
    // appears in the frame a modal opened before it.
    if (const auto chosen = elevation_dialog_.draw()) changed |= addChosenDem(*chosen, state, edited, actions, renderer);
    if (const auto chosen = add_dialog_.draw()) {
        try {
            edited.layers.push_back(addLayerFile(*chosen, renderer));
            changed = true;
        } catch (const geo::Error& e) {
            actions.push(ReportError{std::string("Could not add the layer.\n") + e.what()});
        }
    }
    if (changed) actions.push(SetMapSettings{edited});
    // Save once nothing is being dragged: a slider's every step is not worth a write.
    if (!ImGui::IsAnyItemActive()) save(state, changed ? edited : state.map, actions);
}

void drawMapMenu(const AppState& state, ActionQueue& actions) {
    const bool open = ImGui::BeginMenu("Map");
    noteItem("Map");
    if (!open) return;
    for (int i = 0; i < 4; ++i) {
        if (ImGui::MenuItem(kProjectionTitles[i], nullptr, state.map.projection == kProjections[i]))
            actions.push(SetProjection{kProjections[i]});
    }
    if (ImGui::MenuItem("Re-centre the projection on the view")) actions.push(SetProjection{state.map.projection});
    ImGui::Separator();
    if (ImGui::MenuItem("Layers…", nullptr, state.show_layers_panel))
        actions.push(ShowLayersPanel{!state.show_layers_panel, false});
    noteItem("Layers…");
    if (ImGui::MenuItem("Add layer…")) actions.push(ShowLayersPanel{true, true});
    noteItem("Add layer…");
    if (ImGui::MenuItem("Add elevation…")) actions.push(ShowLayersPanel{true, false, true});
    noteItem("Add elevation…");
    ImGui::Separator();
    MapSettings edited = state.map;
    bool changed = false;
    changed |= ImGui::MenuItem("Graticule", nullptr, &edited.show_graticule);
    changed |= ImGui::MenuItem("Town labels", nullptr, &edited.show_towns);
    changed |= ImGui::MenuItem("Cluster markers", nullptr, &edited.cluster_markers);
    changed |= ImGui::MenuItem("North arrow", nullptr, &edited.show_north_arrow);
    if (changed) actions.push(SetMapSettings{edited});
    ImGui::EndMenu();
}

}  // namespace app::ui
