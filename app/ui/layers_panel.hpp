// app/ui/layers_panel.hpp — Map → Layers…: a Dear ImGui window listing the map's layers (top of
// the list = drawn on top) with visibility, order, opacity, colours, line width and minimum zoom;
// the terrain's sun direction, vertical exaggeration and opacity; graticule, towns, clustering and
// north arrow switches; and Add layer… (any GDAL vector or raster file, reprojected to lon/lat on
// load; see addLayerFile in app/layer_files). Edits go through SetMapSettings; once an edit is
// finished the settings are saved: into the active text's project when it has one (the viewer
// writes it, MarkProjectChanged), else atomically into map.json, the default for texts without a
// project. init() restores them at start, adopt() when a text with saved layers is opened. Also
// the Map menu. It does not draw the map.
#pragma once
#include <optional>
#include <string>

#include "app/actions.hpp"
#include "app/map_settings.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/open_dialog.hpp"
#include "geo/basemap.hpp"

namespace app::ui {

class LayersPanel {
public:
    // state.map becomes the basemap's defaults with the text's project settings laid over them,
    // or, when it has none, the settings saved at `settings_path`; layers the reader added before
    // are loaded again into `renderer` (a file that fails to load is dropped and reported in
    // state.status). The saved projection is applied.
    void init(AppState& state, const geo::Basemap& basemap, render::MapRenderer& renderer,
              const std::string& settings_path = mapSettingsPath(),
              const std::optional<MapSettings>& project_settings = std::nullopt);
    // A text whose project holds map settings was opened: they are laid over the defaults, their
    // added layers loaded (reusing files already on the map) and pushed as SetMapSettings.
    void adopt(const MapSettings& project_settings, const AppState& state, ActionQueue& actions,
               render::MapRenderer& renderer);
    // Draws the window when state.show_layers_panel; saves the settings once edits settle.
    void draw(const AppState& state, ActionQueue& actions, render::MapRenderer& renderer);

private:
    void save(const AppState& state, const MapSettings& settings, ActionQueue& actions);
    std::string settings_path_;
    MapSettings defaults_;
    MapSettings saved_;
    bool adopting_ = false;
    OpenDialog add_dialog_;
};

// The "Map" menu of the main menu bar: projection, layers panel, add layer, furniture switches.
void drawMapMenu(const AppState& state, ActionQueue& actions);

}  // namespace app::ui
