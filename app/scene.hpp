// app/scene.hpp — what the map shows for an AppState, computed without GL: one marker per place
// (size by mention count, colour by selection and hover) and picking of the marker under a pixel.
// The viewer and `textatlas render` both build their markers here, so both faces draw the same map.
#pragma once
#include <optional>
#include <vector>

#include "app/render/map_renderer.hpp"
#include "app/state.hpp"

namespace app {

// Marker radius in pixels for a place mentioned `mentions` times (grows with the square root).
float markerRadiusPx(std::size_t mentions);

// Markers in drawing order: plain places first, then hovered, then selected on top.
// `place_of_marker[i]` is the extraction place index of marker i.
struct MarkerScene {
    std::vector<render::MarkerInstance> markers;
    std::vector<std::size_t> place_of_marker;
};
MarkerScene buildMarkers(const AppState& state);

// The place whose marker covers pixel (x, y) — the top-most one if several overlap — or none.
std::optional<std::size_t> pickPlace(const AppState& state, double x_px, double y_px, double slop_px = 3.0);

}  // namespace app
