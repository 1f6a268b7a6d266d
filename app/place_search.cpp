#include "app/place_search.hpp"

#include <algorithm>

namespace app {
namespace {

// Broad places first (a reader typing "Georgia" most likely wants the country), then population.
int kindRank(geo::PlaceKind kind) {
    switch (kind) {
        case geo::PlaceKind::Country: return 0;
        case geo::PlaceKind::Continent: return 1;
        case geo::PlaceKind::Admin1: return 2;
        case geo::PlaceKind::City: return 3;
        case geo::PlaceKind::Region:
        case geo::PlaceKind::Physical: return 4;
        case geo::PlaceKind::Admin2: return 5;
    }
    return 6;
}

}  // namespace

std::vector<std::uint32_t> PlaceSearch::find(std::string_view query, std::size_t limit) {
    std::vector<std::uint32_t> found;
    const std::string key = geo::Gazetteer::normalise(query);
    if (key.empty() || limit == 0) return found;
    const auto& places = gazetteer_->places();
    if (names_.empty()) {
        names_.reserve(places.size());
        for (std::uint32_t i = 0; i < places.size(); ++i) names_.emplace_back(geo::Gazetteer::normalise(places[i].name), i);
        std::sort(names_.begin(), names_.end());
    }
    // Names starting with the query, and places the query names exactly by another name.
    struct Match {
        std::uint32_t place;
        bool exact;
    };
    std::vector<Match> matches;
    for (auto it = std::lower_bound(names_.begin(), names_.end(), std::make_pair(key, std::uint32_t(0)));
         it != names_.end() && it->first.compare(0, key.size(), key) == 0; ++it)
        matches.push_back(Match{it->second, it->first.size() == key.size()});
    for (const geo::NameEntry& entry : gazetteer_->lookup(key))
        if (entry.kind != geo::NameKind::Demonym) matches.push_back(Match{entry.place, true});
    std::sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
        if (a.exact != b.exact) return a.exact;
        const geo::Place& pa = places[a.place];
        const geo::Place& pb = places[b.place];
        if (kindRank(pa.kind) != kindRank(pb.kind)) return kindRank(pa.kind) < kindRank(pb.kind);
        if (pa.population != pb.population) return pa.population > pb.population;
        return a.place < b.place;
    });
    for (const Match& m : matches) {
        if (found.size() >= limit) break;
        if (std::find(found.begin(), found.end(), m.place) == found.end()) found.push_back(m.place);
    }
    return found;
}

std::string describeFoundPlace(const geo::Place& place) {
    std::string line = place.name + " — " + geo::toString(place.kind);
    if (!place.country.empty()) line += ", " + place.country;
    if (place.population > 0) {
        std::string digits = std::to_string(place.population);
        for (int at = int(digits.size()) - 3; at > 0; at -= 3) digits.insert(std::size_t(at), ",");
        line += " (" + digits + ")";
    }
    return line;
}

}  // namespace app
