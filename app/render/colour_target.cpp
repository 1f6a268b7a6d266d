#include "app/render/colour_target.hpp"

#include <stdexcept>
#include <string>

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
