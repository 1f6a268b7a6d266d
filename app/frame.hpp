// app/frame.hpp — one complete map picture (terrain, layers, markers, labels, scale bar,
// attribution) rendered offscreen to an image. `textatlas render`, the headless default of the
// viewer and the viewer's screenshot all call this, so every face draws the same map.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/render/image.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/overlay_renderer.hpp"
#include "app/state.hpp"
#include "app/ui/print_furniture.hpp"
#include "geo/basemap.hpp"

namespace app {
namespace ui {
struct OverlayLayout;
}

// The GL objects a frame needs; created once per context.
struct FrameRenderers {
    render::MapRenderer map;
    render::OverlayRenderer overlay;
    std::vector<std::string> attribution;
    std::vector<geo::Town> towns;  // the labelled reference layer
    ui::LocatorOutline locator;    // coasts and borders for an export's inset map

    // For exports at a print resolution, font_px is 15 × FrameOptions::dpi_scale (crisp text).
    explicit FrameRenderers(const geo::Basemap& basemap, float font_px = 15.0f)
        : map(basemap), overlay(font_px), attribution(basemap.attribution), towns(basemap.towns),
          locator(ui::locatorOutline(basemap)) {}
};

// Renders state.view (its size is the image size). `left_inset_px` keeps the scale bar clear of a
// panel when the picture matches a window with a side panel.
// The map is drawn in state.projection with state.map's layers and terrain; `layout_out`, if
// given, receives where the overlay put labels and markers.
render::Image renderFrame(FrameRenderers& renderers, const AppState& state, float left_inset_px = 0.0f,
                          ui::OverlayLayout* layout_out = nullptr, bool edge_indicators = false);

// What an exported picture adds to the screen's: print resolution and furniture.
struct FrameOptions {
    // Fonts, line widths, markers and furniture this many times their screen size (dpi / 96): the
    // picture is the one a screen of width/dpi_scale × height/dpi_scale pixels would show, drawn
    // finer. Text is crisp when the overlay's font is rasterised at label_px × dpi_scale.
    float dpi_scale = 1.0f;
    float label_px = 15.0f;            // the labels' size on screen
    std::string title;                 // empty: no title banner
    bool legend = false;
    std::optional<bool> north_arrow;   // unset: as state.map.show_north_arrow
    bool inset = false;                // the inset locator map
    int max_tile_px = 0;               // largest tile side (0: render::kDefaultMaxTilePx)
    std::optional<geo::Viewport> view; // the picture's view and size; unset: state.view
    // Draws labels and furniture instead of renderers.overlay (a font rasterised for this
    // dpi_scale while the viewer's renderers keep the screen's); must live in the same GL context.
    render::OverlayRenderer* overlay = nullptr;
    // Scale bar, north arrow and attribution (a clean GeoTIFF has none unless asked for).
    bool map_furniture = true;
    bool edge_indicators = false;   // arrows to the text's places outside the picture (as the viewer)
    // The north arrow as the screen draws it (the map settings'), not the print furniture's.
    bool screen_north_arrow = false;
};

// Where things went, in the image's pixels.
struct FrameLayout {
    ui::OverlayLayout overlay;       // labels, markers and scale bar
    ui::FurnitureLayout furniture;   // title, legend, north arrow, inset
    int tiles = 0;                   // framebuffers the image was rendered in
};

// renderFrame for export: any size up to render::kMaxImageSide (rendered in tiles where needed,
// the overlay laid out once for the whole image), at a print resolution, with furniture. Shows
// the texts' places, the selection, the projection and the map settings, not hover, the measure
// tool or the tour. Throws geo::Error(InvalidInput) for a size over the limits.
render::Image renderExportFrame(FrameRenderers& renderers, const AppState& state, const FrameOptions& options,
                                FrameLayout* layout_out = nullptr);

// Where renderExportFrame would put the labels, markers and furniture, without drawing the map.
FrameLayout exportFrameLayout(FrameRenderers& renderers, const AppState& state, const FrameOptions& options);

// What F12 saves: the map as the window shows it — the part beside the side panel and between the
// menu and status bars (app/framing's visibleMapArea), with its labels, scale bar, attribution and
// edge indicators laid out as on screen — at `scale` times the pixels, labels, markers and lines
// `scale` times their size (as `render --dpi` sizes them), HiDPI's ui_scale included. Selection,
// an opened cluster and a found place show; hover, the measure tool and the tour do not.
render::Image renderVisibleMap(FrameRenderers& renderers, const AppState& state, int scale,
                               FrameLayout* layout_out = nullptr);
// The view renderVisibleMap draws at scale 1 (the visible area's size, centred on it).
geo::Viewport visibleMapView(const AppState& state);

}  // namespace app
