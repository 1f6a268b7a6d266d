#include "geo/extraction.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "geo/error.hpp"

namespace geo {

const char* toString(MentionKind kind) {
    switch (kind) {
        case MentionKind::Toponym: return "toponym";
        case MentionKind::Demonym: return "demonym";
    }
    return "unknown";
}

namespace {

// ------------------------------------------------------------------------------------------------
// Word lists. All lower-case; compared with the normalised token.

using WordSet = std::unordered_set<std::string_view>;

// Never a place as a single capitalised word: months, weekdays, function words and common words
// that start sentences or titles ("March", "May", "Along", "Still", "Lion of Panjshir", "Twin Towers").
const WordSet kNeverPlaces = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "a", "an", "the", "and", "but", "or", "nor", "if", "in", "on", "at", "by", "for", "to", "as", "is", "it",
    "he", "she", "we", "they", "you", "i", "me", "him", "her", "us", "them", "my", "his", "its", "our", "their",
    "this", "that", "these", "those", "there", "here", "then", "than", "also", "even", "just", "only",
    "both", "each", "all", "any", "some", "many", "much", "more", "most", "no", "not", "so", "such", "very",
    "well", "why", "how", "what", "when", "where", "who", "whom", "which", "while", "after", "before",
    "during", "since", "until", "about", "above", "across", "against", "among", "around", "behind",
    "below", "beside", "between", "beyond", "despite", "down", "inside", "into", "like", "near", "off",
    "onto", "out", "outside", "over", "past", "per", "through", "toward", "towards", "under", "unlike",
    "up", "upon", "via", "with", "within", "without", "again", "already", "always", "never", "now",
    "often", "once", "soon", "today", "tomorrow", "yesterday", "yet", "however", "meanwhile", "therefore",
    "thus", "although", "though", "because", "unless", "whether", "according", "of", "along", "still",
    "lion", "twin", "said", "says", "mr", "mrs", "ms", "dr", "god", "police", "president", "government",
    "union", "victory", "independence", "justice", "hope", "progress", "reform", "unity", "freedom",
    "peace", "front", "central", "national", "united", "federal", "general", "senate", "congress",
    "parliament", "army", "navy", "court", "state", "city", "county", "university", "college", "school",
    "church", "hospital", "company", "bank", "party", "team", "club", "west", "east", "north", "south",
    "western", "eastern", "northern", "southern", "day", "week", "year", "time", "times", "post", "new",
    "old", "great", "little", "good", "best", "first", "last", "one", "two", "three", "four", "five",
    "man", "woman", "people", "family", "home", "house", "world", "life", "love", "news", "media",
    "press", "report", "story", "book", "film", "music", "game", "games", "fire", "water", "road",
    "street", "avenue", "park", "center", "centre", "office", "department", "agency", "service",
    "council", "committee", "commission", "board", "forces", "force", "troops", "security", "defense",
    "defence", "health", "education", "energy", "power", "trade", "market", "business", "industry",
    "money", "price", "oil", "gas", "food", "rain", "snow", "storm", "wind", "sun", "moon", "star",
    "sea", "bay", "river", "lake", "island", "valley", "mountain", "hill", "beach", "coast", "bridge",
    "airport", "station", "port", "harbor", "harbour", "christmas", "easter", "ramadan", "eid",
    "islam", "muslim", "christian", "jewish", "catholic", "democrat", "republican", "liberal", "labour",
    "conservative", "green", "red", "blue", "white", "black", "brown", "gold", "silver", "iron",
    "stone", "rock", "wood", "forest", "field", "garden", "farm", "camp", "village", "town", "capital",
    "province", "region", "district", "area", "zone", "border", "mission", "operation", "project",
    "plan", "program", "programme", "law", "act", "bill", "rule", "order", "case", "trial", "crime",
    "murder", "attack", "war", "battle", "strike", "protest", "crisis", "deal", "talks", "summit",
    "meeting", "conference", "election", "vote", "campaign", "chief", "head", "leader", "member",
    "minister", "officer", "official", "spokesman", "spokeswoman", "source", "sources", "reuters",
    "associated", "online", "internet", "email", "phone", "social", "video", "photo",
    "picture", "image", "march", "friendship", "eagle", "bear", "wolf",
    "deer", "fox", "mercury", "venus", "mars", "jupiter", "saturn",
    "why", "yes", "please", "thanks", "welcome", "hello", "okay", "ok",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "none", "earth", "english", "superior", "supreme", "metro", "chamber",
    "northeast", "northwest", "southeast", "southwest", "free",
};

// Ordinary English words that are also names of real towns ("Mobile", "Reading", "Nice", "Bath").
// As the first word of a sentence they are taken as the word; elsewhere a town of this name needs
// 100,000 people or support from the rest of the document.
const WordSet kCommonWords = {
    "mobile", "reading", "nice", "bath", "split", "orange", "commerce", "enterprise", "harmony",
    "humble", "pride", "bonus", "normal", "opportunity", "plain", "plains", "hazard", "surprise",
    "success", "golden", "sandy", "rugby", "derby", "wells", "deal", "faith", "joy", "concord",
    "providence", "trinity", "temple", "canton", "liberty", "paradise", "aurora", "delta", "grove",
    "summit", "sterling", "sparks", "springs", "spring", "fall", "winter", "summer", "autumn", "early",
    "late", "clear", "fair", "gay", "alert", "beaver", "corning", "flint", "fort", "globe", "grant",
    "hull", "jasper", "mesa", "post", "pearl", "sale", "mission", "magnolia", "ivy", "rose", "iris",
    "olive", "laurel", "hazel", "ruby", "crystal", "diamond", "jade", "amber", "coral", "marina",
    "ware", "bloom", "bound", "rich", "moss", "wild", "born", "best", "worth", "ash", "oak", "pine",
    "elm", "maple", "cedar", "cliff", "ridge", "junction", "crossing", "mills", "falls", "heights",
    "villa", "casa", "man", "mango", "banana", "cocoa", "bell", "cherry", "apple", "pepper", "sugar",
    "salt", "coal", "copper", "zinc", "lead", "tin", "marble", "granite", "flora", "fauna", "chance",
    "choice", "colony", "comfort", "content", "crane", "dale", "darling", "eden", "essence", "express",
    "fame", "glory", "goodwill", "grace", "haven", "honor", "honour", "ideal", "imperial", "industry",
    "justice", "kind", "loyal", "lucky", "major", "mercy", "model", "modern", "noble", "ocean",
    "patience", "pleasant", "plenty", "premier", "prosperity", "reliance", "rescue", "royal", "ruth",
    "safety", "security", "shelter", "silence", "smart", "speed", "standard", "strong", "superior",
    "triumph", "trust", "truth", "union", "valiant", "vigilant", "virtue", "wisdom", "wonder", "zenith",
    "chad", "guinea", "turkey", "jordan", "china", "japan", "chile",
};

// Common given names and surnames that are also places: after a person's title, before "said",
// or beside another capitalised name ("George Washington", "Michael Jordan") they are people.
const WordSet kPersonalNames = {
    "jordan", "washington", "lincoln", "houston", "austin", "dallas", "florence", "victoria", "georgia",
    "charlotte", "chelsea", "kent", "clinton", "jackson", "madison", "paris", "sydney", "orlando",
    "eugene", "tyler", "marion", "beverly", "chester", "troy", "warren", "franklin", "hamilton",
    "milton", "carson", "denver", "camden", "logan", "mitchell", "preston", "winston", "stanley",
    "sherman", "morgan", "harrison", "jefferson", "monroe", "adams", "wilson", "grant", "lee", "clay",
    "douglas", "marshall", "taylor", "brooks", "lawrence", "raleigh", "vernon", "wayne", "homer",
    "elizabeth", "alexandria", "sofia", "regina", "aurora", "savannah", "sharon", "shelby", "mckinney",
    "hudson", "lafayette", "columbus", "darwin", "nelson", "peru", "cuba", "chad", "israel", "kuwait",
    "ali", "hassan", "ahmad", "ahmed", "mohammed", "muhammad", "omar", "karim", "massoud", "khan",
    "bradley", "kingston", "murray", "howard", "gordon", "hunter", "kelly", "barry", "albany",
};

// Common English given names. A capitalised word right after one is a surname ("Roy Jones",
// "Adam Moore"), and that surname names the person wherever else it stands alone in the text.
const WordSet kGivenNames = {
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
    "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
    "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
    "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry",
    "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter",
    "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean",
    "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie",
    "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell",
    "elijah", "louis", "bobby", "philip", "johnny", "mary", "patricia", "jennifer", "linda", "elizabeth",
    "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra",
    "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa",
    "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley",
    "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine",
    "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia",
    "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith",
    "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa",
    "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace",
    "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany",
    "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "jim", "bill", "bob", "mike", "tom",
    "dave", "steve", "tony", "chris", "dan", "rick", "ron", "ken", "don", "jeff", "greg", "tim", "matt",
    "ben", "sam", "nick", "ed", "al", "fred", "ted", "jimmy", "tommy", "danny", "barack", "hillary",
    "sarah", "kathy", "sue", "pat", "sally", "carlos", "luis", "miguel", "jorge", "pedro", "manuel",
    "ahmed", "mohammed", "muhammad", "ali", "hamid", "abdul", "vladimir", "dmitry", "sergei", "igor",
    "hans", "pierre", "jean", "francois", "giovanni", "marco", "ivan", "mikhail", "boris", "yuri",
    "craig", "todd", "troy", "shawn", "chad", "derek", "marcus", "curtis", "glenn", "allen", "howard",
    "leonard", "earl", "stanley", "lee", "clarence", "harry", "wesley", "dale", "phillip", "melvin",
    "travis", "rodney", "jay", "lori", "tammy", "tina", "wendy", "dawn", "paula", "peggy", "connie",
    "vicki", "tracy", "stacy", "kristen", "erin", "holly", "april", "jill", "beth", "jane", "anne",
};

// Words before a name that make it a person's ("President Washington", "Mr. Jordan").
const WordSet kPersonTitles = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "king", "queen",
    "prince", "princess", "president", "vice", "sen", "senator", "rep", "representative", "gov", "governor",
    "mayor", "judge", "justice", "gen", "general", "col", "colonel", "capt", "captain", "lt", "lieutenant",
    "sgt", "sergeant", "officer", "detective", "det", "rev", "reverend", "father", "sister", "brother",
    "pope", "sheikh", "mullah", "imam", "minister", "chancellor", "coach", "commissioner", "chief",
    "deputy", "councilman", "councilwoman", "attorney", "secretary", "ambassador", "doctor", "uncle",
    "aunt", "cardinal", "bishop", "emir", "sultan", "ayatollah", "maj", "major", "cpl", "corporal",
    "pvt", "private", "adm", "admiral", "supt", "superintendent", "trooper", "agent", "spokesman",
    "spokeswoman", "mrs", "madam", "st",
};

