// tests/support/viewer_imgui.hpp — a Dear ImGui context set up as the viewer sets up its own (no
// .ini file, the viewer's font, the font atlas built), without a window or GL backend: UI tests
// lay out real frames in it and read what was drawn. It is current while it lives and restores
// the context that was current before. Not for pixels: render tests draw through EGL instead.
#pragma once
#include <imgui.h>

#include "app/ui/fonts.hpp"

namespace test_support {

class ViewerImGui {
public:
    explicit ViewerImGui(ImVec2 display_size = ImVec2(1400, 900), float font_pixels = 16.0f)
        : before_(ImGui::GetCurrentContext()), context_(ImGui::CreateContext()) {
        ImGui::SetCurrentContext(context_);  // CreateContext leaves another current context current
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display_size;
        app::ui::addUiFont(io.Fonts, font_pixels);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas; no GPU upload needed
    }
    ~ViewerImGui() {
        ImGui::DestroyContext(context_);
        ImGui::SetCurrentContext(before_);
    }
    ViewerImGui(const ViewerImGui&) = delete;
    ViewerImGui& operator=(const ViewerImGui&) = delete;

    ImGuiContext* context() const { return context_; }

private:
    ImGuiContext* before_;
    ImGuiContext* context_;
};

}  // namespace test_support
