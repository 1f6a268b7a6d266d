// app/ui/print_furniture.hpp — the furniture of an exported map, drawn with Dear ImGui draw lists
// over the map and its labels: a title banner across the top, a legend of the markers (colours by
// what they mean, sizes by mention count, as the map draws them) top left, a north arrow (true
// north at the view centre in any projection) top right, and an inset locator map (the world's
// coasts and borders around the view, the view's extent in red) bottom right. Coordinates are the frame's
// pixels; the caller scales for print. The scale bar and attribution come from map_overlay; this
// leaves room for them at the bottom (the caller turns map_overlay's own north arrow off when it
// asks for this one). No GL calls: it only fills an ImDrawList.
#pragma once
#include <string>
#include <vector>

#include "app/state.hpp"
#include "app/ui/map_overlay.hpp"
#include "geo/basemap.hpp"

struct ImDrawList;
struct ImFont;

namespace app::ui {

// The world's coasts and borders in Web Mercator metres, for the inset: the outlines of the
// basemap's world outline (Basemap::outline) as open paths (detail under 1.5 km dropped), cut where an
// outline jumps across the antimeridian or runs along the clamped polar edge, each with its
// bounding box.
struct LocatorOutline {
    struct Path {
        std::vector<geo::XY> points;
        double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    };
    std::vector<Path> paths;
};
LocatorOutline locatorOutline(const geo::Basemap& basemap);

struct FurnitureOptions {
    std::string title;         // empty: no title banner
    bool legend = false;
    bool north_arrow = false;
    bool inset = false;
    float bottom_reserved_px = 0.0f;  // kept free at the bottom (scale bar, attribution)
};

// Where each piece went (width 0: not drawn), for tests and the export preview.
struct FurnitureLayout {
    Box title;
    Box legend;
    Box north_arrow;
    Box inset;
    Box inset_view;  // the view's extent inside the inset (its bounding box)
};

// One legend row: a marker colour and what it means, from the markers the map draws.
struct LegendEntry {
    std::uint32_t fill_rgba = 0;
    std::uint32_t outline_rgba = 0;
    std::string meaning;
};
std::vector<LegendEntry> legendEntries(const AppState& state);
// Mention counts shown as marker sizes: 1, the largest count, and one between when they differ enough.
std::vector<std::size_t> legendMentionSteps(const AppState& state);

// The height of map_overlay's attribution block on a map `width` pixels wide: the sources joined
// with " · " onto as few lines as fit (its rule), in a font of max(10, 0.75 × font_size).
float attributionHeight(ImFont* font, float font_size, float width, const std::vector<std::string>& attribution);

FurnitureLayout drawPrintFurniture(ImDrawList* draw_list, ImFont* font, float font_size, const AppState& state,
                                   const LocatorOutline& outline, const FurnitureOptions& options);

}  // namespace app::ui
