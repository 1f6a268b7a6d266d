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

// A frame's overlay drawn once at its full size and kept, to be put on the image later in parts
// (the tiles of an image too large to render at once): labels and furniture are laid out once
// for the whole image, so they join across tiles exactly.
struct RecordedOverlay {
    int width = 0;
    int height = 0;
    std::shared_ptr<ImDrawList> draw_list;  // a copy of what was drawn, in full-frame pixels
};

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
    // Runs `fill` like draw() does but keeps the draw list instead of drawing it.
    RecordedOverlay record(int width, int height, const std::function<void(ImDrawList*)>& fill);
    // Draws the width×height part of `overlay` whose top-left corner is (x, y) in the recorded
    // frame into the bound framebuffer, which is width×height pixels.
    void drawRegion(const RecordedOverlay& overlay, int x, int y, int width, int height);

private:
    ImGuiContext* context_ = nullptr;
    ImFont* font_ = nullptr;
    float font_px_;
};

}  // namespace app::render
