#include "geo/dem.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>

#include "geo/atomic_file.hpp"
#include "geo/elevation_profile.hpp"
#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/local_gdal_open.hpp"

namespace geo {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string wgs84Wkt() {
    static const std::string wkt = [] {
        gdal::SpatialReferencePtr srs(OSRNewSpatialReference(nullptr));
        char* text = nullptr;
        std::string result;
        if (srs && OSRImportFromEPSG(srs.get(), 4326) == OGRERR_NONE && OSRExportToWkt(srs.get(), &text) == OGRERR_NONE) {
            result = text;
        }
        CPLFree(text);
        return result;
    }();
    return wkt;
}

// What one DEM file is, checked as loadRaster checks it: a band, a geotransform and a CRS.
struct DemFile {
    std::string path;
    std::string crs_wkt;
};

DemFile checkDemFile(const std::string& path) {
    gdal::DatasetPtr dataset = openLocalGdalFile(path, GDAL_OF_RASTER);
    if (!dataset) throw Error(ErrorKind::CorruptData, path + ": not a raster GDAL can read" + gdal::lastErrorSuffix(path));
    if (GDALGetRasterCount(dataset.get()) < 1 || GDALGetRasterXSize(dataset.get()) <= 0 ||
        GDALGetRasterYSize(dataset.get()) <= 0) {
        throw Error(ErrorKind::CorruptData, path + ": raster has no band to read");
    }
    double gt[6];
    if (GDALGetGeoTransform(dataset.get(), gt) != CE_None) {
        throw Error(ErrorKind::CorruptData, path + ": raster has no geotransform");
    }
    if (GDALGetSpatialRef(dataset.get()) == nullptr) {
        throw Error(ErrorKind::CorruptData, path + ": raster has no coordinate reference system");
    }
    // Reading one line catches a file cut short or a damaged first block now, not on the map.
    std::vector<float> line(static_cast<std::size_t>(GDALGetRasterXSize(dataset.get())));
    CPLErrorReset();
    if (GDALRasterIO(GDALGetRasterBand(dataset.get(), 1), GF_Read, 0, 0, GDALGetRasterXSize(dataset.get()), 1,
                     line.data(), GDALGetRasterXSize(dataset.get()), 1, GDT_Float32, 0, 0) != CE_None) {
        throw Error(ErrorKind::CorruptData, path + ": cannot read raster data" + gdal::lastErrorSuffix(path));
    }
    const char* wkt = GDALGetProjectionRef(dataset.get());
    return DemFile{path, wkt != nullptr ? wkt : ""};
}

bool isNorthUpLonLat(GDALDatasetH dataset) {
    double gt[6];
    if (GDALGetGeoTransform(dataset, gt) != CE_None) return false;
    if (gt[2] != 0.0 || gt[4] != 0.0 || !(gt[1] > 0.0) || !(gt[5] < 0.0)) return false;
    const OGRSpatialReferenceH crs = GDALGetSpatialRef(dataset);
    return crs != nullptr && OSRIsGeographic(crs) != 0;
}

std::vector<std::string> filesUnder(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(folder, std::filesystem::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    if (ec) throw Error(ErrorKind::Io, folder + ": cannot list the folder (" + ec.message() + ")");
    std::sort(files.begin(), files.end());
    return files;
}

// FNV-1a: a name for a cache file that is the same in every run.
std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ull;
    return hash;
}

}  // namespace

// The datasets a DEM reads through: the file or mosaic as opened, and the warped VRT over it when
// it is not a north-up lon/lat grid. Declared in this order so the warp closes before its source.
struct Dem::Datasets {
    gdal::DatasetPtr source;
    gdal::DatasetPtr warped;
    GDALDatasetH read() const { return warped ? warped.get() : source.get(); }
    int column_offset = 0, row_offset = 0;  // the part inside the world: cells cut at ±180°, ±90°
    double nodata = 0.0;
    bool has_nodata = false;
    gdal::DatasetPtr overviews;  // useAveragedOverviews: the grid at half resolution and coarser
};

Dem::~Dem() = default;

