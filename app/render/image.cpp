#include "app/render/image.hpp"

#include "app/render/gdal_image.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"

namespace app::render {

namespace {

// zlib level 1 (GDAL's PNG driver, ZLEVEL): a 1500 × 1500 map in about a quarter of the time of
// the default level 6, for a file about a quarter larger (docs/benchmarks.md).
constexpr const char* kPngZlevel = "ZLEVEL=1";

// Keeps GDAL from printing to stderr while it is alive; the caller reads CPLGetLastErrorMsg().
class QuietGdalErrors {
public:
    QuietGdalErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

std::string lastGdalMessage(const char* fallback) {
    const char* message = CPLGetLastErrorMsg();
    return (message != nullptr && *message != '\0') ? message : fallback;
}

[[noreturn]] void failWrite(const std::string& path, const std::string& reason) {
    throw geo::Error(geo::ErrorKind::Io, path + ": cannot write PNG (" + reason + ")");
}

}  // namespace

void writePng(const Image& image, const std::string& path) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4) {
        throw geo::Error(geo::ErrorKind::InvalidInput,
                         path + ": cannot write PNG (image is empty or its pixel buffer does not match its size)");
    }
    geo::AtomicFile file(path, "PNG");
    geo::gdal::registerDriversOnce();
    const QuietGdalErrors quiet;
    GDALDriverH png_driver = GDALGetDriverByName("PNG");
    if (png_driver == nullptr) failWrite(path, "GDAL has no PNG driver");

    // Opaque pictures (every map) lose nothing by dropping alpha and compress faster.
    const std::size_t pixels = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    bool opaque = true;
    for (std::size_t i = 3; i < pixels * 4 && opaque; i += 4) opaque = image.rgba[i] == 255;
    const int bands = opaque ? 3 : 4;
    const geo::gdal::DatasetPtr memory = wrapImage(image, bands);
    if (!memory) failWrite(path, lastGdalMessage("cannot create an in-memory raster"));

    // Encoded in memory, then written through the AtomicFile (GDAL's PNG writer does not notice a
    // full disk).
    const geo::gdal::MemoryFile encoded("png");
    {
        char* options[] = {const_cast<char*>(kPngZlevel), nullptr};
        geo::gdal::DatasetPtr written(
            GDALCreateCopy(png_driver, encoded.path().c_str(), memory.get(), FALSE, options, nullptr, nullptr));
        if (!written) failWrite(path, lastGdalMessage("GDAL could not create the file"));
    }  // closing flushes the file
    if (CPLGetLastErrorType() >= CE_Failure) failWrite(path, lastGdalMessage("GDAL failed while writing"));
    file.write(encoded.bytes());
    file.commit();
}

Image readImage(const std::string& path) {
    geo::gdal::registerDriversOnce();
    const QuietGdalErrors quiet;
    geo::gdal::DatasetPtr dataset(GDALOpen(path.c_str(), GA_ReadOnly));
    if (!dataset) {
        throw geo::Error(geo::ErrorKind::Io, path + ": cannot read image (" + lastGdalMessage("GDAL cannot open it") + ")");
    }
    const int bands = GDALGetRasterCount(dataset.get());
    if (bands != 3 && bands != 4) {
        throw geo::Error(geo::ErrorKind::InvalidInput,
                         path + ": cannot read image (it has " + std::to_string(bands) + " bands, expected 3 or 4)");
    }
    Image image;
    image.width = GDALGetRasterXSize(dataset.get());
    image.height = GDALGetRasterYSize(dataset.get());
    image.rgba.assign(static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4, 255);
    if (GDALDatasetRasterIO(dataset.get(), GF_Read, 0, 0, image.width, image.height, image.rgba.data(), image.width,
                            image.height, GDT_Byte, bands, nullptr, 4, image.width * 4, 1) != CE_None) {
        throw geo::Error(geo::ErrorKind::CorruptData,
                         path + ": cannot read image (" + lastGdalMessage("its pixels are unreadable") + ")");
    }
    return image;
}

}  // namespace app::render
