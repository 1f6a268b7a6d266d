// geo/raster.hpp — single-band rasters (the DEM) read through GDAL into floats, and any GDAL
// raster read as a picture (RGBA) warped to a WGS 84 lon/lat grid, for layers the reader adds.
// loadRaster does not reproject or resample; the renderer samples the grid in a shader.
#pragma once
#include <cstdint>
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

// A raster as a picture for the map: colours on a north-up WGS 84 lon/lat grid (EPSG:4326, the
// space vector layers are kept in), so the renderer can place it in any map projection.
struct RasterImage {
    int width = 0;
    int height = 0;
    double west = 0.0, east = 0.0, south = 0.0, north = 0.0;  // the grid's outer edges, degrees
    std::vector<std::uint8_t> rgba;  // row-major, north row first; alpha 0 where there is no data
};

// Largest side of a RasterImage: bigger rasters are read decimated (GDAL uses their overviews).
constexpr int kMaxRasterImageSide = 4096;

// Reads any raster GDAL can open and georeference (GeoTIFF, PNG/JPEG with a world file, NetCDF…)
// as colours: bands 1–3 as red, green, blue (stretched from their minimum to their maximum unless
// they are bytes); one band with a colour table through the table; any other single band as grey
// stretched from its minimum to its maximum. No-data, alpha bands and masks become transparent.
// The picture is then warped (bilinear) from the raster's CRS to lon/lat, cut to lon [-180, 180]
// and lat [-90, 90]. Throws geo::Error naming the file: "file not found" (MissingData); "not a
// raster GDAL can read", "raster has no band to read", "raster has no geotransform", "raster has
// no coordinate reference system", "cannot read raster data" (CorruptData); "cannot reproject
// the raster to lon/lat" (Projection).
RasterImage loadRasterImage(const std::string& path, int max_side = kMaxRasterImageSide);

// What a file added as a map layer holds. Vector when OGR finds a vector layer in it (a
// GeoPackage with both is read as vector), else Raster when GDAL finds a raster band. Throws
// geo::Error naming the file: "file not found" (MissingData) or "not a vector or raster file
// GDAL can read" (CorruptData).
enum class LayerFileKind { Vector, Raster };
LayerFileKind layerFileKind(const std::string& path);

}  // namespace geo
