// geo/lonlat.hpp — a WGS 84 position, checked on construction.
// Does not project or measure anything: see projection.hpp and geodesy.hpp.
#pragma once
#include <cmath>
#include <string>

#include "geo/error.hpp"

namespace geo {

struct LonLat {
    double lon = 0.0;  // degrees east, [-180, 180]
    double lat = 0.0;  // degrees north, [-90, 90]

    LonLat() = default;
    LonLat(double lon_deg, double lat_deg) : lon(lon_deg), lat(lat_deg) {
        if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180.0 || lon > 180.0 || lat < -90.0 ||
            lat > 90.0) {
            throw Error(ErrorKind::InvalidInput, "invalid coordinate: lon " + std::to_string(lon_deg) +
                                                     ", lat " + std::to_string(lat_deg));
        }
    }
};
// Exactly the same position (no tolerance: for round trips and copies).
inline bool operator==(const LonLat& a, const LonLat& b) { return a.lon == b.lon && a.lat == b.lat; }
inline bool operator!=(const LonLat& a, const LonLat& b) { return !(a == b); }

// A plane position in a projection's units (metres for Web Mercator).
struct XY {
    double x = 0.0;
    double y = 0.0;
};

}  // namespace geo
