// app/render/dem_window.hpp — which part of a DEM (the world relief or a user's) a view needs, and how finely: the level
// of detail (cells of 2^level DEM cells, no larger than a pixel) and a window of the DEM's grid
// around the view (with a margin for panning), aligned to a grid of that level so that windows
// read for neighbouring views hold identical cells (the viewer's canvas scrolls a kept picture and
// draws only the strips that slide in: they must match). Bounded: a window holds at most
// kMaxDemWindowCells cells and a side of at most kMaxDemWindowSide (or the caller's bound),
// coarser if the view needs more. No GL and no reading here.
#pragma once
#include <optional>

#include "app/render/render_space.hpp"
#include "geo/dem.hpp"
#include "geo/map_projection.hpp"
#include "geo/viewport.hpp"

namespace app::render {

constexpr int kMaxDemWindowSide = 2048;
// A window never holds more cells than this, whatever its sides (kMaxDemWindowSide² cells: some
// 25 MB of texture and a little more while it is uploaded).
constexpr double kMaxDemWindowCells = double(kMaxDemWindowSide) * kMaxDemWindowSide;
// A decimated window is averaged (smooth hillshade) when that reads at most this many DEM cells,
// else the nearest cells are read (a zoomed-out view of a large mosaic stays quick) — unless the
// DEM has averaged overviews (geo::Dem::useAveragedOverviews), which larger DEMs are given.
constexpr double kMaxAveragedCells = 16.0e6;

struct DemWindow {
    int level = 0;  // cells of 2^level DEM cells
    int column = 0, row = 0, width = 0, height = 0;  // in full-resolution cells, inside the grid
    int outWidth() const { return width >> level; }
    int outHeight() const { return height >> level; }
    // Holds everything `needed` holds, at the same level.
    bool covers(const DemWindow& needed) const;
};

// A lon/lat box (degrees); `west > east` never happens: a box across the antimeridian is widened
// to the whole range of longitudes.
struct LonLatBox {
    double west = -180.0, south = -90.0, east = 180.0, north = 90.0;
};

// The lon/lat the part `box` of a view shows in `projection` (sampled on a grid of points, and
// the whole range of longitudes where a pole is in view). nullopt if it shows none of the world.
std::optional<LonLatBox> lonLatBoxOf(const geo::MapProjection& projection, const MercatorBox& box);

// Ground metres of one pixel near the view's centre.
double groundMetresPerPixel(const geo::MapProjection& projection, const geo::Viewport& viewport);

// The window of `dem` a view needs: `shown` is what it shows (lonLatBoxOf), `margin` the share of
// its size added on every side. nullopt where the DEM is not in view, or where its cells at the
// needed level are no finer than `coarsest_useful_degrees` (> 0: the world relief's cells, which
// show the same there). The window is read coarser while a side would exceed `max_side` cells or
// it would hold more than kMaxDemWindowCells (the world relief allows its whole width, so a
// strip of it across the antimeridian stays at full detail).
std::optional<DemWindow> demWindowFor(const geo::Dem& dem, const LonLatBox& shown, double ground_metres_per_pixel,
                                      double margin, double coarsest_useful_degrees,
                                      int max_side = kMaxDemWindowSide);

}  // namespace app::render
