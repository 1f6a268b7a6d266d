// app/ui/measure_overlay.hpp — geodesic lines on the map. The measure tool: the geodesic between the two measured
// points (sampled along the ellipsoid with PROJ's geodesic, so it curves as the true shortest
// path does in this projection) and its length in kilometres and miles; and the tour's route.
// ImDrawList only, no GL.
#pragma once
#include <string>
#include <vector>

#include "app/state.hpp"

struct ImDrawList;

namespace app::ui {

// Points along the geodesic from a to b, both ends included (`segments` + 1 points).
std::vector<geo::LonLat> geodesicPath(const geo::LonLat& a, const geo::LonLat& b, int segments = 64);
// "161.0 km · 100.0 mi"
std::string formatDistance(double metres);
void drawMeasure(ImDrawList* draw_list, const AppState& state);
// During a tour: the route so far, geodesic legs between the places of consecutive stops, with an
// arrowhead on each leg and the current leg emphasised.
void drawTourRoute(ImDrawList* draw_list, const AppState& state);
// The places of the tour's stops up to and including the current one, consecutive repeats merged.
std::vector<std::size_t> tourRoutePlaces(const AppState& state);

}  // namespace app::ui
