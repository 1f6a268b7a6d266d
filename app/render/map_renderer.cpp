#include "app/render/map_renderer.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>

#include "app/render/fill_layer.hpp"
#include "app/render/gl_handles.hpp"
#include "app/render/line_layer.hpp"
#include "app/render/marker_layer.hpp"
#include "app/render/render_space.hpp"
#include "app/render/terrain_layer.hpp"
#include "geo/error.hpp"

namespace app::render {

namespace {

constexpr int kWantedSamples = 4;
// Points layers: disc radius = this + the layer's line width.
constexpr float kPointBaseRadiusPx = 2.0f;

bool hasAlpha(std::uint32_t rgba) { return (rgba & 0xffu) != 0; }

// The GPU side of one basemap layer.
struct LayerDrawables {
    geo::LayerStyle style;
    std::optional<FillLayer> fill;
    std::optional<LineLayer> line;
    std::vector<geo::XY> points;  // absolute Mercator metres, for Points layers
};

// Puts back the framebuffer bindings and GL viewport it found, whatever happens in between.
class FramebufferBindingGuard {
public:
    FramebufferBindingGuard() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_);
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_);
        glGetIntegerv(GL_VIEWPORT, viewport_);
    }
    ~FramebufferBindingGuard() {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_));
        glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
    }
    FramebufferBindingGuard(const FramebufferBindingGuard&) = delete;
    FramebufferBindingGuard& operator=(const FramebufferBindingGuard&) = delete;

private:
    GLint draw_ = 0;
    GLint read_ = 0;
    GLint viewport_[4] = {0, 0, 0, 0};
};

// A colour-only framebuffer of a given size; multisampled if samples > 1.
struct ColourTarget {
    Framebuffer framebuffer;
    Renderbuffer colour;
    int width = 0;
    int height = 0;
    int samples = 0;

    void ensure(int w, int h, int wanted_samples) {
        if (framebuffer && w == width && h == height && samples == wanted_samples) return;
        framebuffer = makeFramebuffer();
        colour = makeRenderbuffer();
        glBindRenderbuffer(GL_RENDERBUFFER, colour.get());
        if (wanted_samples > 1) {
            glRenderbufferStorageMultisample(GL_RENDERBUFFER, wanted_samples, GL_RGBA8, w, h);
        } else {
            glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        }
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour.get());
        const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            framebuffer.reset();
            colour.reset();
            throw std::runtime_error("offscreen framebuffer of " + std::to_string(w) + " x " + std::to_string(h) +
                                     " is incomplete (glCheckFramebufferStatus " + std::to_string(status) + ")");
        }
        width = w;
        height = h;
        samples = wanted_samples;
    }
};

}  // namespace

struct MapRenderer::Impl {
    geo::XY origin;
    FillProgram fill_program;
    LineProgram line_program;
    MarkerLayer marker_layer;
    TerrainLayer terrain;
    std::vector<LayerDrawables> layers;
    MercatorBox data_box;  // everything drawn, for choosing the world copies (at least the world)
    std::vector<MarkerGpuInstance> instances;  // reused every frame
    ColourTarget multisampled;
    ColourTarget resolved;

    Impl(const geo::Basemap& basemap, const geo::XY& render_origin)
        : origin(render_origin), terrain(basemap.dem, render_origin) {
        for (const geo::StyledLayer& styled : basemap.layers) {
            if (!styled.visible) continue;
            LayerDrawables drawables;
            drawables.style = styled.style;
            if (styled.layer.kind == geo::GeometryKind::Points) {
                for (const geo::VectorFeature& feature : styled.layer.features) {
                    for (const auto& part : feature.parts) {
                        for (const geo::LonLat& p : part) drawables.points.push_back(lonLatToMercator(p.lon, p.lat));
                    }
                }
            } else {
                if (styled.layer.kind == geo::GeometryKind::Polygons && hasAlpha(styled.style.fill_rgba)) {
                    drawables.fill.emplace(styled.layer, origin);
                }
                if (hasAlpha(styled.style.line_rgba) && styled.style.line_width_px > 0.0f) {
                    drawables.line.emplace(styled.layer, origin);
                }
            }
            layers.push_back(std::move(drawables));
        }
        data_box.extend(-geo::kWebMercatorHalfWorld, 0.0);
        data_box.extend(geo::kWebMercatorHalfWorld, 0.0);
        data_box.extend(terrain.box());
        for (const LayerDrawables& layer : layers) {
            if (layer.fill) data_box.extend(layer.fill->box());
            if (layer.line) data_box.extend(layer.line->box());
        }
    }

