#include "app/cli/extract_stream.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/cli/json_output.hpp"
#include "geo/distance_claims.hpp"
#include "geo/extraction.hpp"

namespace app::cli {
namespace {

// Writes `text` (a dump(2) of one value) with every line after the first moved right by `indent`.
void writeIndented(std::ostream& out, const std::string& text, const std::string& indent) {
    std::size_t begin = 0;
    for (std::size_t newline = text.find('\n'); newline != std::string::npos; newline = text.find('\n', begin)) {
        out.write(text.data() + begin, static_cast<std::streamsize>(newline + 1 - begin));
        out << indent;
        begin = newline + 1;
    }
    out.write(text.data() + begin, static_cast<std::streamsize>(text.size() - begin));
}

// An array pretty-printed as nlohmann::json::dump(2) prints it, one element at a time; `depth` is
// the nesting level of its elements (their indentation is 2 * depth spaces).
class ArrayWriter {
public:
    ArrayWriter(std::ostream& out, int depth) : out_(out), indent_(static_cast<std::size_t>(2 * depth), ' ') {}

    // Starts the next element: the caller writes it right after.
    void next() { out_ << (count_++ == 0 ? "[\n" : ",\n") << indent_; }
    void add(const nlohmann::json& element) {
        next();
        writeIndented(out_, element.dump(2), indent_);
    }
    void close() {
        if (count_ == 0) out_ << "[]";
        else out_ << '\n' << std::string_view(indent_).substr(2) << ']';
    }
    const std::string& indent() const { return indent_; }

private:
    std::ostream& out_;
    std::string indent_;
    std::size_t count_ = 0;
};

// A place of the whole text: the entry of the first piece that mentions it, with the mentions and
// passages of all pieces.
struct MergedPlace {
    geo::ResolvedPlace place;  // its own mentions and passages left empty, runners-up dropped
    std::vector<std::size_t> mentions;
    std::vector<std::size_t> passages;
};

// One element of "places" (depth 2): placeJson(place) with the index lists `mentions` and
// `passages`, written straight from the vectors (a place may have a million mentions).
void writePlace(std::ostream& out, ArrayWriter& places, const geo::ResolvedPlace& place,
                const std::vector<std::size_t>& mention_list, const std::vector<std::size_t>& passage_list) {
    places.next();
    const std::string key_indent = places.indent() + "  ";
    out << '{';
    bool first = true;
    geo::ResolvedPlace head;  // without its own lists, which placeJson would copy into JSON
    head.place = place.place;
    head.confidence = place.confidence;
    const nlohmann::json object = placeJson(head);
    for (const auto& item : object.items()) {
        out << (first ? "\n" : ",\n") << key_indent << nlohmann::json(item.key()).dump() << ": ";
        first = false;
        const std::vector<std::size_t>* list = item.key() == "mentions"   ? &mention_list
                                               : item.key() == "passages" ? &passage_list
                                                                          : nullptr;
        if (list == nullptr) {
            writeIndented(out, item.value().dump(2), key_indent);
            continue;
        }
        ArrayWriter numbers(out, 4);
        for (const std::size_t value : *list) {
            numbers.next();
            out << value;
        }
        numbers.close();
    }
    out << '\n' << places.indent() << '}';
}

// documentJson(document, extraction).dump(2) and a newline, written element by element: the same
// bytes without the JSON tree (some 1.3 KB a mention: a million mentions of "Kabul " in a 6 MB text
// took 1.35 GB of the 1.6 GB `extract` needed).
void writeDocumentJson(std::ostream& out, const geo::Document& document, const geo::Extraction& extraction) {
    // Keys in the order nlohmann::json keeps them (sorted).
    out << "{\n  \"distance_claims\": ";
    ArrayWriter claims(out, 2);
    for (const geo::DistanceClaim& claim : geo::findDistanceClaims(document, extraction)) {
        claims.add(distanceClaimJson(claim, extraction));
    }
    claims.close();
    out << ",\n  \"mentions\": ";
    ArrayWriter mentions(out, 2);
    for (const geo::Mention& m : extraction.mentions) mentions.add(mentionJson(m, extraction.places.at(m.place).place.id));
    mentions.close();
    out << ",\n  \"passages\": ";
    ArrayWriter passages(out, 2);
    for (const geo::Passage& p : document.passages()) passages.add(passageJson(p));
    passages.close();
    out << ",\n  \"places\": ";
    ArrayWriter places(out, 2);
    for (const geo::ResolvedPlace& place : extraction.places) writePlace(out, places, place, place.mentions, place.passages);
    places.close();
    out << "\n}\n";
}

}  // namespace

void writeExtractionJson(TextStream& text, const geo::Gazetteer& gazetteer, std::ostream& out) {
    std::optional<TextPiece> piece = text.next();
    if (!piece) return;  // TextStream refuses an empty text, so there is always a first piece
    if (piece->last) {
        writeDocumentJson(out, piece->document, geo::extractPlaces(piece->document, gazetteer));
        return;
    }
    // Mentions go out as they are found; the rest waits for the end: claims (a few per text), the
    // passages (two numbers each) and the places (one entry per distinct place).
    std::vector<nlohmann::json> claims;
    std::vector<std::pair<std::size_t, std::size_t>> passages;
    std::vector<MergedPlace> places;
    std::unordered_map<std::string, std::size_t> place_by_id;
    std::size_t mention_count = 0;

    out << "{\n  \"mentions\": ";
    ArrayWriter mentions(out, 2);
    for (; piece; piece = text.next()) {
        const geo::Extraction extraction = geo::extractPlaces(piece->document, gazetteer);
        std::vector<std::size_t> merged_index(extraction.places.size());
        for (std::size_t i = 0; i < extraction.places.size(); ++i) {
            const geo::ResolvedPlace& found = extraction.places[i];
            const auto [it, added] = place_by_id.emplace(found.place.id, places.size());
            merged_index[i] = it->second;
            if (added) {
                MergedPlace merged;
                merged.place.place = found.place;
                merged.place.confidence = found.confidence;
                places.push_back(std::move(merged));
            }
            MergedPlace& merged = places[it->second];
            for (const std::size_t m : found.mentions) merged.mentions.push_back(mention_count + m);
            for (const std::size_t p : found.passages) {
                // A passage cut between two pieces may be listed by both.
                const std::size_t index = piece->passage_base + p;
                if (merged.passages.empty() || merged.passages.back() < index) merged.passages.push_back(index);
            }
        }
        for (geo::Mention m : extraction.mentions) {
            const std::string& id = places[merged_index.at(m.place)].place.place.id;
            m.start += piece->code_point_base;
            m.end += piece->code_point_base;
            m.passage += piece->passage_base;
            mentions.add(mentionJson(m, id));
        }
        mention_count += extraction.mentions.size();
        for (const geo::DistanceClaim& claim : geo::findDistanceClaims(piece->document, extraction)) {
            claims.push_back(distanceClaimJson(claim, extraction, piece->code_point_base));
        }
        for (const geo::Passage& p : piece->document.passages()) {
            if (p.index == 0 && piece->continues_passage) {
                passages.back().second = piece->code_point_base + p.end;  // the rest of the one cut before
                continue;
            }
            passages.emplace_back(piece->code_point_base + p.start, piece->code_point_base + p.end);
        }
    }
    mentions.close();

    out << ",\n  \"distance_claims\": ";
    ArrayWriter claim_array(out, 2);
    for (const nlohmann::json& claim : claims) claim_array.add(claim);
    claim_array.close();

    out << ",\n  \"passages\": ";
    ArrayWriter passage_array(out, 2);
    for (std::size_t i = 0; i < passages.size(); ++i) {
        geo::Passage p;
        p.index = i;
        p.start = passages[i].first;
        p.end = passages[i].second;
        passage_array.add(passageJson(p));
    }
    passage_array.close();

    out << ",\n  \"places\": ";
    ArrayWriter place_array(out, 2);
    for (const MergedPlace& merged : places) writePlace(out, place_array, merged.place, merged.mentions, merged.passages);
    place_array.close();
    out << "\n}\n";
}

}  // namespace app::cli
