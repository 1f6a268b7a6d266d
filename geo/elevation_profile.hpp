// geo/elevation_profile.hpp — the terrain along a measured line: samples a DEM (geo::Raster in
// longitude/latitude) at evenly spaced points of the geodesic between two positions (PROJ's
// geod_inverseline + geod_position, WGS 84), with bilinear interpolation between pixel centres.
// Does not load the DEM (raster.hpp), draw the plot (the viewer does), or reproject a DEM that is
// not in longitude/latitude (it refuses one).
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

#include "geo/lonlat.hpp"
#include "geo/raster.hpp"

namespace geo {

struct ElevationProfile {
    double length_m = 0.0;               // geodesic length of the whole line
    std::vector<double> distances_m;     // from the start, evenly spaced: length_m * i / (samples - 1)
    std::vector<LonLat> positions;       // where each sample lies
    std::vector<double> elevations;      // raster units (metres for the DEM); NaN outside the raster or
                                         // where a pixel that contributes is nodata
};

// `samples` points from `from` to `to`, both included. Throws geo::Error(InvalidInput) for fewer
// than 2 or more than kMaxProfileSamples samples ("elevation profile: need 2 to 100000 samples,
// got N") and for a raster whose crs_wkt is set and is not geographic ("elevation profile: the DEM
// is not in longitude/latitude"); an empty crs_wkt is taken as longitude/latitude.
constexpr std::size_t kMaxProfileSamples = 100000;
ElevationProfile elevationProfile(const Raster& dem, const LonLat& from, const LonLat& to, std::size_t samples);
// The same with the elevation from a function of (lon, lat) — the user's DEMs over the world relief
// (geo::elevationAt in dem.hpp); NaN where it has none.
using ElevationAt = std::function<double(double lon, double lat)>;
ElevationProfile elevationProfile(const ElevationAt& elevation, const LonLat& from, const LonLat& to, std::size_t samples);

// The raster's value at (x, y) in its CRS, interpolated bilinearly between the four surrounding
// pixel centres. Within half a pixel of the edge the edge pixels are used; NaN outside the raster,
// or if a pixel with a non-zero weight is NaN (nodata). At a pixel centre it is that pixel's value.
double sampleBilinear(const Raster& raster, double x, double y);

}  // namespace geo
