#include "app/render/geotiff.hpp"

#include "app/render/gdal_image.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"

namespace app::render {

namespace {

struct StringListDestroyer {
    void operator()(char** list) const { CSLDestroy(list); }
};
using StringListPtr = std::unique_ptr<char*, StringListDestroyer>;

bool sizeMatches(const Image& image) {
    return image.width > 0 && image.height > 0 &&
           image.rgba.size() == static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4;
}

}  // namespace

void writeGeoTiff(const Image& image, const geo::Viewport& view, const std::string& path,
                  const GeoTiffOptions& options) {
    auto fail = [&](geo::ErrorKind kind, const std::string& reason) {
        throw geo::Error(kind, path + ": cannot write GeoTIFF (" + reason + ")");
    };
    auto gdalReason = [](const char* fallback) {
        const char* message = CPLGetLastErrorMsg();
        return std::string(message != nullptr && *message != '\0' ? message : fallback);
    };
    if (!sizeMatches(image)) fail(geo::ErrorKind::InvalidInput, "image is empty or its pixel buffer does not match its size");
    if (image.width != view.width() || image.height != view.height()) {
        fail(geo::ErrorKind::InvalidInput, "the image is " + std::to_string(image.width) + " x " +
                                               std::to_string(image.height) + " but the view is " +
                                               std::to_string(view.width()) + " x " + std::to_string(view.height()));
    }
    geo::AtomicFile file(path, "GeoTIFF");
    geo::gdal::registerDriversOnce();
    const geo::gdal::QuietErrors quiet;
    geo::gdal::SpatialReferencePtr srs(OSRNewSpatialReference(nullptr));
    if (!srs || OSRSetFromUserInput(srs.get(), options.crs.c_str()) != OGRERR_NONE) {
        fail(geo::ErrorKind::InvalidInput, "unknown CRS '" + options.crs + "'");
    }
    GDALDriverH gtiff = GDALGetDriverByName("GTiff");
    if (gtiff == nullptr) fail(geo::ErrorKind::Io, "GDAL has no GTiff driver");

    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    view.bounds(min_x, min_y, max_x, max_y);
    double geotransform[6] = {min_x, view.metresPerPixel(), 0.0, max_y, 0.0, -view.metresPerPixel()};

    // GDAL writes the GeoTIFF at the AtomicFile's temporary path (libtiff reports its write
    // errors), and the AtomicFile puts it in place.
    const std::string temporary = file.pathForWriter();
    {
        StringListPtr creation(CSLAddString(nullptr, "TILED=YES"));
        for (const char* option : {"COMPRESS=DEFLATE", "PREDICTOR=2", "PHOTOMETRIC=RGB", "ALPHA=YES", "BIGTIFF=IF_SAFER"}) {
            creation.reset(CSLAddString(creation.release(), option));
        }
        geo::gdal::DatasetPtr dataset(GDALCreate(gtiff, temporary.c_str(), image.width, image.height, 4, GDT_Byte,
                                                 creation.get()));
        if (!dataset) fail(geo::ErrorKind::Io, gdalReason("GDAL could not create the file"));
        if (GDALSetGeoTransform(dataset.get(), geotransform) != CE_None ||
            GDALSetSpatialRef(dataset.get(), srs.get()) != CE_None) {
            fail(geo::ErrorKind::Io, gdalReason("GDAL could not georeference the file"));
        }
        if (options.dpi > 0) {
            const std::string dpi = std::to_string(options.dpi);
            GDALSetMetadataItem(dataset.get(), "TIFFTAG_XRESOLUTION", dpi.c_str(), nullptr);
            GDALSetMetadataItem(dataset.get(), "TIFFTAG_YRESOLUTION", dpi.c_str(), nullptr);
            GDALSetMetadataItem(dataset.get(), "TIFFTAG_RESOLUTIONUNIT", "2", nullptr);  // inches
        }
        GDALSetMetadataItem(dataset.get(), "TIFFTAG_SOFTWARE", "Text Atlas " TEXTATLAS_VERSION, nullptr);
        if (!options.copyright.empty())
            GDALSetMetadataItem(dataset.get(), "TIFFTAG_COPYRIGHT", options.copyright.c_str(), nullptr);
        auto* pixels = const_cast<std::uint8_t*>(image.rgba.data());
        // Pixel-interleaved RGBA in, one band per channel out.
        if (GDALDatasetRasterIO(dataset.get(), GF_Write, 0, 0, image.width, image.height, pixels, image.width,
                                image.height, GDT_Byte, 4, nullptr, 4, static_cast<GSpacing>(image.width) * 4,
                                1) != CE_None) {
            fail(geo::ErrorKind::Io, gdalReason("GDAL could not write the pixels"));
        }
    }  // closing flushes and compresses the last tiles
    if (CPLGetLastErrorType() >= CE_Failure) fail(geo::ErrorKind::Io, gdalReason("GDAL failed while writing"));
    file.commit();
}

std::string encodePng(const Image& image) {
    if (!sizeMatches(image)) {
        throw geo::Error(geo::ErrorKind::InvalidInput,
                         "cannot encode PNG (image is empty or its pixel buffer does not match its size)");
    }
    geo::gdal::registerDriversOnce();
    const geo::gdal::QuietErrors quiet;
    GDALDriverH png = GDALGetDriverByName("PNG");
    geo::gdal::DatasetPtr source = wrapImage(image);
    if (png == nullptr || !source) throw geo::Error(geo::ErrorKind::Io, "cannot encode PNG (GDAL has no MEM or PNG driver)");
    const geo::gdal::MemoryFile memory("png");
    {
        geo::gdal::DatasetPtr written(
            GDALCreateCopy(png, memory.path().c_str(), source.get(), FALSE, nullptr, nullptr, nullptr));
        if (!written) throw geo::Error(geo::ErrorKind::Io, std::string("cannot encode PNG (") + CPLGetLastErrorMsg() + ")");
    }
    std::string encoded(memory.bytes());
    return encoded;
}

}  // namespace app::render
