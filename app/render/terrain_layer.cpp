#include "app/render/terrain_layer.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace app::render {

namespace {

constexpr double kPi = 3.14159265358979323846;
// Ground distances for slopes use the mean Earth radius (IUGG), not the Mercator sphere.
constexpr double kMeanEarthRadius = 6371008.8;
// No-data cells are uploaded as this value; terrain.frag discards anything below -1000 m, which
// also catches texels blended with a no-data neighbour by linear filtering. Their neighbours'
// gradients treat them as level ground.
constexpr float kNoDataElevation = -60000.0f;  // fits a half float

// The mesh's cells: this many DEM cells on a side, but no larger than kMaxMeshStepDegrees (so the
// projection's curvature inside a cell stays under a pixel at the zoom the DEM is seen at).
constexpr int kCellsPerMeshStep = 32;
constexpr double kMaxMeshStepDegrees = 1.0;
// Bicubic sampling once a DEM cell covers more than this many pixels.
constexpr double kBicubicFromPixelsPerCell = 1.5;
// No-data cells are recorded per block of this many cells on a side (for opaqueOver).
constexpr int kHoleBlockCells = 32;
// Bicubic sampling reads two cells beyond the one a pixel falls in.
constexpr int kSampledCellsAround = 2;
// The texels are computed and uploaded this many rows at a time, so the staging buffer stays
// small (a 4320-cell row is 26 KB) whatever the grid's size.
constexpr int kUploadRows = 64;

}  // namespace

TerrainLayer::TerrainLayer(geo::Raster dem, double feather_degrees)
    : TerrainLayer(std::move(dem), feather_degrees, nullptr) {}

TerrainLayer::TerrainLayer(geo::Raster dem, double feather_degrees, const double fade[4]) {
    if (dem.width <= 0 || dem.height <= 0) return;
    if (dem.values.size() != static_cast<size_t>(dem.width) * static_cast<size_t>(dem.height)) {
        throw std::runtime_error("terrain: DEM has " + std::to_string(dem.values.size()) + " values for a " +
                                 std::to_string(dem.width) + " x " + std::to_string(dem.height) + " grid");
    }
    const double west = dem.west(), east = dem.east(), north = dem.north(), south = dem.south();
    if (!(west >= -180.0 && east <= 180.0 && west < east && south >= -90.0 && north <= 90.0 && south < north)) {
        throw std::runtime_error("terrain: DEM bounds are not a north-up lon/lat grid (west " + std::to_string(west) +
                                 ", east " + std::to_string(east) + ", south " + std::to_string(south) +
                                 ", north " + std::to_string(north) + ")");
    }
    GLint max_texture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture);
    if (dem.width > max_texture || dem.height > max_texture) {
        throw std::runtime_error("terrain: DEM of " + std::to_string(dem.width) + " x " + std::to_string(dem.height) +
                                 " cells exceeds GL_MAX_TEXTURE_SIZE " + std::to_string(max_texture));
    }

    program_ = buildProgram("terrain.vert", "terrain.frag");
    const std::string name = "terrain.vert + terrain.frag";
    u_offset_ = uniformLocation(program_, "u_offset", name);
    u_scale_ = uniformLocation(program_, "u_scale", name);
    u_sun_ = uniformLocation(program_, "u_sun", name);
    u_exaggeration_ = uniformLocation(program_, "u_exaggeration", name);
    u_elevation_ = uniformLocation(program_, "u_elevation", name);
    u_texels_ = uniformLocation(program_, "u_texels", name);
    u_bicubic_ = uniformLocation(program_, "u_bicubic", name);
    u_feather_ = uniformLocation(program_, "u_feather", name);
    u_fade_min_ = uniformLocation(program_, "u_fade_min", name);
    u_fade_max_ = uniformLocation(program_, "u_fade_max", name);
    u_opacity_ = uniformLocation(program_, "u_opacity", name);
    u_lat_span_ = uniformLocation(program_, "u_lat_span", name);
    west_ = west;
    east_ = east;
    south_ = south;
    north_ = north;
    width_ = dem.width;
    height_ = dem.height;
    cell_degrees_ = std::min((east - west) / dem.width, (north - south) / dem.height);
    cell_metres_ = (north - south) / dem.height * kMeanEarthRadius * kPi / 180.0;
    fade_[0] = fade != nullptr ? fade[0] : west;
    fade_[1] = fade != nullptr ? fade[1] : south;
    fade_[2] = fade != nullptr ? fade[2] : east;
    fade_[3] = fade != nullptr ? fade[3] : north;
    if (feather_degrees > 0.0) {
        feather_degrees_ = feather_degrees;
        feather_uv_[0] = static_cast<float>(feather_degrees / (east - west));
        feather_uv_[1] = static_cast<float>(feather_degrees / (north - south));
        fade_min_uv_[0] = static_cast<float>((fade_[0] - west) / (east - west));
        fade_max_uv_[0] = static_cast<float>((fade_[2] - west) / (east - west));
        fade_min_uv_[1] = static_cast<float>((north - fade_[3]) / (north - south));
        fade_max_uv_[1] = static_cast<float>((north - fade_[1]) / (north - south));
    }


    // No-data cells are found now (opaqueOver needs them before any draw); the texture is made
    // on the first draw, so a layer that is always hidden (the world relief under a regional
    // view) costs neither the gradients nor the upload.
    block_columns_ = (dem.width + kHoleBlockCells - 1) / kHoleBlockCells;
    hole_blocks_.assign(
        static_cast<size_t>(block_columns_) * ((dem.height + kHoleBlockCells - 1) / kHoleBlockCells), false);
    for (int row = 0; row < dem.height; ++row) {
        for (int col = 0; col < dem.width; ++col) {
            if (!std::isfinite(dem.values[static_cast<size_t>(row) * dem.width + col])) {
                hole_blocks_[static_cast<size_t>(row / kHoleBlockCells) * block_columns_ + col / kHoleBlockCells] = true;
            }
        }
    }
    pending_values_ = std::move(dem.values);
    empty_ = false;
}