    void drawFill(const LayerDrawables& layer, const std::vector<WorldCopyTransform>& copies,
                  const MercatorBox& view) const {
        if (!layer.fill) return;
        // Opaque fills replace what is below; skipping the blend saves software GL a read per pixel.
        const bool opaque = (layer.style.fill_rgba & 0xffu) == 0xffu;
        if (opaque) glDisable(GL_BLEND);
        for (const WorldCopyTransform& copy : copies) layer.fill->draw(fill_program, copy, view, layer.style.fill_rgba);
        if (opaque) glEnable(GL_BLEND);
    }

    void drawTerrain(const std::vector<WorldCopyTransform>& copies, const MercatorBox& view,
                     const FrameStyle& style) const {
        glDisable(GL_BLEND);  // terrain pixels are opaque or discarded
        for (const WorldCopyTransform& copy : copies) terrain.draw(copy, view, style);
        glEnable(GL_BLEND);
    }

    void drawLines(const LayerDrawables& layer, const std::vector<WorldCopyTransform>& copies,
                   const geo::Viewport& viewport) const {
        if (!layer.line) return;
        for (const WorldCopyTransform& copy : copies) {
            layer.line->draw(line_program, copy, viewport, layer.style.line_width_px, layer.style.line_rgba);
        }
    }

    // Adds a disc for `mercator` in every visible world copy, skipping copies far off screen.
    void addInstances(const geo::Viewport& viewport, const std::vector<WorldCopyTransform>& copies,
                      const geo::XY& mercator, float radius, std::uint32_t fill, std::uint32_t outline) {
        for (const WorldCopyTransform& copy : copies) {
            const geo::XY pixel = viewport.toPixel(geo::XY{mercator.x + copy.shift_metres, mercator.y});
            const double margin = radius + 2.0;
            if (pixel.x < -margin || pixel.y < -margin || pixel.x > viewport.width() + margin ||
                pixel.y > viewport.height() + margin) {
                continue;
            }
            instances.push_back(makeMarkerInstance(pixel.x, pixel.y, radius, fill, outline));
        }
    }

    void drawPoints(const LayerDrawables& layer, const std::vector<WorldCopyTransform>& copies,
                    const geo::Viewport& viewport) {
        if (layer.points.empty()) return;
        const geo::LayerStyle& style = layer.style;
        const std::uint32_t fill = hasAlpha(style.fill_rgba) ? style.fill_rgba : style.line_rgba;
        const std::uint32_t outline = style.line_rgba;
        instances.clear();
        for (const geo::XY& p : layer.points) {
            addInstances(viewport, copies, p, kPointBaseRadiusPx + style.line_width_px, fill, outline);
        }
        marker_layer.draw(instances, viewport.width(), viewport.height());
    }

    void draw(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers, const FrameStyle& style) {
        glViewport(0, 0, viewport.width(), viewport.height());
        // The viewer's UI may leave these on; the map needs none of them.
        glDisable(GL_SCISSOR_TEST);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_STENCIL_TEST);
        glDisable(GL_CULL_FACE);
        glEnable(GL_BLEND);
        glBlendEquation(GL_FUNC_ADD);
        // Alpha accumulates "over" too, so an opaque background stays opaque in the image.
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        float background[4];
        unpackRgba(style.background_rgba, background);
        glClearColor(background[0], background[1], background[2], background[3]);
        glClear(GL_COLOR_BUFFER_BIT);