Raster Dem::readCells(int column, int row, int width, int height, int out_width, int out_height, bool average) const {
    Raster raster;
    const int first_column = std::max(column, 0), first_row = std::max(row, 0);
    const int last_column = std::min(column + width, columns_), last_row = std::min(row + height, rows_);
    if (first_column >= last_column || first_row >= last_row || out_width <= 0 || out_height <= 0) return raster;
    // A window cut at the grid's edge keeps its cells' size.
    const double scale_x = double(width) / out_width, scale_y = double(height) / out_height;
    const int cut_width = last_column - first_column, cut_height = last_row - first_row;
    raster.width = std::max(1, static_cast<int>(std::lround(cut_width / scale_x)));
    raster.height = std::max(1, static_cast<int>(std::lround(cut_height / scale_y)));
    const double cell_lon = cellLonDegrees(), cell_lat = cellLatDegrees();
    raster.geotransform[0] = west_ + first_column * cell_lon;
    raster.geotransform[1] = cut_width * cell_lon / raster.width;
    raster.geotransform[2] = 0.0;
    raster.geotransform[3] = north_ - first_row * cell_lat;
    raster.geotransform[4] = 0.0;
    raster.geotransform[5] = -cut_height * cell_lat / raster.height;
    raster.crs_wkt = wgs84Wkt();
    raster.values.resize(static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height));

    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    const bool decimated = raster.width != cut_width || raster.height != cut_height;
    extra.eResampleAlg = decimated && average ? GRIORA_Average : GRIORA_NearestNeighbour;
    {
        const std::lock_guard<std::mutex> lock(reading_);
        gdal::QuietErrors quiet;
        GDALDatasetH dataset = datasets_->read();
        int x = first_column + datasets_->column_offset, y = first_row + datasets_->row_offset;
        int x_size = cut_width, y_size = cut_height;
        // Every second cell or coarser: from the averaged overviews when there are some (their
        // own coarser levels are GDAL's overviews of them), averaged again to the size asked.
        if (datasets_->overviews && scale_x >= 2.0 && scale_y >= 2.0) {
            dataset = datasets_->overviews.get();
            double gt[6];
            GDALGetGeoTransform(dataset, gt);
            extra.eResampleAlg = GRIORA_Average;
            extra.bFloatingPointWindowValidity = TRUE;
            extra.dfXOff = (raster.geotransform[0] - gt[0]) / gt[1];
            extra.dfYOff = (raster.geotransform[3] - gt[3]) / gt[5];
            extra.dfXSize = cut_width * cell_lon / gt[1];
            extra.dfYSize = cut_height * cell_lat / -gt[5];
            const int columns = GDALGetRasterXSize(dataset), rows = GDALGetRasterYSize(dataset);
            extra.dfXOff = std::clamp(extra.dfXOff, 0.0, double(columns));
            extra.dfYOff = std::clamp(extra.dfYOff, 0.0, double(rows));
            extra.dfXSize = std::clamp(extra.dfXSize, 1e-9, double(columns) - extra.dfXOff);
            extra.dfYSize = std::clamp(extra.dfYSize, 1e-9, double(rows) - extra.dfYOff);
            x = static_cast<int>(std::floor(extra.dfXOff));
            y = static_cast<int>(std::floor(extra.dfYOff));
            x_size = std::max(1, std::min(columns - x, static_cast<int>(std::ceil(extra.dfXOff + extra.dfXSize)) - x));
            y_size = std::max(1, std::min(rows - y, static_cast<int>(std::ceil(extra.dfYOff + extra.dfYSize)) - y));
        }
        GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
        if (GDALRasterIOEx(band, GF_Read, x, y, x_size, y_size, raster.values.data(), raster.width, raster.height,
                           GDT_Float32, 0, 0, &extra) != CE_None) {
            throw Error(ErrorKind::CorruptData, path_ + ": cannot read raster data" + gdal::lastErrorSuffix(path_));
        }
    }
    const float nodata = static_cast<float>(datasets_->nodata);
    float low = std::numeric_limits<float>::infinity(), high = -low;
    for (float& v : raster.values) {
        if ((datasets_->has_nodata && v == nodata) || !std::isfinite(v)) {
            v = std::numeric_limits<float>::quiet_NaN();
            continue;
        }
        low = std::min(low, v);
        high = std::max(high, v);
    }
    if (low <= high) {
        raster.min_value = low;
        raster.max_value = high;
    }
    return raster;
}

