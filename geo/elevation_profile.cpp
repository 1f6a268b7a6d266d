#include "geo/elevation_profile.hpp"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"

namespace geo {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// True if the WKT is empty (taken as lon/lat) or describes a geographic CRS.
bool isLonLat(const std::string& wkt) {
    if (wkt.empty()) return true;
    gdal::SpatialReferencePtr srs(OSRNewSpatialReference(nullptr));
    if (!srs) return false;
    const char* text = wkt.c_str();
    if (OSRImportFromWkt(srs.get(), const_cast<char**>(&text)) != OGRERR_NONE) return false;
    return OSRIsGeographic(srs.get()) != 0;
}

}  // namespace

double sampleBilinear(const Raster& raster, double x, double y) {
    if (raster.width <= 0 || raster.height <= 0 || !std::isfinite(x) || !std::isfinite(y)) return kNaN;
    if (raster.values.size() != static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height)) {
        return kNaN;
    }
    const double* gt = raster.geotransform;
    const double col = (x - gt[0]) / gt[1];  // in pixels from the west edge
    const double row = (y - gt[3]) / gt[5];  // in pixels from the north edge
    if (!(col >= 0.0 && row >= 0.0 && col <= raster.width && row <= raster.height)) return kNaN;
    // Pixel centres are at col + 0.5; between the outer centres and the edge the edge pixel holds.
    const double cx = std::clamp(col - 0.5, 0.0, static_cast<double>(raster.width - 1));
    const double cy = std::clamp(row - 0.5, 0.0, static_cast<double>(raster.height - 1));
    const int c0 = static_cast<int>(std::floor(cx));
    const int r0 = static_cast<int>(std::floor(cy));
    const int c1 = std::min(c0 + 1, raster.width - 1);
    const int r1 = std::min(r0 + 1, raster.height - 1);
    const double fx = cx - c0;
    const double fy = cy - r0;
    const auto at = [&](int c, int r) {
        return static_cast<double>(
            raster.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(raster.width) + static_cast<std::size_t>(c)]);
    };
    const double weights[4] = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
    const double values[4] = {at(c0, r0), at(c1, r0), at(c0, r1), at(c1, r1)};
    double sum = 0.0;
    for (int i = 0; i < 4; ++i) {
        if (weights[i] == 0.0) continue;
        if (std::isnan(values[i])) return kNaN;
        sum += weights[i] * values[i];
    }
    return sum;
}

ElevationProfile elevationProfile(const Raster& dem, const LonLat& from, const LonLat& to, std::size_t samples) {
    if (!isLonLat(dem.crs_wkt)) throw Error(ErrorKind::InvalidInput, "elevation profile: the DEM is not in longitude/latitude");
    return elevationProfile([&dem](double lon, double lat) { return sampleBilinear(dem, lon, lat); }, from, to, samples);
}

ElevationProfile elevationProfile(const ElevationAt& elevation, const LonLat& from, const LonLat& to, std::size_t samples) {
    if (samples < 2 || samples > kMaxProfileSamples) {
        throw Error(ErrorKind::InvalidInput, "elevation profile: need 2 to " + std::to_string(kMaxProfileSamples) +
                                                 " samples, got " + std::to_string(samples));
    }

    geod_geodesic ellipsoid{};
    geod_init(&ellipsoid, 6378137.0, 1.0 / 298.257223563);  // WGS 84, as geodesy.cpp
    geod_geodesicline line{};
    geod_inverseline(&line, &ellipsoid, from.lat, from.lon, to.lat, to.lon, GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN);

    ElevationProfile profile;
    profile.length_m = line.s13;
    profile.distances_m.reserve(samples);
    profile.positions.reserve(samples);
    profile.elevations.reserve(samples);
    for (std::size_t i = 0; i < samples; ++i) {
        // The last sample is the end point itself, not s13 walked along the line (no rounding drift).
        const double s = i + 1 == samples ? line.s13 : line.s13 * static_cast<double>(i) / static_cast<double>(samples - 1);
        double lat = from.lat;
        double lon = from.lon;
        if (i + 1 == samples) {
            lat = to.lat;
            lon = to.lon;
        } else if (i > 0) {
            geod_position(&line, s, &lat, &lon, nullptr);
        }
        const LonLat position(std::remainder(lon, 360.0), std::clamp(lat, -90.0, 90.0));
        profile.distances_m.push_back(s);
        profile.positions.push_back(position);
        profile.elevations.push_back(elevation(position.lon, position.lat));
    }
    return profile;
}

}  // namespace geo
