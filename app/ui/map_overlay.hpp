// app/ui/map_overlay.hpp — what is drawn over the map with Dear ImGui draw lists: place labels
// (placed so that no two overlap; busier places first), the scale bar (true at the view centre's
// latitude, measured with PROJ's geodesic), and the data attribution. Used by the viewer and by
// headless renders alike. No GL calls: it only fills an ImDrawList.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/state.hpp"

struct ImDrawList;
struct ImFont;

namespace app::ui {

struct Box {
    float x = 0, y = 0, w = 0, h = 0;  // top-left corner and size, pixels
    bool overlaps(const Box& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
};

struct PlacedLabel {
    std::string text;
    std::size_t place = 0;
    Box box;
};

struct OverlayLayout {
    std::vector<PlacedLabel> labels;
    Box scale_bar;
    double scale_bar_metres = 0.0;
};

// Chooses label positions: each place tries right, left, above and below its marker; a label that
// would overlap an earlier label or another marker is left out. Order: selected, hovered, then by
// mention count and population. `text_size(text)` gives width and height of a label in pixels.
using MeasureText = std::function<std::pair<float, float>(const std::string&)>;
std::vector<PlacedLabel> placeLabels(const AppState& state, const MeasureText& text_size);

struct OverlayOptions {
    float left_inset_px = 0.0f;    // the part of the map covered by a side panel
    float bottom_inset_px = 0.0f;  // the part covered by a status bar
    std::vector<std::string> attribution;
};

OverlayLayout drawMapOverlay(ImDrawList* draw_list, ImFont* font, float font_size, const AppState& state,
                             const OverlayOptions& options);

// A round scale-bar length (1, 2 or 5 × 10^n metres) no longer than `max_metres`.
double niceScaleLength(double max_metres);
// Ground metres per screen pixel at the view centre, measured along the parallel with PROJ's geodesic.
double groundMetresPerPixel(const geo::Viewport& view);

}  // namespace app::ui
