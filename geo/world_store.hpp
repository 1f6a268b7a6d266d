// geo/world_store.hpp — reads the world basemap's tiled store (data/world/world.gpkg, built by
// tools/world_builder): one tile's water polygons (sea and lakes), rivers (major and minor),
// country and admin-1 borders, in lon/lat, as geo::VectorLayers. A WorldStore is one GDAL handle:
// use one per thread (the renderer's tile loader owns its own). Does not choose tiles
// (geo/world_tiles) or draw them (app/render/world_tiles).
#pragma once
#include <memory>
#include <string>

#include "geo/vector_layer.hpp"
#include "geo/world_tiles.hpp"

namespace geo {

struct WorldTile {
    TileKey key;
    VectorLayer water;         // Polygons: the sea (the tile less its land) and lakes
    VectorLayer rivers_major;  // Lines
    VectorLayer rivers_minor;
    VectorLayer countries;
    VectorLayer admin1;
    VectorLayer coast;         // Lines: shorelines, in the world tile (band 0) only
    // Vertices held, a measure of the tile's size for caches.
    std::size_t vertexCount() const;
};

// The store's path under a data folder.
std::string worldStorePath(const std::string& data_dir);

class WorldStore {
public:
    // Throws geo::Error(MissingData) naming the file (and how to build it) if it cannot be opened
    // or is not a world store.
    explicit WorldStore(const std::string& path);
    ~WorldStore();
    WorldStore(const WorldStore&) = delete;
    WorldStore& operator=(const WorldStore&) = delete;

    const std::string& path() const { return path_; }
    // The tile's features (empty layers where the store has none). Throws geo::Error(CorruptData)
    // naming the file if a read fails.
    // Without `with_water`, only the lines (locator maps want coasts and borders, not the sea).
    WorldTile read(const TileKey& key, bool with_water = true);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
};

}  // namespace geo
