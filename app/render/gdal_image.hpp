// app/render/gdal_image.hpp — what the PNG and GeoTIFF writers share: an Image seen as an
// in-memory GDAL raster without copying its pixels, and a temporary file beside the output that is
// removed unless released (outputs appear only by rename). No GL; writes nothing itself.
#pragma once
#include <string>

#include "app/render/image.hpp"
#include "geo/gdal_handles.hpp"

namespace app::render {

// A MEM dataset whose first `bands` (3: RGB, 4: RGBA) bands read the image's interleaved RGBA
// bytes in place; the image must outlive it. Null if GDAL has no MEM driver.
geo::gdal::DatasetPtr wrapImage(const Image& image, int bands = 4);

// Removes the file (and the .aux.xml side file GDAL may write next to it) unless released.
class TemporaryFile {
public:
    explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::string path_;
};

}  // namespace app::render