std::string Dem::useAveragedOverviews(const std::string& cache_dir, const std::function<bool()>& keep_going) const {
    // Named after what it is made of: the DEM's files with their sizes and modification times.
    std::string identity = path_;
    for (const std::string& file : files_) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        const auto time = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
        identity += "\n" + file + "\t" + std::to_string(size) + "\t" + std::to_string(time);
    }
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.tif", static_cast<unsigned long long>(fnv1a(identity)));
    const std::string path = (std::filesystem::path(cache_dir) / name).string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        std::filesystem::create_directories(cache_dir, ec);
        if (ec) throw Error(ErrorKind::Io, cache_dir + ": cannot create the folder (" + ec.message() + ")");
        gdal::QuietErrors quiet;
        // Its own datasets: reads of the map go on meanwhile.
        const std::unique_ptr<Datasets> source = openDatasets(path_, files_);
        GDALDatasetH read = source->read();
        const int columns = GDALGetRasterXSize(read), rows = GDALGetRasterYSize(read);
        const std::string half_columns = std::to_string(std::max(1, columns / 2));
        const std::string half_rows = std::to_string(std::max(1, rows / 2));
        AtomicFile file(path, "DEM overviews");
        const std::string temporary = file.pathForWriter();
        const char* arguments[] = {"-of", "GTiff", "-ot", "Float32", "-r", "average", "-outsize", half_columns.c_str(),
                                   half_rows.c_str(), "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=3",
                                   "-co", "BIGTIFF=IF_SAFER", nullptr};
        std::unique_ptr<GDALTranslateOptions, void (*)(GDALTranslateOptions*)> options(
            GDALTranslateOptionsNew(const_cast<char**>(arguments), nullptr), GDALTranslateOptionsFree);
        // GDAL asks this between blocks; false stops it.
        const GDALProgressFunc progress = [](double, const char*, void* data) -> int {
            const auto& go_on = *static_cast<const std::function<bool()>*>(data);
            return !go_on || go_on() ? TRUE : FALSE;
        };
        void* progress_data = const_cast<std::function<bool()>*>(&keep_going);
        GDALTranslateOptionsSetProgress(options.get(), progress, progress_data);
        int usage_error = 0;
        gdal::DatasetPtr half(GDALTranslate(temporary.c_str(), read, options.get(), &usage_error));
        if (keep_going && !keep_going()) throw Cancelled();
        if (!half) throw Error(ErrorKind::Io, path + ": cannot write the DEM's overviews" + gdal::lastErrorSuffix(path));
        // Its own overviews, each averaged from the one before, down to about 256 cells a side.
        std::vector<int> levels;
        for (int level = 2; std::max(columns, rows) / 2 / level >= 256; level *= 2) levels.push_back(level);
        if (!levels.empty() && GDALBuildOverviews(half.get(), "AVERAGE", static_cast<int>(levels.size()), levels.data(), 0,
                                                  nullptr, progress, progress_data) != CE_None) {
            if (keep_going && !keep_going()) throw Cancelled();
            throw Error(ErrorKind::Io, path + ": cannot write the DEM's overviews" + gdal::lastErrorSuffix(path));
        }
        half.reset();
        file.commit();
    }
    gdal::DatasetPtr overviews = openLocalGdalFile(path, GDAL_OF_RASTER);
    if (!overviews) throw Error(ErrorKind::CorruptData, path + ": not a raster GDAL can read" + gdal::lastErrorSuffix(path));
    const std::lock_guard<std::mutex> lock(reading_);
    datasets_->overviews = std::move(overviews);
    return path;
}

Raster Dem::readAll(int max_side) const {
    const double shrink = std::max(1.0, double(std::max(columns_, rows_)) / std::max(max_side, 1));
    return readCells(0, 0, columns_, rows_, std::max(1, static_cast<int>(std::floor(columns_ / shrink))),
                     std::max(1, static_cast<int>(std::floor(rows_ / shrink))), true);
}

double Dem::sample(double lon, double lat) const {
    if (!std::isfinite(lon) || !std::isfinite(lat)) return kNaN;
    const double col = (lon - west_) / cellLonDegrees();
    const double row = (north_ - lat) / cellLatDegrees();
    if (!(col >= 0.0 && row >= 0.0 && col <= columns_ && row <= rows_)) return kNaN;
    const double cx = std::clamp(col - 0.5, 0.0, double(columns_ - 1));
    const double cy = std::clamp(row - 0.5, 0.0, double(rows_ - 1));
    const int c0 = static_cast<int>(std::floor(cx)), r0 = static_cast<int>(std::floor(cy));
    const int c1 = std::min(c0 + 1, columns_ - 1), r1 = std::min(r0 + 1, rows_ - 1);
    // The (at most) 2 × 2 cells around the point, sampled as the profile samples any raster.
    const Raster cells = readCells(c0, r0, c1 - c0 + 1, r1 - r0 + 1, c1 - c0 + 1, r1 - r0 + 1, false);
    return sampleBilinear(cells, lon, lat);
}

