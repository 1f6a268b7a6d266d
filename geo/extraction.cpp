#include "geo/extraction.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "geo/error.hpp"
#include "geo/extraction/recognizer.hpp"
#include "geo/extraction/resolver.hpp"
#include "geo/extraction/tokenizer.hpp"

namespace geo {

const char* toString(MentionKind kind) {
    switch (kind) {
        case MentionKind::Toponym: return "toponym";
        case MentionKind::Demonym: return "demonym";
    }
    return "unknown";
}

// The places of passages [first_passage, end_passage) of `doc`, only bytes [byte_begin, byte_end)
// of them, resolved among themselves.
static Extraction extractRange(const Document& doc, const Gazetteer& gazetteer, std::size_t first_passage,
                               std::size_t end_passage, std::size_t byte_begin = 0,
                               std::size_t byte_end = static_cast<std::size_t>(-1)) {
    std::string token_arena;
    const std::vector<extract::Token> tokens =
        extract::tokenise(doc, first_passage, end_passage, token_arena, byte_begin, byte_end);
    const std::vector<extract::RecognisedMention> kept = extract::recognise(doc, gazetteer, tokens);
    extract::Resolution resolution = extract::resolve(kept, gazetteer);
    std::vector<extract::NameSenses>& groups = resolution.names;
    const std::vector<std::size_t>& mention_group = resolution.name_of_mention;

    // Output: places in order of first mention.
    Extraction result;
    result.mentions.reserve(kept.size());
    std::vector<std::size_t> place_of_group(groups.size(), static_cast<std::size_t>(-1));
    // Two names of one place ("Panjshir Valley", "Panjshir") make one resolved place.
    std::unordered_map<std::uint32_t, std::size_t> place_of_index;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const std::size_t gi = mention_group[i];
        const extract::NameSenses& g = groups[gi];
        if (g.best < 0) continue;
        const extract::RecognisedMention& m = kept[i];
        const std::size_t b = static_cast<std::size_t>(g.best);
        if (place_of_group[gi] == static_cast<std::size_t>(-1)) {
            if (const auto known = place_of_index.find(g.candidates[b]); known != place_of_index.end()) {
                place_of_group[gi] = known->second;
            }
        }
        if (place_of_group[gi] == static_cast<std::size_t>(-1)) {
            place_of_group[gi] = result.places.size();
            place_of_index.emplace(g.candidates[b], result.places.size());
            ResolvedPlace rp;
            rp.place = gazetteer.place(g.candidates[b]);
            // Confidence: the best candidate's share of a softmax over scores, times how good it is.
            double total = 0.0;
            for (double s : g.score) total += std::exp((s - g.score[b]) / 0.1);
            const double share = 1.0 / total;
            rp.confidence = std::clamp(share * (0.5 + 0.5 * std::min(1.0, g.score[b])), 0.0, 1.0);
            std::vector<std::size_t> order;
            for (std::size_t k = 0; k < g.candidates.size(); ++k) {
                if (k != b) order.push_back(k);
            }
            std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
                if (g.score[x] != g.score[y]) return g.score[x] > g.score[y];
                return g.candidates[x] < g.candidates[y];
            });
            for (std::size_t k = 0; k < order.size() && k < 5; ++k) {
                rp.runners_up.push_back({g.candidates[order[k]], g.score[order[k]]});
            }
            result.places.push_back(std::move(rp));
        }
        Mention out;
        out.byte_start = m.byte_start;
        out.byte_end = m.byte_end;
        out.start = doc.byteToCodePoint(out.byte_start);
        out.end = doc.byteToCodePoint(out.byte_end);
        out.text = doc.slice(out.byte_start, out.byte_end);
        out.kind = m.demonym ? MentionKind::Demonym : MentionKind::Toponym;
        out.passage = m.passage;
        out.place = place_of_group[gi];
        ResolvedPlace& rp = result.places[out.place];
        rp.mentions.push_back(result.mentions.size());
        if (rp.passages.empty() || rp.passages.back() != out.passage) rp.passages.push_back(out.passage);
        result.mentions.push_back(std::move(out));
    }
    return result;
}

Extraction extractPlaces(const Document& doc, const Gazetteer& gazetteer) {
    return extractRange(doc, gazetteer, 0, doc.passages().size());
}

void ExtractionMerger::add(Extraction piece) {
    const std::size_t mention_base = merged_.mentions.size();
    std::vector<std::size_t> merged_index(piece.places.size());
    for (std::size_t i = 0; i < piece.places.size(); ++i) {
        ResolvedPlace& found = piece.places[i];
        const auto [it, added] = place_by_id_.emplace(found.place.id, merged_.places.size());
        merged_index[i] = it->second;
        std::vector<std::size_t> mentions = std::move(found.mentions);
        std::vector<std::size_t> passages = std::move(found.passages);
        if (added) {
            found.mentions.clear();
            found.passages.clear();
            merged_.places.push_back(std::move(found));
        }
        ResolvedPlace& merged = merged_.places[it->second];
        for (const std::size_t m : mentions) merged.mentions.push_back(mention_base + m);
        for (const std::size_t p : passages) {
            if (merged.passages.empty() || merged.passages.back() < p) merged.passages.push_back(p);
        }
    }
    merged_.mentions.reserve(mention_base + piece.mentions.size());
    for (Mention& m : piece.mentions) {
        m.place = merged_index[m.place];
        merged_.mentions.push_back(std::move(m));
    }
}

Extraction extractPlaces(const Document& doc, const Gazetteer& gazetteer, const ExtractionProgress& progress,
                         std::size_t piece_bytes, std::size_t cut_slack_bytes) {
    const std::vector<Passage>& passages = doc.passages();
    const std::size_t total_bytes = passages.empty() ? 0 : passages.back().byte_end;
    piece_bytes = std::max<std::size_t>(piece_bytes, 1);
    ExtractionMerger merger;
    std::size_t first = 0;
    std::size_t begin = passages.empty() ? 0 : passages[0].byte_start;  // where the piece starts
    while (first < passages.size()) {
        if (progress && !progress(static_cast<double>(begin) / static_cast<double>(total_bytes))) {
            throw Cancelled();
        }
        // A piece ends at the first passage end at or after piece_bytes from its start…
        const std::size_t limit = begin + piece_bytes;
        std::size_t end = first + 1;
        while (end < passages.size() && passages[end - 1].byte_end < limit) ++end;
        // …or inside that passage when it goes on more than cut_slack_bytes past the limit.
        const Passage& last = passages[end - 1];
        const std::size_t from = std::max({limit, last.byte_start + 1, begin + 1});
        if (last.byte_end > from + cut_slack_bytes) {
            std::size_t cut = cutInsidePassage(doc.text(), from, from + cut_slack_bytes);
            if (cut == Document::npos) {  // no whitespace begins there: any character boundary will do
                cut = from;
                while ((static_cast<unsigned char>(doc.text()[cut]) & 0xC0) == 0x80) ++cut;
            }
            merger.add(extractRange(doc, gazetteer, first, end, begin, cut));
            first = end - 1;
            begin = cut;
            continue;
        }
        if (first == 0 && end == passages.size() && begin == passages[0].byte_start) {
            return extractRange(doc, gazetteer, 0, end);
        }
        merger.add(extractRange(doc, gazetteer, first, end, begin));
        first = end;
        if (first < passages.size()) begin = passages[first].byte_start;
    }
    if (progress) progress(1.0);
    return merger.take();
}

}  // namespace geo