#include "app/render/overlay_renderer.hpp"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <stdexcept>

#include "app/ui/fonts.hpp"

namespace app::render {
namespace {

// Switches to an ImGui context for a scope and back to whatever was current before.
class ContextScope {
public:
    explicit ContextScope(ImGuiContext* context) : previous_(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(context);
    }
    ~ContextScope() { ImGui::SetCurrentContext(previous_); }

private:
    ImGuiContext* previous_;
};

}  // namespace

OverlayRenderer::OverlayRenderer(float font_px) : font_px_(font_px) {
    ImFontAtlas* atlas = nullptr;
    ImGuiContext* const caller = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext(atlas);
    // CreateContext leaves the new context current when none was: put the caller's back, so this
    // one is never left current (it would dangle after the destructor).
    ImGui::SetCurrentContext(caller);
    ContextScope scope(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a headless frame has no window layout to remember
    io.LogFilename = nullptr;
    font_ = ui::addUiFont(io.Fonts, font_px);
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui::DestroyContext(context_);
        throw std::runtime_error("cannot initialise the ImGui OpenGL 3 renderer");
    }
}

OverlayRenderer::~OverlayRenderer() {
    ImGuiContext* caller = ImGui::GetCurrentContext();
    if (caller == context_) caller = nullptr;  // never restore the context destroyed here
    ImGui::SetCurrentContext(context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(caller);
}

void OverlayRenderer::draw(int width, int height, const std::function<void(ImDrawList*)>& fill) {
    ContextScope scope(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width), float(height));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    fill(ImGui::GetBackgroundDrawList());
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

RecordedOverlay OverlayRenderer::record(int width, int height, const std::function<void(ImDrawList*)>& fill) {
    ContextScope scope(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width), float(height));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplOpenGL3_NewFrame();  // also creates the font texture the recorded commands refer to
    ImGui::NewFrame();
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    try {
        fill(list);
    } catch (...) {
        ImGui::EndFrame();  // leave the context ready for its next frame
        throw;
    }
    ImGui::Render();
    RecordedOverlay recorded;
    recorded.width = width;
    recorded.height = height;
    recorded.draw_list = std::shared_ptr<ImDrawList>(list->CloneOutput(), [](ImDrawList* clone) { IM_DELETE(clone); });
    return recorded;
}

void OverlayRenderer::drawRegion(const RecordedOverlay& overlay, int x, int y, int width, int height) {
    if (!overlay.draw_list || width <= 0 || height <= 0) return;
    ContextScope scope(context_);
    ImDrawList* list = overlay.draw_list.get();
    // The backend projects [DisplayPos, DisplayPos + DisplaySize] onto the framebuffer and offsets
    // clip rectangles by DisplayPos, which is exactly "the frame, cut at (x, y)".
    ImDrawData region;
    region.Valid = true;
    region.CmdLists = &list;
    region.CmdListsCount = 1;
    region.TotalVtxCount = list->VtxBuffer.Size;
    region.TotalIdxCount = list->IdxBuffer.Size;
    region.DisplayPos = ImVec2(float(x), float(y));
    region.DisplaySize = ImVec2(float(width), float(height));
    region.FramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui_ImplOpenGL3_RenderDrawData(&region);
}

}  // namespace app::render
