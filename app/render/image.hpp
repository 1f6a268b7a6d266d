// app/render/image.hpp — an RGBA8 image in memory, top row first, and writing it as PNG
// (temporary file, then rename, so a failed write never leaves a half file). No GL.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace app::render {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width*height*4, top row first
    const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
};

// Lossless, through GDAL's PNG driver: 8-bit RGB when every pixel is opaque, else RGBA, at zlib
// level 1 (a 1500 × 1500 map in about a quarter of the default level's time). Throws geo::Error(Io) naming the path on
// failure, geo::Error(InvalidInput) for an empty or inconsistent image.
void writePng(const Image& image, const std::string& path);
// Reads a PNG (or any GDAL raster with 3–4 bands) back, for tests.
Image readImage(const std::string& path);

}  // namespace app::render