// Verbs after a name that make it a speaker ("Jordan said").
const WordSet kSpeechVerbs = {"said", "says", "told", "added", "wrote", "stated", "explained", "asked",
                              "replied", "argued", "noted", "insisted", "tweeted", "announced"};

// Capitalised words after a name that make the whole an organisation ("Washington Post",
// "New York Times", "Texas Instruments", "American Airlines", "Kabul University").
const WordSet kOrganisationHeads = {
    "post", "times", "journal", "herald", "tribune", "instruments", "airlines", "airways", "air",
    "university", "college", "institute", "academy", "inc", "corp", "corporation", "company", "co",
    "ltd", "llc", "plc", "bank", "group", "club", "fc", "gazette", "chronicle", "observer", "review",
    "press", "magazine", "daily", "telegraph", "globe", "inquirer", "register", "courier", "bulletin",
    "sentinel", "dispatch", "examiner", "standard", "mirror", "express", "broadcasting", "television",
    "radio", "symphony", "orchestra", "hospital", "clinic", "medical", "capitals", "nationals",
    "senators", "giants", "yankees", "mets", "rangers", "lakers", "bulls", "bears", "packers",
    "cowboys", "redskins", "patriots", "celtics", "knicks", "united", "rovers", "wanderers",
    "athletic", "athletics", "city", "state", "stock", "exchange", "statesman", "democrat",
    "enquirer", "beacon", "ledger", "record", "star", "sun", "news", "today", "weekly", "monthly",
    "insider", "reporter", "free", "pioneer", "republic", "citizen", "independent",
};

// Capitalised words that follow a place in the name of something located there ("Paris High
// School", "Huntsville Police Department", "Dublin City Council"): the place stays a place.
const WordSet kInstitutionWords = {
    "high", "middle", "elementary", "primary", "junior", "senior", "school", "schools", "public",
    "library", "council", "police", "fire", "sheriff", "department", "community", "regional",
    "municipal", "memorial", "area", "board", "chamber", "county", "city", "town", "township",
    "township's", "village", "district", "parish", "church", "baptist", "methodist", "presbyterian",
    "catholic", "lutheran", "christian", "hospital", "medical", "health", "historical", "museum",
    "airport", "zoo", "park", "parks", "convention", "civic", "center", "centre", "housing",
    "planning", "water", "utilities", "school's", "mall", "square", "avenue", "road", "street",
    "bridge", "dam", "lake", "river", "valley", "heights", "hills", "county's", "metropolitan",
};

// Words that may follow a name in lower case and still belong to it ("the Panjshir valley").
const WordSet kFeatureWords = {"valley", "river", "mountains", "mountain", "pass", "province", "lake",
                               "sea", "island", "islands", "desert", "county", "district", "region",
                               "gulf", "strait", "canal", "peninsula", "plain", "corridor", "heights",
                               "city", "state", "bay", "basin", "range", "hills", "ocean", "parish",
                               "governorate", "oblast", "prefecture", "municipality"};

// Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Sar-e Pol", "Mazar-i-Sharif").
const WordSet kConnectors = {"of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des",
                             "la", "le", "les", "el", "al", "ul", "e", "i", "y", "ye", "am", "an",
                             "der", "den", "van", "von", "upon", "on", "the", "and", "sur", "en",
                             "au", "aux", "im", "bin", "ibn", "ben", "o", "a", "na", "nad", "pod"};

// Words a shortened title ends with a period after ("St. Louis", "Mt. Everest", "Mr. Jordan").
const WordSet kPeriodAbbreviations = {"st", "ste", "mt", "ft", "pt", "mr", "mrs", "ms", "dr", "gen",
                                      "sen", "rep", "gov", "col", "capt", "lt", "sgt", "rev", "prof",
                                      "det", "maj", "cpl", "pvt", "adm", "supt", "gov"};

