// geo/place_shapes.hpp — the outline or course of a gazetteer place, where the registries have one:
// countries and admin-1 regions as areas (qgis-common's world_map.gpkg, Natural Earth admin-0/1),
// named rivers as lines (Natural Earth 10m rivers and lake centerlines). A place is found by its
// gazetteer id (Place::id: "country:UA", "admin1:UA.04", "river:dnipro-116",
// "curated:indus-river"); cities, admin-2 districts and curated points have no shape.
//
// The shapes live in data/gazetteer/place_shapes.gpkg, built at setup by
// tools/build_place_shapes.py from the Debian packages (not committed). Nothing is read when a
// PlaceShapes is made: the file is opened on the first find() and each shape read on demand (one
// indexed row), so loading the gazetteer stays as fast as without shapes. Thread-safe.
// Does not draw, project or simplify: coordinates are WGS 84 longitude/latitude as stored.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/lonlat.hpp"

namespace geo {

struct PlaceShape {
    enum class Kind { Area, Line };
    Kind kind = Kind::Area;
    // Area: the polygons of the place, each its outer ring first, then its holes; rings are closed
    // (the last point repeats the first).
    std::vector<std::vector<std::vector<LonLat>>> polygons;
    // Line: the parts of the course (a river's branches and the reaches through lakes).
    std::vector<std::vector<LonLat>> lines;
    // The bounding box of every point, in degrees (west ≤ east; a shape crossing the antimeridian,
    // as Russia's or Fiji's, spans the whole range of its longitudes).
    double west = 0.0, south = 0.0, east = 0.0, north = 0.0;
};

class PlaceShapes {
public:
    // The shapes of the data directory (the project's data/ folder, as Gazetteer::load takes).
    explicit PlaceShapes(std::string data_dir);
    ~PlaceShapes();
    PlaceShapes(PlaceShapes&&) noexcept;
    PlaceShapes& operator=(PlaceShapes&&) noexcept;

    // data_dir/gazetteer/place_shapes.gpkg.
    static std::string pathIn(const std::string& data_dir);
    // True when the shapes file exists (setup built it).
    bool available() const;
    // The shape of the place with this gazetteer id; nullopt when it has none or there is no
    // shapes file. Throws geo::Error(CorruptData) naming the file if it exists but cannot be read.
    std::optional<PlaceShape> find(const std::string& place_id) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace geo
