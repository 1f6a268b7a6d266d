#include "app/ui/fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace app::ui {

ImFont* addUiFont(ImFontAtlas* atlas, float pixel_size) {
    // Lives as long as the atlas needs it: ImGui keeps the pointer until the atlas is built.
    static const ImWchar kRanges[] = {
        0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A/B
        0x02B0, 0x02FF,  // spacing modifiers (ʻ)
        0x0300, 0x036F,  // combining diacritics
        0x0600, 0x06FF,  // Arabic, Persian
        0x1E00, 0x1EFF,  // Latin Extended Additional
        0x2000, 0x206F,  // General Punctuation
        0x20AC, 0x20AC,  // €
        0x2190, 0x21FF,  // arrows
        0xFB50, 0xFDFF,  // Arabic presentation forms A
        0xFE70, 0xFEFF,  // Arabic presentation forms B
        0,
    };
    std::error_code ec;
    if (std::filesystem::exists(kDejaVuSansPath, ec)) {
        ImFontConfig config;
        config.OversampleH = 2;
        if (ImFont* font = atlas->AddFontFromFileTTF(kDejaVuSansPath, pixel_size, &config, kRanges)) return font;
    }
    ImFontConfig config;
    config.SizePixels = pixel_size;
    return atlas->AddFontDefault(&config);
}

}  // namespace app::ui
