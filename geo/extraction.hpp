// geo/extraction.hpp — the text→places pipeline shared by the viewer and `textatlas extract`:
// recognise mentions of places in a Document, resolve each to one gazetteer place, and link
// places, mentions and passages. Does not render, save or correct anything.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/gazetteer.hpp"
#include "geo/text.hpp"

namespace geo {

enum class MentionKind { Toponym, Demonym };
const char* toString(MentionKind kind);

struct Mention {
    std::size_t start = 0;       // code points, half-open
    std::size_t end = 0;
    std::size_t byte_start = 0;  // UTF-8 bytes, half-open
    std::size_t byte_end = 0;
    std::string text;            // the surface form as written ("Afghanistan’s" → "Afghanistan")
    MentionKind kind = MentionKind::Toponym;
    std::size_t passage = 0;     // index of the passage holding it
    std::size_t place = 0;       // index into Extraction::places
};

struct Candidate {
    std::uint32_t gazetteer_index = 0;
    double score = 0.0;
};

struct ResolvedPlace {
    Place place;                           // a copy of the gazetteer entry
    double confidence = 0.0;               // 0..1
    std::vector<Candidate> runners_up;     // other senses considered, best first
    std::vector<std::size_t> mentions;     // indices into Extraction::mentions, in text order
    std::vector<std::size_t> passages;     // distinct passage indices, ascending
};

struct Extraction {
    std::vector<ResolvedPlace> places;     // in order of first mention
    std::vector<Mention> mentions;         // in text order
};

// Runs recognition and resolution. Deterministic for a given document and gazetteer.
//
// Recognition: spans start at a capitalised word and take the longest gazetteer name within a
// passage ("Panjshir Valley" before "Panjshir"); lower-case connectors ("de", "i", "of") only inside
// a name that exists whole, a lower-case feature word ("valley", "river") only at its end. A
// possessive "'s"/"’s" is left out of the mention. Initials ("U.S.") and short all-caps words ("US")
// match only abbreviations; demonyms ("Afghan", "Afghans", also inside "Soviet-Afghan") make
// Demonym mentions. Dropped: a name followed by an organisation word ("Washington Post", "Texas
// Instruments", "Kabul University"); a name after a person's title, before "said", or beside another
// capitalised name when it is a common personal name ("George Washington"); months and common
// capitalised words ("March", "Still", "Twin"); an ordinary English word opening a sentence
// ("Reading", "Nice"); small towns (< 5,000 people, or < 100,000 for ordinary words) unless the rest
// of the document supports them. "Place, Region" ("Alexandria, Va.") restricts the place to the region.
// Dropped as people: a word the text elsewhere uses in a person's name (after a title or a common
// given name, beside "said", before an age: "Rev. Roy Jones" … "Jones") when it is no more than a
// town; a place before a local institution ("Paris High School") stays a place.
// Resolution: one sense per name per document; a prior by kind (country > region > admin-1 > city by
// population, capitals first; a province named after its capital means the city), plus support
// from the senses the other names may take, weighted by how likely each is and iterated (the same
// place, a containing admin-1 or country, nearby within 400 km, the same country), so the
// combination of senses that lies together wins ("Walker County" and "Huntsville": both in Texas).
// Confidence is the chosen sense's softmax share of the scores times its score; up to 5 runners-up.
Extraction extractPlaces(const Document& doc, const Gazetteer& gazetteer);

// Called between pieces of a long extraction with the fraction of the text done (0..1); returning
// false stops it: extractPlaces then throws Cancelled.
using ExtractionProgress = std::function<bool(double fraction)>;

// Texts larger than this are recognised and resolved in pieces of about this many bytes, ending at
// passage boundaries, so that the working memory (tokens, candidates) stays bounded by the piece
// rather than growing with the text (about 30 times the text at once).
constexpr std::size_t kExtractionPieceBytes = std::size_t{8} << 20;

// extractPlaces for texts of any size, reporting progress. A text of one piece gives exactly
// extractPlaces(doc, gazetteer). A longer one is resolved piece by piece ("one sense per name" and
// the support between names hold within a piece) and merged with ExtractionMerger.
Extraction extractPlaces(const Document& doc, const Gazetteer& gazetteer, const ExtractionProgress& progress,
                         std::size_t piece_bytes = kExtractionPieceBytes);

// Joins the extractions of consecutive pieces of one document (mention offsets and passage indices
// already those of the whole document) into one: places merged by gazetteer id, in order of first
// mention, each keeping the confidence and runners-up of the first piece that mentions it.
class ExtractionMerger {
public:
    void add(Extraction piece);
    Extraction take() { return std::move(merged_); }

private:
    Extraction merged_;
    std::unordered_map<std::string, std::size_t> place_by_id_;
};

}  // namespace geo
