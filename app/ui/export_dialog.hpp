// app/ui/export_dialog.hpp — Export → Image / GeoTIFF / Places / Report: a Dear ImGui dialog that
// sets the picture's size in pixels or as paper (A4 / A3 / Letter, portrait or landscape, at
// 150–600 dpi), a title, legend, north arrow and inset map, shows a small preview rendered
// through app/frame (as the export will look, reduced), and writes the file: a PNG or GeoTIFF of
// the visible map area (renderExportFrame, tiled when large), the places as GeoJSON / KML /
// GeoPackage, or the HTML report. It only uses GL through app/render (the preview texture, the
// print-size font); the viewer's GL context must be current while it draws and when it is
// destroyed. It does not open menus: the viewer calls show() from its Export menu.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "app/frame.hpp"
#include "app/render/image_texture.hpp"
#include "app/state.hpp"
#include "geo/viewport.hpp"

namespace app::ui {

enum class ExportKind { Image, GeoTiff, Places, Report };
enum class Paper { A4, A3, Letter };

// Pixels of a paper size at `dpi`, rounded: A4 210 × 297 mm, A3 297 × 420 mm, Letter 8.5 × 11 in.
void paperPixels(Paper paper, double dpi, bool landscape, int& width, int& height);

// The view an export of `width` × `height` pixels shows: the map area the reader sees (the
// window's view right of the passages panel), centred the same and fitted whole into the
// picture's aspect. (The dpi does not change the area, only how fine it is drawn.)
geo::Viewport exportView(const AppState& state, int width, int height);

struct ExportSettings {
    ExportKind kind = ExportKind::Image;
    bool use_paper = false;
    int width_px = 3840;
    int height_px = 2160;
    Paper paper = Paper::A4;
    bool landscape = true;
    int dpi = 300;  // paper: the print resolution; pixels: sizes fonts and lines (96 = screen)
    std::string title;
    bool legend = true;
    bool north_arrow = true;
    bool inset = true;
    int places_format = 0;  // 0 GeoJSON, 1 KML, 2 GeoPackage
    std::string path;

    // The picture's size in pixels and the dpi it is drawn for.
    void pictureSize(int& width, int& height) const;
    double dpiScale() const { return dpi / 96.0; }
    // The file name extension the kind (and places format) writes, with the dot.
    std::string extension() const;
};

struct ExportOutcome {
    bool ok = false;
    std::string message;  // a status line, or what went wrong (naming the file)
};

// Writes what `settings` asks for; GL (renderers' context) must be current for images and
// reports. `print_overlay` renders labels at the print font size (null: renderers.overlay).
// Never throws: failures come back as an outcome with ok == false.
ExportOutcome writeExport(const ExportSettings& settings, const AppState& state, FrameRenderers& renderers,
                        render::OverlayRenderer* print_overlay);

class ExportDialog {
public:
    ExportDialog();
    ~ExportDialog();
    ExportDialog(const ExportDialog&) = delete;
    ExportDialog& operator=(const ExportDialog&) = delete;

    // Opens the dialog on `kind`, proposing a file beside the open text.
    void show(ExportKind kind, const AppState& state);
    bool visible() const { return visible_; }
    // Draws the dialog when visible (inside an ImGui frame, with the viewer's GL context current).
    // Returns the outcome once, on the frame the reader pressed Export.
    std::optional<ExportOutcome> draw(const AppState& state, FrameRenderers& renderers);

    const ExportSettings& settings() const { return settings_; }
    const render::ImageTexture& preview() const { return preview_; }

private:
    void refreshPreview(const AppState& state, FrameRenderers& renderers);
    render::OverlayRenderer& printOverlay(float font_px);

    bool visible_ = false;
    ExportSettings settings_;
    char title_[256] = {0};
    char path_[4096] = {0};
    render::ImageTexture preview_;
    std::string preview_key_;  // the settings and view the preview shows
    std::unique_ptr<render::OverlayRenderer> print_overlay_;
    float print_overlay_px_ = 0.0f;
    std::string preview_error_;
    std::string failure_;  // why the last Export failed, shown until the next try
};

}  // namespace app::ui
