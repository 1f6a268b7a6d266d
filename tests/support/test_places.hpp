// tests/support/test_places.hpp — hand-made gazetteer places for tests that need a few known
// places (a small gazetteer instead of the shipped one): a place with the fields tests set, and
// adding it under its own name.
#pragma once
#include <cstdint>
#include <string>

#include "geo/gazetteer.hpp"
#include "geo/place.hpp"

namespace test_support {

inline geo::Place testPlace(const std::string& id, const std::string& name, double lon, double lat,
                            std::int64_t population = 100000, geo::PlaceKind kind = geo::PlaceKind::City,
                            const std::string& country = "AF") {
    geo::Place place;
    place.id = id;
    place.name = name;
    place.position = geo::LonLat(lon, lat);
    place.kind = kind;
    place.country = country;
    place.population = population;
    place.source = "test";
    return place;
}

// Adds `place` to `gazetteer` under its name; returns what Gazetteer::add returns.
inline auto addUnderItsName(geo::Gazetteer& gazetteer, const geo::Place& place) {
    return gazetteer.add(place, {{place.name, geo::NameKind::Name}});
}

}  // namespace test_support
