#include "app/render/terrain_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
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

// How far (in cells) a strip's linear interpolation may miss a row's true place, and a cap on strips.
constexpr double kStripErrorCells = 0.02;
constexpr int kMaxStrips = 4096;

struct TerrainVertex {
    float position[2];  // Mercator metres relative to the origin
    float uv[2];        // texture coordinates: u from the west edge, v from the north edge
};

}  // namespace

TerrainLayer::TerrainLayer(const geo::Raster& dem, const geo::XY& origin) {
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


    // Per cell: elevation and its east and north gradients (metres per metre, central differences,
    // the east spacing shrinking with cos(latitude)). Precomputing them leaves terrain.frag one
    // texture fetch per pixel instead of five, which matters on software GL.
    const int w = dem.width;
    const int h = dem.height;
    const double metres_per_degree = kMeanEarthRadius * kPi / 180.0;
    const double cell_lon = (east - west) / w;
    const double cell_lat = (north - south) / h;
    auto at = [&](int col, int row, float fallback) {
        const float z = dem.values[static_cast<size_t>(row) * w + col];
        return std::isfinite(z) ? z : fallback;
    };
    std::vector<float> texels(static_cast<size_t>(w) * h * 3);
    for (int row = 0; row < h; ++row) {
        const double latitude = north - (row + 0.5) * cell_lat;
        const int north_row = std::max(row - 1, 0);
        const int south_row = std::min(row + 1, h - 1);
        const double dy = (south_row - north_row) * cell_lat * metres_per_degree;
        const double east_metres = cell_lon * metres_per_degree * std::max(std::cos(latitude * kPi / 180.0), 0.01);
        for (int col = 0; col < w; ++col) {
            const int west_col = std::max(col - 1, 0);
            const int east_col = std::min(col + 1, w - 1);
            const double dx = (east_col - west_col) * east_metres;
            float* texel = &texels[(static_cast<size_t>(row) * w + col) * 3];
            const float z = dem.values[static_cast<size_t>(row) * w + col];
            if (!std::isfinite(z)) {
                texel[0] = kNoDataElevation;
                texel[1] = texel[2] = 0.0f;
                continue;
            }
            texel[0] = z;
            texel[1] = dx > 0.0 ? static_cast<float>((at(east_col, row, z) - at(west_col, row, z)) / dx) : 0.0f;
            texel[2] = dy > 0.0 ? static_cast<float>((at(col, north_row, z) - at(col, south_row, z)) / dy) : 0.0f;
        }
    }
    elevation_ = makeTexture();
    glBindTexture(GL_TEXTURE_2D, elevation_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    // Row 0 of the raster (north) becomes texture row v = 0. Half floats (elevation to within
    // 4 m below 8192 m) filter markedly faster than 32-bit floats on llvmpipe.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB16F, w, h, 0, GL_RGB, GL_FLOAT, texels.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);

    // The quad is cut into horizontal strips whose edges carry their exact texture row, computed
    // in doubles from latitude, so the shader needs no per-pixel inverse Mercator. Inside a strip
    // of height Δφ (radians) linear interpolation misses the true row by at most
    // Δφ²·tan φ / (8·cell) cells; strips are as tall as keeps that under kStripErrorCells.
    // (Few, tall strips: software GL rasterizes long thin triangles slowly.)
    const double to_radians = kPi / 180.0;
    const double worst_tan = std::max(std::tan(std::min(std::max(std::abs(north), std::abs(south)),
                                                        kMercatorMaxLatitude) * to_radians), 0.1);
    const double strip_radians = std::sqrt(8.0 * cell_lat * to_radians * kStripErrorCells / worst_tan);
    const int strips = std::clamp(static_cast<int>(std::ceil((north - south) * to_radians / strip_radians)), 1,
                                  kMaxStrips);
    const double x_west = lonLatToMercator(west, 0.0).x;
    const double x_east = lonLatToMercator(east, 0.0).x;
    std::vector<TerrainVertex> vertices;
    vertices.reserve(2 * static_cast<size_t>(strips + 1));
    for (int i = 0; i <= strips; ++i) {
        const double latitude =
            std::clamp(north - (north - south) * i / strips, -kMercatorMaxLatitude, kMercatorMaxLatitude);
        const double y = lonLatToMercator(west, latitude).y;
        const float v = static_cast<float>((north - latitude) / (north - south));
        vertices.push_back({{static_cast<float>(x_west - origin.x), static_cast<float>(y - origin.y)}, {0.0f, v}});
        vertices.push_back({{static_cast<float>(x_east - origin.x), static_cast<float>(y - origin.y)}, {1.0f, v}});
        box_.extend(x_west, y);
        box_.extend(x_east, y);
    }
    vertex_count_ = static_cast<GLsizei>(vertices.size());

    vertex_array_ = makeVertexArray();
    vertices_ = makeBuffer();
    glBindVertexArray(vertex_array_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(TerrainVertex)), vertices.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(TerrainVertex),
                          reinterpret_cast<const void*>(offsetof(TerrainVertex, position)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(TerrainVertex),
                          reinterpret_cast<const void*>(offsetof(TerrainVertex, uv)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    empty_ = false;
}

void TerrainLayer::draw(const WorldCopyTransform& transform, const MercatorBox& view, const FrameStyle& style) const {
    if (empty_ || !view.intersects(box_, transform.shift_metres)) return;
    const double azimuth = style.sun_azimuth_deg * kPi / 180.0;
    const double elevation = std::clamp(static_cast<double>(style.sun_elevation_deg), 1.0, 90.0) * kPi / 180.0;
    // Towards the sun in (east, north, up); azimuth is clockwise from north.
    const float sun[3] = {static_cast<float>(std::sin(azimuth) * std::cos(elevation)),
                          static_cast<float>(std::cos(azimuth) * std::cos(elevation)),
                          static_cast<float>(std::sin(elevation))};
    glUseProgram(program_.get());
    glUniform2fv(u_offset_, 1, transform.offset);
    glUniform2fv(u_scale_, 1, transform.scale);
    glUniform3fv(u_sun_, 1, sun);
    glUniform1f(u_exaggeration_, style.vertical_exaggeration);
    glUniform1i(u_elevation_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, elevation_.get());
    glBindVertexArray(vertex_array_.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, vertex_count_);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace app::render
