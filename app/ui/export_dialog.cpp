#include "app/ui/export_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/render/geotiff.hpp"
#include "app/render/tiled_render.hpp"
#include "app/wording.hpp"
#include "geo/html_report.hpp"
#include "geo/place_export.hpp"

namespace app::ui {

namespace {

constexpr int kPreviewMaxWidth = 520;
constexpr int kPreviewMaxHeight = 300;
constexpr int kReportMapWidth = 1200;
constexpr int kReportMapHeight = 800;

constexpr const char* kPaperNames[] = {"A4 (210 x 297 mm)", "A3 (297 x 420 mm)", "Letter (8.5 x 11 in)"};
constexpr const char* kPlacesFormats[] = {"GeoJSON", "KML (Google Earth)", "GeoPackage"};

geo::PlaceFormat placesFormat(int index) {
    return index == 1 ? geo::PlaceFormat::Kml : index == 2 ? geo::PlaceFormat::GeoPackage : geo::PlaceFormat::GeoJson;
}

// The picture's size problem in words, or "" when it can be rendered.
std::string sizeProblem(int width, int height) {
    if (width < 1 || height < 1) return "The picture needs at least one pixel each way.";
    if (width > render::kMaxImageSide || height > render::kMaxImageSide ||
        static_cast<long long>(width) * height > render::kMaxImagePixels) {
        return "Too large: at most 32768 pixels a side and 16384 x 16384 pixels in all.";
    }
    return "";
}

FrameOptions frameOptionsFor(const ExportSettings& settings, const geo::Viewport& view, double dpi_scale) {
    FrameOptions options;
    options.dpi_scale = static_cast<float>(dpi_scale);
    options.title = settings.title;
    options.legend = settings.legend;
    options.north_arrow = settings.north_arrow;
    options.inset = settings.inset;
    options.view = view;
    // A GeoTIFF is a clean georeferenced map (markers and labels) unless furniture is asked for.
    options.map_furniture = settings.kind != ExportKind::GeoTiff || settings.legend || settings.inset ||
                            settings.north_arrow || !settings.title.empty();
    return options;
}

std::string replaceExtension(const std::string& path, const std::string& extension) {
    if (path.empty()) return path;
    std::filesystem::path p(path);
    // ".tmp.tif" style double extensions are not ours to keep: replace the last one only.
    p.replace_extension(extension);
    return p.string();
}

}  // namespace

void paperPixels(Paper paper, double dpi, bool landscape, int& width, int& height) {
    double width_mm = 210.0, height_mm = 297.0;
    if (paper == Paper::A3) {
        width_mm = 297.0;
        height_mm = 420.0;
    } else if (paper == Paper::Letter) {
        width_mm = 8.5 * 25.4;
        height_mm = 11.0 * 25.4;
    }
    width = static_cast<int>(std::lround(width_mm / 25.4 * dpi));
    height = static_cast<int>(std::lround(height_mm / 25.4 * dpi));
    if (landscape) std::swap(width, height);
}

geo::Viewport exportView(const AppState& state, int width, int height) {
    const geo::Viewport& view = state.view;
    const int panel = std::clamp(state.panel_width_px, 0, view.width() - 1);
    const double visible_width = view.width() - panel;
    const double visible_height = view.height();
    const geo::XY centre = view.toMercator(geo::XY{panel + visible_width / 2.0, visible_height / 2.0});
    // "Contain": the whole visible area fits; the other axis shows a little more.
    const double fit = std::min(width / visible_width, height / visible_height);
    const double zoom = std::clamp(view.zoom() + std::log2(fit), geo::kMinZoom, geo::kMaxZoom);
    return geo::Viewport(width, height, centre, zoom);
}

void ExportSettings::pictureSize(int& width, int& height) const {
    if (use_paper) {
        paperPixels(paper, dpi, landscape, width, height);
    } else {
        width = width_px;
        height = height_px;
    }
}

std::string ExportSettings::extension() const {
    switch (kind) {
        case ExportKind::Image: return ".png";
        case ExportKind::GeoTiff: return ".tif";
        case ExportKind::Places: return std::string(".") + geo::extensionOf(placesFormat(places_format));
        case ExportKind::Report: return ".html";
    }
    return "";
}

ExportOutcome writeExport(const ExportSettings& settings, const AppState& state, FrameRenderers& renderers,
                          render::OverlayRenderer* print_overlay) {
    try {
        if (settings.path.empty()) return {false, "Choose a file to export to."};
        switch (settings.kind) {
            case ExportKind::Image:
            case ExportKind::GeoTiff: {
                int width = 0, height = 0;
                settings.pictureSize(width, height);
                if (const std::string problem = sizeProblem(width, height); !problem.empty()) return {false, problem};
                FrameOptions options = frameOptionsFor(settings, exportView(state, width, height), settings.dpiScale());
                options.overlay = print_overlay;
                FrameLayout layout;
                const render::Image image = renderExportFrame(renderers, state, options, &layout);
                if (settings.kind == ExportKind::GeoTiff) {
                    render::GeoTiffOptions geotiff;
                    geotiff.crs = state.projection.crs();
                    geotiff.dpi = settings.dpi;
                    for (const std::string& source : renderers.attribution)
                        geotiff.copyright += (geotiff.copyright.empty() ? "" : " · ") + source;
                    render::writeGeoTiff(image, *options.view, settings.path, geotiff);
                } else {
                    render::writePng(image, settings.path);
                }
                return {true, "Exported the map (" + std::to_string(width) + " x " + std::to_string(height) +
                                  " pixels" + (layout.tiles > 1 ? ", " + std::to_string(layout.tiles) + " tiles" : "") +
                                  ") to " + std::filesystem::absolute(settings.path).string()};
            }
            case ExportKind::Places: {
                if (!state.doc) return {false, "No text is open: there are no places to export."};
                const geo::PlaceFormat format = placesFormat(settings.places_format);
                geo::exportPlaces(state.doc->document, state.doc->extraction, settings.path, format);
                return {true, "Exported " + countOf(state.doc->extraction.places.size(), "place") + " (" +
                                  geo::toString(format) + ") to " + std::filesystem::absolute(settings.path).string()};
            }
            case ExportKind::Report: {
                if (!state.doc) return {false, "No text is open: there is nothing to report."};
                FrameOptions options =
                    frameOptionsFor(settings, exportView(state, kReportMapWidth, kReportMapHeight), 1.0);
                options.title.clear();  // the report has its own heading
                const render::Image map = renderExportFrame(renderers, state, options);
                geo::HtmlReportOptions report;
                report.title = settings.title;
                report.map_png = render::encodePng(map);
                report.map_width = map.width;
                report.map_height = map.height;
                report.attribution = renderers.attribution;
                geo::writeReportFile(settings.path,
                                     geo::buildHtmlReport(state.doc->document, state.doc->extraction, report));
                return {true, "Exported the report to " + std::filesystem::absolute(settings.path).string()};
            }
        }
    } catch (const std::exception& e) {
        return {false, std::string("Export failed: ") + e.what()};
    }
    return {false, "Export failed: unknown kind of export"};
}

ExportDialog::ExportDialog() = default;
ExportDialog::~ExportDialog() = default;

void ExportDialog::show(ExportKind kind, const AppState& state) {
    visible_ = true;
    settings_.kind = kind;
    // A picture gets its furniture by default; a GeoTIFF is a clean map unless it is asked for.
    settings_.legend = settings_.north_arrow = settings_.inset = kind == ExportKind::Image;
    preview_key_.clear();
    failure_.clear();
    std::filesystem::path base = std::filesystem::current_path() / "textatlas";
    if (state.doc && !state.doc->path.empty()) {
        const std::filesystem::path text(state.doc->path);
        base = text.parent_path() / text.stem();
    }
    const char* suffix = kind == ExportKind::Places ? "-places" : kind == ExportKind::Report ? "-report" : "-map";
    std::snprintf(path_, sizeof path_, "%s", (base.string() + suffix + settings_.extension()).c_str());
    std::snprintf(title_, sizeof title_, "%s", settings_.title.c_str());
}

render::OverlayRenderer& ExportDialog::printOverlay(float font_px) {
    // Rasterising a font is slow: keep the last one while the dpi stays.
    if (!print_overlay_ || print_overlay_px_ != font_px) {
        print_overlay_.reset();
        print_overlay_ = std::make_unique<render::OverlayRenderer>(font_px);
        print_overlay_px_ = font_px;
    }
    return *print_overlay_;
}

void ExportDialog::refreshPreview(const AppState& state, FrameRenderers& renderers) {
    int width = 0, height = 0;
    settings_.pictureSize(width, height);
    if (!sizeProblem(width, height).empty()) return;
    const double reduce = std::min({1.0, double(kPreviewMaxWidth) / width, double(kPreviewMaxHeight) / height});
    const int preview_width = std::max(16, static_cast<int>(std::lround(width * reduce)));
    const int preview_height = std::max(16, static_cast<int>(std::lround(height * reduce)));
    const geo::Viewport& v = state.view;
    char key[512];
    std::snprintf(key, sizeof key, "%dx%d@%d|%d%d%d|%s|%.3f,%.3f,%.4f,%dx%d,%d|%zu", width, height, settings_.dpi,
                  settings_.legend, settings_.north_arrow, settings_.inset, settings_.title.c_str(), v.center().x,
                  v.center().y, v.zoom(), v.width(), v.height(), state.panel_width_px,
                  state.selection.place.value_or(static_cast<std::size_t>(-1)));
    if (key == preview_key_) return;
    preview_key_ = key;
    try {
        // The export reduced: everything, fonts included, shrinks by the same factor.
        const FrameOptions options = frameOptionsFor(settings_, exportView(state, preview_width, preview_height),
                                                     settings_.dpiScale() * reduce);
        preview_.upload(renderExportFrame(renderers, state, options));
        preview_error_.clear();
    } catch (const std::exception& e) {
        preview_error_ = e.what();
    }
}

std::optional<ExportOutcome> ExportDialog::draw(const AppState& state, FrameRenderers& renderers) {
    if (!visible_) return std::nullopt;
    std::optional<ExportOutcome> outcome;
    if (!ImGui::IsPopupOpen("Export")) ImGui::OpenPopup("Export");
    ImGui::SetNextWindowSize(ImVec2(kPreviewMaxWidth + 60.0f, 0.0f), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Export", &visible_, ImGuiWindowFlags_AlwaysAutoResize)) {
        int kind = static_cast<int>(settings_.kind);
        bool kind_changed = ImGui::RadioButton("Image (PNG)", &kind, 0);
        ImGui::SameLine();
        kind_changed |= ImGui::RadioButton("GeoTIFF", &kind, 1);
        ImGui::SameLine();
        kind_changed |= ImGui::RadioButton("Places", &kind, 2);
        ImGui::SameLine();
        kind_changed |= ImGui::RadioButton("Report (HTML)", &kind, 3);
        ImGui::Separator();

        const bool picture = kind == 0 || kind == 1;
        if (picture) {
            ImGui::Checkbox("Paper size", &settings_.use_paper);
            if (settings_.use_paper) {
                int paper = static_cast<int>(settings_.paper);
                ImGui::SetNextItemWidth(200);
                if (ImGui::Combo("Paper", &paper, kPaperNames, IM_ARRAYSIZE(kPaperNames))) settings_.paper = Paper(paper);
                ImGui::SameLine();
                ImGui::Checkbox("Landscape", &settings_.landscape);
                ImGui::SetNextItemWidth(200);
                ImGui::SliderInt("dpi", &settings_.dpi, 150, 600);
            } else {
                ImGui::SetNextItemWidth(120);
                ImGui::InputInt("Width", &settings_.width_px, 100, 1000);
                ImGui::SameLine();
                ImGui::SetNextItemWidth(120);
                ImGui::InputInt("Height", &settings_.height_px, 100, 1000);
                ImGui::SetNextItemWidth(120);
                ImGui::InputInt("dpi (96 = as on screen)", &settings_.dpi, 24, 96);
                settings_.width_px = std::clamp(settings_.width_px, 16, render::kMaxImageSide);
                settings_.height_px = std::clamp(settings_.height_px, 16, render::kMaxImageSide);
            }
            settings_.dpi = std::clamp(settings_.dpi, 50, 1200);
            int width = 0, height = 0;
            settings_.pictureSize(width, height);
            const std::string problem = sizeProblem(width, height);
            if (problem.empty()) {
                ImGui::TextDisabled("%d x %d pixels (%.0f MB in memory)", width, height,
                                    double(width) * height * 4.0 / (1024.0 * 1024.0));
            } else {
                ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.1f, 1.0f), "%s", problem.c_str());
            }
            ImGui::InputText("Title", title_, sizeof title_);
            settings_.title = title_;
            ImGui::Checkbox("Legend", &settings_.legend);
            ImGui::SameLine();
            ImGui::Checkbox("North arrow", &settings_.north_arrow);
            ImGui::SameLine();
            ImGui::Checkbox("Inset map", &settings_.inset);
            refreshPreview(state, renderers);
            if (!preview_.empty()) ImGui::Image(preview_.imguiId(), ImVec2(float(preview_.width()), float(preview_.height())));
            if (!preview_error_.empty()) ImGui::TextWrapped("Preview: %s", preview_error_.c_str());
        } else if (kind == 2) {
            ImGui::SetNextItemWidth(240);
            kind_changed |= ImGui::Combo("Format", &settings_.places_format, kPlacesFormats, IM_ARRAYSIZE(kPlacesFormats));
            ImGui::TextDisabled("One point per place: name, kind, confidence, mentions and its passages.");
        } else {
            ImGui::InputText("Title", title_, sizeof title_);
            settings_.title = title_;
            ImGui::TextDisabled("One HTML file: the map, and every place with its passages highlighted.");
        }
        if (kind_changed) {
            if (ExportKind(kind) != settings_.kind && (kind == 0 || kind == 1))
                settings_.legend = settings_.north_arrow = settings_.inset = kind == 0;
            settings_.kind = ExportKind(kind);
            std::snprintf(path_, sizeof path_, "%s", replaceExtension(path_, settings_.extension()).c_str());
        }

        ImGui::Separator();
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##path", path_, sizeof path_);
        if (ImGui::Button("Export")) {
            settings_.path = path_;
            const float font_px = renderers.overlay.fontSize() * static_cast<float>(settings_.dpiScale());
            render::OverlayRenderer* overlay = nullptr;
            if (picture && font_px != renderers.overlay.fontSize()) overlay = &printOverlay(font_px);
            outcome = writeExport(settings_, state, renderers, overlay);
            failure_ = outcome->ok ? "" : outcome->message;
            if (outcome->ok) {
                visible_ = false;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            visible_ = false;
            ImGui::CloseCurrentPopup();
        }
        if (!failure_.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.1f, 1.0f), "%s", failure_.c_str());
        ImGui::EndPopup();
    }
    return outcome;
}

}  // namespace app::ui
