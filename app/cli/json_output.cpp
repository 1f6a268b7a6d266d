#include "app/cli/json_output.hpp"

namespace app::cli {

nlohmann::json documentJson(const geo::Document& document, const geo::Extraction& extraction) {
    nlohmann::json passages = nlohmann::json::array();
    for (const auto& p : document.passages())
        passages.push_back({{"index", p.index}, {"start", p.start}, {"end", p.end}});

    nlohmann::json places = nlohmann::json::array();
    for (const auto& rp : extraction.places) {
        nlohmann::json candidates = nlohmann::json::array();
        for (const auto& c : rp.runners_up) candidates.push_back({{"gazetteer_index", c.gazetteer_index}, {"score", c.score}});
        places.push_back({{"id", rp.place.id},
                          {"name", rp.place.name},
                          {"lat", rp.place.position.lat},
                          {"lon", rp.place.position.lon},
                          {"kind", geo::toString(rp.place.kind)},
                          {"country", rp.place.country},
                          {"population", rp.place.population},
                          {"confidence", rp.confidence},
                          {"passages", rp.passages},
                          {"mentions", rp.mentions}});
    }

    nlohmann::json mentions = nlohmann::json::array();
    for (const auto& m : extraction.mentions)
        mentions.push_back({{"start", m.start},
                            {"end", m.end},
                            {"text", m.text},
                            {"place", extraction.places.at(m.place).place.id},
                            {"passage", m.passage},
                            {"kind", geo::toString(m.kind)}});
    return {{"passages", passages}, {"places", places}, {"mentions", mentions}};
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
