// app/cli/json_output.hpp — the JSON shapes of `textatlas extract` (the documented contract).
#pragma once
#include <nlohmann/json.hpp>

#include "geo/extraction.hpp"
#include "geo/text.hpp"

namespace app::cli {

// {"passages": [{"index","start","end"}], "places": [{"id","name","lat","lon","kind","country",
//  "confidence","candidates","mentions"}], "mentions": [{"start","end","text","place","passage","kind"}]}
nlohmann::json documentJson(const geo::Document& document, const geo::Extraction& extraction);
// [{"start","end","text","lat","lon","kind","place","name"}] for corpus scoring.
nlohmann::json corpusMentionsJson(const geo::Extraction& extraction);

}  // namespace app::cli