        const std::vector<WorldCopyTransform> copies = worldCopies(viewport, origin, data_box.min_x, data_box.max_x);
        const MercatorBox view = viewBox(viewport);
        for (size_t i = 0; i < layers.size(); ++i) {
            drawFill(layers[i], copies, view);
            if (i == 0) drawTerrain(copies, view, style);
            drawLines(layers[i], copies, viewport);
            drawPoints(layers[i], copies, viewport);
        }
        if (layers.empty()) drawTerrain(copies, view, style);

        instances.clear();
        for (const MarkerInstance& marker : markers) {
            addInstances(viewport, copies, marker.mercator, marker.radius_px, marker.fill_rgba, marker.outline_rgba);
        }
        marker_layer.draw(instances, viewport.width(), viewport.height());
        glUseProgram(0);
    }
};

namespace {
// Geometry is stored relative to the DEM's centre (the region the map is about); without a DEM,
// relative to the world's centre.
geo::XY renderOrigin(const geo::Basemap& basemap) {
    if (basemap.dem.width <= 0 || basemap.dem.height <= 0) return geo::XY{0.0, 0.0};
    const double lon = std::clamp(0.5 * (basemap.dem.west() + basemap.dem.east()), -180.0, 180.0);
    const double lat = 0.5 * (basemap.dem.south() + basemap.dem.north());
    return lonLatToMercator(lon, lat);
}
}  // namespace

MapRenderer::MapRenderer(const geo::Basemap& basemap) : impl_(std::make_unique<Impl>(basemap, renderOrigin(basemap))) {}

MapRenderer::~MapRenderer() = default;

void MapRenderer::draw(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
                       const FrameStyle& style) {
    impl_->draw(viewport, markers, style);
}

Image MapRenderer::renderToImage(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
                                 const FrameStyle& style, const std::function<void()>& draw_on_top) {
    const int width = viewport.width();
    const int height = viewport.height();
    GLint max_renderbuffer = 0;
    GLint max_viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_viewport);
    const int limit = std::min({max_renderbuffer, max_viewport[0], max_viewport[1]});
    if (width > limit || height > limit) {
        throw geo::Error(geo::ErrorKind::InvalidInput, "image size " + std::to_string(width) + " x " +
                                                           std::to_string(height) + " exceeds this OpenGL's limit of " +
                                                           std::to_string(limit) + " pixels per side");
    }
    GLint max_samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    const int samples = std::min(kWantedSamples, static_cast<int>(max_samples));

    const FramebufferBindingGuard restore_bindings;
    impl_->resolved.ensure(width, height, 0);
    if (samples > 1) impl_->multisampled.ensure(width, height, samples);
    const GLuint draw_target = samples > 1 ? impl_->multisampled.framebuffer.get() : impl_->resolved.framebuffer.get();

    glBindFramebuffer(GL_FRAMEBUFFER, draw_target);
    impl_->draw(viewport, markers, style);
    if (draw_on_top) {
        glBindFramebuffer(GL_FRAMEBUFFER, draw_target);
        glViewport(0, 0, width, height);
        draw_on_top();
    }
    if (samples > 1) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_target);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, impl_->resolved.framebuffer.get());
        glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }

    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, impl_->resolved.framebuffer.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    // GL's rows start at the bottom; Image's at the top.
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    std::vector<std::uint8_t> swap(row_bytes);
    for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
        std::uint8_t* a = &image.rgba[static_cast<size_t>(top) * row_bytes];
        std::uint8_t* b = &image.rgba[static_cast<size_t>(bottom) * row_bytes];
        std::memcpy(swap.data(), a, row_bytes);
        std::memcpy(a, b, row_bytes);
        std::memcpy(b, swap.data(), row_bytes);
    }
    return image;
}

}  // namespace app::render
