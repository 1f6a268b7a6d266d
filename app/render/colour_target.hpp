// app/render/colour_target.hpp — an offscreen colour framebuffer (optionally multisampled) that
// keeps its size until asked for another, reading a framebuffer back into an Image, and a guard
// that puts back the framebuffer bindings and GL viewport it found. Shared by the map renderer's offscreen pictures and the viewer's map canvas.
// Needs a current GL context; owns its GL objects (move-only handles).
#pragma once
#include <cstdint>

#include "app/render/gl_handles.hpp"
#include "app/render/image.hpp"

namespace app::render {

// A colour-only RGBA8 framebuffer of a given size; multisampled if samples > 1.
struct ColourTarget {
    Framebuffer framebuffer;
    Renderbuffer colour;
    int width = 0;
    int height = 0;
    int samples = 0;

    // (Re)allocates when the size or sample count differs. Throws std::runtime_error if the
    // framebuffer is incomplete. Leaves GL_FRAMEBUFFER bound to it.
    void ensure(int w, int h, int wanted_samples);
};

// Clears the bound draw framebuffer (within the scissor, if on) to a 0xRRGGBBAA colour.
void clearColour(std::uint32_t rgba);

// The colour of the bound read framebuffer's width × height pixels from its corner, as an Image
// (top row first; GL's rows start at the bottom).
Image readColour(int width, int height);

// Puts back the framebuffer bindings and GL viewport it found, whatever happens in between.
class FramebufferBindingGuard {
public:
    FramebufferBindingGuard();
    ~FramebufferBindingGuard();
    FramebufferBindingGuard(const FramebufferBindingGuard&) = delete;
    FramebufferBindingGuard& operator=(const FramebufferBindingGuard&) = delete;
    // The draw framebuffer bound when the guard was made.
    GLuint drawFramebuffer() const { return static_cast<GLuint>(draw_); }

private:
    GLint draw_ = 0;
    GLint read_ = 0;
    GLint viewport_[4] = {0, 0, 0, 0};
};

}  // namespace app::render
