#include "app/render/gl_handles.hpp"

#include <stdexcept>
#include <vector>

#include "app/render/shader_sources.hpp"

namespace app::render {

namespace {

std::string shaderInfoLog(GLuint shader) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<size_t>(length > 0 ? length : 1), '\0');
    glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
    return std::string(log.data());
}

std::string programInfoLog(GLuint program) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<size_t>(length > 0 ? length : 1), '\0');
    glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
    return std::string(log.data());
}

const char* embeddedSource(const std::string& file_name) {
    const char* source = shaderSource(file_name.c_str());
    if (source == nullptr) throw std::runtime_error("shader " + file_name + " is not embedded in this build");
    return source;
}

}  // namespace

Buffer makeBuffer() {
    GLuint name = 0;
    glGenBuffers(1, &name);
    return Buffer(name);
}

VertexArray makeVertexArray() {
    GLuint name = 0;
    glGenVertexArrays(1, &name);
    return VertexArray(name);
}

Texture makeTexture() {
    GLuint name = 0;
    glGenTextures(1, &name);
    return Texture(name);
}

Framebuffer makeFramebuffer() {
    GLuint name = 0;
    glGenFramebuffers(1, &name);
    return Framebuffer(name);
}

Renderbuffer makeRenderbuffer() {
    GLuint name = 0;
    glGenRenderbuffers(1, &name);
    return Renderbuffer(name);
}

Shader compileShader(GLenum stage, const std::string& source, const std::string& file_name) {
    Shader shader(glCreateShader(stage));
    if (!shader) throw std::runtime_error("shader " + file_name + ": glCreateShader failed (no current context?)");
    const char* text = source.c_str();
    glShaderSource(shader.get(), 1, &text, nullptr);
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) throw std::runtime_error("shader " + file_name + " failed to compile: " + shaderInfoLog(shader.get()));
    return shader;
}

Program buildProgram(const std::string& vertex_file, const std::string& fragment_file) {
    const Shader vertex = compileShader(GL_VERTEX_SHADER, embeddedSource(vertex_file), vertex_file);
    const Shader fragment = compileShader(GL_FRAGMENT_SHADER, embeddedSource(fragment_file), fragment_file);
    Program program(glCreateProgram());
    if (!program) throw std::runtime_error("program " + vertex_file + " + " + fragment_file + ": glCreateProgram failed");
    glAttachShader(program.get(), vertex.get());
    glAttachShader(program.get(), fragment.get());
    glLinkProgram(program.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program.get(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        throw std::runtime_error("program " + vertex_file + " + " + fragment_file +
                                 " failed to link: " + programInfoLog(program.get()));
    }
    glDetachShader(program.get(), vertex.get());
    glDetachShader(program.get(), fragment.get());
    return program;
}

GLint uniformLocation(const Program& program, const char* name, const std::string& program_name) {
    const GLint location = glGetUniformLocation(program.get(), name);
    if (location < 0) throw std::runtime_error("program " + program_name + " has no active uniform " + name);
    return location;
}

}  // namespace app::render
