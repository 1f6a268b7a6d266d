#include "geo/extraction/resolver.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_map>

namespace geo::extract {
namespace {

using Group = NameSenses;

// Senses of one name taken into resolution, best prior first (see resolve()).
constexpr std::size_t kMaxCandidates = 48;

// Places small enough that distance to them means something.
bool isPointLike(const Place& p) { return p.kind == PlaceKind::City || p.kind == PlaceKind::Admin2 || p.kind == PlaceKind::Physical; }


// Gazetteer::normalise(name) == key. Most names are plain ASCII (letters, digits, single spaces
// inside, punctuation the normaliser keeps), which normalise to their lower case: compared as they
// stand, without building the normalised form.
bool normalisesTo(std::string_view name, std::string_view key, std::string& scratch) {
    bool plain = !name.empty() && name.front() != ' ' && name.back() != ' ';
    for (std::size_t i = 0; plain && i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        // Beyond ASCII, hyphens, apostrophes and white space other than one inner ' ' change in normalising.
        plain = c < 0x80 && c != '-' && c != '\'' && c != '`' && (c > ' ' || (c == ' ' && name[i - 1] != ' '));
    }
    if (!plain) {
        Gazetteer::normaliseTo(name, scratch);
        return scratch == key;
    }
    if (name.size() != key.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != key[i]) return false;
    }
    return true;
}

// How likely a place is meant, before looking at the rest of the document.
double prior(const Place& p, const std::string& key, std::string& scratch) {
    double s = 0.0;
    const double pop = static_cast<double>(std::max<std::int64_t>(0, p.population));
    switch (p.kind) {
        case PlaceKind::Country: s = 1.0; break;
        case PlaceKind::Continent: s = 0.9; break;
        case PlaceKind::Region: s = 0.85; break;
        // Curated features are famous ones (0.85); Natural Earth's rivers ("river:…") are many, and a
        // bare name is more often the town named after one (Dnipro) unless the text says "river".
        case PlaceKind::Physical: s = p.id.compare(0, 6, "river:") == 0 ? 0.6 : 0.85; break;
        case PlaceKind::Admin1: s = 0.7 + 0.1 * std::min(1.0, std::log10(pop + 1.0) / 7.0); break;
        case PlaceKind::Admin2: s = 0.35; break;
        case PlaceKind::City:
            s = 0.2 + 0.6 * std::min(1.0, std::log10(pop + 1.0) / 7.0);
            if (p.feature_code == "PPLC") s += 0.15;
            else if (p.feature_code == "PPLA") s += 0.05;
            break;
    }
    // Its own main name rather than an alternative spelling.
    if (normalisesTo(p.name, key, scratch)) s += 0.05;
    return s;
}



// Beyond this distance two places give each other no support (and the latitude gap that rules it out).
constexpr double kNearKm = 400.0;
constexpr double kNearLatDeg = kNearKm / 111.0;
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
constexpr double kEarthRadiusKm = 6371.0088;

// What relatedness() needs of a candidate place, packed and precomputed once per document: the
// context rounds compare every sense of a name with the senses of 80 neighbours, four times.
struct Sense {
    std::uint64_t country = 0;    // codeNumber of the country code (a place without one has its own)
    std::uint64_t admin1 = 0;     // codeNumber of the admin-1 code (likewise)
    double lat = 0.0, lon = 0.0;  // degrees
    double lat_rad = 0.0;         // lat · kDegToRad
    double cos_lat = 0.0;         // cos(lat_rad)
    std::uint32_t index = 0;      // gazetteer index
    PlaceKind kind = PlaceKind::City;
    bool point_like = false;
    bool big_city = false;        // a city of 100,000 people or more
};

// Numbers for the country and admin-1 codes of one document's senses: equal codes get equal numbers,
// and a sense without a code gets a number of its own, so that equal numbers always mean one code
// (no test for "none" where they are compared). Codes of up to 7 bytes are numbered by their bytes
// and length, with no table; longer ones through a table.
class CodeNumbers {
public:
    std::uint64_t of(const std::string& code) {
        if (code.empty()) return kNone | unique_++;
        if (code.size() <= 7) {
            std::uint64_t v = static_cast<std::uint64_t>(code.size()) << 56;
            for (std::size_t i = 0; i < code.size(); ++i) v |= std::uint64_t{static_cast<unsigned char>(code[i])} << (8 * i);
            return v;
        }
        return kLong | long_codes_.emplace(code, long_codes_.size()).first->second;
    }

private:
    static constexpr std::uint64_t kNone = std::uint64_t{1} << 62, kLong = std::uint64_t{1} << 63;
    std::uint64_t unique_ = 0;
    std::unordered_map<std::string_view, std::uint64_t> long_codes_;
};

// Great-circle distance (haversine), with the per-place factors precomputed.
double distanceKm(const Sense& a, const Sense& b) {
    const double dp = b.lat_rad - a.lat_rad, dl = (b.lon - a.lon) * kDegToRad;
    const double sin_dp = std::sin(dp / 2), sin_dl = std::sin(dl / 2);
    const double h = sin_dp * sin_dp + a.cos_lat * b.cos_lat * sin_dl * sin_dl;
    return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// The support a place gives another by distance alone: exp(-d / 100 km) within kNearKm, else 0.
double nearness(const Sense& a, const Sense& b) {
    const double d = distanceKm(a, b);
    return d < kNearKm ? std::exp(-d / 100.0) : 0.0;
}

// A lower bound of |sin x| without calling sin: x - x³/6 on the folded angle (in [0, π/2]).
double sinLowerBound(double x) {
    x = std::abs(x);
    if (x > 3.14159265358979323846 / 2) x = std::max(0.0, 3.14159265358979323846 - x);
    return std::max(0.0, x - x * x * x / 6.0);
}

// The haversine's h of 410 km: kNearKm with a margin far above any rounding.
const double kFarH = [] {
    const double s = std::sin(410.0 / (2.0 * kEarthRadiusKm));
    return s * s;
}();

// True when a and b are surely more than kNearKm apart, decided by multiplications alone (a lower
// bound of h above kFarH): most pairs that pass the latitude test are still far apart in longitude,
// and for them the memo lookup and the sines are skipped.
bool surelyFar(const Sense& a, const Sense& b) {
    const double sin_dp = sinLowerBound((b.lat_rad - a.lat_rad) / 2);
    const double sin_dl = sinLowerBound((b.lon - a.lon) * kDegToRad / 2);
    return sin_dp * sin_dp + a.cos_lat * b.cos_lat * sin_dl * sin_dl > kFarH;
}

// nearness() already computed for this document, by ordered pair of gazetteer indices: the context
// rounds ask for the same pairs again and again (every neighbour, four rounds; about 3 in 4 repeat).
class NearnessMemo {
public:
    double of(const Sense& a, const Sense& b) {
        if (surelyFar(a, b)) return 0.0;
        if (2 * (used_ + 1) > slots_.size()) grow();
        const std::uint64_t key = (static_cast<std::uint64_t>(a.index) << 32) | b.index;
        std::size_t at = home(key);
        for (; slots_[at].key != kEmpty; at = (at + 1) & (slots_.size() - 1)) {
            if (slots_[at].key == key) return slots_[at].nearness;
        }
        const double value = nearness(a, b);
        slots_[at] = {key, value};
        ++used_;
        return value;
    }

private:
    // No real pair has this key: a gazetteer holds fewer than 2^32 - 1 places.
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    struct Slot {
        std::uint64_t key = kEmpty;
        double nearness = 0.0;
    };
    std::size_t home(std::uint64_t key) const {
        key *= 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(key ^ (key >> 29)) & (slots_.size() - 1);
    }
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(256, 2 * slots_.size()));
        old.swap(slots_);
        for (const Slot& slot : old) {
            if (slot.key == kEmpty) continue;
            std::size_t at = home(slot.key);
            while (slots_[at].key != kEmpty) at = (at + 1) & (slots_.size() - 1);
            slots_[at] = slot;
        }
    }
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

// How much sense `c` is supported by another name's sense `o`: 1 for the same place or a region
// containing the other, graded by distance for nearby places, at least 0.5 for nearby places of one
// state or province (these ties are close); and, as loose ties, 0.5 for places of one state or
// province that lie far apart and a little for the same country.
struct Tie {
    double strength = 0.0;
    bool loose = false;
};
// Loose ties: two places of one country, or of one state or province, and nothing closer.
constexpr double kSameCountry = 0.15;
constexpr double kSameAdmin1 = 0.5;
// Places of one state or province within about 200 km of each other (exp(-2)) are neighbours.
constexpr double kNeighbourNearness = 0.135;

Tie relatedness(const Sense& c, const Sense& o, NearnessMemo& near) {
    if (c.index == o.index) return {1.0, false};
    if (c.country != o.country) {
        if (c.point_like && o.point_like && std::abs(c.lat - o.lat) < kNearLatDeg) return {near.of(c, o), false};
        return {};
    }
    const auto inside = [](const Sense& small, const Sense& big) {
        if (big.kind == PlaceKind::Country) return small.kind != PlaceKind::Country && small.kind != PlaceKind::Continent;
        if (big.kind == PlaceKind::Admin1) {
            return (small.kind == PlaceKind::City || small.kind == PlaceKind::Admin2) && small.admin1 == big.admin1;
        }
        return false;
    };
    if (inside(c, o) || inside(o, c)) return {(c.kind == PlaceKind::Country || o.kind == PlaceKind::Country) ? 0.5 : 1.0, false};
    if (!c.point_like || !o.point_like) return {kSameCountry, true};
    // nearness() is 0 beyond kNearKm.
    const double close = std::abs(c.lat - o.lat) < kNearLatDeg ? near.of(c, o) : 0.0;
    if (c.admin1 == o.admin1) {
        // Neighbours in one province are a close tie ("Karachi and Hyderabad"); namesakes in one
        // large state, far apart, only a loose one.
        return close >= kNeighbourNearness ? Tie{std::max(close, kSameAdmin1), false} : Tie{kSameAdmin1, true};
    }
    return close >= kSameCountry ? Tie{close, false} : Tie{kSameCountry, true};
}

constexpr int kRounds = 4;
// The round from whose start on the home region counts (the first rounds settle the senses it is read from).
constexpr int kHomeRound = 2;
// The most a sense in the document's home state or province, and in its home country, gains.
constexpr double kHomeAdmin1 = 0.3;
constexpr double kHomeCountry = 0.15;

// The document's home region: where the places it names lie, read from the senses its names lean
// to. A reader of a story that names Dallas, Tyler and Texas takes its "Paris" for Paris, Texas, and
// "Springfield" in a story full of Illinois towns for the capital of Illinois: a local paper names
// its own towns without saying where they are. Each name votes once, for the country and (a town,
// county or state) the state or province of the sense it leans to, weighted by how sure that lean
// is; a name's own vote does not count for it. A sense in a state or province holding a share f of
// the other names' votes, from n names, gains kHomeAdmin1 · f · n / (n + 1), and likewise in a
// country (kHomeCountry): one neighbour is some evidence, several agreeing are more.
void homeBonuses(const std::vector<Group>& groups, const std::vector<std::size_t>& first, const std::vector<Sense>& packed,
                 const std::vector<double>& share, const std::vector<double>& support_weight, std::vector<double>& bonus) {
    struct Vote {
        std::uint64_t country = 0, admin1 = 0;  // admin1 0: the name votes for a country only
        double weight = 0.0;
    };
    struct Tally {
        std::uint64_t country, admin1;
        double weight;
        int names;
    };
    std::vector<Vote> votes(groups.size());
    std::vector<Tally> tallies;  // countries (admin1 0) and states; few per document
    const auto add = [&](std::uint64_t country, std::uint64_t admin1, double w) {
        for (Tally& t : tallies) {
            if (t.country == country && t.admin1 == admin1) {
                t.weight += w;
                ++t.names;
                return;
            }
        }
        tallies.push_back({country, admin1, w, 1});
    };
    const auto find = [&](std::uint64_t country, std::uint64_t admin1) -> const Tally* {
        for (const Tally& t : tallies) {
            if (t.country == country && t.admin1 == admin1) return &t;
        }
        return nullptr;
    };
    double total = 0.0;
    int names = 0;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const std::size_t n = groups[gi].candidates.size();
        if (n == 0) continue;
        const double* s = share.data() + first[gi];
        const std::size_t best = static_cast<std::size_t>(std::max_element(s, s + n) - s);
        const Sense& sense = packed[first[gi] + best];
        if (sense.kind == PlaceKind::Continent || sense.kind == PlaceKind::Region) continue;
        Vote& v = votes[gi];
        v.weight = s[best] * support_weight[gi];
        v.country = sense.country;
        const bool in_state = sense.kind == PlaceKind::City || sense.kind == PlaceKind::Admin2 || sense.kind == PlaceKind::Admin1;
        v.admin1 = in_state ? sense.admin1 : 0;
        add(v.country, 0, v.weight);
        if (v.admin1 != 0) add(v.country, v.admin1, v.weight);
        total += v.weight;
        ++names;
    }
    if (names < 2) return;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Vote& own = votes[gi];
        const double others = total - own.weight;
        if (others <= 1e-9) continue;
        // Only a town's name: a name that is first of all a country, a state or a sea keeps that
        // meaning wherever the story is ("Italy" in a Texas paper is not Italy, Texas).
        const std::vector<double>& base = groups[gi].base;
        if (base.empty()) continue;
        const std::size_t top = static_cast<std::size_t>(std::max_element(base.begin(), base.end()) - base.begin());
        const PlaceKind top_kind = packed[first[gi] + top].kind;
        if (top_kind != PlaceKind::City && top_kind != PlaceKind::Admin2) continue;
        for (std::size_t k = 0; k < groups[gi].candidates.size(); ++k) {
            const Sense& sense = packed[first[gi] + k];
            if (sense.kind != PlaceKind::City && sense.kind != PlaceKind::Admin2 && sense.kind != PlaceKind::Admin1) continue;
            double b = 0.0;
            if (const Tally* t = find(sense.country, 0)) {
                const bool mine = own.weight > 0 && own.country == sense.country;
                const double w = t->weight - (mine ? own.weight : 0.0);
                const int n = t->names - (mine ? 1 : 0);
                if (n > 0) b += kHomeCountry * (w / others) * n / (n + 1.0);
            }
            if (const Tally* t = find(sense.country, sense.admin1)) {
                const bool mine = own.weight > 0 && own.country == sense.country && own.admin1 == sense.admin1;
                const double w = t->weight - (mine ? own.weight : 0.0);
                const int n = t->names - (mine ? 1 : 0);
                if (n > 0) b += kHomeAdmin1 * (w / others) * n / (n + 1.0);
            }
            bonus[first[gi] + k] = b;
        }
    }
}

