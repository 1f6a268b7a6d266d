// app/render/window_clear.hpp — clears the window's default framebuffer (used while the map is not
// ready yet, e.g. during start-up loading). The only GL the viewer needs outside MapRenderer.
#pragma once
#include <cstdint>

namespace app::render {

void clearWindow(int width_px, int height_px, std::uint32_t rgba);

}  // namespace app::render
