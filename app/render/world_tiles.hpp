// app/render/world_tiles.hpp — the world basemap's tiles (geo/world_store) as the renderer draws
// them: which band and tiles a frame needs (geo/world_tiles), loaded and their water triangulated
// on a worker thread (geo::TileLoader), then kept in an LRU cache with their GPU meshes, built per
// projection when first drawn. A frame draws the finest band whose tiles in view are all here and
// asks for the rest, so the viewer never waits on the disk; with `wait` (headless renders and
// exports) a frame waits for its own band's tiles, so the picture is always the same.
// Internal to app/render; needs a current GL context for drawing and for the destructor.
#pragma once
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/render/fill_layer.hpp"
#include "app/render/line_layer.hpp"
#include "app/render/render_space.hpp"
#include "geo/basemap.hpp"
#include "geo/tile_loader.hpp"
#include "geo/viewport.hpp"
#include "geo/world_store.hpp"
#include "geo/world_tiles.hpp"

namespace app::render {

// A tile as the worker leaves it: lon/lat lines and the water's lon/lat triangles.
struct PreparedTile {
    geo::WorldTile tile;
    std::vector<LonLatXY> water_triangles;
    std::vector<std::size_t> water_ends;
    std::size_t vertices = 0;  // what it holds, for the cache's budget
};

class WorldTiles {
public:
    // Reads `store_path` on a worker thread; `wait`: frames wait for their tiles (headless).
    WorldTiles(const std::string& store_path, bool wait);
    ~WorldTiles();

    void setWait(bool wait) { wait_ = wait; }
    // Works out the frame's tiles (call once per frame before drawing): asks for the missing ones,
    // and takes in those the worker finished. Returns true if the tiles drawn changed since the
    // last call (a kept picture of the map is then out of date).
    bool beginFrame(const geo::Viewport& viewport, const geo::MapProjection& projection);
    // Takes in finished tiles without drawing; true if the next frame would draw differently.
    bool collect();

    // Draws one world layer's part of every frame tile.
    void draw(geo::WorldLayer layer, const FillProgram& fill_program, const LineProgram& line_program,
              const geo::MapProjection& projection, const geo::XY& origin, const std::vector<WorldCopyTransform>& copies,
              const geo::Viewport& viewport, const MercatorBox& view, std::uint32_t fill_rgba, std::uint32_t line_rgba,
              float line_width_px);

    // The band drawn by the last frame (-1 before any), and its tiles.
    int frameBand() const { return frame_band_; }
    const std::vector<geo::TileKey>& frameTiles() const { return frame_tiles_; }
    std::size_t cachedTiles() const { return cache_.size(); }
    std::size_t cachedVertices() const { return cached_vertices_; }
    // A failure reading the store ("" if none).
    std::string error() const { return loader_.firstError(); }

private:
    struct Gpu {
        std::optional<FillLayer> water;
        std::optional<LineLayer> lines[4];  // rivers major, rivers minor, countries, admin-1
        bool built[5] = {false, false, false, false, false};
    };
    struct Entry {
        std::unique_ptr<PreparedTile> tile;
        std::optional<SubdividedTriangles> subdivided;  // for every projection but Web Mercator
        std::list<std::pair<std::string, Gpu>> gpu;       // by projection, most recent first
        std::uint64_t last_frame = 0;
    };

    void insert(geo::TileKey key, std::unique_ptr<PreparedTile> tile);
    void evict();
    Gpu& gpuFor(Entry& entry, const geo::MapProjection& projection);

    bool wait_ = true;
    geo::TileLoader<PreparedTile> loader_;
    std::map<geo::TileKey, Entry> cache_;
    std::size_t cached_vertices_ = 0;
    std::uint64_t frame_ = 0;
    int frame_band_ = -1;
    int wanted_band_ = -1;     // the band the last frame wanted, over box_
    geo::LonLatBox box_;
    std::vector<geo::TileKey> frame_tiles_;
};

}  // namespace app::render
