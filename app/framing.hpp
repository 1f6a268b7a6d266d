// app/framing.hpp — where the map looks: the text's focus (the places that carry the story) and
// the view that frames it, the view that fits every place, the zoom a fly-to lands at for a place
// of each kind, and the part of the window the map is seen in. The viewer (first view, Home, fly-to)
// and `textatlas render` (its default view) both call these, so both faces frame a text the same way.
// The rule is written up in docs/framing.md. No GL, no ImGui.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "app/state.hpp"

namespace app {

// How much a place carries the text, and whether it only sets the scene.
struct PlaceWeight {
    std::size_t place = 0;
    // Its mentions (a demonym, "Afghan", counts half) plus the passages it is mentioned in.
    double weight = 0.0;
    // A country or continent (broad places, whose marker is a centroid) — the scene of the story,
    // not where it happens, while finer places carry the text.
    bool broad = false;
};

// The text's focus and how it was found (docs/framing.md).
struct TextFocus {
    std::vector<std::size_t> places;   // the focus, heaviest first; empty only for a text with no places
    std::vector<PlaceWeight> weights;  // every place of the text, in place order
    std::optional<std::size_t> centre; // the candidate closest overall to the others (weighted medoid)
    double radius_m = 0.0;             // the circle round the centre holding kCoreShare of the weight
};

// The share of the candidates' weight the focus circle must hold.
constexpr double kCoreShare = 0.7;
// Only this many of the heaviest candidates are weighed against each other (a book may name
// thousands of places; the lightest of them do not move its focus).
constexpr std::size_t kMaxFocusCandidates = 150;

// Every place's weight, in place order.
std::vector<PlaceWeight> placeWeights(const OpenDocument& doc);

// The places that carry the text:
//  1. weigh each place: mentions (demonyms half) + passages that mention it;
//  2. candidates: the places finer than a country (cities, regions, provinces, rivers…) when they
//     hold at least a quarter of the text's weight; otherwise every place (a text about countries);
//  3. the centre: the candidate with the least weighted geodesic distance to all the others;
//  4. the focus: the candidates inside the smallest circle round the centre that holds 70 % of the
//     candidates' weight, widened by half (and to at least 50 km) so near neighbours are not cut off.
TextFocus textFocus(const OpenDocument& doc);

// The part of the view the user sees the map in (view pixels): right of the side panel, between
// the menu bar and the status bar (state.panel_width_px, map_top_px, map_bottom_px).
struct MapArea {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double centreX() const { return (x0 + x1) / 2; }
    double centreY() const { return (y0 + y1) / 2; }
    bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};
MapArea visibleMapArea(const AppState& state);

// The zoom at which the whole of what the projection shows (Web Mercator's world square, the
// globe's disc, the cap of LAEA or UTM) just fits the visible map area: the reader zooms out no
// further than this (a disc a few dozen pixels wide in a large window shows nothing).
double wholeWorldZoom(const AppState& state);
// state.view at wholeWorldZoom with the shown world centred in the visible map area (Web Mercator
// keeps the view's longitude; the globe's disc stays on the view's centre, where it always is).
geo::Viewport wholeWorldView(const AppState& state);

// The zoom a fly-to to this place of the active text lands at: by its kind (a country whole, a
// region, a city, a town close up), never deeper than the data has detail there (detailZoomAt).
// Both are Web Mercator zooms; in the other projections (true to scale round their centre) the zoom
// showing the same ground, log2(1/cos φ) further in.
double flyToZoom(const AppState& state, const geo::Place& place);
// The deepest zoom the map's data is worth looking at, at this point: where the finest elevation
// grid covering it spans about four pixels a cell, and no less than the vector layers' detail.
double detailZoomAt(const AppState& state, const geo::LonLat& point);

// The view (state.view's size) that shows `places` of the active text inside the visible map area
// with margins wide enough that no marker touches an edge, zoomed no closer than flyToZoom allows
// for the finest of them. In Web Mercator places either side of the antimeridian are fitted across it.
geo::Viewport fitPlaces(const AppState& state, const std::vector<std::size_t>& places);
// The same for a point: centred in the visible map area at `zoom`.
geo::Viewport viewOfPoint(const AppState& state, const geo::LonLat& point, double zoom);

// The first view of a text and Home: its focus, fitted.
geo::Viewport focusView(const AppState& state);
// Every place of the active text, fitted (the second Home, View → Fit all places).
geo::Viewport allPlacesView(const AppState& state);

// True when the place is an area (a country, a province) whose outline covers `point`: a reader
// looking at part of it is not pointed to it from the map's edge. The outline comes from
// state.shapes, read and prepared (GEOS) once per place; false without a shapes file or for a place
// with no area shape.
bool areaCovers(const AppState& state, std::size_t place, const geo::LonLat& point);

// True when the place is a river whose course (state.shapes) crosses the visible map: the reader
// sees it, though its marker (a point on the course) may be far off.
bool courseCrossesView(const AppState& state, std::size_t place);

// True when two views show the same area (within a pixel and a hundredth of a zoom level).
bool sameView(const geo::Viewport& a, const geo::Viewport& b);

}  // namespace app
