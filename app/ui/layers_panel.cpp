#include "app/ui/layers_panel.hpp"
#include "app/layer_files.hpp"

#include <imgui.h>

#include <filesystem>

#include "app/scene.hpp"
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

}  // namespace

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
                layer.raster = loaded.raster;
            }
        }
    }
    std::vector<std::string> problems;
    loadAddedLayers(settings, renderer, problems);
    for (const std::string& problem : problems) actions.push(ReportError{"A layer of the project could not be restored.\n" + problem});
    saved_ = settings;  // what the project holds: nothing to write back
    adopting_ = true;   // until SetMapSettings is applied, state.map is the old text's
    actions.push(SetMapSettings{settings});
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
    if (state.doc && std::filesystem::exists(geo::projectPathFor(state.doc->path), ec)) {
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
        add_dialog_.show(std::filesystem::current_path().string());
        actions.push(ShowLayersPanel{true, false});
    }
    MapSettings edited = state.map;
    bool changed = false;
    if (const auto chosen = add_dialog_.draw()) {
        try {
            edited.layers.push_back(addLayerFile(*chosen, renderer));
            changed = true;
        } catch (const geo::Error& e) {
            actions.push(ReportError{std::string("Could not add the layer.\n") + e.what()});
        }
    }
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
            if (ImGui::Button("Add layer…")) add_dialog_.show(std::filesystem::current_path().string());
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
            changed |= ImGui::Checkbox("Graticule", &edited.show_graticule);
            changed |= ImGui::Checkbox("Town labels", &edited.show_towns);
            changed |= ImGui::Checkbox("Cluster markers", &edited.cluster_markers);
            changed |= ImGui::Checkbox("North arrow", &edited.show_north_arrow);
        }
        ImGui::End();
        if (!open) actions.push(ShowLayersPanel{false, false});
    }
    if (changed) actions.push(SetMapSettings{edited});
    // Save once nothing is being dragged: a slider's every step is not worth a write.
    if (!ImGui::IsAnyItemActive()) save(state, changed ? edited : state.map, actions);
}

void drawMapMenu(const AppState& state, ActionQueue& actions) {
    if (!ImGui::BeginMenu("Map")) return;
    for (int i = 0; i < 4; ++i) {
        if (ImGui::MenuItem(kProjectionTitles[i], nullptr, state.map.projection == kProjections[i]))
            actions.push(SetProjection{kProjections[i]});
    }
    if (ImGui::MenuItem("Re-centre the projection on the view")) actions.push(SetProjection{state.map.projection});
    ImGui::Separator();
    if (ImGui::MenuItem("Layers…", nullptr, state.show_layers_panel))
        actions.push(ShowLayersPanel{!state.show_layers_panel, false});
    if (ImGui::MenuItem("Add layer…")) actions.push(ShowLayersPanel{true, true});
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
