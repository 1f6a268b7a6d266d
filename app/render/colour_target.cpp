#include "app/render/colour_target.hpp"

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace app::render {

void ColourTarget::ensure(int w, int h, int wanted_samples) {
    if (framebuffer && w == width && h == height && samples == wanted_samples) {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
        return;
    }
    framebuffer = makeFramebuffer();
    colour = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, colour.get());
    if (wanted_samples > 1) {
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, wanted_samples, GL_RGBA8, w, h);
    } else {
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    }
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        framebuffer.reset();
        colour.reset();
        width = height = samples = 0;
        throw std::runtime_error("offscreen framebuffer of " + std::to_string(w) + " x " + std::to_string(h) +
                                 " is incomplete (glCheckFramebufferStatus " + std::to_string(status) + ")");
    }
    width = w;
    height = h;
    samples = wanted_samples;
}

void clearColour(std::uint32_t rgba) {
    glClearColor(float((rgba >> 24) & 0xffu) / 255.0f, float((rgba >> 16) & 0xffu) / 255.0f,
                 float((rgba >> 8) & 0xffu) / 255.0f, float(rgba & 0xffu) / 255.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

Image readColour(int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    std::vector<std::uint8_t> swap(row_bytes);
    for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
        std::uint8_t* a = &image.rgba[static_cast<size_t>(top) * row_bytes];
        std::uint8_t* b = &image.rgba[static_cast<size_t>(bottom) * row_bytes];
        std::memcpy(swap.data(), a, row_bytes);
        std::memcpy(a, b, row_bytes);
        std::memcpy(b, swap.data(), row_bytes);
    }
    return image;
}

FramebufferBindingGuard::FramebufferBindingGuard() {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
}

FramebufferBindingGuard::~FramebufferBindingGuard() {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_));
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
}

}  // namespace app::render
