// A small hand-built gazetteer for the recogniser and resolver tests: each test states the places
// that matter to it, so a rule is tested on its own, not through the shipped data.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "geo/gazetteer.hpp"

namespace test_support {

struct PlaceSpec {
    std::string id;
    std::string name;
    geo::PlaceKind kind;
    std::string country;
    std::string admin1;
    std::string feature_code;
    long long population;
    double lat, lon;
    std::vector<std::string> more_names = {};
    std::vector<std::string> demonyms = {};
    std::vector<std::string> abbreviations = {};
};

inline geo::Gazetteer smallGazetteer(const std::vector<PlaceSpec>& specs) {
    geo::Gazetteer g;
    for (const PlaceSpec& s : specs) {
        geo::Place p;
        p.id = s.id;
        p.name = s.name;
        p.kind = s.kind;
        p.country = s.country;
        p.admin1 = s.admin1;
        p.feature_code = s.feature_code;
        p.population = s.population;
        p.position = geo::LonLat(s.lon, s.lat);
        std::vector<std::pair<std::string, geo::NameKind>> names = {{s.name, geo::NameKind::Name}};
        for (const std::string& n : s.more_names) names.emplace_back(n, geo::NameKind::Name);
        for (const std::string& n : s.demonyms) names.emplace_back(n, geo::NameKind::Demonym);
        for (const std::string& n : s.abbreviations) names.emplace_back(n, geo::NameKind::Abbreviation);
        g.add(p, names);
    }
    return g;
}

}  // namespace test_support
