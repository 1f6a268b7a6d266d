// geo/corrections.hpp — the reader's corrections to an extraction, as plain values, and the pure
// functions that apply them, re-anchor them after the text changed, and list the alternatives for
// "choose another place".
//
// A correction says one of three things:
//   ChoosePlace  "this name (or this one mention) means that place" — a gazetteer id (a runner-up or
//                any entry) or a point the reader put on the map;
//   NotAPlace    "this name (or this one mention) is not a place" — its mentions are dropped;
//   AddPlace     "these words the recogniser missed are a place" — a span of the text and a target.
// Scope: with no anchor a correction applies to every mention whose normalised text
// (Gazetteer::normalise) equals normalise(name), in the whole document; with an anchor it applies to
// the one span the anchor names (its bytes and the text they covered, plus about 30 code points of
// context either side so that reanchor() can find it again in an edited text).
//
// Corrections are applied in list order to the extraction the recogniser made, each to the result of
// the ones before, so a later correction overrides an earlier one for the mentions both touch. The
// list is the whole edit history: undo removes the last edit (popLastEdit) and re-applies the rest to
// the same base extraction; redo pushes it back.
//
// Does not: store corrections (project_store.hpp), run the recogniser (extraction.hpp), draw or ask
// the reader anything. Every function here is deterministic and touches no global state.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <tuple>

#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/lonlat.hpp"
#include "geo/place.hpp"
#include "geo/text.hpp"

