// app/map_style.hpp — the value types the map's model (settings, scene) and the renderer share:
// how the terrain is lit and shown (TerrainStyle), how each layer is drawn in a frame (LayerDraw),
// the whole frame's style (FrameStyle) and a marker to draw (MarkerInstance). Plain values: no
// GL, no file loading; app/render draws them, app/map_settings makes them from the reader's settings.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/basemap.hpp"
#include "geo/lonlat.hpp"
#include "geo/map_projection.hpp"

namespace app {

// The terrain's light and how much of it shows: one type for the settings and the frame.
struct TerrainStyle {
    float sun_azimuth_deg = 315.0f;
    float sun_elevation_deg = 45.0f;
    float vertical_exaggeration = 1.5f;
    bool show_terrain = true;
    float terrain_opacity = 1.0f;
};
bool operator==(const TerrainStyle& a, const TerrainStyle& b);
inline bool operator!=(const TerrainStyle& a, const TerrainStyle& b) { return !(a == b); }

struct MarkerInstance {
    geo::XY position;           // in the frame's projection, metres (EPSG:3857 for Web Mercator)
    float radius_px = 7.0f;
    std::uint32_t fill_rgba = 0xd7301fff;    // 0xRRGGBBAA
    std::uint32_t outline_rgba = 0xffffffff;
};

// How one layer is drawn in a frame.
struct LayerDraw {
    std::size_t layer = 0;  // index among the renderer's layers (the basemap's, then added ones)
    geo::LayerStyle style;
    float opacity = 1.0f;   // multiplies the style's alphas
    double min_zoom = 0.0;  // not drawn below this zoom
};

struct FrameStyle {
    std::uint32_t background_rgba = 0xaad3dfff;  // sea / no data
    std::uint32_t space_rgba = 0xf4f3efffu;      // beyond the world's edge (globe, LAEA, UTM)
    TerrainStyle terrain;
    bool show_graticule = false;
    std::uint32_t graticule_rgba = 0x3c4b5a70u;
    geo::MapProjection projection;  // Web Mercator unless set
    // The layers in drawing order (first at the bottom), each with its style; layers not listed
    // are not drawn. Empty: every layer in its own order and style, if visible.
    std::vector<LayerDraw> layers;
};

// What a frame shows where nothing is drawn: the sea in Web Mercator, space in the other projections.
inline std::uint32_t backgroundColour(const FrameStyle& style) {
    return style.projection.isWebMercator() ? style.background_rgba : style.space_rgba;
}

// Two styles draw the same map (the same projection, layers, colours and terrain settings).
bool operator==(const FrameStyle& a, const FrameStyle& b);
inline bool operator!=(const FrameStyle& a, const FrameStyle& b) { return !(a == b); }

}  // namespace app