// The datasets a DEM of `paths` reads through (named `name` in messages): the file, or an in-memory
// VRT mosaic of several, warped to lon/lat when it is not a north-up lon/lat grid.
std::unique_ptr<Dem::Datasets> Dem::openDatasets(const std::string& name, const std::vector<std::string>& paths) {
    auto datasets = std::make_unique<Dem::Datasets>();
    if (paths.size() == 1) {
        datasets->source = openLocalGdalFile(paths.front(), GDAL_OF_RASTER);
    } else {
        std::vector<const char*> names;
        for (const std::string& p : paths) names.push_back(p.c_str());
        const char* arguments[] = {"-resolution", "highest", nullptr};
        std::unique_ptr<GDALBuildVRTOptions, void (*)(GDALBuildVRTOptions*)> options(
            GDALBuildVRTOptionsNew(const_cast<char**>(arguments), nullptr), GDALBuildVRTOptionsFree);
        int usage_error = 0;
        // An empty name keeps the VRT in memory; its tiles are opened as reads reach them.
        datasets->source.reset(GDALBuildVRT("", static_cast<int>(names.size()), nullptr, names.data(), options.get(),
                                            &usage_error));
    }
    if (!datasets->source) {
        throw Error(ErrorKind::CorruptData, name + ": not a raster GDAL can read" + gdal::lastErrorSuffix(name));
    }
    if (!isNorthUpLonLat(datasets->source.get())) {
        const char* arguments[] = {"-of", "VRT", "-t_srs", "EPSG:4326", "-r", "bilinear", "-ot", "Float32",
                                   "-dstnodata", "nan", nullptr};
        gdal::WarpOptionsPtr options(GDALWarpAppOptionsNew(const_cast<char**>(arguments), nullptr));
        GDALDatasetH sources[] = {datasets->source.get()};
        int usage_error = 0;
        if (options) datasets->warped.reset(GDALWarp("", nullptr, 1, sources, options.get(), &usage_error));
        if (!datasets->warped || !isNorthUpLonLat(datasets->warped.get())) {
            throw Error(ErrorKind::CorruptData, name + ": cannot reproject the DEM to lon/lat" + gdal::lastErrorSuffix(name));
        }
    }
    return datasets;
}

std::shared_ptr<Dem> Dem::fromDatasets(const std::string& name, const std::vector<std::string>& paths,
                                       std::unique_ptr<Datasets> datasets) {
    GDALDatasetH read = datasets->read();
    GDALRasterBandH band = GDALGetRasterBand(read, 1);
    int has_nodata = 0;
    datasets->nodata = GDALGetRasterNoDataValue(band, &has_nodata);
    datasets->has_nodata = has_nodata != 0;
    double gt[6];
    GDALGetGeoTransform(read, gt);
    const int width = GDALGetRasterXSize(read), height = GDALGetRasterYSize(read);
    // Only the part inside lon [-180, 180], lat [-90, 90] (a tile's outer half cells may reach beyond).
    const int first_col = std::max(0, static_cast<int>(std::ceil((-180.0 - gt[0]) / gt[1] - 1e-9)));
    const int end_col = std::min(width, static_cast<int>(std::floor((180.0 - gt[0]) / gt[1] + 1e-9)));
    const int first_row = std::max(0, static_cast<int>(std::ceil((gt[3] - 90.0) / -gt[5] - 1e-9)));
    const int end_row = std::min(height, static_cast<int>(std::floor((gt[3] + 90.0) / -gt[5] + 1e-9)));
    if (first_col >= end_col || first_row >= end_row) {
        throw Error(ErrorKind::CorruptData, name + ": the DEM lies outside the world's lon/lat range");
    }
    std::shared_ptr<Dem> dem(new Dem());
    dem->path_ = name;
    dem->files_ = paths;
    dem->columns_ = end_col - first_col;
    dem->rows_ = end_row - first_row;
    dem->west_ = gt[0] + first_col * gt[1];
    dem->east_ = gt[0] + end_col * gt[1];
    dem->north_ = gt[3] + first_row * gt[5];
    dem->south_ = gt[3] + end_row * gt[5];
    datasets->column_offset = first_col;
    datasets->row_offset = first_row;
    dem->datasets_ = std::move(datasets);
    return dem;
}