// Prepositions that put the next name in a place: "officials in Paris said", "troops from Jordan
// said". Such a name is not the speaker, however often the text quotes someone of that name.
const WordSet kLocativePrepositions = {"in", "at", "from", "near", "outside", "inside", "across", "throughout",
                                       "around", "into", "within", "toward", "towards", "via", "beyond"};

// Which of the lists above a word is on, as bits: one hash lookup per token instead of one per list
// and question.
enum WordList : std::uint16_t {
    kListNever = 1 << 0,
    kListCommon = 1 << 1,
    kListPersonal = 1 << 2,
    kListGiven = 1 << 3,
    kListTitle = 1 << 4,
    kListSpeech = 1 << 5,
    kListOrganisation = 1 << 6,
    kListInstitution = 1 << 7,
    kListFeature = 1 << 8,
    kListConnector = 1 << 9,
    kListPeriodAbbreviation = 1 << 10,
    kListLocative = 1 << 11,
};

// The WordList bits of every listed word, in an open-addressing table small enough to stay in cache
// (8-byte slots; the words themselves are compared only on a tag match). A word is looked up by its
// bytes zero-padded to kKeyBytes (no listed word is longer, and words hold no NUL byte): two 64-bit
// compares and a multiply-xorshift hash instead of a byte loop and a string compare per token.
class WordListTable {
public:
    static constexpr std::size_t kKeyBytes = 16;
    struct Key {
        std::uint64_t lo = 0, hi = 0;
        bool operator==(const Key& o) const { return lo == o.lo && hi == o.hi; }
    };
    // The key of the kKeyBytes bytes at `padded`: a word of at most kKeyBytes bytes and zeros after it.
    static Key keyOf(const char* padded) {
        Key k;
        std::memcpy(&k.lo, padded, 8);
        std::memcpy(&k.hi, padded + 8, 8);
        return k;
    }

    WordListTable() {
        const std::pair<const WordSet*, WordList> lists[] = {
            {&kNeverPlaces, kListNever},        {&kCommonWords, kListCommon},
            {&kPersonalNames, kListPersonal},   {&kGivenNames, kListGiven},
            {&kPersonTitles, kListTitle},       {&kSpeechVerbs, kListSpeech},
            {&kOrganisationHeads, kListOrganisation}, {&kInstitutionWords, kListInstitution},
            {&kFeatureWords, kListFeature},     {&kConnectors, kListConnector},
            {&kPeriodAbbreviations, kListPeriodAbbreviation}, {&kLocativePrepositions, kListLocative},
        };
        std::size_t words = 0;
        for (const auto& list : lists) words += list.first->size();
        std::size_t size = 64;
        while (size < 2 * words) size *= 2;
        slots_.assign(size, Slot{});
        for (const auto& [set, bit] : lists) {
            for (std::string_view word : *set) {
                if (word.size() > kKeyBytes) throw std::logic_error("word list entry longer than 16 bytes");
                const Key key = keyOfWord(word);
                const std::uint64_t h = hash(key);
                const std::size_t mask = slots_.size() - 1;
                std::size_t at = h & mask;
                while (slots_[at].word != 0 && !(keys_[slots_[at].word - 1] == key)) at = (at + 1) & mask;
                if (slots_[at].word == 0) {
                    keys_.push_back(key);
                    slots_[at] = {tagOf(h), static_cast<std::uint16_t>(keys_.size()), 0};
                }
                slots_[at].lists |= bit;
            }
        }
    }
    std::uint16_t find(std::string_view word) const { return word.size() > kKeyBytes ? 0 : find(keyOfWord(word)); }
    std::uint16_t find(const Key& key) const {
        const std::uint64_t h = hash(key);
        const std::uint32_t tag = tagOf(h);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = h & mask;; at = (at + 1) & mask) {
            const Slot& slot = slots_[at];
            if (slot.word == 0) return 0;
            if (slot.tag == tag && keys_[slot.word - 1] == key) return slot.lists;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint16_t word = 0;   // 1 + index into keys_, 0: empty
        std::uint16_t lists = 0;
    };
    static Key keyOfWord(std::string_view word) {
        char padded[kKeyBytes] = {};
        std::memcpy(padded, word.data(), word.size());
        return keyOf(padded);
    }
    static std::uint64_t hash(const Key& key) {
        std::uint64_t h = key.lo ^ (key.hi * 0x9E3779B97F4A7C15ull);
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
        return h ^ (h >> 31);
    }
    static std::uint32_t tagOf(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
    std::vector<Slot> slots_;
    std::vector<Key> keys_;
};
const WordListTable kWordLists;

// ------------------------------------------------------------------------------------------------
// Tokens

enum class Gap { Space, Hyphen, Period, Comma, Break };

struct Token {
    std::size_t begin = 0;      // bytes, the word without a possessive "'s"
    std::size_t end = 0;
    std::size_t passage = 0;
    std::string_view lower;     // Gazetteer::normalise of the word (in the document's token arena)
    std::uint32_t lower_offset = 0;  // where `lower` starts in the arena (it may move while it grows)
    std::uint32_t lower_length = 0;
    bool capitalised = false;   // first letter upper-case
    bool all_caps = false;      // two or more letters, all upper-case ("US", "NATO")
    bool dotted = false;        // initials with periods ("U.S.", "D.C.")
    bool possessive = false;
    bool sentence_start = false;
    bool plain = false;         // only ASCII letters and digits: `lower` is the word in lower case
    Gap gap_after = Gap::Break;  // what separates it from the next token
    std::uint16_t lists = 0;     // WordList bits of `lower`
};

bool inList(const Token& t, WordList list) { return (t.lists & list) != 0; }

bool isAsciiLetter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool isAsciiAlnum(char32_t c) { return isAsciiLetter(c) || (c >= '0' && c <= '9'); }

bool isLetterOrDigitBeyondAscii(char32_t cp) {
    // Punctuation and spaces outside ASCII that texts use; everything else counts as a letter.
    switch (cp) {
        case 0x00A0: case 0x00AB: case 0x00BB: case 0x00B7: case 0x00A9: case 0x00AE: case 0x00B0:
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2018:
        case 0x2019: case 0x201A: case 0x201C: case 0x201D: case 0x201E: case 0x2022: case 0x2026:
        case 0x2032: case 0x2033: case 0x2039: case 0x203A: case 0x20AC: case 0x00A3: case 0x2009:
        case 0x200B: case 0x202F: case 0xFEFF: case 0x00BF: case 0x00A1: case 0x00D7: case 0x00F7:
        case 0x02BB: case 0x02BC:
            return false;
        default:
            return !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F);
    }
}

inline bool isLetterOrDigit(char32_t cp) { return cp < 0x80 ? isAsciiAlnum(cp) : isLetterOrDigitBeyondAscii(cp); }

bool isApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

// nextCodePoint with the ASCII case inline (nearly every byte of an English text).
inline char32_t decode(std::string_view text, std::size_t& pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
        ++pos;
        return byte;
    }
    return nextCodePoint(text, pos);
}

// What the characters between two words are, as bits (their combination decides the Gap).
enum GapChar : std::uint8_t {
    kGapNewline = 1 << 0,
    kGapSpace = 1 << 1,    // ' ', '\t', U+00A0
    kGapHyphen = 1 << 2,   // '-', U+2010, U+2011
    kGapPeriod = 1 << 3,
    kGapComma = 1 << 4,
    kGapOther = 1 << 5,
};

