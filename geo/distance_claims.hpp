// geo/distance_claims.hpp — finds the distance claims a text makes ("about 100 miles north of
// Kabul", "60 km (37 miles) south-west of Herat", "some forty kilometres from Jalalabad") and checks
// each against the gazetteer positions of the places it relates, with PROJ's geodesics.
//
// What counts as a claim: a number (digits "100", "1,200", "2.5"; a range "50-60" or "50 to 60",
// taken at its middle; or number words "a hundred", "forty", "two hundred and fifty") directly
// followed by a unit (miles/mile/mi, kilometres/kilometers/km/kms, metres/meters/m; "100-mile"
// too), an optional bracketed conversion "(37 miles)", an optional direction (the 8 compass points:
// "north", "northeast", "north-east", "north east", optionally as "to the north"), an optional
// "away", then "of" or "from". Durations and vague amounts ("a two-hour drive", "miles from") are not
// claims. Without a direction, "N miles of" needs a place right after it ("within 100 miles of Kabul",
// not "100 miles of road near Kabul").
// The reference is the first place mention (toponym, not demonym) after "of"/"from" in the same
// sentence, at most 3 words further ("from the city of Kabul"). The subject is the nearest place
// mention before the claim in the same sentence that names another place than the reference and is
// not the reference of an earlier claim; failing that, the first such mention after the claim.
//
// The check: the geodesic from reference to subject (geo::geodesicInverse) gives the measured
// distance and azimuth. The claim is "consistent" when the measured distance is within 25 % of the
// claimed one (|measured/claimed - 1| <= 0.25) and, if it names a direction, the azimuth is within
// 45° of it; "roughly" within 50 % and 67.5°; "inconsistent" otherwise; "unchecked" when the
// subject or reference is missing. A region, valley or country is a single point in the gazetteer
// (the curated Panjshir Valley point lies near Bazarak, in the valley's lower middle), so a claim
// about a region is measured to that point and the verdict is approximate: a text that measures to
// the near end of a 100 km long valley can read "roughly" or "inconsistent" while being fair.
//
// Does not: convert units anywhere else, resolve places (it reads the Extraction it is given, so it
// follows the reader's corrections), or understand travel times and road distances.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/extraction.hpp"
#include "geo/text.hpp"

namespace geo {

enum class ClaimVerdict { Consistent, Roughly, Inconsistent, Unchecked };
// "consistent", "roughly", "inconsistent", "unchecked".
const char* toString(ClaimVerdict verdict);

struct DistanceClaim {
    std::size_t start = 0;       // code points, half-open: from the hedge ("about") or number to the
    std::size_t end = 0;         // end of the reference mention (or of "of"/"from" and its next words)
    std::size_t byte_start = 0;  // the same span in UTF-8 bytes
    std::size_t byte_end = 0;
    std::string text;
    double claimed_m = 0.0;
    std::string direction;                      // as written ("north-east"); empty if none
    std::optional<double> claimed_azimuth_deg;  // 0 = north, clockwise
    std::optional<std::size_t> subject;            // index into Extraction::places
    std::optional<std::size_t> reference;          // index into Extraction::places
    std::optional<std::size_t> subject_mention;    // index into Extraction::mentions
    std::optional<std::size_t> reference_mention;  // index into Extraction::mentions
    std::optional<double> measured_m;            // geodesic reference → subject
    std::optional<double> measured_azimuth_deg;  // at the reference, [0, 360)
    std::optional<double> ratio;                 // measured / claimed
    std::optional<double> direction_error_deg;   // |measured - claimed azimuth|, [0, 180]
    ClaimVerdict verdict = ClaimVerdict::Unchecked;
};

// Tolerances of the verdict (relative distance error, azimuth error in degrees).
constexpr double kConsistentDistance = 0.25;
constexpr double kConsistentAzimuthDeg = 45.0;
constexpr double kRoughDistance = 0.50;
constexpr double kRoughAzimuthDeg = 67.5;

// How much searching finding the claims took: mentions looked at for a claim's subject and
// reference, and words counted between a claim and a place. Each claim costs at most a fixed
// amount of both, however many claims and places share its sentence (tests hold it to that).
struct ClaimSearchWork {
    std::size_t mentions_examined = 0;
    std::size_t words_counted = 0;
    std::size_t largest_read_bytes = 0;  // the most text tokenised at once
};

// The claims of `doc`, in text order. `extraction` is the document's (corrected) extraction; its
// mentions must be in text order, as extractPlaces and applyCorrections give them. `work`, if
// given, receives what the search cost.
std::vector<DistanceClaim> findDistanceClaims(const Document& doc, const Extraction& extraction,
                                              ClaimSearchWork* work = nullptr);

// The verdict for a claimed and a measured distance and an optional pair of azimuths (degrees).
ClaimVerdict judgeClaim(double claimed_m, double measured_m, std::optional<double> claimed_azimuth_deg,
                        std::optional<double> measured_azimuth_deg);

}  // namespace geo