std::shared_ptr<const Dem> demFromRaster(const Raster& raster, const std::string& name) {
    gdal::registerDriversOnce();
    if (raster.width <= 0 || raster.height <= 0 ||
        raster.values.size() != static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height)) {
        throw Error(ErrorKind::InvalidInput, name + ": the grid has " + std::to_string(raster.values.size()) +
                                                 " values for " + std::to_string(raster.width) + " x " +
                                                 std::to_string(raster.height) + " cells");
    }
    const double* gt = raster.geotransform;
    if (!(gt[1] > 0.0 && gt[5] < 0.0 && gt[2] == 0.0 && gt[4] == 0.0)) {
        throw Error(ErrorKind::InvalidInput, name + ": not a north-up lon/lat grid");
    }
    GDALDriverH mem = GDALGetDriverByName("MEM");
    if (mem == nullptr) throw Error(ErrorKind::InvalidInput, name + ": GDAL has no MEM driver");
    auto datasets = std::make_unique<Dem::Datasets>();
    datasets->source.reset(GDALCreate(mem, "", raster.width, raster.height, 1, GDT_Float32, nullptr));
    if (!datasets->source) throw Error(ErrorKind::InvalidInput, name + ": cannot hold the grid" + gdal::lastErrorSuffix(name));
    GDALDatasetH dataset = datasets->source.get();
    double transform[6];
    std::copy(gt, gt + 6, transform);
    GDALSetGeoTransform(dataset, transform);
    GDALSetProjection(dataset, wgs84Wkt().c_str());
    if (GDALRasterIO(GDALGetRasterBand(dataset, 1), GF_Write, 0, 0, raster.width, raster.height,
                     const_cast<float*>(raster.values.data()), raster.width, raster.height, GDT_Float32, 0, 0) != CE_None) {
        throw Error(ErrorKind::InvalidInput, name + ": cannot hold the grid" + gdal::lastErrorSuffix(name));
    }
    return Dem::fromDatasets(name, {}, std::move(datasets));
}

std::vector<std::shared_ptr<const Dem>> openDems(const std::string& path) {
    gdal::registerDriversOnce();
    gdal::QuietErrors quiet;
    requireLocalFile(path);
    std::error_code ec;
    std::vector<DemFile> files;
    if (std::filesystem::is_directory(path, ec)) {
        for (const std::string& file : filesUnder(path)) {
            // Files no raster driver claims (a README, .prj, .aux.xml) are not tiles.
            if (GDALIdentifyDriverEx(file.c_str(), GDAL_OF_RASTER, nullptr, nullptr) == nullptr) continue;
            files.push_back(checkDemFile(file));
        }
        if (files.empty()) throw Error(ErrorKind::InvalidInput, path + ": no DEM files in the folder");
    } else {
        files.push_back(checkDemFile(path));
    }
    // A mosaic joins files of one coordinate system; a folder of several makes several DEMs.
    std::map<std::string, std::vector<std::string>> by_crs;
    for (const DemFile& file : files) by_crs[file.crs_wkt].push_back(file.path);

    std::vector<std::shared_ptr<const Dem>> dems;
    for (const auto& [crs, paths] : by_crs) {
        const std::string& name = paths.size() == 1 ? paths.front() : path;
        auto datasets = Dem::openDatasets(name, paths);
        dems.push_back(Dem::fromDatasets(name, paths, std::move(datasets)));
    }
    return dems;
}

void sortCoarsestFirst(std::vector<std::shared_ptr<const Dem>>& dems) {
    std::stable_sort(dems.begin(), dems.end(), [](const std::shared_ptr<const Dem>& a, const std::shared_ptr<const Dem>& b) {
        return a->cellLatDegrees() > b->cellLatDegrees();
    });
}

double elevationAt(const std::vector<std::shared_ptr<const Dem>>& dems, const Dem* relief, double lon, double lat) {
    for (auto it = dems.rbegin(); it != dems.rend(); ++it) {
        const Dem& dem = **it;
        if (lon < dem.west() || lon > dem.east() || lat < dem.south() || lat > dem.north()) continue;
        const double z = dem.sample(lon, lat);
        if (!std::isnan(z)) return z;
    }
    return relief != nullptr ? relief->sample(lon, lat) : kNaN;
}

}  // namespace geo
