// app/ui/fonts.hpp — the UI font: DejaVu Sans (Debian's fonts-dejavu-core) with Latin, Latin
// Extended, general punctuation (’ “ —) and Arabic/Persian glyphs; ImGui's built-in font if missing.
#pragma once

struct ImFontAtlas;
struct ImFont;

namespace app::ui {

constexpr const char* kDejaVuSansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Adds the UI font at `pixel_size` to the atlas and returns it. Never fails: falls back to ImGui's
// default font (ASCII only) when the TTF is not installed.
ImFont* addUiFont(ImFontAtlas* atlas, float pixel_size);

}  // namespace app::ui
