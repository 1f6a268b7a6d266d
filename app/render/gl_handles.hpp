// app/render/gl_handles.hpp — move-only RAII owners for OpenGL object names (buffers, vertex
// arrays, textures, framebuffers, renderbuffers, shaders, programs), and shader compilation from
// the sources embedded from shaders/. Each handle deletes its object when destroyed, so it must
// die while its context is still current. It does not track or restore any other GL state.
#pragma once
#include <GL/gl.h>
#include <GL/glext.h>

#include <string>
#include <utility>

namespace app::render {

// Owns one GL object name; `Traits::destroy(name)` deletes it. Name 0 means "owns nothing".
template <typename Traits>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint name) : name_(name) {}
    ~GlHandle() { reset(); }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    GlHandle(GlHandle&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            name_ = std::exchange(other.name_, 0);
        }
        return *this;
    }

    GLuint get() const { return name_; }
    explicit operator bool() const { return name_ != 0; }
    void reset() {
        if (name_ != 0) Traits::destroy(name_);
        name_ = 0;
    }

private:
    GLuint name_ = 0;
};

namespace gl_traits {
struct Buffer { static void destroy(GLuint n) { glDeleteBuffers(1, &n); } };
struct VertexArray { static void destroy(GLuint n) { glDeleteVertexArrays(1, &n); } };
struct Texture { static void destroy(GLuint n) { glDeleteTextures(1, &n); } };
struct Framebuffer { static void destroy(GLuint n) { glDeleteFramebuffers(1, &n); } };
struct Renderbuffer { static void destroy(GLuint n) { glDeleteRenderbuffers(1, &n); } };
struct Shader { static void destroy(GLuint n) { glDeleteShader(n); } };
struct Program { static void destroy(GLuint n) { glDeleteProgram(n); } };
}  // namespace gl_traits

using Buffer = GlHandle<gl_traits::Buffer>;
using VertexArray = GlHandle<gl_traits::VertexArray>;
using Texture = GlHandle<gl_traits::Texture>;
using Framebuffer = GlHandle<gl_traits::Framebuffer>;
using Renderbuffer = GlHandle<gl_traits::Renderbuffer>;
using Shader = GlHandle<gl_traits::Shader>;
using Program = GlHandle<gl_traits::Program>;

Buffer makeBuffer();
VertexArray makeVertexArray();
Texture makeTexture();
Framebuffer makeFramebuffer();
Renderbuffer makeRenderbuffer();

// Compiles one shader from GLSL source; `file_name` only names it in errors.
// Throws std::runtime_error("shader FILE failed to compile: LOG").
Shader compileShader(GLenum stage, const std::string& source, const std::string& file_name);

// Builds a program from two files in shaders/ ("line.vert", "line.frag"), looked up with
// shaderSource(). Throws std::runtime_error naming the file that is missing, fails to compile, or
// the pair that fails to link, with GL's info log.
Program buildProgram(const std::string& vertex_file, const std::string& fragment_file);

// Location of a uniform the program must have. Throws std::runtime_error naming the program's
// files if the uniform is absent (a misspelt name would otherwise draw silently wrong).
GLint uniformLocation(const Program& program, const char* name, const std::string& program_name);

}  // namespace app::render
