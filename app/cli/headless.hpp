// app/cli/headless.hpp — the whole pipeline with no window: read a text, find its places, render
// the map through an EGL surfaceless context and write a PNG, or a GeoTIFF when the output path
// ends in .tif/.tiff.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/state.hpp"
#include "geo/lonlat.hpp"
#include "geo/map_projection.hpp"

namespace app::cli {

struct RenderRequest {
    std::string text_path;
    std::string out_path;  // PNG or GeoTIFF; empty: the PNG is kept in RenderResult::png, no file
    int width = 1280;
    int height = 800;
    std::optional<geo::LonLat> center;  // with zoom; otherwise the view fits all places
    double zoom = 0.0;
    // The map's projection, centred on `center` (or on the places); the globe shows the whole
    // globe unless a zoom is given.
    geo::MapProjectionKind projection = geo::MapProjectionKind::WebMercator;
    // If set, {"labels": [{"text","x","y","w","h"}], "markers": [{"place","x","y","w","h",…}],
    // "outside": […], "furniture": {"title"|"legend"|"north_arrow"|"inset": {"x","y","w","h"}}}
    // is written there: the pixel rectangles (top-left corner) of what was drawn.
    std::string layout_json_path;
    // Export: with dpi > 0, fonts, lines and markers are sized for that many dots per inch (96 is
    // the screen), and the picture is what a (width, height) × 96/dpi screen would show, finer —
    // the fitted view, or `zoom` on that screen. Sizes beyond the GPU's limit render in tiles.
    double dpi = 0.0;
    std::string title;
    bool legend = false;
    bool inset = false;                 // inset locator map
    std::optional<bool> north_arrow;    // unset: the map settings' default
    int max_tile_px = 0;                // 0: render::kDefaultMaxTilePx
    // Files drawn over the basemap, in order (the last on top), as File → Add layer… adds them:
    // any GDAL vector file, or any GDAL raster drawn as a picture.
    std::vector<std::string> layers;
    // The user's DEMs (--dem: files or folders of tiles), used as terrain with those in
    // $XDG_DATA_HOME/textatlas/dem (app/user_dems).
    std::vector<std::string> dems;
};

struct RenderResult {
    std::size_t place_count = 0;
    geo::Viewport view{1, 1, geo::XY{0, 0}, 0.0};
    int tiles = 1;  // framebuffers the image was rendered in
    std::vector<std::string> attribution;  // the basemap's sources, one line each
    std::vector<std::string> warnings;     // the text's project could not be read or re-anchored; a DEM
                                           // of the XDG folder could not be opened
    std::string png;                       // the picture, when the request had no out_path
};

// The basemap's sources on one line (a GeoTIFF's TIFFTAG_COPYRIGHT).
std::string attributionLine(const std::vector<std::string>& sources);

// True for paths ending in .tif or .tiff (any case): write a GeoTIFF.
bool isGeoTiffPath(const std::string& path);

// The text's places are those the viewer shows: found, then corrected by the text's project if
// it has one (app/project_io). Throws geo::Error for bad input and std::runtime_error when no GL context can be made.
RenderResult renderHeadless(const RenderRequest& request, const std::string& argv0, AppState* state_out = nullptr);

}  // namespace app::cli
