#include "app/render/window_clear.hpp"

#include "app/render/colour_target.hpp"

namespace app::render {

void clearWindow(int width_px, int height_px, std::uint32_t rgba) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width_px, height_px);
    clearColour(rgba);
}

}  // namespace app::render
