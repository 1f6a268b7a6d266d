// app/render/gdal_image.hpp — what the PNG and GeoTIFF writers share: an Image seen as an
// in-memory GDAL raster without copying its pixels (the files themselves are written through
// geo::AtomicFile). No GL; writes nothing itself.
#pragma once
#include <string>

#include "app/render/image.hpp"
#include "geo/gdal_handles.hpp"

namespace app::render {

// A MEM dataset whose first `bands` (3: RGB, 4: RGBA) bands read the image's interleaved RGBA
// bytes in place; the image must outlive it. Null if GDAL has no MEM driver.
geo::gdal::DatasetPtr wrapImage(const Image& image, int bands = 4);

}  // namespace app::render
