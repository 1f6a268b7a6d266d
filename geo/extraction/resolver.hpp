// geo/extraction/resolver.hpp — chooses the place each recognised name means (resolution): one
// sense per name per document, a prior by kind and population, and support from the senses the
// other names of the document may take. Works on recognised mentions and a gazetteer only; does not
// read text (recognizer.hpp) or build the output (extraction.hpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geo/extraction/recognizer.hpp"
#include "geo/gazetteer.hpp"

namespace geo::extract {

// One name of the document (all mentions with one normalised spelling, names and demonyms apart)
// and its senses.
struct NameSenses {
    std::string key;
    bool demonym = false;
    std::vector<std::size_t> mentions;            // indices into the kept raw mentions
    std::vector<std::uint32_t> candidates;
    std::vector<double> base;                     // prior per candidate
    std::vector<double> score;
    std::vector<double> home;                     // per candidate, what the document's home region adds to its score
    bool weak = false;                            // every mention was weak
    std::string qualifier_country;                // "Rome, Georgia": restricts candidates
    std::string qualifier_admin1;
    std::size_t list = 0;                         // the list its first listed mention is in (0: none)
    int best = -1;                                // chosen candidate; -1: the name is dropped
};

struct Resolution {
    std::vector<NameSenses> names;              // in order of first mention
    std::vector<std::size_t> name_of_mention;   // per recognised mention, its index into names
};

// Resolution of a document's recognised mentions (in text order).
//
// Each sense gets a prior by kind (country > continent > region > admin-1 > city by population,
// capitals and admin seats up; a province named after its capital, or sharing a city of a million's
// name, means the city); "Place, Region" keeps only senses inside the region. Then four rounds of
// context: each sense earns support from the likely senses of the 40 names either side (the same
// place, a containing admin-1 or country, nearby within 400 km, one province within about 200 km;
// loose ties — one province far apart, one country — add up to a capped amount), so the combination
// of senses that lies together wins ("Walker County" and "Huntsville": both in Texas). A list of
// big cities reads as big cities: a namesake ten times smaller than the largest town of its name
// gets no support from the big cities (100,000+) listed with it ("Indianapolis and Columbus" is
// Columbus, Ohio, not the Columbus 60 km from Indianapolis). A town known by the spelling only as an
// alternative name, ten times smaller than a city of a million that bears it as its own name, gets a
// quarter of its context and home-region support ("Hiroshima" beside Sapporo is still Hiroshima, not
// Kitahiroshima). Weak names
// (small towns named like ordinary words) are dropped unless the context supports them.
Resolution resolve(const std::vector<RecognisedMention>& mentions, const Gazetteer& gazetteer);

}  // namespace geo::extract
