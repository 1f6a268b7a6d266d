// geo/dem.hpp — elevation the user brings: any DEM GDAL can read (SRTM .hgt, DTED .dt0/.dt1/.dt2,
// GeoTIFF…) or a folder of such tiles, opened once and then read through GDAL a window at a time,
// at the resolution a view needs, so a mosaic of many tiles never sits in memory whole.
// A folder becomes one in-memory VRT mosaic per coordinate system of its files (GDALBuildVRT);
// a DEM not in longitude/latitude is read through a warped VRT to WGS 84 (bilinear). GDAL reads
// one dataset on one thread at a time, so each Dem serialises its reads with a lock.
// Does not draw (app/render/terrain_layer) or choose which DEM wins where several overlap
// (callers: the finest on top).
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "geo/raster.hpp"

namespace geo {

class Dem {
public:
    ~Dem();
    Dem(const Dem&) = delete;
    Dem& operator=(const Dem&) = delete;

    // The file or folder this DEM was opened from, as given.
    const std::string& path() const { return path_; }
    // Its extent on the WGS 84 lon/lat grid it is read on (outer cell edges, degrees).
    double west() const { return west_; }
    double east() const { return east_; }
    double south() const { return south_; }
    double north() const { return north_; }
    // The grid at full resolution: columns, rows and one cell's size in degrees.
    int columns() const { return columns_; }
    int rows() const { return rows_; }
    double cellLonDegrees() const { return (east_ - west_) / columns_; }
    double cellLatDegrees() const { return (north_ - south_) / rows_; }

    // The cells [column, column + width) × [row, row + height) of the full-resolution grid (row 0
    // north), cut to the grid, read as `out_width` × `out_height` cells (each the average of the
    // cells it covers when `average` is set, else the nearest one; GDAL's overviews are used where
    // a file has them) into a lon/lat Raster (values in metres, no data and non-finite as NaN,
    // crs_wkt EPSG:4326). An empty Raster when the window misses the grid. Throws geo::Error
    // naming the DEM if GDAL cannot read it.
    Raster readCells(int column, int row, int width, int height, int out_width, int out_height, bool average) const;
    // The whole DEM as at most `max_side` cells a side (averaged).
    Raster readAll(int max_side) const;
    // Averaged overviews for a DEM too large to average on the fly (a mosaic of many tiles, whose
    // zoomed-out windows are otherwise read from the nearest cells): the grid at half resolution,
    // with GDAL overviews of it down to about 256 cells a side, written once as a GeoTIFF in
    // `cache_dir` and used by readCells for every read of every second cell or coarser (always
    // averaged). The file is named after the DEM's files, their sizes and modification times, so
    // a changed tile makes a new one and an unchanged DEM reuses it in later runs. Reads the whole
    // DEM once when the file is made (slow for a large mosaic: call on a worker thread); reads go
    // on meanwhile. `keep_going` (may be empty) is asked now and then while the file is made;
    // false stops it (geo::Cancelled, nothing left in the cache). Returns the file's path. Throws
    // geo::Error naming it if it cannot be written.
    std::string useAveragedOverviews(const std::string& cache_dir, const std::function<bool()>& keep_going = {}) const;
    // The elevation at a lon/lat, bilinear between the four nearest cell centres (the edge cells
    // within half a cell of the edge); NaN outside the DEM or where a contributing cell has no data.
    double sample(double lon, double lat) const;

private:
    friend std::vector<std::shared_ptr<const Dem>> openDems(const std::string& path);
    friend std::shared_ptr<const Dem> demFromRaster(const Raster& raster, const std::string& name);
    Dem() = default;
    struct Datasets;
    static std::unique_ptr<Datasets> openDatasets(const std::string& name, const std::vector<std::string>& paths);
    // The DEM read through `datasets` (named `name`, made of `paths`): its extent inside the world.
    static std::shared_ptr<Dem> fromDatasets(const std::string& name, const std::vector<std::string>& paths,
                                             std::unique_ptr<Datasets> datasets);
    std::string path_;
    std::vector<std::string> files_;  // the files it is made of
    std::unique_ptr<Datasets> datasets_;
    double west_ = 0, east_ = 0, south_ = 0, north_ = 0;
    int columns_ = 0, rows_ = 0;
    mutable std::mutex reading_;
};

// Opens `path` as DEMs: one for a file; for a folder, every file in it and its subfolders that a
// GDAL raster driver recognises (others, such as a README or a .prj, are skipped), one DEM per
// coordinate system. Throws geo::Error naming the offending file: "file not found"
// (MissingData); "not a raster GDAL can read", "raster has no band to read", "raster has no
// geotransform", "raster has no coordinate reference system", "cannot reproject the DEM to
// lon/lat" (CorruptData); "no DEM files in the folder" (InvalidInput).
std::vector<std::shared_ptr<const Dem>> openDems(const std::string& path);

// A lon/lat grid already in memory as a DEM (copied into a GDAL in-memory dataset and read like
// any other): the world relief of tests, grids computed by the program. `name` names it in
// messages. Throws geo::Error(InvalidInput) if the grid is empty, its values do not fill it, or it
// is not a north-up lon/lat grid.
std::shared_ptr<const Dem> demFromRaster(const Raster& raster, const std::string& name);

// The DEMs as they are drawn and sampled: coarsest first, so the finest is on top.
void sortCoarsestFirst(std::vector<std::shared_ptr<const Dem>>& dems);

// The ground's elevation at a lon/lat: the finest of `dems` that has a value there (they are
// ordered coarsest first), else the world relief `relief` (bilinear; may be null). NaN where none has one.
double elevationAt(const std::vector<std::shared_ptr<const Dem>>& dems, const Dem* relief, double lon, double lat);

}  // namespace geo
