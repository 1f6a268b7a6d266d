#include "geo/geodesy.hpp"

#include <geodesic.h>

#include <cmath>
#include <string>

#include "geo/error.hpp"

namespace geo {

namespace {

// The WGS 84 ellipsoid: semi-major axis in metres and flattening.
constexpr double kWgs84SemiMajorAxis = 6378137.0;
constexpr double kWgs84Flattening = 1.0 / 298.257223563;

// geod_init only precomputes a few series coefficients, so a fresh one per call costs far less
// than the geodesic itself and keeps the module free of shared state.
geod_geodesic wgs84() {
    geod_geodesic g{};
    geod_init(&g, kWgs84SemiMajorAxis, kWgs84Flattening);
    return g;
}

// Brings a longitude that geod_direct may return as -180 - ε or 180 + ε back into LonLat's range.
double wrapLongitude(double lon) {
    double wrapped = std::remainder(lon, 360.0);
    if (wrapped < -180.0) wrapped += 360.0;
    if (wrapped > 180.0) wrapped -= 360.0;
    return wrapped;
}

}  // namespace

GeodesicInverse geodesicInverse(const LonLat& a, const LonLat& b) {
    const geod_geodesic ellipsoid = wgs84();
    GeodesicInverse result;
    geod_inverse(&ellipsoid, a.lat, a.lon, b.lat, b.lon, &result.distance_m, &result.azimuth1_deg,
                 &result.azimuth2_deg);
    return result;
}

double geodesicDistanceMeters(const LonLat& a, const LonLat& b) {
    const geod_geodesic ellipsoid = wgs84();
    double distance_m = 0.0;
    geod_inverse(&ellipsoid, a.lat, a.lon, b.lat, b.lon, &distance_m, nullptr, nullptr);
    return distance_m;
}

LonLat geodesicDirect(const LonLat& start, double azimuth_deg, double distance_m) {
    if (!std::isfinite(azimuth_deg) || !std::isfinite(distance_m)) {
        throw Error(ErrorKind::InvalidInput, "geodesic: azimuth and distance must be finite (got " +
                                                 std::to_string(azimuth_deg) + ", " +
                                                 std::to_string(distance_m) + ")");
    }
    const geod_geodesic ellipsoid = wgs84();
    double lat = 0.0;
    double lon = 0.0;
    geod_direct(&ellipsoid, start.lat, start.lon, azimuth_deg, distance_m, &lat, &lon, nullptr);
    return LonLat(wrapLongitude(lon), std::fmax(-90.0, std::fmin(90.0, lat)));
}

}  // namespace geo
