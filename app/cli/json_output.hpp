// app/cli/json_output.hpp — the JSON shapes of `textatlas extract` (the documented contract).
#pragma once
#include <nlohmann/json.hpp>

#include "geo/distance_claims.hpp"
#include "geo/extraction.hpp"
#include "geo/text.hpp"

namespace app::cli {

// {"passages": [{"index","start","end"}], "places": [{"id","name","lat","lon","kind","country",
//  "confidence","candidates","mentions"}], "mentions": [{"start","end","text","place","passage","kind"}],
//  "distance_claims": [distanceClaimJson…]} — the claims geo::findDistanceClaims finds in the text.
nlohmann::json documentJson(const geo::Document& document, const geo::Extraction& extraction);
// Its elements, for writers that produce it a piece at a time (app/cli/extract_command.cpp).
nlohmann::json passageJson(const geo::Passage& passage);
nlohmann::json placeJson(const geo::ResolvedPlace& place);
nlohmann::json mentionJson(const geo::Mention& mention, const std::string& place_id);
// {"start","end","text","claimed_m","claimed_direction","subject","reference","measured_m",
//  "measured_azimuth","verdict"}: code-point offsets moved by `code_point_base` (a piece's start),
// the claimed direction as an azimuth in degrees (null if none), subject and reference as place ids
// of `extraction` (null if not found), the measured geodesic distance and azimuth from reference to
// subject (null when unchecked), the verdict "consistent" / "roughly" / "inconsistent" / "unchecked".
nlohmann::json distanceClaimJson(const geo::DistanceClaim& claim, const geo::Extraction& extraction,
                                 std::size_t code_point_base = 0);
// [{"start","end","text","lat","lon","kind","place","name"}] for corpus scoring.
nlohmann::json corpusMentionsJson(const geo::Extraction& extraction);

}  // namespace app::cli
