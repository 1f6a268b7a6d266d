#include "app/layer_files.hpp"

#include <filesystem>
#include <stdexcept>

#include "geo/error.hpp"
#include "geo/raster.hpp"
#include "geo/vector_layer.hpp"

namespace app {

namespace {
// Colours of vector layers the reader adds.
constexpr std::uint32_t kAddedLine = 0x7b3294ffu;
constexpr std::uint32_t kAddedFill = 0xc2a5cf66u;
}  // namespace

LayerSettings addLayerFile(const std::string& path, render::MapRenderer& renderer) {
    LayerSettings entry;
    entry.id = path;
    entry.path = path;
    entry.title = std::filesystem::path(path).filename().string();
    if (geo::layerFileKind(path) == geo::LayerFileKind::Raster) {
        const geo::RasterImage image = geo::loadRasterImage(path);
        try {
            entry.renderer_index = renderer.addImageLayer(image);
        } catch (const std::runtime_error& e) {
            throw geo::Error(geo::ErrorKind::InvalidInput, path + ": cannot draw it (" + e.what() + ")");
        }
        entry.raster = true;
        entry.style = geo::LayerStyle{0u, 0.0f, 0u};
        return entry;
    }
    geo::StyledLayer styled;
    styled.layer = geo::loadVectorLayer(path);
    styled.style.line_rgba = kAddedLine;
    styled.style.line_width_px = 1.5f;
    styled.style.fill_rgba = styled.layer.kind == geo::GeometryKind::Polygons ? kAddedFill : 0u;
    styled.id = path;
    styled.title = entry.title;
    entry.style = styled.style;
    entry.renderer_index = renderer.addLayer(styled);
    return entry;
}

void loadAddedLayers(MapSettings& settings, render::MapRenderer& renderer, std::vector<std::string>& problems) {
    for (std::size_t i = 0; i < settings.layers.size();) {
        LayerSettings& layer = settings.layers[i];
        if (layer.renderer_index != kLayerNotLoaded) {
            ++i;
            continue;
        }
        try {
            const LayerSettings loaded = addLayerFile(layer.path, renderer);
            layer.renderer_index = loaded.renderer_index;
            layer.raster = loaded.raster;
            ++i;
        } catch (const geo::Error& e) {
            problems.push_back(e.what());
            settings.layers.erase(settings.layers.begin() + static_cast<long>(i));
        }
    }
}

}  // namespace app
