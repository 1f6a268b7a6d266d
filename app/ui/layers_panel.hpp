// app/ui/layers_panel.hpp — Map → Layers…: a Dear ImGui window listing the map's layers (top of
// the list = drawn on top) with visibility, order, opacity, colours, line width and minimum zoom;
// the terrain's sun direction, vertical exaggeration and opacity; graticule, towns, clustering and
// north arrow switches; Add layer… (any GDAL vector or raster file, reprojected to lon/lat on
// load; see addLayerFile in app/layer_files); and the DEMs used as terrain, with Add elevation… (any
// GDAL DEM or a folder of tiles, geo::openDems) and Remove for those the reader added, which the
// settings keep by path (MapSettings::dems) and which are given to the renderer here (addDem,
// removeDem) and to the state by AddElevation / RemoveElevation; a DEM that cannot be opened is
// one line in the status bar. Edits go through SetMapSettings; once an edit is
// finished the settings are saved: into the active text's project when it has one (the viewer
// writes it, MarkProjectChanged), else atomically into map.json, the default for texts without a
// project. init() restores them at start, adopt() when a text with saved layers is opened. Also
// the Map menu. It does not draw the map.
#pragma once
#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/map_settings.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/open_dialog.hpp"
#include "geo/basemap.hpp"

namespace app::ui {

class LayersPanel {
public:
    LayersPanel() = default;
    ~LayersPanel();
    LayersPanel(const LayersPanel&) = delete;
    LayersPanel& operator=(const LayersPanel&) = delete;
    // state.map becomes the basemap's defaults with the text's project settings laid over them,
    // or, when it has none, the settings saved at `settings_path`; layers the reader added before
    // are loaded again into `renderer` (a file that fails to load is dropped and reported in
    // state.status), and so are the DEMs they name (added to state.dems too). The saved
    // projection is applied.
    void init(AppState& state, const geo::Basemap& basemap, render::MapRenderer& renderer,
              const std::string& settings_path = mapSettingsPath(),
              const std::optional<MapSettings>& project_settings = std::nullopt);
    // A text whose project holds map settings was opened: they are laid over the defaults, their
    // added layers loaded (reusing files already on the map) and pushed as SetMapSettings; DEMs
    // it names that are not on the map are added, and added DEMs it does not name removed.
    void adopt(const MapSettings& project_settings, const AppState& state, ActionQueue& actions,
               render::MapRenderer& renderer);
    // Draws the window when state.show_layers_panel; saves the settings once edits settle.
    void draw(const AppState& state, ActionQueue& actions, render::MapRenderer& renderer);

private:
    // A DEM file or folder the reader added, as given to the renderer.
    struct AddedDem {
        std::string path;
        std::vector<std::shared_ptr<const geo::Dem>> dems;
    };
    void save(const AppState& state, const MapSettings& settings, ActionQueue& actions);
    // Opens `path` and gives its DEMs to `renderer`; throws geo::Error naming the file.
    const AddedDem& addDem(const std::string& path, render::MapRenderer& renderer);
    void removeDem(std::size_t index, render::MapRenderer& renderer);
    // Map → Add layer…: a file dialog titled for it, listing GIS files (GDAL vector and raster formats).
    void showAddLayerDialog(const AppState& state);
    void showElevationDialog(const AppState& state);
    // The chosen file or folder added (or why not, in the status bar); true when `edited` changed.
    bool addChosenDem(const std::string& chosen, const AppState& state, MapSettings& edited, ActionQueue& actions,
                      render::MapRenderer& renderer);
    void drawElevation(const AppState& state, MapSettings& edited, bool& changed, ActionQueue& actions,
                       render::MapRenderer& renderer);
    std::vector<AddedDem> added_dems_;
    // Averaged overviews of large DEMs being made on worker threads (app/user_dems), and the DEMs
    // already given them or being given them.
    std::vector<std::pair<std::string, std::future<std::string>>> overviews_;
    // Set when the panel goes (the viewer quits): an overview being made stops instead of holding it up.
    std::shared_ptr<std::atomic<bool>> stop_overviews_ = std::make_shared<std::atomic<bool>>(false);
    std::vector<const geo::Dem*> overviews_asked_;
    void updateOverviews(const AppState& state, ActionQueue& actions);
    std::string settings_path_;
    MapSettings defaults_;
    MapSettings saved_;
    bool adopting_ = false;
    OpenDialog add_dialog_;
    OpenDialog elevation_dialog_;
};

// What Map → Add elevation… lists: DEM files GDAL reads (lower case, with the dot).
const std::vector<std::string>& demFileExtensions();

// The "Map" menu of the main menu bar: projection, layers panel, add layer, add elevation,
// furniture switches.
void drawMapMenu(const AppState& state, ActionQueue& actions);

}  // namespace app::ui
