#include "app/map_settings.hpp"
#include "app/user_dirs.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"

namespace app {

namespace {

constexpr int kSettingsVersion = 1;
bool sameStyle(const geo::LayerStyle& a, const geo::LayerStyle& b) {
    return a.line_rgba == b.line_rgba && a.line_width_px == b.line_width_px && a.fill_rgba == b.fill_rgba;
}

bool sameLayer(const LayerSettings& a, const LayerSettings& b) {
    return a.id == b.id && a.title == b.title && a.path == b.path && a.visible == b.visible && a.opacity == b.opacity &&
           sameStyle(a.style, b.style) && a.min_zoom == b.min_zoom && a.raster == b.raster && a.renderer_index == b.renderer_index &&
           a.more_renderer_indices == b.more_renderer_indices && a.labelled_points == b.labelled_points;
}

std::string hexColour(std::uint32_t rgba) {
    char text[16];
    std::snprintf(text, sizeof text, "#%08x", rgba);
    return text;
}

std::uint32_t parseColour(const nlohmann::json& value, const std::string& source) {
    const std::string text = value.get<std::string>();
    if (text.size() != 9 || text[0] != '#') {
        throw geo::Error(geo::ErrorKind::CorruptData, source + ": colour \"" + text + "\" is not #rrggbbaa");
    }
    char* end = nullptr;
    const unsigned long parsed = std::strtoul(text.c_str() + 1, &end, 16);
    if (*end != '\0') throw geo::Error(geo::ErrorKind::CorruptData, source + ": colour \"" + text + "\" is not #rrggbbaa");
    return static_cast<std::uint32_t>(parsed);
}

}  // namespace

bool MapSettings::operator==(const MapSettings& o) const {
    if (layers.size() != o.layers.size()) return false;
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (!sameLayer(layers[i], o.layers[i])) return false;
    return projection == o.projection && terrain == o.terrain &&
           show_graticule == o.show_graticule && show_towns == o.show_towns && cluster_markers == o.cluster_markers &&
           show_north_arrow == o.show_north_arrow && dems == o.dems;
}

MapSettings defaultMapSettings(const geo::Basemap& basemap) {
    MapSettings settings;
    for (std::size_t i = 0; i < basemap.layers.size(); ++i) {
        const geo::StyledLayer& layer = basemap.layers[i];
        LayerSettings entry;
        entry.id = layer.id.empty() ? layer.layer.name : layer.id;
        entry.title = layer.title.empty() ? entry.id : layer.title;
        entry.visible = layer.visible;
        entry.style = layer.style;
        entry.min_zoom = layer.min_zoom;
        entry.renderer_index = i;
        settings.layers.push_back(entry);
    }
    return settings;
}

MapSettings mergeSavedSettings(const MapSettings& defaults, const MapSettings& saved) {
    MapSettings merged = saved;
    merged.layers.clear();
    std::vector<bool> used(defaults.layers.size(), false);
    for (const LayerSettings& entry : saved.layers) {
        bool known = false;
        for (std::size_t i = 0; i < defaults.layers.size(); ++i) {
            if (used[i] || defaults.layers[i].id != entry.id) continue;
            LayerSettings layer = entry;
            layer.title = defaults.layers[i].title;
            layer.path = defaults.layers[i].path;
            layer.renderer_index = defaults.layers[i].renderer_index;
            merged.layers.push_back(layer);
            used[i] = known = true;
            break;
        }
        if (!known && !entry.path.empty()) {
            LayerSettings layer = entry;
            layer.renderer_index = kLayerNotLoaded;
            merged.layers.push_back(layer);
        }
    }
    // Layers new since the save go right after the layer that precedes them by default.
    for (std::size_t i = 0; i < defaults.layers.size(); ++i) {
        if (used[i]) continue;
        std::size_t at = 0;
        if (i > 0) {
            for (std::size_t k = 0; k < merged.layers.size(); ++k)
                if (merged.layers[k].id == defaults.layers[i - 1].id) at = k + 1;
        }
        merged.layers.insert(merged.layers.begin() + static_cast<long>(at), defaults.layers[i]);
        used[i] = true;
    }
    return merged;
}

std::string mapSettingsPath() { return (std::filesystem::path(configDir()) / "map.json").string(); }

std::string mapSettingsToJson(const MapSettings& settings) {
    nlohmann::json layers = nlohmann::json::array();
    for (const LayerSettings& layer : settings.layers) {
        nlohmann::json entry{{"id", layer.id},
                             {"visible", layer.visible},
                             {"opacity", layer.opacity},
                             {"line", hexColour(layer.style.line_rgba)},
                             {"line_width", layer.style.line_width_px},
                             {"fill", hexColour(layer.style.fill_rgba)},
                             {"min_zoom", layer.min_zoom}};
        if (!layer.path.empty()) {
            entry["path"] = layer.path;
            entry["title"] = layer.title;
        }
        layers.push_back(entry);
    }
    const nlohmann::json json{{"version", kSettingsVersion},
                              {"projection", geo::projectionName(settings.projection)},
                              {"layers", layers},
                              {"sun_azimuth_deg", settings.terrain.sun_azimuth_deg},
                              {"sun_elevation_deg", settings.terrain.sun_elevation_deg},
                              {"vertical_exaggeration", settings.terrain.vertical_exaggeration},
                              {"show_terrain", settings.terrain.show_terrain},
                              {"terrain_opacity", settings.terrain.terrain_opacity},
                              {"show_graticule", settings.show_graticule},
                              {"show_towns", settings.show_towns},
                              {"cluster_markers", settings.cluster_markers},
                              {"show_north_arrow", settings.show_north_arrow},
                              {"dems", settings.dems}};
    return json.dump(2) + "\n";
}

MapSettings mapSettingsFromJson(const std::string& text, const std::string& source) {
    MapSettings settings;
    try {
        const nlohmann::json json = nlohmann::json::parse(text);
        if (!json.is_object()) throw geo::Error(geo::ErrorKind::CorruptData, source + ": map settings are not a JSON object");
        if (json.value("version", 0) != kSettingsVersion) {
            throw geo::Error(geo::ErrorKind::CorruptData, source + ": unknown map settings version");
        }
        const std::string projection = json.value("projection", std::string("webmercator"));
        const auto kind = geo::parseProjectionName(projection);
        if (!kind) throw geo::Error(geo::ErrorKind::CorruptData, source + ": unknown projection \"" + projection + "\"");
        settings.projection = *kind;
        for (const nlohmann::json& entry : json.at("layers")) {
            LayerSettings layer;
            layer.id = entry.at("id").get<std::string>();
            layer.visible = entry.value("visible", true);
            layer.opacity = entry.value("opacity", 1.0f);
            layer.style.line_rgba = parseColour(entry.at("line"), source);
            layer.style.line_width_px = entry.value("line_width", 1.0f);
            layer.style.fill_rgba = parseColour(entry.at("fill"), source);
            layer.min_zoom = entry.value("min_zoom", 0.0);
            layer.path = entry.value("path", std::string());
            layer.title = entry.value("title", layer.id);
            settings.layers.push_back(layer);
        }
        settings.terrain.sun_azimuth_deg = json.value("sun_azimuth_deg", settings.terrain.sun_azimuth_deg);
        settings.terrain.sun_elevation_deg = json.value("sun_elevation_deg", settings.terrain.sun_elevation_deg);
        settings.terrain.vertical_exaggeration = json.value("vertical_exaggeration", settings.terrain.vertical_exaggeration);
        settings.terrain.show_terrain = json.value("show_terrain", settings.terrain.show_terrain);
        settings.terrain.terrain_opacity = json.value("terrain_opacity", settings.terrain.terrain_opacity);
        settings.show_graticule = json.value("show_graticule", settings.show_graticule);
        settings.show_towns = json.value("show_towns", settings.show_towns);
        settings.cluster_markers = json.value("cluster_markers", settings.cluster_markers);
        settings.show_north_arrow = json.value("show_north_arrow", settings.show_north_arrow);
        if (json.contains("dems")) settings.dems = json.at("dems").get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw geo::Error(geo::ErrorKind::CorruptData, source + ": damaged map settings (" + e.what() + ")");
    }
    return settings;
}

std::optional<MapSettings> loadMapSettings(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return mapSettingsFromJson(text.str(), path);
}

void saveMapSettings(const MapSettings& settings, const std::string& path) {
    const std::filesystem::path target(path);
    std::error_code error;
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), error);
    if (error) throw geo::Error(geo::ErrorKind::Io, path + ": cannot create its folder (" + error.message() + ")");
    geo::writeFileAtomically(path, mapSettingsToJson(settings), "the map settings");
}

FrameStyle frameStyleFor(const MapSettings& settings, const geo::MapProjection& projection) {
    FrameStyle style;
    style.projection = projection;
    style.terrain = settings.terrain;
    style.show_graticule = settings.show_graticule;
    for (const LayerSettings& layer : settings.layers) {
        if (!layer.visible || layer.renderer_index == kLayerNotLoaded) continue;
        LayerDraw draw;
        draw.layer = layer.renderer_index;
        draw.style = layer.style;
        draw.opacity = layer.opacity;
        draw.min_zoom = layer.min_zoom;
        style.layers.push_back(draw);
        for (const std::size_t more : layer.more_renderer_indices) {
            draw.layer = more;
            style.layers.push_back(draw);
        }
    }
    // Nothing visible must not fall back to "every layer": keep an explicitly empty order drawable.
    if (style.layers.empty() && !settings.layers.empty()) {
        LayerDraw none;
        none.layer = static_cast<std::size_t>(-1);
        style.layers.push_back(none);
    }
    return style;
}

}  // namespace app
