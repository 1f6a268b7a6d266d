// app/map_settings.hpp — how the map is drawn, as the reader set it in the layers panel: the
// projection, each layer's visibility, order, opacity, colours and minimum zoom, the terrain's sun
// and vertical exaggeration, and the map furniture switches. Kept between runs as JSON in
// $XDG_CONFIG_HOME/textatlas/map.json (written atomically: temporary file, then rename), or in a
// text's project. The DEMs the reader added (Map → Add elevation…) are kept here by path.
// Turning settings into a FrameStyle is here too; drawing the panel is app/ui/layers_panel, adding
// a layer's file to the renderer is app/layer_files. No GL, no ImGui and no layer files here.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/map_style.hpp"
#include "geo/basemap.hpp"
#include "geo/map_projection.hpp"

namespace app {

struct LayerSettings {
    std::string id;     // basemap file name, or the added file's path
    std::string title;
    std::string path;   // set for layers the reader added (File → Add layer…), loaded again at start
    bool visible = true;
    float opacity = 1.0f;
    geo::LayerStyle style;
    double min_zoom = 0.0;
    bool raster = false;             // a raster's picture: only visibility, order and opacity apply (not saved)
    std::size_t renderer_index = 0;  // the layer's index in render::MapRenderer (not saved)
    // An added vector file holding several kinds of geometry (a GeoJSON of polygons, lines and
    // points) is one renderer layer per kind: these after renderer_index, drawn above it with the
    // same settings (not saved).
    std::vector<std::size_t> more_renderer_indices;
    // The named points of an added vector file, labelled on the map (not saved).
    std::shared_ptr<const geo::VectorLayer> labelled_points;
};

// renderer_index of a saved added layer not loaded yet (mergeSavedSettings).
constexpr std::size_t kLayerNotLoaded = static_cast<std::size_t>(-1);

struct MapSettings {
    geo::MapProjectionKind projection = geo::MapProjectionKind::WebMercator;
    std::vector<LayerSettings> layers;  // drawing order, first at the bottom
    TerrainStyle terrain;          // sun, exaggeration, terrain shown and its opacity
    bool show_graticule = false;
    bool show_towns = true;        // GeoNames towns as labelled reference points
    bool cluster_markers = true;   // nearby markers merge into one with a count at low zoom
    bool show_north_arrow = true;
    // DEM files or folders the reader added (Map → Add elevation…), in the order added; opened
    // again when the settings are restored (app/ui/layers_panel). Not the --dem or XDG folder ones.
    std::vector<std::string> dems;

    bool operator==(const MapSettings& other) const;
    bool operator!=(const MapSettings& other) const { return !(*this == other); }
};

// The basemap's layers in their own order and style (renderer_index = position in the basemap).
MapSettings defaultMapSettings(const geo::Basemap& basemap);

// `defaults` with what was saved laid over it: saved layers known by id take their saved style,
// visibility and order (unknown ids are dropped unless they have a path: those are returned in
// the result with renderer_index unset, for the caller to load); layers the save does not know
// keep their default place after their predecessor.
MapSettings mergeSavedSettings(const MapSettings& defaults, const MapSettings& saved);

// $XDG_CONFIG_HOME/textatlas/map.json, or ~/.config/textatlas/map.json.
std::string mapSettingsPath();

std::string mapSettingsToJson(const MapSettings& settings);
// Throws geo::Error(CorruptData) naming `source` if the text is not settings JSON.
MapSettings mapSettingsFromJson(const std::string& text, const std::string& source);
// nullopt if the file does not exist; throws geo::Error(CorruptData) naming it if it is damaged.
std::optional<MapSettings> loadMapSettings(const std::string& path);
// Creates the folder if needed; throws geo::Error(Io) naming the path on failure.
void saveMapSettings(const MapSettings& settings, const std::string& path);

// The renderer's style for these settings in `projection`.
FrameStyle frameStyleFor(const MapSettings& settings, const geo::MapProjection& projection);

}  // namespace app