// Per-byte facts for the tokeniser's loops, one table lookup instead of a chain of compares. Bytes
// from 0x80 up are only marked kByteBeyondAscii (their code point is decoded).
enum ByteClass : std::uint8_t {
    kByteAlnum = 1 << 0,         // [A-Za-z0-9]
    kByteLowerLetter = 1 << 1,   // [a-z]
    kByteSentence = 1 << 3,      // . ! ? : ; " ( [ — the next word starts a sentence
    kByteBeyondAscii = 1 << 4,
    kByteUpper = 0x20,           // [A-Z]; the bit that lower-cases it
};
struct ByteTables {
    std::uint8_t cls[256] = {};
    std::uint8_t gap[256] = {};  // GapChar of an ASCII byte that is no letter or digit
};
constexpr ByteTables makeByteTables() {
    ByteTables t;
    for (int b = 0; b < 256; ++b) {
        const bool upper = b >= 'A' && b <= 'Z', letter = upper || (b >= 'a' && b <= 'z'), digit = b >= '0' && b <= '9';
        t.cls[b] = static_cast<std::uint8_t>((letter || digit ? kByteAlnum : 0) | (upper ? kByteUpper : 0) |
                                             (letter && !upper ? kByteLowerLetter : 0) | (b >= 0x80 ? kByteBeyondAscii : 0));
        if (b == '.' || b == '!' || b == '?' || b == ':' || b == ';' || b == '"' || b == '(' || b == '[') {
            t.cls[b] |= kByteSentence;
        }
        t.gap[b] = b == '\n' ? kGapNewline
                   : (b == ' ' || b == '\t') ? kGapSpace
                   : b == '-' ? kGapHyphen
                   : b == '.' ? kGapPeriod
                   : b == ',' ? kGapComma
                              : kGapOther;
    }
    return t;
}
constexpr ByteTables kBytes = makeByteTables();

// The Gap of the characters between two words of a passage: `chars` their GapChar bits, `size` their
// length in bytes, `first` the first of them.
Gap gapOf(unsigned chars, std::size_t size, char first) {
    const bool newline = chars & kGapNewline, space = chars & kGapSpace, hyphen = chars & kGapHyphen;
    const bool period = chars & kGapPeriod, comma = chars & kGapComma, other = chars & kGapOther;
    if (other || newline) return Gap::Break;
    if (hyphen && !period && !comma) return size == 1 ? Gap::Hyphen : Gap::Break;
    if (period && !comma && size == 2 && first == '.' && space) return Gap::Period;
    if (comma && !period && size == 2 && first == ',' && space) return Gap::Comma;
    if (space && !period && !comma && !hyphen) return Gap::Space;
    return Gap::Break;
}

// Splits the document into tokens; their normalised forms are written to `arena`, which must
// outlive the tokens and not change after this call.
std::vector<Token> tokenise(const Document& doc, std::size_t first_passage, std::size_t end_passage,
                            std::string& arena) {
    const std::string& text = doc.text();
    const char* const bytes = text.data();
    const std::vector<Passage>& passages = doc.passages();
    std::vector<Token> tokens;
    const std::size_t range_bytes =
        first_passage < end_passage ? passages[end_passage - 1].byte_end - passages[first_passage].byte_start : 0;
    tokens.reserve(range_bytes / 5);
    // Normalising never lengthens valid UTF-8, so range_bytes is enough (the arena is still grown
    // if it were not). Everything after the `used` bytes stays zero, and there are at least kKeyBytes
    // of it: a short word's bytes read as kKeyBytes are its zero-padded word-list key.
    arena.assign(range_bytes + WordListTable::kKeyBytes, '\0');
    std::size_t used = 0;
    bool arena_moved = false;
    // Makes room for `bytes` more (and the zero padding).
    const auto reserveArena = [&](std::size_t bytes) {
        if (used + bytes + WordListTable::kKeyBytes <= arena.size()) return;
        arena.resize(2 * (used + bytes + WordListTable::kKeyBytes));
        arena_moved = true;
    };
    std::string folded;
    constexpr std::size_t kNoToken = static_cast<std::size_t>(-1);
    // Appends a normalised form to the arena and records where it is.
    const auto setLower = [&](Token& t, std::string_view lower) {
        reserveArena(lower.size());
        t.lower_offset = static_cast<std::uint32_t>(used);
        t.lower_length = static_cast<std::uint32_t>(lower.size());
        std::memcpy(arena.data() + used, lower.data(), lower.size());
        t.lower = std::string_view(arena.data() + used, lower.size());
        used += lower.size();
        t.lists = kWordLists.find(lower);
    };
    for (std::size_t pi = first_passage; pi < end_passage; ++pi) {
        const Passage& passage = passages[pi];
        std::size_t pos = passage.byte_start;
        const std::size_t end = passage.byte_end;
        bool sentence_start = true;
        // The characters since the previous token of this passage, for its gap_after.
        std::size_t previous = kNoToken;
        unsigned gap_chars = 0;
        while (pos < end) {
            const auto byte = static_cast<unsigned char>(bytes[pos]);
            const std::uint8_t cls = kBytes.cls[byte];
            if (!(cls & kByteAlnum)) {
                if (!(cls & kByteBeyondAscii)) {
                    // Sentence ends and opening quotes make the next word start a sentence.
                    if (cls & kByteSentence) sentence_start = true;
                    gap_chars |= kBytes.gap[byte];
                    ++pos;
                    continue;
                }
                std::size_t next = pos;
                const char32_t cp = nextCodePoint(text, next);
                if (!isLetterOrDigitBeyondAscii(cp)) {
                    if (cp == 0x201C || cp == 0x2018 || cp == 0x2014) sentence_start = true;
                    gap_chars |= cp == 0x00A0 ? kGapSpace : (cp == 0x2010 || cp == 0x2011) ? kGapHyphen : kGapOther;
                    pos = next;
                    continue;
                }
            }
            // Gaps between neighbours: after a possessive, always a break.
            if (previous != kNoToken) {
                Token& before = tokens[previous];
                // (One space, the common case, needs no more.)
                before.gap_after = before.possessive             ? Gap::Break
                                   : gap_chars == kGapSpace ? Gap::Space
                                                            : gapOf(gap_chars, pos - before.end, bytes[before.end]);
            }
            gap_chars = 0;
            previous = tokens.size();
            Token& t = tokens.emplace_back();
            t.begin = pos;
            t.passage = passage.index;
            t.sentence_start = sentence_start;
            sentence_start = false;
            // Initials with periods: ([A-Za-z]\.){2,}
            {
                std::size_t p = pos;
                int pairs = 0;
                while (p + 1 < end && isAsciiLetter(static_cast<unsigned char>(bytes[p])) && bytes[p + 1] == '.') {
                    p += 2;
                    ++pairs;
                }
                std::size_t after = p;
                if (pairs >= 2 && (p >= end || !isLetterOrDigit(decode(text, after)))) {
                    t.end = p;
                    t.dotted = true;
                    t.capitalised = bytes[pos] >= 'A' && bytes[pos] <= 'Z';
                    t.all_caps = t.capitalised;
                    Gazetteer::normaliseTo(std::string_view(text).substr(pos, p - pos), folded);
                    setLower(t, folded);
                    pos = p;
                    continue;
                }
            }
            // A word: letters and digits, with apostrophes inside ("O'Brien", "Afghanistan’s"). Its
            // ASCII start is lower-cased into the arena on the way (kept if the word is plain).
            // (The arena takes the word and kKeyBytes more, which the 16-byte stores below may
            // overwrite; they are zeroed again once the word's length is known.)
            reserveArena(end - pos);
            char* const lower = arena.data() + used;
            std::size_t p = pos;
            unsigned seen = 0;  // ByteClass bits of those bytes
#if defined(__SSE2__)
            // 16 bytes at a time while they all lie in the passage: letters and digits found by
            // compares (bytes from 0x80 up are negative, so neither), capitals lower-cased by 0x20.
            while (p + 16 <= end) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + p));
                const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
                const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                                     _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
                const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
                const __m128i upper = _mm_and_si128(letter, _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(lower + (p - pos)), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
                const auto alnum = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
                const auto small = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(upper, letter)));
                const unsigned run = alnum == 0xFFFF ? 16 : static_cast<unsigned>(__builtin_ctz(~alnum));
                if (small & ((1u << run) - 1)) seen |= kByteLowerLetter;
                p += run;
                if (run < 16) break;
            }
            if (p + 16 > end)
