#include "geo/map_projection.hpp"

#include <proj.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>

#include "geo/error.hpp"

namespace geo {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kToRadians = kPi / 180.0;
// EPSG:3857's sphere and the latitude where its square world ends.
constexpr double kMercatorRadius = 6378137.0;
constexpr double kMercatorMaxLatitude = 85.05113;
// How much of the world each projection shows around its centre. The globe shows its hemisphere
// (a hair less, so points on the rim do not project to a degenerate edge). Transverse Mercator
// is only meaningful within 90° of its central meridian and grows wildly before that; LAEA maps
// the whole sphere but stretches the antipode into a ring.
constexpr double kGlobeRadiusDeg = 89.9;
constexpr double kUtmRadiusDeg = 75.0;
constexpr double kLaeaRadiusDeg = 150.0;

std::atomic<std::uint64_t> next_projection_id{1};

std::string formatDegrees(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

}  // namespace

// The PROJ context and transformation of one non-Mercator projection.
struct MapProjection::Proj {
    struct ContextDeleter {
        void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
    };
    struct PjDeleter {
        void operator()(PJ* pj) const { proj_destroy(pj); }
    };
    // Declared before pj so the transformation goes before its context.
    std::unique_ptr<PJ_CONTEXT, ContextDeleter> ctx;
    std::unique_ptr<PJ, PjDeleter> pj;
};

const char* projectionName(MapProjectionKind kind) {
    switch (kind) {
        case MapProjectionKind::WebMercator: return "webmercator";
        case MapProjectionKind::Utm: return "utm";
        case MapProjectionKind::Laea: return "laea";
        case MapProjectionKind::Globe: return "globe";
    }
    return "webmercator";
}

std::optional<MapProjectionKind> parseProjectionName(const std::string& name) {
    for (MapProjectionKind kind : {MapProjectionKind::WebMercator, MapProjectionKind::Utm, MapProjectionKind::Laea,
                                   MapProjectionKind::Globe}) {
        if (name == projectionName(kind)) return kind;
    }
    return std::nullopt;
}

int utmZone(double lon) {
    double wrapped = std::fmod(lon + 180.0, 360.0);
    if (wrapped < 0) wrapped += 360.0;
    return std::clamp(static_cast<int>(std::floor(wrapped / 6.0)) + 1, 1, 60);
}

double angularDistanceDegrees(double lon1, double lat1, double lon2, double lat2) {
    const double p1 = lat1 * kToRadians, p2 = lat2 * kToRadians;
    const double dl = (lon2 - lon1) * kToRadians;
    // Haversine: accurate for small and large angles alike.
    const double a = std::sin((p2 - p1) / 2) * std::sin((p2 - p1) / 2) +
                     std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
    return 2.0 * std::asin(std::min(1.0, std::sqrt(a))) / kToRadians;
}

MapProjection::MapProjection() : id_(next_projection_id.fetch_add(1)) {}

MapProjection MapProjection::make(MapProjectionKind kind, const LonLat& centre) {
    MapProjection projection;
    projection.kind_ = kind;
    projection.centre_ = centre;
    if (kind == MapProjectionKind::WebMercator) return projection;

    const std::string lat0 = formatDegrees(centre.lat), lon0 = formatDegrees(centre.lon);
    switch (kind) {
        case MapProjectionKind::Utm: {
            const int zone = utmZone(centre.lon);
            projection.crs_ = "+proj=utm +zone=" + std::to_string(zone) + (centre.lat < 0 ? " +south" : "") +
                              " +datum=WGS84 +units=m +no_defs";
            // The cap is centred on the zone's central meridian at the centre's latitude.
            projection.centre_ = LonLat(-183.0 + 6.0 * zone, centre.lat);
            projection.visible_radius_deg_ = kUtmRadiusDeg;
            break;
        }
        case MapProjectionKind::Laea:
            projection.crs_ = "+proj=laea +lat_0=" + lat0 + " +lon_0=" + lon0 + " +datum=WGS84 +units=m +no_defs";
            projection.visible_radius_deg_ = kLaeaRadiusDeg;
            break;
        case MapProjectionKind::Globe:
            // A sphere of the WGS 84 equatorial radius: the rim is a circle and the cap test exact.
            projection.crs_ = "+proj=ortho +lat_0=" + lat0 + " +lon_0=" + lon0 + " +R=6378137 +units=m +no_defs";
            projection.visible_radius_deg_ = kGlobeRadiusDeg;
            break;
        case MapProjectionKind::WebMercator: break;
    }

    unitVector(projection.centre_.lon, projection.centre_.lat, projection.centre_unit_);
    projection.min_cos_ = std::cos(projection.visible_radius_deg_ * kToRadians);

    auto proj = std::make_shared<Proj>();
    proj->ctx.reset(proj_context_create());
    if (!proj->ctx) throw Error(ErrorKind::Projection, "map projection: PROJ cannot create a context");
    proj_log_level(proj->ctx.get(), PJ_LOG_NONE);
    // The globe takes WGS 84 degrees as degrees on its sphere, which is what PROJ's ballpark
    // transformation from EPSG:4326 to the sphere's datum does; naming the sphere's own lon/lat as
    // the source gives PROJ the same operation without a database search (a turning globe makes
    // a projection every frame: about 1 ms instead of 10).
    const char* source = kind == MapProjectionKind::Globe ? "+proj=longlat +R=6378137 +no_defs +type=crs" : "EPSG:4326";
    std::unique_ptr<PJ, Proj::PjDeleter> raw(
        proj_create_crs_to_crs(proj->ctx.get(), source, (projection.crs_ + " +type=crs").c_str(), nullptr));
    if (!raw) {
        const int err = proj_context_errno(proj->ctx.get());
        throw Error(ErrorKind::Projection, "map projection: PROJ cannot create \"" + projection.crs_ + "\" (PROJ: " +
                                               (err != 0 ? proj_context_errno_string(proj->ctx.get(), err)
                                                         : "unknown error") +
                                               ")");
    }
    proj->pj.reset(proj_normalize_for_visualization(proj->ctx.get(), raw.get()));
    if (!proj->pj) {
        throw Error(ErrorKind::Projection, "map projection: cannot normalise the axis order of \"" + projection.crs_ + "\"");
    }
    projection.proj_ = std::move(proj);
    return projection;
}

std::string MapProjection::title() const {
    char text[96];
    switch (kind_) {
        case MapProjectionKind::WebMercator: return "Web Mercator";
        case MapProjectionKind::Utm:
            std::snprintf(text, sizeof text, "UTM zone %d%c", utmZone(centre_.lon), centre_.lat < 0 ? 'S' : 'N');
            return text;
        case MapProjectionKind::Laea:
            std::snprintf(text, sizeof text, "Lambert equal-area (%.1f°, %.1f°)", centre_.lat, centre_.lon);
            return text;
        case MapProjectionKind::Globe:
            std::snprintf(text, sizeof text, "Globe (%.1f°, %.1f°)", centre_.lat, centre_.lon);
            return text;
    }
    return "";
}

void MapProjection::unitVector(double lon, double lat, double out[3]) {
    const double phi = lat * kToRadians, lambda = lon * kToRadians;
    const double c = std::cos(phi);
    out[0] = c * std::cos(lambda);
    out[1] = c * std::sin(lambda);
    out[2] = std::sin(phi);
}

bool MapProjection::showsUnit(const double unit[3]) const {
    if (kind_ == MapProjectionKind::WebMercator) return true;
    // The angle to the centre is at most the cap's radius exactly when its cosine (the dot
    // product of the unit vectors) is at least the radius's cosine. At the cap's rim (75°–150°
    // from the centre) the cosine changes fast with the angle, so the test is sharp there.
    return unit[0] * centre_unit_[0] + unit[1] * centre_unit_[1] + unit[2] * centre_unit_[2] >= min_cos_;
}

bool MapProjection::shows(double lon, double lat) const {
    if (kind_ == MapProjectionKind::WebMercator) return true;
    double unit[3];
    unitVector(lon, lat, unit);
    return showsUnit(unit);
}

std::optional<XY> MapProjection::forward(double lon, double lat) const {
    if (!std::isfinite(lon) || !std::isfinite(lat) || lat < -90.0 || lat > 90.0) return std::nullopt;
    if (kind_ == MapProjectionKind::WebMercator) {
        const double phi = std::clamp(lat, -kMercatorMaxLatitude, kMercatorMaxLatitude) * kToRadians;
        return XY{kMercatorRadius * lon * kToRadians, kMercatorRadius * std::log(std::tan(kPi / 4.0 + phi / 2.0))};
    }
    if (!shows(lon, lat)) return std::nullopt;
    // PROJ wants longitudes in [-180, 180]; unwrapped ones name the same meridian.
    double wrapped = std::remainder(lon, 360.0);
    proj_errno_reset(proj_->pj.get());
    const PJ_COORD out = proj_trans(proj_->pj.get(), PJ_FWD, proj_coord(wrapped, lat, 0, 0));
    if (proj_errno(proj_->pj.get()) != 0 || !std::isfinite(out.xy.x) || !std::isfinite(out.xy.y) ||
        out.xy.x == HUGE_VAL) {
        return std::nullopt;
    }
    return XY{out.xy.x, out.xy.y};
}

std::vector<std::optional<XY>> MapProjection::forwardMany(const std::vector<LonLat>& points) const {
    std::vector<std::optional<XY>> result(points.size());
    if (kind_ == MapProjectionKind::WebMercator) {
        for (std::size_t i = 0; i < points.size(); ++i) result[i] = forward(points[i].lon, points[i].lat);
        return result;
    }
    std::vector<double> x(points.size()), y(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        x[i] = std::remainder(points[i].lon, 360.0);
        y[i] = points[i].lat;
    }
    proj_errno_reset(proj_->pj.get());
    proj_trans_generic(proj_->pj.get(), PJ_FWD, x.data(), sizeof(double), x.size(), y.data(), sizeof(double), y.size(),
                       nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || x[i] == HUGE_VAL) continue;
        if (!shows(points[i].lon, points[i].lat)) continue;
        result[i] = XY{x[i], y[i]};
    }
    proj_errno_reset(proj_->pj.get());
    return result;
}