namespace {

// IEEE 754 half float from a float (round to nearest even; beyond the range, infinity). Converting
// here instead of in the driver halves the temporary buffer: the world relief alone is 9 million cells.
std::uint16_t toHalf(float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    const std::uint32_t sign = (bits >> 16) & 0x8000u;
    const std::uint32_t magnitude = bits & 0x7fffffffu;
    if (magnitude >= 0x7f800000u) return static_cast<std::uint16_t>(sign | 0x7c00u | (magnitude > 0x7f800000u ? 0x200u : 0u));
    if (magnitude >= 0x477ff000u) return static_cast<std::uint16_t>(sign | 0x7c00u);  // ≥ 65520: infinity
    if (magnitude < 0x38800000u) {
        // Subnormal or zero: shift the mantissa (with its implicit bit) into place, rounding.
        if (magnitude < 0x33000000u) return static_cast<std::uint16_t>(sign);
        const std::uint32_t exponent = magnitude >> 23;
        const std::uint32_t mantissa = (magnitude & 0x7fffffu) | 0x800000u;
        const std::uint32_t shift = 126u - exponent;
        std::uint32_t half = mantissa >> (shift + 1u);
        const std::uint32_t rest = mantissa & ((1u << (shift + 1u)) - 1u);
        const std::uint32_t halfway = 1u << shift;
        if (rest > halfway || (rest == halfway && (half & 1u))) ++half;
        return static_cast<std::uint16_t>(sign | half);
    }
    std::uint32_t half = ((magnitude - 0x38000000u) >> 13);
    const std::uint32_t rest = magnitude & 0x1fffu;
    if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) ++half;
    return static_cast<std::uint16_t>(sign | half);
}

}  // namespace

void TerrainLayer::upload() const {
    // Per cell: elevation and its east and north gradients (metres per metre, central differences,
    // the east spacing shrinking with cos(latitude)). Precomputing them leaves terrain.frag one
    // texture fetch per pixel instead of five, which matters on software GL.
    const std::vector<float>& values = pending_values_;
    const int w = width_;
    const int h = height_;
    const double metres_per_degree = kMeanEarthRadius * kPi / 180.0;
    const double cell_lon = (east_ - west_) / w;
    const double cell_lat = (north_ - south_) / h;
    auto at = [&](int col, int row, float fallback) {
        const float z = values[static_cast<size_t>(row) * w + col];
        return std::isfinite(z) ? z : fallback;
    };
    elevation_ = makeTexture();
    glBindTexture(GL_TEXTURE_2D, elevation_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
    // Row 0 of the raster (north) becomes texture row v = 0. Half floats (elevation to within
    // 4 m below 8192 m) filter markedly faster than 32-bit floats on llvmpipe.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB16F, w, h, 0, GL_RGB, GL_HALF_FLOAT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    std::vector<std::uint16_t> texels(static_cast<size_t>(w) * std::min(h, kUploadRows) * 3);
    for (int first_row = 0; first_row < h; first_row += kUploadRows) {
        const int rows = std::min(kUploadRows, h - first_row);
        for (int row = first_row; row < first_row + rows; ++row) {
            const double latitude = north_ - (row + 0.5) * cell_lat;
            const int north_row = std::max(row - 1, 0);
            const int south_row = std::min(row + 1, h - 1);
            const double dy = (south_row - north_row) * cell_lat * metres_per_degree;
            const double east_metres = cell_lon * metres_per_degree * std::max(std::cos(latitude * kPi / 180.0), 0.01);
            for (int col = 0; col < w; ++col) {
                const int west_col = std::max(col - 1, 0);
                const int east_col = std::min(col + 1, w - 1);
                const double dx = (east_col - west_col) * east_metres;
                std::uint16_t* texel = &texels[(static_cast<size_t>(row - first_row) * w + col) * 3];
                const float z = values[static_cast<size_t>(row) * w + col];
                if (!std::isfinite(z)) {
                    texel[0] = toHalf(kNoDataElevation);
                    texel[1] = texel[2] = 0;
                    continue;
                }
                texel[0] = toHalf(z);
                texel[1] = toHalf(dx > 0.0 ? static_cast<float>((at(east_col, row, z) - at(west_col, row, z)) / dx) : 0.0f);
                texel[2] = toHalf(dy > 0.0 ? static_cast<float>((at(col, north_row, z) - at(col, south_row, z)) / dy) : 0.0f);
            }
        }
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, first_row, w, rows, GL_RGB, GL_HALF_FLOAT, texels.data());
    }
    glBindTexture(GL_TEXTURE_2D, 0);

    pending_values_.clear();
    pending_values_.shrink_to_fit();
}

