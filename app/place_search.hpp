// app/place_search.hpp — "Go to a place": finds any gazetteer place by name as the reader types,
// not only the text's places. The names are normalised as the gazetteer normalises them
// (geo::Gazetteer::normalise: case, diacritics, hyphens, apostrophes) and sorted once, on the first
// search; a query matches names that start with it, and other names of a place (Kiev, Bombay) that
// equal it. Best first: an exact name, then countries, regions and the most populous places.
// No GL, no ImGui.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geo/gazetteer.hpp"

namespace app {

class PlaceSearch {
public:
    explicit PlaceSearch(const geo::Gazetteer& gazetteer) : gazetteer_(&gazetteer) {}
    // Indices into gazetteer.places(), at most `limit`; none for an empty query.
    std::vector<std::uint32_t> find(std::string_view query, std::size_t limit = 8);
    const geo::Gazetteer* gazetteer() const { return gazetteer_; }

private:
    const geo::Gazetteer* gazetteer_;
    std::vector<std::pair<std::string, std::uint32_t>> names_;  // normalised name, place; sorted
};

// One line for a search result: "Bergen — city, NO (285,900)".
std::string describeFoundPlace(const geo::Place& place);

}  // namespace app
