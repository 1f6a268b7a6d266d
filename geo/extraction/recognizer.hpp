// geo/extraction/recognizer.hpp — finds the spans of a text that name places (recognition): the
// longest gazetteer name starting on a capitalised word, with the rules that drop organisations,
// people, months and ordinary words, and "Place, Region" qualifiers. Each recognised mention keeps
// every gazetteer entry its spelling may mean; choosing one is the resolver's job (resolver.hpp).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "geo/extraction/tokenizer.hpp"
#include "geo/gazetteer.hpp"
#include "geo/text.hpp"

namespace geo::extract {

struct RecognisedMention {
    std::size_t first = 0;           // token range [first, last]
    std::size_t last = 0;
    std::size_t byte_start = 0;      // the span in the document's bytes, half-open
    std::size_t byte_end = 0;
    std::size_t passage = 0;
    std::string key;                 // normalised name (Gazetteer::normalise)
    std::vector<NameEntry> entries;  // gazetteer entries allowed for this spelling
    bool demonym = false;            // a demonym ("Afghan"), not a name
    bool weak = false;               // kept only if the rest of the document supports it
    std::string qualifier_country;   // "Rome, Georgia", "Alexandria, Va.": restricts the candidates
    std::string qualifier_admin1;
    std::size_t list = 0;            // names listed together ("Indianapolis and Columbus") share a number; 0: none
};

// Recognition over the tokens of a document (tokenise()), in text order.
//
// Spans start at a capitalised word and take the longest gazetteer name within a passage ("Panjshir
// Valley" before "Panjshir"); lower-case connectors ("de", "i", "of") only inside a name that exists
// whole, a lower-case feature word ("valley", "river") only at its end. A possessive "'s"/"’s" is left
// out of the mention. Initials ("U.S.") and short all-caps words ("US") match only abbreviations;
// demonyms ("Afghan", "Afghans", also inside "Soviet-Afghan") make demonym mentions. Dropped: a name
// followed by an organisation word ("Washington Post", "Texas Instruments", "Kabul University"); a
// name after a person's title, before "said", or beside another capitalised name when it is a common
// personal name ("George Washington"); months and common capitalised words ("March", "Still",
// "Twin"); an ordinary English word opening a sentence ("Reading", "Nice"). Small towns (< 5,000
// people, or < 100,000 for ordinary words) are weak. Dropped as people: a word the text elsewhere
// uses in a person's name (after a title or a common given name, beside "said", before an age:
// "Rev. Roy Jones" … "Jones") when it is no more than a town; a place before a local institution
// ("Paris High School") stays a place. "Place, Region" ("Alexandria, Va.") sets the qualifier;
// names one after another apart by commas, "and" or "or" are marked as a list. A country's name
// after a lower-case "the" keeps only its river senses where it has some ("joins the Niger"; the
// Congo aside, whose name takes "the").
//
// Feature names the gazetteer lacks: a kept name (not a demonym) is the inner name of a feature when
// one space, in its passage, parts it from a capitalised generic head word after it ("Pasig River",
// "Santa Clara Valley", "Danube Delta", "Panama Canal"; a list in word_lists.cpp), with "National" or
// "International" between for a park, airport or forest ("Da Nang International Airport"), or when
// "Lake", "Mount" or "Mt." stands right before it ("Lake Hartwell", "Mt. Hood"), or "Gulf of", "Bay
// of", "Sea of", "Strait of", "Isle of" ("Bay of Bengal"). The mention then spans the whole feature
// name and keeps the inner name's senses, those of the head's class only when it has some (as for
// "the Indus valley": "Ural Mountains" prefers a feature or region to a town named Ural); the
// feature is placed where its inner name resolves, and a weak inner name (a small town named like a
// word) stays weak; so does one with no sense of the head's class and none below a country of
// 100,000 people ("Ross Island" is not Ross', a town in Belarus, nor "Denmark Strait" Denmark,
// unless the text's other places lie near it). The rules above judge the inner name first, as before. The mention's place is
// the inner name's gazetteer entry ("Pasig River" links to Pasig City when no river Pasig is known):
// a resolved place is a copy of a gazetteer entry, merged and corrected by its id, so no feature
// place is made up. Mentions inside the whole name ("Delta" in "Danube Delta") give way to it.
// Not extended: when the whole name is in the gazetteer (the longest match takes it); in a compound
// word ("a Jordan Valley-style clinic"); when another capitalised word follows the whole name, which
// then names something else: a street ("Lincoln Park Avenue"), a team ("Missouri Valley Blazers"),
// an office ("Pasig River Rehabilitation Commission"); when that word is an organisation word
// ("Missouri Valley College") the inner name is dropped, as with "Washington Post".
std::vector<RecognisedMention> recognise(const Document& doc, const Gazetteer& gazetteer, const std::vector<Token>& tokens);

}  // namespace geo::extract