#endif
            for (; p < end; ++p) {
                const auto c = static_cast<unsigned char>(bytes[p]);
                const std::uint8_t c_cls = kBytes.cls[c];
                if (!(c_cls & kByteAlnum)) break;
                lower[p - pos] = static_cast<char>(c | (c_cls & kByteUpper));
                seen |= c_cls;
            }
            bool plain = true;  // only ASCII letters and digits (most words): no decoding needed
            while (p < end) {
                const auto b = static_cast<unsigned char>(bytes[p]);
                if (kBytes.cls[b] & kByteAlnum) {
                    ++p;
                    continue;
                }
                if (b < 0x80 && b != '\'') break;  // the only ASCII character that may continue a word
                std::size_t q = p;
                const char32_t c = decode(text, q);
                if (isLetterOrDigit(c)) {
                    p = q;
                    plain = false;
                    continue;
                }
                if (isApostrophe(c) && q < end) {
                    std::size_t r = q;
                    if (isLetterOrDigit(decode(text, r))) {
                        p = q;
                        plain = false;
                        continue;
                    }
                }
                break;
            }
            t.end = p;
            if (plain) {
                // Same results as the general path below, byte by byte.
                const std::size_t n = p - pos;
                t.plain = true;
                t.capitalised = (kBytes.cls[static_cast<unsigned char>(bytes[pos])] & kByteUpper) != 0;
                // Two or more letters, all upper-case: no lower-case letter, then count the capitals.
                if (!(seen & kByteLowerLetter)) {
                    std::size_t upper = 0;
                    for (std::size_t i = pos; i < p; ++i) upper += (kBytes.cls[static_cast<unsigned char>(bytes[i])] & kByteUpper) != 0;
                    t.all_caps = upper >= 2;
                }
                t.lower_offset = static_cast<std::uint32_t>(used);
                t.lower_length = static_cast<std::uint32_t>(n);
                t.lower = std::string_view(lower, n);
                std::memset(lower + n, 0, WordListTable::kKeyBytes);  // what the 16-byte stores wrote past it
                t.lists = n <= WordListTable::kKeyBytes ? kWordLists.find(WordListTable::keyOf(lower)) : 0;
                used += n;
                pos = p;
                continue;
            }
            std::memset(lower, 0, p - pos + WordListTable::kKeyBytes);  // undo the start written above: the arena's tail stays zero
            // Possessive: trailing "'s" / "’s".
            {
                const std::string_view word(bytes + pos, p - pos);
                for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s")}) {
                    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
                        t.end = p - suffix.size();
                        t.possessive = true;
                        break;
                    }
                }
            }
            const std::string_view word(bytes + pos, t.end - pos);
            std::size_t first = 0;
            const char32_t first_cp = nextCodePoint(word, first);
            t.capitalised = isUpperLatin(first_cp);
            int letters = 0, upper = 0;
            for (std::size_t i = 0; i < word.size();) {
                const char32_t c = decode(word, i);
                if (c < 0x80 ? isAsciiLetter(c) : isLetterOrDigit(c)) {
                    ++letters;
                    if (isUpperLatin(c)) ++upper;
                }
            }
            t.all_caps = letters >= 2 && upper == letters;
            Gazetteer::normaliseTo(word, folded);
            setLower(t, folded);
            pos = p;
        }
    }
    // The arena moved while it grew (never for valid UTF-8): point the tokens at it again.
    if (arena_moved) {
        for (Token& t : tokens) t.lower = std::string_view(arena.data() + t.lower_offset, t.lower_length);
    }
    return tokens;
}

// ------------------------------------------------------------------------------------------------
// Recognition

struct RawMention {
    std::size_t first = 0;  // token range [first, last]
    std::size_t last = 0;
    std::string key;        // normalised name
    std::vector<NameEntry> entries;  // gazetteer entries allowed for this spelling
    bool demonym = false;
};

// Which name kinds a spelling may match: initials and short all-caps words only abbreviations
// ("US", "U.S." but not "us"); ordinary capitalised words names and demonyms.
std::vector<NameEntry> allowedEntries(const std::vector<NameEntry>& entries, const std::vector<Token>& tokens,
                                      std::size_t first, std::size_t last, const Gazetteer& gazetteer) {
    const bool single = first == last;
    const Token& t = tokens[first];
    const bool abbreviation_shape = single && (t.dotted || (t.all_caps && t.lower.size() <= 4));
    std::vector<NameEntry> out;
    out.reserve(entries.size());
    for (const NameEntry& e : entries) {
        if (e.kind == NameKind::Abbreviation) {
            if (abbreviation_shape) out.push_back(e);
        } else if (e.kind == NameKind::Demonym) {
            if (!abbreviation_shape) out.push_back(e);
        } else if (!(single && t.all_caps && !t.dotted && t.lower.size() <= 4) || t.dotted) {
            out.push_back(e);
        }
    }
    // Demonyms and names never mix in one mention. A demonym beats towns of that name ("Canadian",
    // Texas); a country or region of that name beats the demonym ("Djibouti", "Vatican").
    const bool any_demonym = std::any_of(out.begin(), out.end(), [](const NameEntry& e) { return e.kind == NameKind::Demonym; });
    if (any_demonym) {
        const bool strong_name = std::any_of(out.begin(), out.end(), [&](const NameEntry& e) {
            const PlaceKind k = gazetteer.place(e.place).kind;
            return e.kind != NameKind::Demonym && k != PlaceKind::City && k != PlaceKind::Admin2;
        });
        out.erase(std::remove_if(out.begin(), out.end(), [&](const NameEntry& e) {
                      return strong_name ? e.kind == NameKind::Demonym : e.kind != NameKind::Demonym;
                  }),
                  out.end());
    }
    return out;
}

bool canJoin(const Token& t) {
    return t.gap_after == Gap::Space || t.gap_after == Gap::Hyphen ||
           (t.gap_after == Gap::Period && inList(t, kListPeriodAbbreviation));
}

// normalise() is idempotent except in dropping a possessive ("x's's" → "x's" → "x"), and lookup()
// normalises its argument again: a key still ending like a possessive is looked up through lookup().
bool endsLikePossessive(std::string_view key) {
    const std::size_t n = key.size();
    return n > 2 && ((key[n - 2] == '\'' && key[n - 1] == 's') || (key[n - 2] == 's' && key[n - 1] == '\''));
}