namespace geo {

enum class CorrectionKind { ChoosePlace, NotAPlace, AddPlace };
// "choose_place", "not_a_place", "add_place" (the strings the project file stores).
const char* toString(CorrectionKind kind);
// The inverse of toString; nullopt for any other string.
std::optional<CorrectionKind> correctionKindFromString(const std::string& text);

// One span of the text a correction is narrowed to. Offsets are UTF-8 bytes into Document::text(),
// half-open; `text` is what they covered; the contexts are up to kAnchorContextCodePoints code points
// just before and after the span (shorter at the ends of the text).
struct SpanAnchor {
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
    std::string text;
    std::string context_before;
    std::string context_after;
};
constexpr std::size_t kAnchorContextCodePoints = 30;

// A place the reader put on the map, for a name the gazetteer lacks.
struct UserPoint {
    std::string name;
    LonLat position;
    PlaceKind kind = PlaceKind::City;
};

struct Correction {
    CorrectionKind kind = CorrectionKind::ChoosePlace;
    // The surface text the reader corrected. With no anchor, the correction applies to every mention
    // (AddPlace: every occurrence of the words) whose normalised text equals normalise(name).
    std::string name;
    // Set: the correction applies to this one span only.
    std::optional<SpanAnchor> anchor;
    // ChoosePlace/AddPlace target: a gazetteer place id ("geonames:1138958"), or empty and user_point set.
    std::string place_id;
    std::optional<UserPoint> user_point;
    // Corrections made by one action of the reader share this number, so undo removes them together.
    std::uint64_t edit = 0;
};

// Every field equal.
inline bool operator==(const SpanAnchor& a, const SpanAnchor& b) {
    return std::tie(a.byte_start, a.byte_end, a.text, a.context_before, a.context_after) ==
           std::tie(b.byte_start, b.byte_end, b.text, b.context_before, b.context_after);
}
inline bool operator==(const UserPoint& a, const UserPoint& b) {
    return std::tie(a.name, a.position, a.kind) == std::tie(b.name, b.position, b.kind);
}
inline bool operator==(const Correction& a, const Correction& b) {
    return std::tie(a.kind, a.name, a.anchor, a.place_id, a.user_point, a.edit) ==
           std::tie(b.kind, b.name, b.anchor, b.place_id, b.user_point, b.edit);
}
inline bool operator!=(const Correction& a, const Correction& b) { return !(a == b); }

// What a correction points at: a gazetteer id or a user point (exactly one of them).
struct PlaceTarget {
    std::string place_id;
    std::optional<UserPoint> user_point;
};

// The stable id of a user point: "user:<lat>,<lon>" with 6 decimals; two points at the same spot are
// the same place.
std::string userPlaceId(const UserPoint& point);

// The anchor of a span of `doc`. Throws geo::Error(InvalidInput) "DOC: span [A, B) is not inside the
// text" or "… does not fall on character boundaries" (DOC being doc.name()) for a bad span.
SpanAnchor anchorFor(const Document& doc, std::size_t byte_start, std::size_t byte_end);

enum class CorrectionScope { AllWithName, ThisMention };

// Builders for the reader's actions; `edit` groups corrections undone together.
Correction choosePlace(const Document& doc, const Mention& mention, PlaceTarget target, CorrectionScope scope,
                       std::uint64_t edit);
Correction notAPlace(const Document& doc, const Mention& mention, CorrectionScope scope, std::uint64_t edit);
// The span is the reader's selection with surrounding whitespace and punctuation trimmed off; throws
// geo::Error(InvalidInput) "DOC: span [A, B) …" if it is outside the text, off character boundaries,
// empty after trimming, or crosses a passage boundary.
Correction addPlace(const Document& doc, std::size_t byte_start, std::size_t byte_end, PlaceTarget target,
                    CorrectionScope scope, std::uint64_t edit);
// "This place is really …" / "this is not a place" for a whole resolved place: one name-wide
// correction per distinct normalised name among the place's mentions ("Panjshir Valley", "Panjshir").
std::vector<Correction> choosePlaceForPlace(const Document& doc, const Extraction& extraction,
                                            std::size_t place_index, PlaceTarget target, std::uint64_t edit);
std::vector<Correction> notAPlaceForPlace(const Document& doc, const Extraction& extraction,
                                          std::size_t place_index, std::uint64_t edit);

// Removes the corrections of the last edit (those sharing the last element's `edit` number, taken
// from the end) and returns them in their original order, for a redo stack. Empty list: returns {}.
std::vector<Correction> popLastEdit(std::vector<Correction>& corrections);

// Applies `corrections` in order to `base` (the recogniser's extraction of `doc`) and rebuilds the
// links: places in order of first mention, mentions in text order, each place's mention and passage
// lists, places left without mentions dropped. A place that any correction assigned gets confidence
// 1 (the reader confirmed it); a place that exists only through corrections lists as runners-up the
// place its first moved mention had before, followed by that place's runners-up.
// Rules: a narrowed ChoosePlace/NotAPlace acts on the mention whose span equals the anchor's (else on
// the one mention overlapping it, if exactly one does) and only when the text there still reads
// anchor.text; a narrowed AddPlace replaces whatever mentions overlap its span; a name-wide AddPlace
// adds a mention at each occurrence of the name (whole words, same normalised text) that overlaps no
// mention. A correction naming a gazetteer id the gazetteer lacks, an anchor that does not match this
// text (run reanchor() first after an edit), or a span across passages changes nothing.
Extraction applyCorrections(const Document& doc, const Gazetteer& gazetteer, Extraction base,
                            const std::vector<Correction>& corrections);

struct UnplacedCorrection {
    std::size_t index = 0;  // into ReanchorResult::corrections
    std::string text;       // the anchored text that could not be found
};

struct ReanchorResult {
    // Every correction, in the same order; anchors moved to where their text is now. Corrections
    // that could not be placed are kept unchanged (so a later version of the text may place them).
    std::vector<Correction> corrections;
    std::vector<UnplacedCorrection> unplaced;
    std::size_t moved = 0;  // anchors placed somewhere other than their old span
};

// Finds each anchored correction's text in the changed document: the old span if it still reads the
// same text, else the occurrence of the text whose surrounding context agrees best with the stored
// context (the longest common suffix of the text before plus the longest common prefix of the text
// after, in bytes), the nearest to the old position among equals. An occurrence needs at least
// kMinContextAgreement bytes of agreement (or all of the stored context when that is shorter), so a
// name that now stands somewhere unrelated is reported rather than guessed. Name-wide corrections
// need no anchor and are passed through.
ReanchorResult reanchor(const Document& new_doc, std::vector<Correction> corrections);
constexpr std::size_t kMinContextAgreement = 8;

// One alternative for "choose another place".
struct CandidateView {
    std::uint32_t gazetteer_index = 0;
    std::string id;
    std::string name;
    std::string country;
    PlaceKind kind = PlaceKind::City;
    std::int64_t population = 0;
    LonLat position;
    bool runner_up = false;     // the resolver considered it (score valid); else a same-name entry
    double score = 0.0;
    // Geodesic distance to the nearest other place of the document and that place's index in
    // Extraction::places; infinity and npos when the document has no other place.
    double nearest_other_m = 0.0;
    std::size_t nearest_other = static_cast<std::size_t>(-1);
};

// The runners-up of extraction.places[place_index] and every other gazetteer entry named like any of
// its mentions, without the chosen place itself, nearest to the document's other places first (ties:
// runners-up first, then larger population, then gazetteer order). Throws geo::Error(InvalidInput)
// for a place index out of range.
std::vector<CandidateView> candidatesFor(const Gazetteer& gazetteer, const Extraction& extraction,
                                         std::size_t place_index);

}  // namespace geo
