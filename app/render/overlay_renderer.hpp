// app/render/overlay_renderer.hpp — renders Dear ImGui draw lists into the bound framebuffer with
// no window: its own ImGui context and the OpenGL 3 backend. Headless renders use it to draw the
// same labels, scale bar and attribution (app/ui/map_overlay) that the viewer draws on screen.
#pragma once
#include <functional>
#include <memory>

struct ImDrawList;
struct ImFont;
struct ImGuiContext;

namespace app::render {

class OverlayRenderer {
public:
    // Needs a current GL 3.3 core context. Restores the caller's ImGui context (if any) on return
    // from every call.
    explicit OverlayRenderer(float font_px = 15.0f);
    ~OverlayRenderer();
    OverlayRenderer(const OverlayRenderer&) = delete;
    OverlayRenderer& operator=(const OverlayRenderer&) = delete;

    ImFont* font() const { return font_; }
    float fontSize() const { return font_px_; }
    // Runs `fill` on a background draw list of a width×height frame and draws it into the bound
    // framebuffer over what is there.
    void draw(int width, int height, const std::function<void(ImDrawList*)>& fill);

private:
    ImGuiContext* context_ = nullptr;
    ImFont* font_ = nullptr;
    float font_px_;
};

}  // namespace app::render
