// geo/extraction.hpp — the text→places pipeline shared by the viewer and `textatlas extract`:
// tokenise a Document, recognise mentions of places, resolve each to one gazetteer place, and link
// places, mentions and passages. Does not render, save or correct anything.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>
#include <tuple>

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

// Every field equal, confidences and scores exactly (extraction is deterministic).
inline bool operator==(const Mention& a, const Mention& b) {
    return std::tie(a.start, a.end, a.byte_start, a.byte_end, a.text, a.kind, a.passage, a.place) ==
           std::tie(b.start, b.end, b.byte_start, b.byte_end, b.text, b.kind, b.passage, b.place);
}
inline bool operator==(const Candidate& a, const Candidate& b) {
    return a.gazetteer_index == b.gazetteer_index && a.score == b.score;
}
inline bool operator==(const ResolvedPlace& a, const ResolvedPlace& b) {
    return std::tie(a.place, a.confidence, a.runners_up, a.mentions, a.passages) ==
           std::tie(b.place, b.confidence, b.runners_up, b.mentions, b.passages);
}
inline bool operator==(const Extraction& a, const Extraction& b) { return a.places == b.places && a.mentions == b.mentions; }
inline bool operator!=(const Extraction& a, const Extraction& b) { return !(a == b); }

// Runs recognition and resolution. Deterministic for a given document and gazetteer. The stages,
// each with its own header and tests: geo/text/unicode (what a word is), extraction/word_lists,
// extraction/tokenizer (tokens), extraction/recognizer (which spans name places, and every
// gazetteer entry each may mean), extraction/resolver (which entry each name means). This file is
// the pipeline: it runs them over a document, in pieces when it is long, and links places,
// mentions and passages.
Extraction extractPlaces(const Document& doc, const Gazetteer& gazetteer);

// Called between pieces of a long extraction with the fraction of the text done (0..1); returning
// false stops it: extractPlaces then throws Cancelled.
using ExtractionProgress = std::function<bool(double fraction)>;

// Texts larger than this are recognised and resolved in pieces of about this many bytes, ending at
// passage boundaries, so that the working memory (tokens, candidates) stays bounded by the piece
// rather than growing with the text (about 30 times the text at once).
constexpr std::size_t kExtractionPieceBytes = std::size_t{8} << 20;
// A passage going on more than this many bytes past the end of a piece is cut inside (a text of
// one 200 MB line), where geo::cutInsidePassage says, else at the first character boundary there.
constexpr std::size_t kExtractionCutSlackBytes = std::size_t{1} << 20;

// extractPlaces for texts of any size, reporting progress. A text of one piece gives exactly
// extractPlaces(doc, gazetteer). A longer one is resolved piece by piece ("one sense per name" and
// the support between names hold within a piece) and merged with ExtractionMerger; offsets and
// passage indices are the document's, also in a passage read in parts.
Extraction extractPlaces(const Document& doc, const Gazetteer& gazetteer, const ExtractionProgress& progress,
                         std::size_t piece_bytes = kExtractionPieceBytes,
                         std::size_t cut_slack_bytes = kExtractionCutSlackBytes);

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
