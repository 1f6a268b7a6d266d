// geo/geodesy.hpp — distances and directions on the WGS 84 ellipsoid through PROJ's geodesic API
// (Karney's algorithms). No spherical shortcuts.
#pragma once
#include "geo/lonlat.hpp"

namespace geo {

struct GeodesicInverse {
    double distance_m = 0.0;
    double azimuth1_deg = 0.0;  // forward azimuth at the first point, clockwise from north
    double azimuth2_deg = 0.0;
};

GeodesicInverse geodesicInverse(const LonLat& a, const LonLat& b);
double geodesicDistanceMeters(const LonLat& a, const LonLat& b);
// The point reached from `start` going `distance_m` along `azimuth_deg`.
LonLat geodesicDirect(const LonLat& start, double azimuth_deg, double distance_m);

}  // namespace geo