void resolveInContext(std::vector<Group>& groups, const Gazetteer& gazetteer) {
    constexpr double kTemperature = 0.1;   // softmax over a group's scores
    constexpr double kWeight = 0.3;        // score per unit of support
    constexpr double kCap = 0.6;           // most a context can add
    // Loose ties (see Tie) are weak evidence: many of them together still say little about which
    // town of a name is meant ("Jordan" in an article full of US towns is still the country;
    // Memphis beside four Texan cities is still the one in Tennessee), so they add up to this at most.
    constexpr double kLooseCap = 0.25;
    // See support_factor below.
    constexpr std::int64_t kBigNamesakeMinPopulation = 1000000;
    constexpr double kAlternativeNameSupport = 0.25;
    constexpr double kMinShare = 0.02;     // senses less likely than this give no support
    constexpr std::size_t kWindow = 40;    // names compared on either side (first-mention order)
    constexpr std::size_t kMaxSenses = 24; // senses per name taken into account, best prior first
    // Per-group lists live in flat arrays: group gi's senses are [first[gi], first[gi + 1]).
    std::vector<std::size_t> first(groups.size() + 1, 0);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) first[gi + 1] = first[gi] + groups[gi].candidates.size();
    // Every candidate's Sense; country and admin-1 codes numbered (admin-1 codes are compared only
    // between places of one country, so the code alone is enough).
    std::vector<Sense> packed(first.back());
    {
        CodeNumbers codes;
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            for (std::size_t k = 0; k < groups[gi].candidates.size(); ++k) {
                const std::uint32_t ci = groups[gi].candidates[k];
                const Place& p = gazetteer.place(ci);
                Sense& sense = packed[first[gi] + k];
                sense.index = ci;
                sense.kind = p.kind;
                sense.point_like = isPointLike(p);
                sense.big_city = p.kind == PlaceKind::City && p.population >= 100000;
                sense.country = codes.of(p.country);
                sense.admin1 = codes.of(p.admin1);
                sense.lat = p.position.lat;
                sense.lon = p.position.lon;
                sense.lat_rad = p.position.lat * kDegToRad;
                sense.cos_lat = std::cos(sense.lat_rad);
            }
        }
    }
    // The senses each group may give support with, best prior first: [sense_first[gi], sense_first[gi + 1]).
    NearnessMemo near;
    std::vector<std::size_t> sense_first(groups.size() + 1, 0);
    std::vector<std::uint32_t> senses;
    senses.reserve(first.back());
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const std::vector<double>& base = groups[gi].base;
        const std::size_t from = senses.size();
        for (std::size_t k = 0; k < groups[gi].candidates.size(); ++k) senses.push_back(static_cast<std::uint32_t>(k));
        std::sort(senses.begin() + static_cast<std::ptrdiff_t>(from), senses.end(), [&](std::uint32_t x, std::uint32_t y) {
            return base[x] > base[y] || (base[x] == base[y] && x < y);
        });
        if (senses.size() - from > kMaxSenses) senses.resize(from + kMaxSenses);
        sense_first[gi + 1] = senses.size();
    }
    std::vector<double> share(first.back());
    // Per round, the senses of each group likely enough to give support, with their shares, most
    // likely first: [supporter_first[gi], supporter_first[gi + 1]).
    struct Supporter {
        Sense sense;  // a copy: the inner loop reads supporters one after another
        double share;
    };
    std::vector<double> support_weight(groups.size());
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        // Names that may be ordinary words support others less.
        support_weight[gi] = groups[gi].weak ? 0.5 : 1.0;
    }
    // Senses of listed names that are ten times smaller than the largest town of their name: the big
    // cities listed with them give them no support (a list of big cities names big places, far apart
    // as often as not: "Indianapolis and Columbus"); small neighbours still do ("Paris, Sulphur
    // Springs and Clarksville" in Texas).
    std::vector<char> small_in_list(first.back(), 0);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        if (groups[gi].list == 0) continue;
        std::int64_t largest = 0;
        for (std::uint32_t c : groups[gi].candidates) {
            const Place& p = gazetteer.place(c);
            if (p.kind == PlaceKind::City) largest = std::max(largest, p.population);
        }
        for (std::size_t k = 0; k < groups[gi].candidates.size(); ++k) {
            const Place& p = gazetteer.place(groups[gi].candidates[k]);
            small_in_list[first[gi] + k] = p.kind == PlaceKind::City && p.population * 10 < largest;
        }
    }
    // A town known by this spelling only as an alternative name, at most a tenth the size of a city
    // of a million that bears it as its own ("Hiroshima": Kitahiroshima, 60,000 people beside Sapporo,
    // once called so, and the city of 1.2 million): context, the document's home region included,
    // counts a quarter for it, so only a text set around it closely names it so.
    std::vector<double> support_factor(first.back(), 1.0);
    {
        std::string scratch;
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            const Group& g = groups[gi];
            std::int64_t own_largest = 0;
            for (std::uint32_t c : g.candidates) {
                const Place& p = gazetteer.place(c);
                if (p.kind == PlaceKind::City && normalisesTo(p.name, g.key, scratch))
                    own_largest = std::max(own_largest, p.population);
            }
            if (own_largest < kBigNamesakeMinPopulation) continue;
            for (std::size_t k = 0; k < g.candidates.size(); ++k) {
                const Place& p = gazetteer.place(g.candidates[k]);
                if (p.kind == PlaceKind::City && p.population * 10 < own_largest && !normalisesTo(p.name, g.key, scratch))
                    support_factor[first[gi] + k] = kAlternativeNameSupport;
            }
        }
    }
    std::vector<Supporter> supporters;
    supporters.reserve(senses.size());
    std::vector<std::size_t> supporter_first(groups.size() + 1, 0);
    // What the document's home region adds to each sense (homeBonuses), read from the senses the
    // names lean to after the first kHomeRound rounds; it adds to the scores of the rounds after.
    std::vector<double> home_bonus(first.back(), 0.0);
    for (int round = 0; round < kRounds; ++round) {
        supporters.clear();
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            const Group& g = groups[gi];
            double* s = share.data() + first[gi];
            const std::size_t n = g.candidates.size();
            double top = -1e9, total = 0.0;
            for (double v : g.score) top = std::max(top, v);
            for (std::size_t k = 0; k < n; ++k) total += (s[k] = std::exp((g.score[k] - top) / kTemperature));
            for (std::size_t k = 0; k < n; ++k) s[k] /= total;
            const std::size_t from = supporters.size();
            for (std::size_t j = sense_first[gi]; j < sense_first[gi + 1]; ++j) {
                const std::uint32_t ok = senses[j];
                if (s[ok] >= kMinShare) supporters.push_back({packed[first[gi] + ok], s[ok]});
            }
            // Most likely first, so that the scan below stops at the first share no larger than the
            // best product so far (relatedness is at most 1); the maximum does not depend on order.
            // (Insertion sort: at most kMaxSenses of them, and no buffer to allocate.)
            for (std::size_t j = from + 1; j < supporters.size(); ++j) {
                const Supporter moving = supporters[j];
                std::size_t at = j;
                for (; at > from && supporters[at - 1].share < moving.share; --at) supporters[at] = supporters[at - 1];
                supporters[at] = moving;
            }
            supporter_first[gi + 1] = supporters.size();
        }
        if (round == kHomeRound) {
            homeBonuses(groups, first, packed, share, support_weight, home_bonus);
            for (std::size_t j = 0; j < home_bonus.size(); ++j) home_bonus[j] *= support_factor[j];
        }
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            Group& g = groups[gi];
            const std::size_t lo = gi > kWindow ? gi - kWindow : 0;
            const std::size_t hi = std::min(groups.size(), gi + kWindow + 1);
            const double top_base = *std::max_element(g.base.begin(), g.base.end());
            for (std::size_t k = 0; k < g.candidates.size(); ++k) {
                // A sense whose prior is more than the most context can add below the best prior
                // can win nothing and give no support (its share is far under kMinShare): it keeps
                // its prior without the scan (names with hundreds of namesake villages).
                if (g.base[k] + kCap + home_bonus[first[gi] + k] < top_base) {
                    g.score[k] = g.base[k] + home_bonus[first[gi] + k];
                    continue;
                }
                const Sense& c = packed[first[gi] + k];
                const std::size_t unsupported_list = small_in_list[first[gi] + k] ? g.list : 0;
                double support = 0.0;
                double loose = 0.0;
                for (std::size_t hj = lo; hj < hi; ++hj) {
                    if (hj == gi) continue;
                    const bool listed_with = unsupported_list != 0 && groups[hj].list == unsupported_list;
                    double best = 0.0;
                    bool best_loose = false;
                    const Supporter* o = supporters.data() + supporter_first[hj];
                    const Supporter* const o_end = supporters.data() + supporter_first[hj + 1];
                    for (; o != o_end && o->share > best; ++o) {
                        if (__builtin_expect(listed_with && o->sense.big_city, 0)) continue;
                        const Tie tie = relatedness(c, o->sense, near);
                        const double product = o->share * tie.strength;
                        if (product > best) {
                            best = product;
                            best_loose = tie.loose;
                        }
                    }
                    const double weighted = support_weight[hj] == 1.0 ? best : support_weight[hj] * best;
                    (best_loose ? loose : support) += weighted;
                }
                support += std::min(loose, kLooseCap);
                const double factor = support_factor[first[gi] + k];
                g.score[k] = g.base[k] + std::min(kCap, kWeight * support * factor) + home_bonus[first[gi] + k];
            }
        }
    }
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        groups[gi].home.assign(home_bonus.begin() + static_cast<std::ptrdiff_t>(first[gi]),
                               home_bonus.begin() + static_cast<std::ptrdiff_t>(first[gi + 1]));
    }
}
}  // namespace

