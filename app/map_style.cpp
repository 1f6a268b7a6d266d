#include "app/map_style.hpp"

namespace app {

bool operator==(const TerrainStyle& a, const TerrainStyle& b) {
    return a.sun_azimuth_deg == b.sun_azimuth_deg && a.sun_elevation_deg == b.sun_elevation_deg &&
           a.vertical_exaggeration == b.vertical_exaggeration && a.show_terrain == b.show_terrain &&
           a.terrain_opacity == b.terrain_opacity;
}

bool operator==(const FrameStyle& a, const FrameStyle& b) {
    const auto same_layers = [](const std::vector<LayerDraw>& x, const std::vector<LayerDraw>& y) {
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const LayerDraw& p = x[i];
            const LayerDraw& q = y[i];
            if (p.layer != q.layer || p.opacity != q.opacity || p.min_zoom != q.min_zoom ||
                p.style.line_rgba != q.style.line_rgba || p.style.line_width_px != q.style.line_width_px ||
                p.style.fill_rgba != q.style.fill_rgba)
                return false;
        }
        return true;
    };
    return a.background_rgba == b.background_rgba && a.space_rgba == b.space_rgba && a.terrain == b.terrain &&
           a.show_graticule == b.show_graticule && a.graticule_rgba == b.graticule_rgba &&
           a.projection.crs() == b.projection.crs() && same_layers(a.layers, b.layers);
}

}  // namespace app
