// app/ui/layers_panel.hpp — Map → Layers…: a Dear ImGui window listing the map's layers (top of
// the list = drawn on top) with visibility, order, opacity, colours, line width and minimum zoom;
// the terrain's sun direction, vertical exaggeration and opacity; graticule, towns, clustering and
// north arrow switches; and Add layer… (any GDAL/OGR vector file, reprojected to lon/lat on load).
// Edits go through SetMapSettings; the settings are saved (atomically) once an edit is finished,
// and restored at start by init(). Also the Map menu. It does not draw the map.
#pragma once
#include <string>

#include "app/actions.hpp"
#include "app/map_settings.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/open_dialog.hpp"
#include "geo/basemap.hpp"

namespace app::ui {

class LayersPanel {
public:
    // state.map becomes the basemap's defaults with the settings saved at `settings_path` laid
    // over them; layers the reader added before are loaded again into `renderer` (a file that
    // fails to load is dropped and reported in state.status). The saved projection is applied.
    void init(AppState& state, const geo::Basemap& basemap, render::MapRenderer& renderer,
              const std::string& settings_path = mapSettingsPath());
    // Draws the window when state.show_layers_panel; saves the settings once edits settle.
    void draw(const AppState& state, ActionQueue& actions, render::MapRenderer& renderer);

private:
    void save(const MapSettings& settings, ActionQueue& actions);
    std::string settings_path_;
    MapSettings saved_;
    OpenDialog add_dialog_;
};

// Adds the vector file at `path` to `renderer` and returns its settings entry (drawn on top).
// Throws geo::Error naming the file if OGR cannot read it.
LayerSettings addLayerFile(const std::string& path, render::MapRenderer& renderer);

// The "Map" menu of the main menu bar: projection, layers panel, add layer, furniture switches.
void drawMapMenu(const AppState& state, ActionQueue& actions);

}  // namespace app::ui