Resolution resolve(const std::vector<RecognisedMention>& kept, const Gazetteer& gazetteer) {

    // One sense per name per document: group mentions by normalised name (names and demonyms
    // apart; the keys live in `kept`, which no longer changes).
    std::vector<Group> groups;
    std::unordered_map<std::string_view, std::size_t> group_of[2];  // [demonym]
    std::vector<std::size_t> mention_group(kept.size());
    std::vector<std::uint32_t> sorted_places;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        auto [it, inserted] = group_of[kept[i].demonym ? 1 : 0].emplace(kept[i].key, groups.size());
        if (inserted) {
            Group g;
            g.key = kept[i].key;
            g.demonym = kept[i].demonym;
            g.weak = true;
            // Each place once, in the order of the entries (a place may be listed under several kinds).
            const std::vector<NameEntry>& entries = kept[i].entries;
            g.candidates.reserve(entries.size());
            sorted_places.clear();
            for (const NameEntry& e : entries) sorted_places.push_back(e.place);
            std::sort(sorted_places.begin(), sorted_places.end());
            if (std::adjacent_find(sorted_places.begin(), sorted_places.end()) == sorted_places.end()) {
                for (const NameEntry& e : entries) g.candidates.push_back(e.place);
            } else {
                std::set<std::uint32_t> seen;
                for (const NameEntry& e : entries) {
                    if (seen.insert(e.place).second) g.candidates.push_back(e.place);
                }
            }
            groups.push_back(std::move(g));
        }
        Group& g = groups[it->second];
        g.mentions.push_back(i);
        g.weak = g.weak && kept[i].weak;
        if (g.list == 0) g.list = kept[i].list;
        if (!kept[i].qualifier_country.empty() && g.qualifier_country.empty()) {
            g.qualifier_country = kept[i].qualifier_country;
            g.qualifier_admin1 = kept[i].qualifier_admin1;
        }
        mention_group[i] = it->second;
    }

    // Priors, qualifiers and the city-over-province rule.
    std::string name_scratch;
    for (Group& g : groups) {
        if (!g.qualifier_country.empty()) {
            // "Kabul, Afghanistan" and "Springfield, Mass." name a town; "California, United States"
            // may name a state of the country (a province named like its capital still yields to
            // the city below).
            const bool admin1_may_be_meant = g.qualifier_admin1.empty();
            std::vector<std::uint32_t> inside;
            for (std::uint32_t c : g.candidates) {
                const Place& p = gazetteer.place(c);
                if (p.country == g.qualifier_country && (g.qualifier_admin1.empty() || p.admin1 == g.qualifier_admin1) &&
                    (p.kind != PlaceKind::Admin1 || admin1_may_be_meant) && p.kind != PlaceKind::Country) {
                    inside.push_back(c);
                }
            }
            if (!inside.empty()) g.candidates = inside;
        }
        g.base.resize(g.candidates.size());
        for (std::size_t k = 0; k < g.candidates.size(); ++k) {
            g.base[k] = prior(gazetteer.place(g.candidates[k]), g.key, name_scratch);
        }
        // A province named after its capital ("Kabul", "Kandahar") or a city of a million people
        // ("New York") means the city; otherwise the province keeps its own name.
        for (std::size_t a = 0; a < g.candidates.size(); ++a) {
            const Place& admin = gazetteer.place(g.candidates[a]);
            if (admin.kind != PlaceKind::Admin1) continue;
            for (std::size_t c = 0; c < g.candidates.size(); ++c) {
                const Place& city = gazetteer.place(g.candidates[c]);
                if (city.kind != PlaceKind::City) continue;
                const bool seat = city.country == admin.country &&
                                  ((city.feature_code == "PPLA" && city.admin1 == admin.admin1) ||
                                   (city.feature_code == "PPLC" && city.admin1 == admin.admin1));
                const bool big = city.population >= 1000000 || city.feature_code == "PPLC";
                if (seat || big) g.base[a] = std::min(g.base[a], g.base[c] - 0.05);
            }
        }
        // Names with hundreds of namesakes (villages of 500 people across a continent) keep the
        // kMaxCandidates most likely by prior: the rest could win only with more support than
        // context ever gives a village over a town, and each would cost a scan of the neighbours.
        if (g.candidates.size() > kMaxCandidates) {
            std::vector<std::size_t> order(g.candidates.size());
            for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return g.base[x] > g.base[y]; });
            order.resize(kMaxCandidates);
            std::sort(order.begin(), order.end());
            std::vector<std::uint32_t> candidates;
            std::vector<double> base;
            for (std::size_t k : order) {
                candidates.push_back(g.candidates[k]);
                base.push_back(g.base[k]);
            }
            g.candidates = std::move(candidates);
            g.base = std::move(base);
        }
        g.score = g.base;
    }

    // Context: each sense is scored by its prior plus the support it gets from the senses the other
    // names may have, weighted by how likely each of those is (a soft, iterated choice: "Walker
    // County" and "Huntsville" both exist in Alabama and Texas; the pair that lies together wins).
    const auto pickBest = [](Group& g) {
        g.best = -1;
        for (std::size_t k = 0; k < g.score.size(); ++k) {
            if (g.best < 0 || g.score[k] > g.score[static_cast<std::size_t>(g.best)] + 1e-12) g.best = static_cast<int>(k);
        }
    };
    resolveInContext(groups, gazetteer);
    for (Group& g : groups) pickBest(g);

    // Weak names (small towns named like ordinary words) need a chosen sense near the others.
    std::vector<bool> drop_group(groups.size(), false);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        Group& g = groups[gi];
        if (g.best < 0) {
            drop_group[gi] = true;
            continue;
        }
        if (!g.weak) continue;
        const std::size_t b = static_cast<std::size_t>(g.best);
        // The home region is no evidence that a word is a place at all: only the other names count.
        drop_group[gi] = g.score[b] - g.base[b] - g.home[b] < 0.15 - 1e-9;
    }

    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        if (drop_group[gi]) groups[gi].best = -1;
    }
    Resolution out;
    out.names = std::move(groups);
    out.name_of_mention = std::move(mention_group);
    return out;
}

}  // namespace geo::extract
