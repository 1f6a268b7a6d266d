#include "app/render/image_texture.hpp"

#include <cstdint>

#include "app/render/gl_handles.hpp"

namespace app::render {

struct ImageTexture::Gl {
    Texture texture;
};

ImageTexture::ImageTexture() : gl_(std::make_unique<Gl>()) {}
ImageTexture::~ImageTexture() = default;

void ImageTexture::upload(const Image& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4) {
        return;
    }
    if (!gl_->texture) gl_->texture = makeTexture();
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, gl_->texture.get());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    // Image rows start at the top, and so does ImGui's default uv (0,0): upload as is.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 image.rgba.data());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    width_ = image.width;
    height_ = image.height;
}

void* ImageTexture::imguiId() const {
    return gl_->texture ? reinterpret_cast<void*>(static_cast<std::uintptr_t>(gl_->texture.get())) : nullptr;
}

}  // namespace app::render
