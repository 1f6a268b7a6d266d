// app/ui/map_overlay.hpp — what is drawn over the map with Dear ImGui draw lists: the count on each
// marker (mentions, or places for a cluster), place labels, the names of the points of layers the
// reader added and GeoNames town labels placed so that no two overlap (busier places first, then
// the added points, then towns by population; each tries eight positions
// round its point and is hidden if none is free), the scale bar (true at the view centre,
// measured with PROJ's geodesic between two screen points, in any projection), a north arrow
// pointing to true north (from the projection), the cursor's coordinates and the data attribution.
// Used by the viewer and by headless renders alike; the layout it returns is what
// `textatlas render --layout-json` writes. No GL calls: it only fills an ImDrawList.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/state.hpp"
#include "app/ui/edge_indicators.hpp"
#include "geo/basemap.hpp"

struct ImDrawList;
struct ImFont;

namespace app::ui {

struct Box {
    float x = 0, y = 0, w = 0, h = 0;  // top-left corner and size, pixels
    bool overlaps(const Box& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
};

struct PlacedLabel {
    std::string text;
    // Index in the active text's places; for a town, in the towns list; for a point of an added
    // layer, among that layer's labelled points.
    std::size_t place = 0;
    bool town = false;
    Box box;
    bool layer_point = false;  // a named point of a layer the reader added
    std::size_t layer = 0;     // that layer's index in state.map.layers
};

struct PlacedMarker {
    std::string place;        // the (leading) place's name
    std::size_t place_index = 0;
    std::size_t cluster_size = 1;
    std::size_t mentions = 0;
    Box box;                  // the disc's bounding square
};

struct OverlayLayout {
    std::vector<PlacedLabel> labels;
    std::vector<PlacedMarker> markers;  // the active text's drawn markers
    Box scale_bar;
    double scale_bar_metres = 0.0;
    // The boxes of the scale bar (with its text and backing), the attribution and the north arrow
    // (empty when not drawn): labels keep clear of them.
    Box scale_bar_area, attribution, north_arrow;
    std::optional<double> north_deg;    // screen direction of true north, clockwise from up
    std::vector<EdgeIndicator> edge_indicators;  // the text's places outside the picture (drawn or not)
};

// Labels, the scale bar, the north arrow, the attribution and the edge indicators stay inside the
// visible map area (app/framing's visibleMapArea, narrowed further by the options' insets).
// Chooses label positions: each place (then each named point of the reader's added layers, then
// each town shown at this zoom) tries eight positions round its marker; a label that would overlap
// an earlier label, another marker or a town dot already placed is left out. Order: selected,
// hovered, then by mention count and population; the added layers' points in their files' order
// (at most kMaxLayerPointLabels a layer); towns after them, most populous first (those under the
// zoom's threshold only far from any other label). `text_size(text)` gives a label's size in pixels.
using MeasureText = std::function<std::pair<float, float>(const std::string&)>;
// `reserved`: boxes no label or town dot may overlap (the scale bar, attribution, north arrow, the
// edge indicators, an export's legend and inset), so nothing named is hidden under them.
std::vector<PlacedLabel> placeLabels(const AppState& state, const MeasureText& text_size,
                                     const std::vector<geo::Town>* towns = nullptr, const std::vector<Box>& reserved = {});

// At most this many points of one added layer are tried for a label in a frame.
constexpr std::size_t kMaxLayerPointLabels = 400;

// The smallest population a town needs to be labelled at this zoom (every town from zoom 9).
long long townPopulationThreshold(double zoom);

// Towns between this floor (a tenth of the threshold) and the threshold are labelled only where no
// marker or town dot lies within kTownFillSpacingInLabelHeights label heights, so that
// thinly peopled land (Patagonia, the Sahel, Siberia) shows its largest towns too while crowded
// land keeps only the zoom's large ones.
long long townFillPopulationFloor(double zoom);
constexpr float kTownFillSpacingInLabelHeights = 6.0f;

// The size of the viewer's map labels at standard density (the UI font, a little smaller).
constexpr float kScreenLabelPx = 16.0f * 0.95f;

struct OverlayOptions {
    float left_inset_px = 0.0f;    // the part of the map covered by a side panel
    float bottom_inset_px = 0.0f;  // the part covered by a status bar
    std::vector<std::string> attribution;
    const std::vector<geo::Town>* towns = nullptr;  // labelled if state.map.show_towns
    std::optional<geo::XY> cursor_px;               // show the lon/lat under it
    // Draw arrows to the text's places outside the picture (the viewer's; a rendered picture
    // stays clean, its layout lists them).
    bool edge_indicators = false;
    // The map's furniture: scale bar, north arrow (as state.map says) and attribution. A clean
    // GeoTIFF leaves them out (its attribution goes into the file's metadata).
    bool furniture = true;
    // More boxes labels keep clear of (an export's title, legend and inset), in view pixels.
    std::vector<Box> reserved;
};

OverlayLayout drawMapOverlay(ImDrawList* draw_list, ImFont* font, float font_size, const AppState& state,
                             const OverlayOptions& options);

// A round scale-bar length (1, 2 or 5 × 10^n metres) no longer than `max_metres`.
double niceScaleLength(double max_metres);
// Ground metres per screen pixel at the view centre, measured along the parallel with PROJ's geodesic
// (Web Mercator view).
double groundMetresPerPixel(const geo::Viewport& view);
// The same in any projection: the geodesic between two screen points 100 px apart across the
// centre (nullopt where the centre shows no part of the world).
std::optional<double> groundMetresPerPixel(const geo::Viewport& view, const geo::MapProjection& projection);
// The screen direction of true north at pixel (x, y), degrees clockwise from straight up.
std::optional<double> northDirectionDeg(const geo::Viewport& view, const geo::MapProjection& projection, double x_px,
                                        double y_px);

}  // namespace app::ui
