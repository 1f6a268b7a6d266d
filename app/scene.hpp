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

// Markers in drawing order: other open texts' places (muted) first, then the active text's plain
// places, then hovered, then selected on top. For marker i, `place_of_marker[i]` is the place index
// in its text and `text_of_marker[i]` is nullopt for the active text or the index in other_docs.
struct MarkerScene {
    std::vector<render::MarkerInstance> markers;
    std::vector<std::size_t> place_of_marker;
    std::vector<std::optional<std::size_t>> text_of_marker;
};
MarkerScene buildMarkers(const AppState& state);

// Screen pixel of a lon/lat in the current view, and back (none where the map has no point).
geo::XY pixelOf(const AppState& state, const geo::LonLat& point);
std::optional<geo::LonLat> lonLatAtPixel(const AppState& state, double x_px, double y_px);

// The active text's place whose marker covers pixel (x, y) — the top-most one if several overlap — or none.
std::optional<std::size_t> pickPlace(const AppState& state, double x_px, double y_px, double slop_px = 3.0);
// The other open text (index in other_docs) whose marker covers pixel (x, y), if no active marker does.
std::optional<std::size_t> pickOtherText(const AppState& state, double x_px, double y_px, double slop_px = 3.0);

}  // namespace app
