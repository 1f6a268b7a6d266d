// geo/extraction/tokenizer.hpp — splits a document's passages into the tokens recognition reads:
// words (geo/text/unicode's one definition of a word) and initials, each with its normalised form,
// capitalisation, sentence start, possessive, what separates it from the next word and its word-list
// bits. Does not look anything up in the gazetteer.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geo/extraction/word_lists.hpp"
#include "geo/text.hpp"

namespace geo::extract {

// What separates a word from the next: one space, one hyphen, ". " after a word, ", ", or anything
// else (a line break, other punctuation, the end of the passage).
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

inline bool inList(const Token& t, WordList list) { return (t.lists & list) != 0; }

// Splits passages [first_passage, end_passage) of the document into tokens; their normalised forms
// are written to `arena`, which must outlive the tokens and not change after this call. Only the
// bytes [byte_begin, byte_end) of those passages are read (a long passage is read in parts, each
// starting as a passage starts: its first word starts a sentence).
std::vector<Token> tokenise(const Document& doc, std::size_t first_passage, std::size_t end_passage,
                            std::string& arena, std::size_t byte_begin = 0,
                            std::size_t byte_end = static_cast<std::size_t>(-1));

}  // namespace geo::extract