std::vector<RawMention> findCandidates(const Document& doc, const Gazetteer& gazetteer, const std::vector<Token>& tokens) {
    std::vector<RawMention> out;
    const std::string_view text = doc.text();
    const std::size_t max_words = static_cast<std::size_t>(std::max(1, gazetteer.maxNameWords()));
    // The normalised span [i, last]: a single word's key is its token's normalised form.
    std::string span_key;
    const auto spanKey = [&](std::size_t i, std::size_t last) -> std::string_view {
        if (i == last) return tokens[i].lower;
        // Plain words apart by spaces, a hyphen or ". " normalise to their lower-case forms apart by
        // " " or ". ": joined as they are, without normalising the text again.
        bool joinable = true;
        for (std::size_t k = i; k <= last && joinable; ++k) {
            joinable = tokens[k].plain && (k == last || tokens[k].gap_after == Gap::Space ||
                                           tokens[k].gap_after == Gap::Hyphen || tokens[k].gap_after == Gap::Period);
        }
        if (!joinable) {
            Gazetteer::normaliseTo(text.substr(tokens[i].begin, tokens[last].end - tokens[i].begin), span_key);
            return span_key;
        }
        span_key.clear();
        for (std::size_t k = i; k <= last; ++k) {
            span_key += tokens[k].lower;
            if (k < last) span_key += tokens[k].gap_after == Gap::Period ? ". " : " ";
        }
        return span_key;
    };
    // What the gazetteer holds for each window [i, i + w]: one probe per window, reused by the
    // longest-match loop below.
    std::vector<Gazetteer::KeyInfo> window(max_words);
    // Every name starts on a capitalised word: its one-word key is probed for all of them at once.
    std::vector<std::string_view> word_keys;
    std::vector<std::size_t> word_index(tokens.size(), 0);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].capitalised) continue;
        word_index[i] = word_keys.size();
        word_keys.push_back(tokens[i].lower);
    }
    std::vector<Gazetteer::KeyInfo> word_info(word_keys.size());
    gazetteer.probe(word_keys.data(), word_keys.size(), word_info.data());
    const auto probeWindow = [&](std::size_t i, std::size_t last) {
        const std::string_view key = spanKey(i, last);
        Gazetteer::KeyInfo info = i == last ? word_info[word_index[i]] : gazetteer.probe(key);
        if (endsLikePossessive(key)) info.entries = &gazetteer.lookup(key);
        window[last - i] = info;
    };
    for (std::size_t i = 0; i < tokens.size();) {
        if (!tokens[i].capitalised) {
            ++i;
            continue;
        }
        // The longest run of tokens that may form one name.
        std::size_t limit = i;
        std::size_t probed = 0;  // windows [i, i + w] probed, w < probed
        // Only as far as some gazetteer name starts with the words so far (keeps lookups few).
        while (limit + 1 < tokens.size() && limit - i + 1 < max_words && canJoin(tokens[limit]) &&
               !tokens[limit].possessive) {
            probeWindow(i, limit);
            probed = limit - i + 1;
            if (!window[limit - i].prefix) break;
            ++limit;
        }
        bool matched = false;
        for (std::size_t last = limit + 1; last-- > i;) {
            // Inner words: capitalised or connectors; the last: capitalised or a feature word.
            bool shape_ok = true;
            for (std::size_t k = i + 1; k <= last && shape_ok; ++k) {
                const Token& t = tokens[k];
                if (t.capitalised) continue;
                shape_ok = (k < last && inList(t, kListConnector)) || (k == last && inList(t, kListFeature));
            }
            if (!shape_ok) continue;
            if (last - i >= probed) {
                probeWindow(i, last);
                probed = last - i + 1;
            }
            const auto& entries = *window[last - i].entries;
            if (entries.empty()) continue;
            std::vector<NameEntry> allowed = allowedEntries(entries, tokens, i, last, gazetteer);
            if (allowed.empty()) continue;
            RawMention m;
            m.first = i;
            m.last = last;
            m.key = std::string(spanKey(i, last));
            m.demonym = allowed.front().kind == NameKind::Demonym;
            m.entries = std::move(allowed);
            out.push_back(std::move(m));
            i = last + 1;
            matched = true;
            break;
        }
        if (!matched) ++i;
    }
    return out;
}

bool isCityLike(const Place& p) { return p.kind == PlaceKind::City || p.kind == PlaceKind::Admin2; }
// Places small enough that distance to them means something.
bool isPointLike(const Place& p) { return p.kind == PlaceKind::City || p.kind == PlaceKind::Admin2 || p.kind == PlaceKind::Physical; }

std::int64_t maxCityPopulation(const RawMention& m, const Gazetteer& g) {
    std::int64_t best = 0;
    for (const NameEntry& e : m.entries) best = std::max(best, g.place(e.place).population);
    return best;
}

bool onlyCityLike(const RawMention& m, const Gazetteer& g) {
    return std::all_of(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) { return isCityLike(g.place(e.place)); });
}

// Words the text uses as parts of people's names: the capitalised words after a title ("Rev. Roy
// Jones", "Captain Adam Moore"), after a common given name ("Rodney Eric Smith", "Matthew D.
// Flores"), next to a speech verb ("Walker said", "said Clifford") or before an age ("Turner, 23,").
// A lone name that is also a small town is then the person wherever it stands in the document.
// True when token k follows a locative preposition ("in Paris", "from Jordan").
bool afterLocative(const std::vector<Token>& tokens, std::size_t k) {
    if (k == 0) return false;
    const Token& prev = tokens[k - 1];
    return !prev.capitalised && prev.gap_after == Gap::Space && prev.passage == tokens[k].passage &&
           inList(prev, kListLocative);
}

std::unordered_set<std::string_view> personWords(const Document& doc, const std::vector<Token>& tokens) {
    std::unordered_set<std::string_view> out;
    const std::string& text = doc.text();
    const auto nameWord = [&](std::size_t k) {
        const Token& t = tokens[k];
        return t.capitalised && !t.all_caps && !t.dotted && !inList(t, kListNever) &&
               !inList(t, kListInstitution) && !inList(t, kListFeature);
    };
    const auto initial = [&](std::size_t k) {
        return tokens[k].capitalised && tokens[k].lower.size() == 1 && tokens[k].gap_after == Gap::Period;
    };
    // Records the capitalised run starting at k (initials allowed inside); returns its last index.
    const auto takeRun = [&](std::size_t k) {
        std::size_t last = k;
        for (std::size_t j = k; j < tokens.size() && j < k + 4; ++j) {
            if (initial(j)) {
                last = j;
                continue;
            }
            if (!nameWord(j)) break;
            out.insert(tokens[j].lower);
            last = j;
            if (tokens[j].gap_after != Gap::Space || tokens[j].possessive) break;
        }
        return last;
    };
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const bool joined = t.gap_after == Gap::Space || (t.gap_after == Gap::Period && !t.sentence_start);
        if (t.capitalised && joined && inList(t, kListTitle) && t.lower != "st") {
            takeRun(i + 1);
        } else if (t.capitalised && t.gap_after == Gap::Space && inList(t, kListGiven) &&
                   (nameWord(i + 1) || initial(i + 1))) {
            const std::size_t last = takeRun(i + 1);
            // "Adam Moore" names Moore; the given name itself stays open ("Virginia Smith" aside).
            if (last > i + 1 || !initial(i + 1)) out.insert(tokens[last].lower);
        } else if (!t.capitalised && inList(t, kListSpeech) && t.gap_after == Gap::Space && nameWord(i + 1) &&
                   tokens[i + 1].passage == t.passage) {
            takeRun(i + 1);  // "said Clifford"
        }
        // "Walker said": a single capitalised word before a speech verb ("officials in Paris said" aside).
        if (nameWord(i) && t.gap_after == Gap::Space && !t.sentence_start && inList(tokens[i + 1], kListSpeech) &&
            !afterLocative(tokens, i)) {
            out.insert(t.lower);
        }
        // "Ashley Lynn Turner, 23, of Palestine": a name before an age.
        if (nameWord(i) && t.gap_after == Gap::Comma && i > 0 && tokens[i - 1].gap_after == Gap::Space &&
            nameWord(i - 1)) {
            const Token& n = tokens[i + 1];
            const bool number = !n.lower.empty() && n.lower.size() <= 3 &&
                                std::all_of(n.lower.begin(), n.lower.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (number && n.end < text.size() && text[n.end] == ',') out.insert(t.lower);
        }
    }
    return out;
}

