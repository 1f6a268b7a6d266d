#include "app/cli/json_output.hpp"

namespace app::cli {

nlohmann::json passageJson(const geo::Passage& passage) {
    return {{"index", passage.index}, {"start", passage.start}, {"end", passage.end}};
}

nlohmann::json placeJson(const geo::ResolvedPlace& rp) {
    return {{"id", rp.place.id},
            {"name", rp.place.name},
            {"lat", rp.place.position.lat},
            {"lon", rp.place.position.lon},
            {"kind", geo::toString(rp.place.kind)},
            {"country", rp.place.country},
            {"population", rp.place.population},
            {"confidence", rp.confidence},
            {"passages", rp.passages},
            {"mentions", rp.mentions}};
}

nlohmann::json mentionJson(const geo::Mention& m, const std::string& place_id) {
    return {{"start", m.start},
            {"end", m.end},
            {"text", m.text},
            {"place", place_id},
            {"passage", m.passage},
            {"kind", geo::toString(m.kind)}};
}

nlohmann::json documentJson(const geo::Document& document, const geo::Extraction& extraction) {
    nlohmann::json passages = nlohmann::json::array();
    for (const auto& p : document.passages()) passages.push_back(passageJson(p));

    nlohmann::json places = nlohmann::json::array();
    for (const auto& rp : extraction.places) places.push_back(placeJson(rp));

    nlohmann::json mentions = nlohmann::json::array();
    for (const auto& m : extraction.mentions) mentions.push_back(mentionJson(m, extraction.places.at(m.place).place.id));

    nlohmann::json claims = nlohmann::json::array();
    for (const auto& c : geo::findDistanceClaims(document, extraction)) claims.push_back(distanceClaimJson(c, extraction));
    return {{"passages", passages}, {"places", places}, {"mentions", mentions}, {"distance_claims", claims}};
}

nlohmann::json distanceClaimJson(const geo::DistanceClaim& claim, const geo::Extraction& extraction,
                                 std::size_t code_point_base) {
    const auto optionalNumber = [](const std::optional<double>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    const auto placeId = [&](const std::optional<std::size_t>& index) {
        return index ? nlohmann::json(extraction.places.at(*index).place.id) : nlohmann::json(nullptr);
    };
    return {{"start", code_point_base + claim.start},
            {"end", code_point_base + claim.end},
            {"text", claim.text},
            {"claimed_m", claim.claimed_m},
            {"claimed_direction", optionalNumber(claim.claimed_azimuth_deg)},
            {"subject", placeId(claim.subject)},
            {"reference", placeId(claim.reference)},
            {"measured_m", optionalNumber(claim.measured_m)},
            {"measured_azimuth", optionalNumber(claim.measured_azimuth_deg)},
            {"verdict", geo::toString(claim.verdict)}};
}

nlohmann::json corpusMentionsJson(const geo::Extraction& extraction) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const auto& m : extraction.mentions) {
        const geo::Place& place = extraction.places.at(m.place).place;
        mentions.push_back({{"start", m.start},
                            {"end", m.end},
                            {"text", m.text},
                            {"lat", place.position.lat},
                            {"lon", place.position.lon},
                            {"kind", geo::toString(m.kind)},
                            {"place", place.id},
                            {"name", place.name}});
    }
    return mentions;
}

}  // namespace app::cli