bool TerrainLayer::opaqueOver(double west, double south, double east, double north) const {
    if (empty_ || !(west <= east && south <= north)) return false;
    const double cell_lon = (east_ - west_) / width_;
    const double cell_lat = (north_ - south_) / height_;
    // Clear of the fade (inside the fade box by the feather) and of the grid's edge (by the cells
    // that sampling reaches).
    if (feather_degrees_ > 0.0 && (west - feather_degrees_ < fade_[0] || east + feather_degrees_ > fade_[2] ||
                                   south - feather_degrees_ < fade_[1] || north + feather_degrees_ > fade_[3])) {
        return false;
    }
    west -= kSampledCellsAround * cell_lon;
    east += kSampledCellsAround * cell_lon;
    south -= kSampledCellsAround * cell_lat;
    north += kSampledCellsAround * cell_lat;
    if (west < west_ || east > east_ || south < south_ || north > north_) return false;
    const int first_col = std::clamp(static_cast<int>((west - west_) / cell_lon), 0, width_ - 1);
    const int last_col = std::clamp(static_cast<int>((east - west_) / cell_lon), 0, width_ - 1);
    const int first_row = std::clamp(static_cast<int>((north_ - north) / cell_lat), 0, height_ - 1);
    const int last_row = std::clamp(static_cast<int>((north_ - south) / cell_lat), 0, height_ - 1);
    for (int row = first_row / kHoleBlockCells; row <= last_row / kHoleBlockCells; ++row) {
        for (int col = first_col / kHoleBlockCells; col <= last_col / kHoleBlockCells; ++col) {
            if (hole_blocks_[static_cast<size_t>(row) * block_columns_ + col]) return false;
        }
    }
    return true;
}

TerrainLayer::Mesh TerrainLayer::buildMesh(const geo::MapProjection& projection, const geo::XY& origin,
                                           double min_step_degrees) const {
    if (empty_) return Mesh();
    const double step =
        std::max(std::clamp(cell_degrees_ * kCellsPerMeshStep, cell_degrees_, kMaxMeshStepDegrees), min_step_degrees);
    return Mesh(west_, east_, south_, north_, step, projection, origin);
}

void TerrainLayer::draw(const Mesh& mesh, const WorldCopyTransform& transform, const MercatorBox& view,
                        double metres_per_pixel, const FrameStyle& style) const {
    if (empty_) return;
    const auto ranges = mesh.visible(transform, view);
    if (ranges.empty()) return;
    const double azimuth = style.terrain.sun_azimuth_deg * kPi / 180.0;
    const double elevation = std::clamp(static_cast<double>(style.terrain.sun_elevation_deg), 1.0, 90.0) * kPi / 180.0;
    // Towards the sun in (east, north, up); azimuth is clockwise from north.
    const float sun[3] = {static_cast<float>(std::sin(azimuth) * std::cos(elevation)),
                          static_cast<float>(std::cos(azimuth) * std::cos(elevation)),
                          static_cast<float>(std::sin(elevation))};
    const bool bicubic = cell_metres_ / metres_per_pixel > kBicubicFromPixelsPerCell;
    if (!elevation_) upload();
    glUseProgram(program_.get());
    glUniform2fv(u_offset_, 1, transform.offset);
    glUniform2fv(u_scale_, 1, transform.scale);
    glUniform3fv(u_sun_, 1, sun);
    glUniform1f(u_exaggeration_, style.terrain.vertical_exaggeration);
    glUniform1i(u_elevation_, 0);
    glUniform2f(u_texels_, static_cast<float>(width_), static_cast<float>(height_));
    glUniform1i(u_bicubic_, bicubic ? 1 : 0);
    glUniform2fv(u_feather_, 1, feather_uv_);
    glUniform2fv(u_fade_min_, 1, fade_min_uv_);
    glUniform2fv(u_fade_max_, 1, fade_max_uv_);
    glUniform1f(u_opacity_, std::clamp(style.terrain.terrain_opacity, 0.0f, 1.0f));
    glUniform2f(u_lat_span_, static_cast<float>(north_), static_cast<float>(south_));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, elevation_.get());
    mesh.draw(ranges);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace app::render
