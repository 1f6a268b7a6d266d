// app/ui/edge_indicators.hpp — the text's places that lie outside the visible map, shown at its
// edge where the line from the map's centre to them leaves it: an arrow pointing at the place with
// its name and its distance from the centre ("United States · 11,020 km"); a click flies there.
// A country or province whose outline covers the map's centre, or a river whose course crosses
// the map, is not pointed to (its marker may lie outside, but the reader is looking at it).
// The layout is computed without ImGui (tests and map input call it); drawIndicators fills an
// ImDrawList. Heaviest places first (app/framing's weights); an indicator that would overlap one
// already placed is left out. No GL.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/state.hpp"

struct ImDrawList;
struct ImFont;

namespace app::ui {

struct EdgeIndicator {
    std::size_t place = 0;   // in the active text
    std::string label;       // name · distance
    double tip_x = 0, tip_y = 0;  // the arrow's tip, on the visible area's edge (view pixels)
    double dir_x = 0, dir_y = 0;  // unit direction from the map's centre to the place (screen)
    float x = 0, y = 0, w = 0, h = 0;  // the label's box, inside the visible area
};

// At most this many indicators at once.
constexpr std::size_t kMaxEdgeIndicators = 8;

// `text_size(text)` gives the label text's size in view pixels (the overlay's font).
std::vector<EdgeIndicator> layoutEdgeIndicators(
    const AppState& state, const std::function<std::pair<float, float>(const std::string&)>& text_size);

// The indicator whose label or arrow covers view pixel (x, y).
std::optional<std::size_t> indicatorAt(const std::vector<EdgeIndicator>& indicators, double x, double y);

void drawEdgeIndicators(ImDrawList* draw_list, ImFont* font, float font_size,
                        const std::vector<EdgeIndicator>& indicators);

}  // namespace app::ui
