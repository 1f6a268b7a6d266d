// geo/map_projection.hpp — the projections the map can be drawn in, switchable at run time:
// Web Mercator, the UTM zone of a centre point, a Lambert azimuthal equal-area and an orthographic
// globe centred on a point. Each one is a PROJ transformation from WGS 84 lon/lat to plane metres
// plus the cap of the sphere it may show (the globe's visible hemisphere; the part of the world
// where UTM and LAEA are not too distorted to be useful), so callers can clip geometry at its edge.
// Web Mercator uses the spherical formula PROJ uses for EPSG:3857 with latitudes clamped to
// ±85.05113°, so polar points stay drawable. Does not know about screens (viewport.hpp) or GL.
// Copies share one PROJ object: use a MapProjection (and its copies) on one thread only.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/lonlat.hpp"

namespace geo {

enum class MapProjectionKind { WebMercator, Utm, Laea, Globe };

// "webmercator", "utm", "laea", "globe": the names used on the command line and in settings.
const char* projectionName(MapProjectionKind kind);
std::optional<MapProjectionKind> parseProjectionName(const std::string& name);

// The UTM zone (1–60) whose central meridian is nearest to `lon`.
int utmZone(double lon);

class MapProjection {
public:
    // Web Mercator.
    MapProjection();
    // The projection of `kind` centred on `centre` (Web Mercator ignores the centre; UTM uses the
    // zone and hemisphere of the centre). Throws geo::Error(Projection) if PROJ refuses it.
    static MapProjection make(MapProjectionKind kind, const LonLat& centre);

    MapProjectionKind kind() const { return kind_; }
    LonLat centre() const { return centre_; }
    // The PROJ definition of the target CRS ("EPSG:3857", "+proj=ortho …").
    const std::string& crs() const { return crs_; }
    // A short human name: "Web Mercator", "UTM zone 42N", "Lambert equal-area (34.5°N, 69.2°E)".
    std::string title() const;
    // Unique per created projection (copies share it): a cheap key for caches.
    std::uint64_t id() const { return id_; }
    bool isWebMercator() const { return kind_ == MapProjectionKind::WebMercator; }

    // Whether the point lies in the part of the world this projection shows (always true for
    // Web Mercator); `visibleRadiusDegrees` is that cap's angular radius around the centre.
    bool shows(double lon, double lat) const;
    double visibleRadiusDegrees() const { return visible_radius_deg_; }

    // Plane metres of a point, or nullopt where it is outside the shown cap or PROJ cannot
    // project it. Longitudes may lie beyond ±180 (unwrapped paths); they mean the same meridian.
    std::optional<XY> forward(double lon, double lat) const;
    // Many points at once (faster than one by one); the result has one entry per input point.
    std::vector<std::optional<XY>> forwardMany(const std::vector<LonLat>& points) const;
    // The same in place: each of `points` comes in as (x = lon, y = lat) and leaves as plane
    // metres; `ok[i]` (resized to match) is 0 where forward() would give nullopt (that point's XY
    // is then unspecified). Points outside the shown cap are culled before PROJ is called; the
    // rest go to PROJ in one batch. `known_shown`: the caller has already checked every point
    // with shows()/showsUnit() (or made it with edgeCrossing), so the cap test is skipped.
    void forwardInPlace(std::vector<XY>& points, std::vector<unsigned char>& ok, bool known_shown = false) const;

    // The point's unit vector on the sphere (x towards 0°E on the equator, z towards the north
    // pole). It does not depend on the projection, so callers may compute it once and test it
    // against every projection with showsUnit(), which gives exactly what shows() gives.
    static void unitVector(double lon, double lat, double out[3]);
    bool showsUnit(const double unit[3]) const;
    // The lon/lat of plane metres, or nullopt where nothing of the world is (beyond the globe's rim).
    std::optional<LonLat> inverse(const XY& p) const;

    // Where a path from `inside` (shown) to `outside` (not shown) leaves the shown cap, in
    // lon/lat, found by bisection on the straight lon/lat segment.
    LonLat edgeCrossing(double inside_lon, double inside_lat, double outside_lon, double outside_lat) const;

private:
    struct Proj;
    MapProjectionKind kind_ = MapProjectionKind::WebMercator;
    LonLat centre_;
    std::string crs_ = "EPSG:3857";
    double visible_radius_deg_ = 180.0;
    // The centre as a unit vector and cos(visible radius): shows() is a dot product.
    double centre_unit_[3] = {1.0, 0.0, 0.0};
    double min_cos_ = -1.0;
    std::uint64_t id_ = 0;
    std::shared_ptr<Proj> proj_;  // null for Web Mercator (closed-form)
};

// Great-circle angle in degrees between two points on the sphere.
double angularDistanceDegrees(double lon1, double lat1, double lon2, double lat2);

}  // namespace geo
