// app/render/gl_context.hpp — an OpenGL 3.3+ core context with no window: EGL on Mesa's
// surfaceless platform (works with no X server), rendering into an offscreen framebuffer.
// The windowed context comes from GLFW in app/viewer.cpp.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace app::render {

class HeadlessContext {
public:
    // Creates and makes current a GL 3.3 core context. Throws std::runtime_error with EGL's reason.
    static std::unique_ptr<HeadlessContext> create();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;
    void makeCurrent();
    std::string glRenderer() const;  // GL_RENDERER string, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

private:
    HeadlessContext() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace app::render
