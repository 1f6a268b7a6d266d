#include "app/render/image_layer.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace app::render {

namespace {
// Mesh cells: this many picture pixels on a side, but at most kMaxMeshStepDegrees (as the terrain).
constexpr int kPixelsPerMeshStep = 32;
constexpr double kMaxMeshStepDegrees = 1.0;
}  // namespace

ImageLayer::ImageLayer(const geo::RasterImage& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
        throw std::runtime_error("raster layer: the picture is empty or its size does not match its pixels");
    }
    if (!(image.west >= -180.0 && image.east <= 180.0 && image.west < image.east && image.south >= -90.0 &&
          image.north <= 90.0 && image.south < image.north)) {
        throw std::runtime_error("raster layer: the picture is not a north-up lon/lat grid");
    }
    GLint max_texture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture);
    if (image.width > max_texture || image.height > max_texture) {
        throw std::runtime_error("raster layer: a picture of " + std::to_string(image.width) + " x " +
                                 std::to_string(image.height) + " pixels exceeds GL_MAX_TEXTURE_SIZE " +
                                 std::to_string(max_texture));
    }
    west_ = image.west;
    east_ = image.east;
    south_ = image.south;
    north_ = image.north;
    const double pixel_degrees = std::min((east_ - west_) / image.width, (north_ - south_) / image.height);
    mesh_step_degrees_ = std::min(kMaxMeshStepDegrees, pixel_degrees * kPixelsPerMeshStep);

    program_ = buildProgram("image.vert", "image.frag");
    const std::string name = "image.vert + image.frag";
    u_offset_ = uniformLocation(program_, "u_offset", name);
    u_scale_ = uniformLocation(program_, "u_scale", name);
    u_image_ = uniformLocation(program_, "u_image", name);
    u_opacity_ = uniformLocation(program_, "u_opacity", name);

    texture_ = makeTexture();
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    // Row 0 (north) becomes texture row v = 0, as the mesh's uv expects.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 image.rgba.data());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}

GridMesh ImageLayer::buildMesh(const geo::MapProjection& projection, const geo::XY& origin) const {
    return GridMesh(west_, east_, south_, north_, mesh_step_degrees_, projection, origin);
}

void ImageLayer::draw(const GridMesh& mesh, const WorldCopyTransform& transform, const MercatorBox& view,
                      float opacity) const {
    const auto ranges = mesh.visible(transform, view);
    if (ranges.empty() || !(opacity > 0.0f)) return;
    glUseProgram(program_.get());
    glUniform2fv(u_offset_, 1, transform.offset);
    glUniform2fv(u_scale_, 1, transform.scale);
    glUniform1i(u_image_, 0);
    glUniform1f(u_opacity_, std::clamp(opacity, 0.0f, 1.0f));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    mesh.draw(ranges);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace app::render
