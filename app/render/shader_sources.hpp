// app/render/shader_sources.hpp — GLSL sources embedded from shaders/ at build time.
#pragma once

namespace app::render {

// Source of a file in shaders/ by its file name ("terrain.frag"), or nullptr if there is none.
const char* shaderSource(const char* name);

}  // namespace app::render