void MapProjection::forwardInPlace(std::vector<XY>& points, std::vector<unsigned char>& ok, bool known_shown) const {
    ok.assign(points.size(), 0);
    if (kind_ == MapProjectionKind::WebMercator) {
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (const std::optional<XY> xy = forward(points[i].x, points[i].y)) {
                points[i] = *xy;
                ok[i] = 1;
            }
        }
        return;
    }
    // Cull first (cheap), then hand PROJ only the shown points, packed together in place.
    std::size_t shown_count = 0;
    thread_local std::vector<std::size_t> where;
    where.clear();
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double lon = points[i].x, lat = points[i].y;
        if (!std::isfinite(lon) || !std::isfinite(lat) || lat < -90.0 || lat > 90.0) continue;
        if (!known_shown && !shows(lon, lat)) continue;
        ok[i] = 1;
        points[shown_count] = XY{std::remainder(lon, 360.0), lat};
        where.push_back(i);
        ++shown_count;
    }
    if (shown_count > 0) {
        proj_errno_reset(proj_->pj.get());
        proj_trans_generic(proj_->pj.get(), PJ_FWD, &points[0].x, sizeof(XY), shown_count, &points[0].y, sizeof(XY),
                           shown_count, nullptr, 0, 0, nullptr, 0, 0);
        proj_errno_reset(proj_->pj.get());
    }
    // Spread the results back to their places (backwards: each goes to an index at or after its own).
    for (std::size_t k = shown_count; k-- > 0;) {
        const XY xy = points[k];
        const std::size_t i = where[k];
        points[i] = xy;
        if (!std::isfinite(xy.x) || !std::isfinite(xy.y) || xy.x == HUGE_VAL) ok[i] = 0;
    }
}

