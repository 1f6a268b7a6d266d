// geo/raster.hpp — single-band rasters (the DEM) read through GDAL into floats.
// Does not reproject or resample; the renderer samples the grid in a shader.
#pragma once
#include <string>
#include <vector>

namespace geo {

struct Raster {
    int width = 0;
    int height = 0;
    // GDAL geotransform: x = gt[0] + col*gt[1] + row*gt[2]; y = gt[3] + col*gt[4] + row*gt[5]
    // (pixel corners, area convention).
    double geotransform[6] = {0, 1, 0, 0, 0, -1};
    std::string crs_wkt;
    std::vector<float> values;  // row-major, top row first; nodata (and non-finite) replaced by NaN
    float min_value = 0.0f;     // over the valid values; both stay 0 if every value is nodata
    float max_value = 0.0f;

    // Bounds in the raster's CRS (lon/lat for the shipped DEM).
    double west() const { return geotransform[0]; }
    double north() const { return geotransform[3]; }
    double east() const { return geotransform[0] + width * geotransform[1]; }
    double south() const { return geotransform[3] + height * geotransform[5]; }
    // Value at a lon/lat by nearest neighbour; NaN outside.
    float sample(double x, double y) const;
};

// Reads band 1. Throws geo::Error naming the file: missing, not a raster GDAL can read, no CRS,
// no geotransform, rotated or south-up geotransform, truncated/unreadable blocks.
Raster loadRaster(const std::string& path);

}  // namespace geo
