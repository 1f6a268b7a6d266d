// app/scene.hpp — what the map shows for an AppState, computed without GL: one marker per place
// (size by mention count, colour by selection and hover) at the place's position in the map's
// projection, markers that would overlap merged into clusters, and picking of the marker under a pixel.
// The viewer and `textatlas render` both build their markers here, so both faces draw the same map.
#pragma once
#include <optional>
#include <vector>

#include "app/map_style.hpp"
#include "app/state.hpp"

namespace app {

// Marker radius in pixels for a place mentioned `mentions` times (grows with the square root), at
// standard density; markers, cluster growth and picking slop are multiplied by state.ui_scale.
float markerRadiusPx(std::size_t mentions);

// Markers in drawing order: other open texts' places (muted) first, then the active text's plain
// places, then hovered, then selected on top. For marker i, `place_of_marker[i]` is the place index
// in its text and `text_of_marker[i]` is nullopt for the active text or the index in other_docs.
// Places the projection does not show (the far side of the globe) get no marker.
// `cluster_size[i]` is how many of the text's places marker i stands for (1 unless clustered),
// `members[i]` those places (its own place first). The places of an opened cluster that share a
// spot (state.spread) are fanned out round it and never clustered.
struct MarkerScene {
    std::vector<MarkerInstance> markers;
    std::vector<std::size_t> place_of_marker;
    std::vector<std::optional<std::size_t>> text_of_marker;
    std::vector<std::size_t> cluster_size;
    std::vector<std::vector<std::size_t>> members;
};
MarkerScene buildMarkers(const AppState& state);

// The active text's markers that overlap on screen merged: the most mentioned (selected and
// hovered ones first, and never absorbed) leads, the others join the first leader they overlap;
// a leader of several is drawn larger and darker, its cluster_size counting them. Zooming in
// spreads the markers apart, so clusters split. Other texts' markers pass through unchanged.
MarkerScene clusterMarkers(const AppState& state, const MarkerScene& scene);
// What the map draws and picks: buildMarkers, clustered if state.map.cluster_markers.
MarkerScene drawnMarkers(const AppState& state);
// The drawn marker of the active text's place `place` (alone or leading a cluster), if any.
std::optional<std::size_t> markerOfPlace(const MarkerScene& scene, std::size_t place);

// Where the fanned-out member `index` of state.spread is drawn, in plane metres (the spot itself
// when state.spread is not open or does not hold it).
std::optional<geo::XY> spreadPosition(const AppState& state, std::size_t place);

// What the window's map draws its layers with: frameStyleFor(state.map, state.projection) with line
// widths multiplied by state.ui_scale (HiDPI).
FrameStyle screenFrameStyle(const AppState& state);

// Switches state.projection to `kind`, centred on the view's centre (UTM: its zone), keeping the
// ground scale at the centre; the globe is shown whole. Cancels any flight. Throws geo::Error if
// PROJ refuses the projection.
void setMapProjection(AppState& state, geo::MapProjectionKind kind);

// Where state.projection puts place `place` of `doc`, in plane metres (none: not shown there).
// Cached in doc (refreshed when the projection or the place's lon/lat changes).
std::optional<geo::XY> placePosition(const AppState& state, const OpenDocument& doc, std::size_t place);

// The selected place's shape in the map's plane (nullptr: nothing selected, no shapes file, or no
// shape for it). Read from state.shapes once per place and projected once per projection.
const ProjectedShape* selectedShape(const AppState& state);

// Web Mercator's plane repeats every 360° of longitude and the map draws the copies beside
// (render/map_renderer): `xy` moved by whole worlds to the copy nearest the view's centre, so a place
// just across the antimeridian is drawn, labelled, counted and picked beside the view rather than a
// world away. Other projections have one copy: `xy` unchanged.
geo::XY nearestWorldCopy(const AppState& state, const geo::XY& xy);

// Screen pixel of a lon/lat in the current view (the nearest world copy), and back (none where the map has no point).
geo::XY pixelOf(const AppState& state, const geo::LonLat& point);
std::optional<geo::LonLat> lonLatAtPixel(const AppState& state, double x_px, double y_px);

// The active text's marker under pixel (x, y): its place and, for a cluster, every place it holds.
struct PickedMarker {
    std::size_t place = 0;
    std::vector<std::size_t> members;  // the place first; more than one for a cluster
};
std::optional<PickedMarker> pickMarker(const AppState& state, double x_px, double y_px, double slop_px = 3.0);
// The active text's place whose marker covers pixel (x, y) — the top-most one if several overlap — or none.
std::optional<std::size_t> pickPlace(const AppState& state, double x_px, double y_px, double slop_px = 3.0);
// The other open text (index in other_docs) whose marker covers pixel (x, y), if no active marker does.
std::optional<std::size_t> pickOtherText(const AppState& state, double x_px, double y_px, double slop_px = 3.0);

}  // namespace app