std::optional<LonLat> MapProjection::inverse(const XY& p) const {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return std::nullopt;
    if (kind_ == MapProjectionKind::WebMercator) {
        const double lon = p.x / kMercatorRadius / kToRadians;
        const double lat = (2.0 * std::atan(std::exp(p.y / kMercatorRadius)) - kPi / 2.0) / kToRadians;
        if (lon < -180.0 || lon > 180.0) return std::nullopt;
        return LonLat(lon, lat);
    }
    proj_errno_reset(proj_->pj.get());
    const PJ_COORD out = proj_trans(proj_->pj.get(), PJ_INV, proj_coord(p.x, p.y, 0, 0));
    const int err = proj_errno(proj_->pj.get());
    proj_errno_reset(proj_->pj.get());
    if (err != 0 || !std::isfinite(out.lp.lam) || !std::isfinite(out.lp.phi)) return std::nullopt;
    const double lon = std::remainder(out.lp.lam, 360.0);
    if (out.lp.phi < -90.0 || out.lp.phi > 90.0) return std::nullopt;
    return LonLat(std::clamp(lon, -180.0, 180.0), out.lp.phi);
}

LonLat MapProjection::edgeCrossing(double inside_lon, double inside_lat, double outside_lon,
                                   double outside_lat) const {
    double a_lon = inside_lon, a_lat = inside_lat, b_lon = outside_lon, b_lat = outside_lat;
    // 30 halvings take a 180° segment to well under a metre.
    for (int i = 0; i < 30; ++i) {
        const double m_lon = 0.5 * (a_lon + b_lon), m_lat = 0.5 * (a_lat + b_lat);
        if (shows(m_lon, m_lat)) {
            a_lon = m_lon;
            a_lat = m_lat;
        } else {
            b_lon = m_lon;
            b_lat = m_lat;
        }
    }
    LonLat result;
    result.lon = a_lon;  // may be unwrapped past ±180: assigned without the range check
    result.lat = a_lat;
    return result;
}

}  // namespace geo