// Why a recognised name is dropped, or kKeep; "weak" names are kept only with document support.
enum class Verdict { Keep, Weak, Drop };

Verdict judge(const RawMention& m, const std::vector<Token>& tokens, const std::vector<bool>& in_mention,
              const std::unordered_set<std::string_view>& person_words, const Gazetteer& g) {
    const Token& first = tokens[m.first];
    const Token& last = tokens[m.last];
    const bool single = m.first == m.last;
    const std::string_view word = first.lower;

    // "Washington Post", "New York Times", "American Airlines": an organisation.
    if (!last.possessive && last.gap_after == Gap::Space && m.last + 1 < tokens.size()) {
        const Token& next = tokens[m.last + 1];
        if (next.capitalised && inList(next, kListOrganisation)) return Verdict::Drop;
    }
    if (m.demonym) return Verdict::Keep;
    if (single && !first.all_caps && inList(first, kListNever)) return Verdict::Drop;

    // A person's title before the name ("President Washington", "Mr. Jordan").
    if (m.first > 0) {
        const Token& prev = tokens[m.first - 1];
        const bool joined = prev.gap_after == Gap::Space || prev.gap_after == Gap::Period;
        if (joined && prev.capitalised && inList(prev, kListTitle) && !(prev.lower == "st" && prev.gap_after == Gap::Period)) {
            if (onlyCityLike(m, g) || inList(first, kListPersonal) || single) return Verdict::Drop;
        }
    }
    const bool personal = single && inList(first, kListPersonal);
    // "in Paris", "from Jordan": a place here, whoever else the text names so.
    const bool located = afterLocative(tokens, m.first);
    // A surname used elsewhere in the text ("Rev. Roy Jones" … "Jones"), when the name is no more
    // than a town.
    if (single && !located && person_words.count(word) != 0 &&
        (personal || (onlyCityLike(m, g) && maxCityPopulation(m, g) < 1000000))) {
        return Verdict::Drop;
    }
    // "Walker said", "said Clifford": a speaker, unless a capital speaking for its government.
    if (single && !located && onlyCityLike(m, g) && maxCityPopulation(m, g) < 100000 && m.last + 1 < tokens.size() &&
        last.gap_after == Gap::Space && inList(tokens[m.last + 1], kListSpeech)) {
        return Verdict::Drop;
    }
    // "Jordan said": a speaker.
    if (personal && !located && m.last + 1 < tokens.size() && last.gap_after == Gap::Space &&
        inList(tokens[m.last + 1], kListSpeech)) {
        return Verdict::Drop;
    }
    // Part of a longer proper name ("George Washington", "Ali Nazary", "Twin Towers"): a neighbouring
    // capitalised word that is no place and no ordinary word.
    if (single && (personal || (onlyCityLike(m, g) && maxCityPopulation(m, g) < 1000000))) {
        const auto nameLike = [&](std::size_t k) {
            const Token& t = tokens[k];
            // A neighbouring place name counts too when one of the two is a common personal name
            // ("George Washington": George, South Africa and Washington, D.C.).
            const bool person_pair = personal || inList(t, kListPersonal);
            // "Roy Jones": a given name counts even where it is also a town.
            if (k < m.first && t.capitalised && inList(t, kListGiven) && !inList(t, kListTitle)) return true;
            // "Paris High School", "Huntsville Police Department": an institution located there.
            if (k > m.last && inList(t, kListInstitution)) return false;
            return t.capitalised && !t.all_caps && (!in_mention[k] || person_pair) && !inList(t, kListNever) &&
                   !inList(t, kListFeature) && !(t.sentence_start && inList(t, kListCommon));
        };
        if (m.first > 0 && tokens[m.first - 1].gap_after == Gap::Space && nameLike(m.first - 1)) return Verdict::Drop;
        if (m.last + 1 < tokens.size() && last.gap_after == Gap::Space && nameLike(m.last + 1)) return Verdict::Drop;
    }
    if (single && onlyCityLike(m, g)) {
        if (inList(first, kListCommon)) {
            if (first.sentence_start) return Verdict::Drop;
            if (maxCityPopulation(m, g) < 100000) return Verdict::Weak;
        }
        if (maxCityPopulation(m, g) < 5000) return Verdict::Weak;
    } else if (single && first.sentence_start && inList(first, kListCommon)) {
        // "Turkey" opening a sentence is still the country; an admin area or town is not.
        const bool strong = std::any_of(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) {
            const PlaceKind k = g.place(e.place).kind;
            return k == PlaceKind::Country || k == PlaceKind::Continent;
        });
        if (!strong) return Verdict::Drop;
    }
    return Verdict::Keep;
}

// ------------------------------------------------------------------------------------------------
// Resolution

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
        case PlaceKind::Region:
        case PlaceKind::Physical: s = 0.85; break;
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

struct Group {
    std::string key;
    bool demonym = false;
    std::vector<std::size_t> mentions;            // indices into the kept raw mentions
    std::vector<std::uint32_t> candidates;
    std::vector<double> base;                     // prior per candidate
    std::vector<double> score;
    bool weak = false;                            // every mention was weak
    std::string qualifier_country;                // "Rome, Georgia": restricts candidates
    std::string qualifier_admin1;
    int best = -1;
};


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

void resolveInContext(std::vector<Group>& groups, const Gazetteer& gazetteer) {
    constexpr double kTemperature = 0.1;   // softmax over a group's scores
    constexpr double kWeight = 0.3;        // score per unit of support
    constexpr double kCap = 0.6;           // most a context can add
    // Loose ties (see Tie) are weak evidence: many of them together still say little about which
    // town of a name is meant ("Jordan" in an article full of US towns is still the country;
    // Memphis beside four Texan cities is still the one in Tennessee), so they add up to this at most.
    constexpr double kLooseCap = 0.25;
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
    std::vector<Supporter> supporters;
    supporters.reserve(senses.size());
    std::vector<std::size_t> supporter_first(groups.size() + 1, 0);
    for (int round = 0; round < 4; ++round) {
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
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            Group& g = groups[gi];
            const std::size_t lo = gi > kWindow ? gi - kWindow : 0;
            const std::size_t hi = std::min(groups.size(), gi + kWindow + 1);
            for (std::size_t k = 0; k < g.candidates.size(); ++k) {
                const Sense& c = packed[first[gi] + k];
                double support = 0.0;
                double loose = 0.0;
                for (std::size_t hj = lo; hj < hi; ++hj) {
                    if (hj == gi) continue;
                    double best = 0.0;
                    bool best_loose = false;
                    const Supporter* o = supporters.data() + supporter_first[hj];
                    const Supporter* const o_end = supporters.data() + supporter_first[hj + 1];
                    for (; o != o_end && o->share > best; ++o) {
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
                g.score[k] = g.base[k] + std::min(kCap, kWeight * support);
            }
        }
    }
}
}  // namespace

