// app/render/render_space.hpp — how map geometry reaches the GPU without losing precision.
// Geometry is converted once, in doubles, to Web Mercator metres relative to a fixed origin (the
// DEM's centre) and uploaded as floats; each frame the view's centre relative to that origin is
// computed in doubles and passed as a uniform, so vertices near the view stay precise at zoom 18.
// Paths that cross the antimeridian are unwrapped (they continue past ±180° instead of jumping
// across the world), and a low-zoom view draws the copies of the world it shows side by side.
// Geometry is kept in chunks with bounding boxes so a frame only submits what it can see.
// In the other map projections (geo/map_projection.hpp) the same scheme holds with "Mercator
// metres" read as that projection's plane metres; there is only one copy of the world, and
// geometry is clipped on the sphere to the part the projection shows (clipLonLatTriangle,
// splitAtCapEdge) before it is projected.
// Internal to app/render; no GL calls here.
#pragma once
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "geo/lonlat.hpp"
#include "geo/map_projection.hpp"
#include "geo/viewport.hpp"

namespace app::render {

// Web Mercator is undefined at the poles; latitudes are clamped to the square world's edge.
constexpr double kMercatorMaxLatitude = 85.05113;
constexpr double kEarthRadiusMercator = 6378137.0;  // EPSG:3857 sphere

// EPSG:3857 metres of a lon/lat in degrees, latitude clamped to ±kMercatorMaxLatitude; the
// longitude may lie beyond ±180 (unwrapped paths). Same spherical formula PROJ uses for EPSG:3857.
geo::XY lonLatToMercator(double lon_deg, double lat_deg);

// The path's longitudes made continuous by adding multiples of 360° wherever a step exceeds 180°.
// A closed ring that would not close again after unwrapping winds round a pole (Antarctica):
// then `is_ring` keeps its longitudes unchanged.
std::vector<double> unwrappedLongitudes(const std::vector<geo::LonLat>& path, bool is_ring);

// An axis-aligned box in absolute Mercator metres; empty until extended.
struct MercatorBox {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    bool empty() const { return min_x > max_x; }
    void extend(double x, double y);
    void extend(const MercatorBox& other);
    // Overlap with `other` moved right by `shift_x` and grown by `margin` on every side.
    bool intersects(const MercatorBox& other, double shift_x = 0.0, double margin = 0.0) const;
};

MercatorBox viewBox(const geo::Viewport& viewport);

// Uniform values that take origin-relative metres to clip space for one copy of the world:
// clip = (p - offset) * scale.
struct WorldCopyTransform {
    float offset[2];      // view centre − origin − world shift, metres
    float scale[2];       // 2 / (metres per pixel × viewport size)
    double shift_metres;  // the world shift itself (0 for the main copy)
};

// The transforms for every copy of the world (shifted by k·2π·R) in which data spanning
// [data_min_x, data_max_x] can be seen; at most a handful.
std::vector<WorldCopyTransform> worldCopies(const geo::Viewport& viewport, const geo::XY& origin,
                                            double data_min_x = -geo::kWebMercatorHalfWorld,
                                            double data_max_x = geo::kWebMercatorHalfWorld);
// The one transform of a projection that does not repeat the world.
WorldCopyTransform singleCopy(const geo::Viewport& viewport, const geo::XY& origin);

// A point given as lon/lat degrees in an XY (x = lon, possibly unwrapped past ±180; y = lat).
using LonLatXY = geo::XY;

// Appends to `out` triangles (three lon/lat points each) covering the part of triangle abc that
// `projection` shows: the triangle is first cut into pieces with edges of at most
// `max_edge_degrees` (so straight edges in lon/lat stay close to the curves they become), then
// each piece partly outside the shown cap is cut at the cap's edge.
void clipLonLatTriangle(const LonLatXY& a, const LonLatXY& b, const LonLatXY& c,
                        const geo::MapProjection& projection, double max_edge_degrees, std::vector<LonLatXY>& out);

// The first step of clipLonLatTriangle on its own: abc cut into triangles with edges of at most
// `max_edge_degrees` (halving edges, to a depth limit), appended to `out` three corners each.
// It does not depend on the projection, so geometry drawn in many projections (a globe being
// turned) can be cut once; clipShownPart then does the rest in each projection.
void subdivideLonLatTriangle(const LonLatXY& a, const LonLatXY& b, const LonLatXY& c, double max_edge_degrees,
                             std::vector<LonLatXY>& out);
// The second step: appends triangles covering the part of abc that `projection` shows, given
// whether it shows each corner (`inside`, as from MapProjection::shows or showsUnit).
void clipShownPart(const LonLatXY& a, const LonLatXY& b, const LonLatXY& c, const bool inside[3],
                   const geo::MapProjection& projection, std::vector<LonLatXY>& out);

// A lon/lat path as the runs `projection` shows, densified so no step exceeds `max_step_degrees`
// and ending exactly at the cap's edge where it leaves it; each run is projected and made
// relative to `origin`. Runs of fewer than two points are dropped.
std::vector<std::vector<geo::XY>> projectPath(const std::vector<LonLatXY>& path, const geo::MapProjection& projection,
                                              const geo::XY& origin, double max_step_degrees);

// Where `projection` puts a lon/lat, relative to `origin` (nullopt: not shown).
std::optional<geo::XY> projectRelative(const geo::MapProjection& projection, const LonLatXY& p, const geo::XY& origin);

// A contiguous range of vertices or indices and the box its geometry covers.
struct DrawChunk {
    std::size_t first = 0;
    std::size_t count = 0;
    MercatorBox box;
};

// The (first, count) ranges of the chunks that touch `view` (shifted, with margin), adjacent
// ones merged, so each range is one draw call.
std::vector<std::pair<std::size_t, std::size_t>> visibleRanges(const std::vector<DrawChunk>& chunks,
                                                               const MercatorBox& view, double shift_x,
                                                               double margin);

}  // namespace app::render
