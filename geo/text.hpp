// geo/text.hpp — a text document: validated UTF-8, split into passages, with code-point and byte
// offsets. Does not find places (recognizer.hpp) and does not read anything but UTF-8.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// A passage is a paragraph. Texts come in two shapes, and the rule follows the shape:
//  - if the text has a blank line (only whitespace) between two non-blank lines, it is hard-wrapped
//    or paragraph-separated, and a passage is a maximal run of non-blank lines;
//  - otherwise (one paragraph per line, as news sites and word processors export), each non-blank
//    line is its own passage.
// Offsets are half-open [start, end), in Unicode code points (start/end) and UTF-8 bytes
// (byte_start/byte_end) into Document::text(). Leading/trailing whitespace of the passage is excluded.
struct Passage {
    std::size_t index = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
};

// Which passage rule Document::fromString applies: Auto picks one from the text as described
// above; Paragraphs and Lines force one (a reader that hands over a long text in pieces decides the
// rule once for the whole text, since one piece alone may hold no blank line).
enum class PassageRule { Auto, Paragraphs, Lines };

class Document {
public:
    // Reads a file. Throws geo::Error naming the file for: missing file, a directory, unreadable,
    // empty (or only whitespace), binary (NUL bytes), invalid UTF-8 (with the byte offset, line and
    // column of the first bad byte). A UTF-8 BOM is dropped; a UTF-16 BOM is refused with a clear message.
    // Windows line endings are normalised to '\n'. Messages, FILE being the path:
    //   "FILE: no such file", "FILE: is a directory", "FILE: permission denied",
    //   "FILE: empty file", "FILE: binary file, not text",
    //   "FILE: UTF-16 text is not supported; save it as UTF-8",
    //   "FILE: invalid UTF-8 at byte B (line L, column C)" — B is the 0-based byte offset in the file
    //   as stored (BOM included), L and C are 1-based, C counting characters.
    static Document fromFile(const std::string& path);
    // Same checks, for text already in memory; `name` appears in error messages.
    static Document fromString(std::string utf8, const std::string& name = "<text>",
                               PassageRule rule = PassageRule::Auto);

    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    const std::vector<Passage>& passages() const { return passages_; }
    std::size_t codePointCount() const { return cp_count_; }

    // Offset conversions. Byte offsets must lie on a code-point boundary.
    std::size_t byteToCodePoint(std::size_t byte_offset) const;
    std::size_t codePointToByte(std::size_t cp_offset) const;
    // Index of the passage holding this byte offset, or npos if it falls between passages.
    std::size_t passageAtByte(std::size_t byte_offset) const;
    // The text of [byte_start, byte_end).
    std::string slice(std::size_t byte_start, std::size_t byte_end) const {
        return text_.substr(byte_start, byte_end - byte_start);
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    Document() = default;
    std::string name_;
    std::string text_;
    std::vector<Passage> passages_;
    std::size_t cp_count_ = 0;
    // Code-point offset at each 64-byte block start, for O(1)-ish byte→code-point conversion.
    std::vector<std::size_t> block_cp_;
};

// Where a piece of a long text may end inside a passage too long for one piece: the start of a run
// of whitespace (Document's: ASCII blanks and line breaks, U+00A0, U+FEFF) that begins in [from, to)
// of `text` (valid UTF-8) right after a non-white character. The run separates the two pieces. In
// order of preference, the first run that
//  1. follows a sentence end: "!" or "?", or "." after a word of four or more letters or one
//     starting lower-case (not "St.", "Mt.", "U.S.": names go on past those), with closing quotes
//     or brackets after it, and is not followed by a lower-case letter;
//  2. lies between two words that both start with a lower-case ASCII letter (a place name starts
//     capitalised and has lower-case words only as connectors or a last feature word, so at most a
//     name with two lower-case words in a row, "Bay of the Isles", is cut there);
//  3. is any run.
// Returns npos if no run begins in [from, to). Cutting at 3 may split a name of several words
// ("New | York"), a "Place, Region" qualifier or a list; the pieces then read the parts alone.
std::size_t cutInsidePassage(std::string_view text, std::size_t from, std::size_t to);

// Byte length of the whitespace character (as above) at byte `pos` of `text`, 0 if there is none.
std::size_t passageWhitespaceAt(std::string_view text, std::size_t pos);

// Validates UTF-8; returns the byte offset of the first invalid sequence or npos if valid.
// Overlong forms, surrogates (U+D800–U+DFFF) and code points above U+10FFFF are invalid.
std::size_t firstInvalidUtf8(const std::string& bytes);

// Decodes the code point starting at byte `pos` of valid UTF-8 and moves `pos` past it.
// Returns U+FFFD (and moves one byte) on a malformed sequence.
char32_t nextCodePoint(std::string_view utf8, std::size_t& pos);

// True for upper-case letters: ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional.
bool isUpperLatin(char32_t cp);

}  // namespace geo
