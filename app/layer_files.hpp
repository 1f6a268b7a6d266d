// app/layer_files.hpp — the reader's own layer files (File → Add layer…, `render --layer`, and the
// added layers a saved map names) read through GDAL and handed to the renderer. The settings
// (app/map_settings) only name the files; this is where they are loaded.
#pragma once
#include <string>
#include <vector>

#include "app/map_settings.hpp"
#include "app/render/map_renderer.hpp"

namespace app {

// Adds the file at `path` to `renderer` and returns its settings entry (drawn on top): a vector
// file (GeoJSON, Shapefile, GeoPackage, KML… reprojected to lon/lat) with every kind of geometry
// it holds — fills, lines and points, one renderer layer each, its named points labelled on the
// map (LayerSettings::labelled_points) — in the added-layer colours, or a raster (GeoTIFF or any GDAL raster, warped to lon/lat) as a
// picture. Shared by File → Add layer… and `textatlas render --layer`. Throws geo::Error with one
// line naming the file if GDAL cannot read it.
LayerSettings addLayerFile(const std::string& path, render::MapRenderer& renderer);

// Loads every added layer of `settings` that is not in `renderer` yet (renderer_index ==
// kLayerNotLoaded). A file that fails to load is dropped from the settings and its error
// appended to `problems` (one line each).
void loadAddedLayers(MapSettings& settings, render::MapRenderer& renderer, std::vector<std::string>& problems);

}  // namespace app
