// Fuzz target: recognition and resolution (geo::extractPlaces) on any UTF-8 text, with the shipped
// gazetteer, and the distance claims `textatlas extract` reports with them. Checks that every
// mention lies inside its passage with consistent offsets and text, that places and mentions point
// at each other, and that claims have consistent spans and indices.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_check.hpp"
#include "geo/data_paths.hpp"
#include "geo/distance_claims.hpp"
#include "geo/error.hpp"
#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/text.hpp"

namespace {
const geo::Gazetteer* shipped_gazetteer = nullptr;  // loaded once; the process ends with the run
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    shipped_gazetteer = new geo::Gazetteer(geo::Gazetteer::load(geo::findDataDir()));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::optional<geo::Document> doc;
    try {
        doc = geo::Document::fromString(std::string(reinterpret_cast<const char*>(data), size), "input");
    } catch (const geo::Error&) {
        return 0;  // text loading has its own target
    }
    const geo::Extraction extraction = geo::extractPlaces(*doc, *shipped_gazetteer);
    std::size_t previous_start = 0;
    for (std::size_t i = 0; i < extraction.mentions.size(); ++i) {
        const geo::Mention& m = extraction.mentions[i];
        FUZZ_CHECK(m.byte_start < m.byte_end && m.byte_end <= doc->text().size());
        FUZZ_CHECK(m.byte_start >= previous_start);  // text order
        previous_start = m.byte_start;
        FUZZ_CHECK(m.start == doc->byteToCodePoint(m.byte_start) && m.end == doc->byteToCodePoint(m.byte_end));
        FUZZ_CHECK(m.text == doc->slice(m.byte_start, m.byte_end));
        FUZZ_CHECK(m.passage < doc->passages().size());
        const geo::Passage& p = doc->passages()[m.passage];
        FUZZ_CHECK(p.byte_start <= m.byte_start && m.byte_end <= p.byte_end);
        FUZZ_CHECK(m.place < extraction.places.size());
        bool listed = false;
        for (const std::size_t k : extraction.places[m.place].mentions) listed = listed || k == i;
        FUZZ_CHECK(listed);
    }
    for (std::size_t k = 0; k < extraction.places.size(); ++k) {
        const geo::ResolvedPlace& rp = extraction.places[k];
        FUZZ_CHECK(!rp.mentions.empty());
        FUZZ_CHECK(std::isfinite(rp.confidence) && rp.confidence >= 0.0 && rp.confidence <= 1.0);
        for (const std::size_t i : rp.mentions) FUZZ_CHECK(i < extraction.mentions.size() && extraction.mentions[i].place == k);
        for (std::size_t j = 1; j < rp.passages.size(); ++j) FUZZ_CHECK(rp.passages[j - 1] < rp.passages[j]);
        for (const geo::Candidate& c : rp.runners_up) FUZZ_CHECK(c.gazetteer_index < shipped_gazetteer->places().size());
    }
    for (const geo::DistanceClaim& claim : geo::findDistanceClaims(*doc, extraction)) {
        FUZZ_CHECK(claim.byte_start < claim.byte_end && claim.byte_end <= doc->text().size());
        FUZZ_CHECK(claim.start == doc->byteToCodePoint(claim.byte_start) &&
                   claim.end == doc->byteToCodePoint(claim.byte_end));
        FUZZ_CHECK(claim.text == doc->slice(claim.byte_start, claim.byte_end));
        FUZZ_CHECK(std::isfinite(claim.claimed_m));
        FUZZ_CHECK(!claim.subject || *claim.subject < extraction.places.size());
        FUZZ_CHECK(!claim.reference || *claim.reference < extraction.places.size());
        FUZZ_CHECK(!claim.subject_mention || *claim.subject_mention < extraction.mentions.size());
        FUZZ_CHECK(!claim.reference_mention || *claim.reference_mention < extraction.mentions.size());
        FUZZ_CHECK(!claim.measured_m || std::isfinite(*claim.measured_m));
    }
    return 0;
}
