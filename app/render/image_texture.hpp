// app/render/image_texture.hpp — a rendered Image uploaded as an OpenGL texture, so Dear ImGui can
// show it (ImGui::Image) without the UI code making GL calls or seeing GL headers: the export
// dialog's preview. The id is what the ImGui OpenGL 3 backend takes as ImTextureID. Needs a
// current GL context when uploading and when destroyed.
#pragma once
#include <memory>

#include "app/render/image.hpp"

namespace app::render {

class ImageTexture {
public:
    ImageTexture();
    ~ImageTexture();
    ImageTexture(const ImageTexture&) = delete;
    ImageTexture& operator=(const ImageTexture&) = delete;

    // Replaces the texture's contents with the image (RGBA8, linear filtering).
    void upload(const Image& image);
    bool empty() const { return width_ == 0; }
    int width() const { return width_; }
    int height() const { return height_; }
    // For ImGui::Image; null when empty.
    void* imguiId() const;

private:
    struct Gl;  // the texture handle (app/render/gl_handles.hpp)
    std::unique_ptr<Gl> gl_;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace app::render