// The places of passages [first_passage, end_passage) of `doc`, resolved among themselves.
static Extraction extractRange(const Document& doc, const Gazetteer& gazetteer, std::size_t first_passage,
                        std::size_t end_passage) {
    std::string token_arena;
    const std::vector<Token> tokens = tokenise(doc, first_passage, end_passage, token_arena);
    std::vector<RawMention> raw = findCandidates(doc, gazetteer, tokens);

    std::vector<bool> in_mention(tokens.size(), false);
    for (const RawMention& m : raw) {
        for (std::size_t k = m.first; k <= m.last; ++k) in_mention[k] = true;
    }
    std::vector<RawMention> kept;
    std::vector<bool> kept_weak;
    const std::unordered_set<std::string_view> person_words = personWords(doc, tokens);
    for (RawMention& m : raw) {
        const Verdict v = judge(m, tokens, in_mention, person_words, gazetteer);
        if (v == Verdict::Drop) continue;
        kept_weak.push_back(v == Verdict::Weak);
        kept.push_back(std::move(m));
    }

    // "Alexandria, Va.", "Rome, Georgia": an admin-1 or country right after a place and a comma
    // qualifies it. AP state abbreviations ("Va.") are only recognised here.
    struct Qualifier {
        std::string country, admin1;
    };
    std::vector<Qualifier> qualifiers(kept.size());
    {
        const std::string& text = doc.text();
        std::vector<RawMention> added;
        std::vector<bool> replaced(kept.size(), false);
        for (std::size_t i = 0; i < kept.size(); ++i) {
            const Token& last = tokens[kept[i].last];
            if (last.gap_after != Gap::Comma || kept[i].last + 1 >= tokens.size()) continue;
            const std::size_t q = kept[i].last + 1;
            const bool next_is_q = i + 1 < kept.size() && kept[i + 1].first == q;
            std::vector<NameEntry> entries;
            // "Va." — an AP abbreviation, its period right after the word.
            if (tokens[q].capitalised && !tokens[q].dotted && tokens[q].end < text.size() && text[tokens[q].end] == '.') {
                const std::string_view spelled = std::string_view(text).substr(tokens[q].begin, tokens[q].end + 1 - tokens[q].begin);
                for (const NameEntry& e : gazetteer.lookup(spelled)) {
                    if (e.kind == NameKind::Abbreviation && gazetteer.place(e.place).kind == PlaceKind::Admin1) entries.push_back(e);
                }
                if (!entries.empty()) {
                    RawMention m;
                    m.first = m.last = q;
                    m.key = Gazetteer::normalise(spelled);
                    m.entries = entries;
                    if (next_is_q && kept[i + 1].last == q) replaced[i + 1] = true;
                    added.push_back(std::move(m));
                }
            }
            if (entries.empty() && next_is_q) entries = kept[i + 1].entries;
            for (const NameEntry& e : entries) {
                const Place& p = gazetteer.place(e.place);
                if (p.kind == PlaceKind::Admin1) {
                    qualifiers[i] = {p.country, p.admin1};
                    break;
                }
                if (p.kind == PlaceKind::Country) qualifiers[i] = {p.country, ""};
            }
        }
        // Mentions replaced by an abbreviation reading are dropped (by emptying their entries).
        for (std::size_t i = 0; i < kept.size(); ++i) {
            if (replaced[i]) kept[i].entries.clear();
        }
        for (RawMention& m : added) {
            kept.push_back(std::move(m));
            kept_weak.push_back(false);
            qualifiers.push_back({});
        }
        // Keep text order.
        std::vector<std::size_t> order(kept.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return kept[a].first < kept[b].first; });
        std::vector<RawMention> sorted;
        std::vector<bool> sorted_weak;
        std::vector<Qualifier> sorted_q;
        for (std::size_t i : order) {
            if (kept[i].entries.empty()) continue;
            sorted.push_back(std::move(kept[i]));
            sorted_weak.push_back(kept_weak[i]);
            sorted_q.push_back(qualifiers[i]);
        }
        kept = std::move(sorted);
        kept_weak = std::move(sorted_weak);
        qualifiers = std::move(sorted_q);
    }

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
        g.weak = g.weak && kept_weak[i];
        if (!qualifiers[i].country.empty() && g.qualifier_country.empty()) {
            g.qualifier_country = qualifiers[i].country;
            g.qualifier_admin1 = qualifiers[i].admin1;
        }
        mention_group[i] = it->second;
    }

    // Priors, qualifiers and the city-over-province rule.
    std::string name_scratch;
    for (Group& g : groups) {
        if (!g.qualifier_country.empty()) {
            std::vector<std::uint32_t> inside;
            for (std::uint32_t c : g.candidates) {
                const Place& p = gazetteer.place(c);
                if (p.country == g.qualifier_country && (g.qualifier_admin1.empty() || p.admin1 == g.qualifier_admin1) &&
                    p.kind != PlaceKind::Admin1 && p.kind != PlaceKind::Country) {
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
        drop_group[gi] = g.score[b] - g.base[b] < 0.15 - 1e-9;
    }

    // Output: places in order of first mention.
    Extraction result;
    std::vector<std::size_t> place_of_group(groups.size(), static_cast<std::size_t>(-1));
    // Two names of one place ("Panjshir Valley", "Panjshir") make one resolved place.
    std::unordered_map<std::uint32_t, std::size_t> place_of_index;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const std::size_t gi = mention_group[i];
        if (drop_group[gi]) continue;
        Group& g = groups[gi];
        const RawMention& m = kept[i];
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
        out.byte_start = tokens[m.first].begin;
        // An abbreviation qualifier ("Va.") keeps its period.
        out.byte_end = tokens[m.last].end;
        if (!m.key.empty() && m.key.back() == '.' && !tokens[m.last].dotted && out.byte_end < doc.text().size() &&
            doc.text()[out.byte_end] == '.') {
            ++out.byte_end;
        }
        out.start = doc.byteToCodePoint(out.byte_start);
        out.end = doc.byteToCodePoint(out.byte_end);
        out.text = doc.slice(out.byte_start, out.byte_end);
        out.kind = m.demonym ? MentionKind::Demonym : MentionKind::Toponym;
        out.passage = tokens[m.first].passage;
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
                         std::size_t piece_bytes) {
    const std::vector<Passage>& passages = doc.passages();
    const std::size_t total_bytes = passages.empty() ? 0 : passages.back().byte_end;
    ExtractionMerger merger;
    std::size_t first = 0;
    while (first < passages.size()) {
        if (progress && !progress(static_cast<double>(passages[first].byte_start) / static_cast<double>(total_bytes))) {
            throw Cancelled();
        }
        // A piece ends at the first passage end at or after piece_bytes from its start.
        std::size_t end = first + 1;
        while (end < passages.size() && passages[end - 1].byte_end - passages[first].byte_start < piece_bytes) ++end;
        if (first == 0 && end == passages.size()) return extractRange(doc, gazetteer, 0, end);
        merger.add(extractRange(doc, gazetteer, first, end));
        first = end;
    }
    if (progress) progress(1.0);
    return merger.take();
}

}  // namespace geo
