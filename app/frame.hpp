// app/frame.hpp — one complete map picture (terrain, layers, markers, labels, scale bar,
// attribution) rendered offscreen to an image. `textatlas render`, the headless default of the
// viewer and the viewer's screenshot all call this, so every face draws the same map.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/render/image.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/overlay_renderer.hpp"
#include "app/state.hpp"
#include "geo/basemap.hpp"

namespace app {

// The GL objects a frame needs; created once per context.
struct FrameRenderers {
    render::MapRenderer map;
    render::OverlayRenderer overlay;
    std::vector<std::string> attribution;

    explicit FrameRenderers(const geo::Basemap& basemap, float font_px = 15.0f)
        : map(basemap), overlay(font_px), attribution(basemap.attribution) {}
};

// Renders state.view (its size is the image size). `left_inset_px` keeps the scale bar clear of a
// panel when the picture matches a window with a side panel.
render::Image renderFrame(FrameRenderers& renderers, const AppState& state, float left_inset_px = 0.0f);

}  // namespace app
