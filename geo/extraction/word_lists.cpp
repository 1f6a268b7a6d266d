#include "geo/extraction/word_lists.hpp"

#include <stdexcept>
#include <unordered_set>

namespace geo::extract {
namespace {

// All lower-case; compared with the normalised token.

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

// Capitalised generic words that end the name of a geographic feature ("Pasig River", "Santa Clara
// Valley", "Danube Delta", "Da Nang International Airport"): a recognised name right before one
// is the inner name of the feature, and the mention takes the whole (recognizer.hpp).
const WordSet kFeatureHeads = {"river", "creek", "lake", "lakes", "valley", "mountains", "mountain", "hills",
                               "hill", "bay", "delta", "canal", "sea", "falls", "islands", "island",
                               "peninsula", "plateau", "gulf", "strait", "straits", "desert", "basin",
                               "range", "dam", "reservoir", "park", "airport", "glacier", "volcano",
                               "canyon", "gorge", "lagoon", "reef", "forest", "harbor", "harbour",
                               "estuary", "fjord", "heights", "plain", "plains", "highlands", "wetlands",
                               "ocean", "pass", "marsh", "swamp"};

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
// Words after a place name that make the whole a disease named after the place ("West Nile virus",
// "Reston ebolavirus", "Lassa fever", "Spanish flu"): no place is meant.
const WordSet kDiseaseWords = {"virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "disease",
                               "encephalitis", "syndrome", "strain", "variant"};

}  // namespace

WordListTable::WordListTable() {
    const std::pair<const WordSet*, WordList> lists[] = {
        {&kNeverPlaces, kListNever},        {&kCommonWords, kListCommon},
        {&kPersonalNames, kListPersonal},   {&kGivenNames, kListGiven},
        {&kPersonTitles, kListTitle},       {&kSpeechVerbs, kListSpeech},
        {&kOrganisationHeads, kListOrganisation}, {&kInstitutionWords, kListInstitution},
        {&kFeatureWords, kListFeature},     {&kConnectors, kListConnector},
        {&kPeriodAbbreviations, kListPeriodAbbreviation}, {&kLocativePrepositions, kListLocative},
        {&kDiseaseWords, kListDisease},      {&kFeatureHeads, kListFeatureHead},
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

const WordListTable& wordLists() {
    static const WordListTable table;
    return table;
}

}  // namespace geo::extract
