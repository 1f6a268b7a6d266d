#include "app/layer_files.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
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
    // Every kind of geometry the file holds, polygons at the bottom and points on top, with one
    // entry's settings: a GeoJSON of points, lines and polygons is one layer to the reader.
    std::vector<geo::VectorLayer> kinds = geo::loadVectorLayersByKind(path);
    // Polygons are filled; without them the fill stays empty and points are discs of the line colour.
    const bool has_polygons = kinds.front().kind == geo::GeometryKind::Polygons;
    entry.style = geo::LayerStyle{kAddedLine, 1.5f, has_polygons ? kAddedFill : 0u};
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        geo::VectorLayer& layer = kinds[k];
        const bool named_points = layer.kind == geo::GeometryKind::Points &&
                                  std::any_of(layer.features.begin(), layer.features.end(),
                                              [](const geo::VectorFeature& f) { return !f.name.empty(); });
        if (named_points) entry.labelled_points = std::make_shared<const geo::VectorLayer>(layer);
        geo::StyledLayer styled;
        styled.layer = std::move(layer);
        styled.style = entry.style;
        styled.id = path;
        styled.title = entry.title;
        const std::size_t index = renderer.addLayer(styled);
        if (k == 0) entry.renderer_index = index;
        else entry.more_renderer_indices.push_back(index);
    }
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
            layer.more_renderer_indices = loaded.more_renderer_indices;
            layer.labelled_points = loaded.labelled_points;
            layer.raster = loaded.raster;
            ++i;
        } catch (const geo::Error& e) {
            problems.push_back(e.what());
            settings.layers.erase(settings.layers.begin() + static_cast<long>(i));
        }
    }
}

}  // namespace app
