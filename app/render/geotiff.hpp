// app/render/geotiff.hpp — encodings of a rendered Image beyond image.hpp's PNG file: a GeoTIFF
// whose CRS and geotransform come from the view it shows (so it overlays exactly in QGIS and
// `gdalinfo` reports the view's corners), and PNG bytes in memory (for the HTML report). Written
// through GDAL; files go to a temporary name first and are renamed, so a failed write never
// leaves a half file. No GL: the image is already rendered.
#pragma once
#include <string>

#include "app/render/image.hpp"
#include "geo/viewport.hpp"

namespace app::render {

struct GeoTiffOptions {
    // The CRS of the view's plane, anything OGR's SetFromUserInput takes ("EPSG:3857", a PROJ string).
    std::string crs = "EPSG:3857";
    double dpi = 0.0;  // > 0: written as the TIFF resolution, so print software sizes the page
    // The data's sources (TIFFTAG_COPYRIGHT): a clean map carries its attribution in the file.
    std::string copyright;
};

// `view` must have the image's size. Pixel (0, 0)'s top-left corner is the view's top-left corner
// (pixel-is-area), pixels are view.metresPerPixel() square, north up. Four bands, RGBA, deflate.
// Throws geo::Error: InvalidInput when the sizes differ or the CRS is unknown, Io when writing
// fails ("PATH: cannot write GeoTIFF (REASON)").
void writeGeoTiff(const Image& image, const geo::Viewport& view, const std::string& path,
                  const GeoTiffOptions& options = {});

// The image as a PNG file's bytes. Throws geo::Error(InvalidInput) for an empty image.
std::string encodePng(const Image& image);

}  // namespace app::render
