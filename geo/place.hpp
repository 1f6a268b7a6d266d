// geo/place.hpp — what a gazetteer entry is. Plain values; no lookup logic.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include <tuple>

#include "geo/lonlat.hpp"

namespace geo {

enum class PlaceKind {
    Continent,
    Country,
    Admin1,     // state, province
    Admin2,     // county, district
    City,       // populated place
    Region,     // named region or valley
    Physical,   // river, mountain, pass, lake
};

const char* toString(PlaceKind kind);

struct Place {
    std::string id;          // stable id: "geonames:1138958", "country:AF", "curated:panjshir-valley"
    std::string name;        // display name
    LonLat position;
    PlaceKind kind = PlaceKind::City;
    std::string country;     // ISO 3166-1 alpha-2, empty for continents/oceans
    std::string admin1;      // admin-1 code within the country (GeoNames), may be empty
    std::string feature_code;  // GeoNames feature code where known (PPLC, PPLA, ADM1, PCLI, VAL…)
    std::int64_t population = 0;
    std::string source;      // where the entry comes from ("GeoNames", "Natural Earth", "curated: …")
};

// Every field equal.
inline bool operator==(const Place& a, const Place& b) {
    return std::tie(a.id, a.name, a.position, a.kind, a.country, a.admin1, a.feature_code, a.population, a.source) ==
           std::tie(b.id, b.name, b.position, b.kind, b.country, b.admin1, b.feature_code, b.population, b.source);
}
inline bool operator!=(const Place& a, const Place& b) { return !(a == b); }

}  // namespace geo
