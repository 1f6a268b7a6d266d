// app/ui/claims_panel.hpp — distance claims found in the text ("about 100 miles north of Kabul"):
// a list in the passages panel with each claim's verdict, and on the map the claim drawn as a ring
// of the stated distance around the reference place (with the stated direction marked), next to the
// measured geodesic from the reference to the place described. Also the elevation profile window
// of the measure tool. Reads AppState, pushes Actions; ImDrawList only, no GL.
#pragma once
#include "app/actions.hpp"

struct ImDrawList;

namespace app::ui {

void drawClaimsList(const AppState& state, ActionQueue& actions);
void drawClaimOnMap(ImDrawList* draw_list, const AppState& state);
// The measure tool's elevation profile in its own window: the ground's silhouette along the
// geodesic, lowest and highest point, distance; hovering reads the elevation. Returns how many of
// the profile's samples were drawn (0: no profile, or none of it has elevation data).
int drawElevationProfile(const AppState& state);
// "N", "NNE", … for an azimuth in degrees.
const char* compassPoint(double azimuth_deg);

}  // namespace app::ui
