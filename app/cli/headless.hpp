// app/cli/headless.hpp — the whole pipeline with no window: read a text, find its places, render
// the map through an EGL surfaceless context and write a PNG.
#pragma once
#include <optional>
#include <string>

#include "app/state.hpp"
#include "geo/lonlat.hpp"

namespace app::cli {

struct RenderRequest {
    std::string text_path;
    std::string out_path;
    int width = 1280;
    int height = 800;
    std::optional<geo::LonLat> center;  // with zoom; otherwise the view fits all places
    double zoom = 0.0;
};

struct RenderResult {
    std::size_t place_count = 0;
    geo::Viewport view{1, 1, geo::XY{0, 0}, 0.0};
};

// Throws geo::Error for bad input and std::runtime_error when no GL context can be made.
RenderResult renderHeadless(const RenderRequest& request, const std::string& argv0, AppState* state_out = nullptr);

}  // namespace app::cli
