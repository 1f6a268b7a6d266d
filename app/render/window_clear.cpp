#include "app/render/window_clear.hpp"

#include <GL/gl.h>

namespace app::render {

void clearWindow(int width_px, int height_px, std::uint32_t rgba) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width_px, height_px);
    glClearColor(float((rgba >> 24) & 0xff) / 255.0f, float((rgba >> 16) & 0xff) / 255.0f,
                 float((rgba >> 8) & 0xff) / 255.0f, float(rgba & 0xff) / 255.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace app::render
