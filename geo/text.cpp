#include "geo/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "geo/error.hpp"

namespace geo {
namespace {

constexpr std::size_t kBlockBytes = 64;

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at `pos`, or 0 if it is invalid (RFC 3629 table 3-7).
std::size_t validSequenceLength(const std::string& bytes, std::size_t pos) {
    const auto at = [&](std::size_t i) -> unsigned char {
        return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0;
    };
    const unsigned char b0 = at(pos);
    if (b0 < 0x80) return 1;
    const auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
    const unsigned char b1 = at(pos + 1);
    if (in(b0, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
    const unsigned char b2 = at(pos + 2);
    if (b0 == 0xE0) return in(b1, 0xA0, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;  // no overlongs
    if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (b0 == 0xED) return in(b1, 0x80, 0x9F) && in(b2, 0x80, 0xBF) ? 3 : 0;  // no surrogates
    const unsigned char b3 = at(pos + 3);
    if (b0 == 0xF0) return in(b1, 0x90, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (in(b0, 0xF1, 0xF3)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (b0 == 0xF4) return in(b1, 0x80, 0x8F) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;  // ≤ U+10FFFF
    return 0;  // C0, C1 (overlong 2-byte), F5–FF, or a stray continuation byte
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// True if [begin, end) holds only whitespace (ASCII blanks, U+00A0, U+FEFF).
bool onlyWhitespace(const std::string& text, std::size_t begin, std::size_t end) {
    std::size_t pos = begin;
    while (pos < end) {
        if (isBlank(text[pos])) {
            ++pos;
            continue;
        }
        const char32_t cp = nextCodePoint(text, pos);
        if (cp != 0x00A0 && cp != 0xFEFF) return false;
    }
    return true;
}

[[noreturn]] void fail(const std::string& name, const std::string& problem, ErrorKind kind = ErrorKind::InvalidInput) {
    throw Error(kind, name + ": " + problem);
}

}  // namespace

std::size_t firstInvalidUtf8(const std::string& bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        // ASCII fast path: most text is ASCII.
        if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t len = validSequenceLength(bytes, pos);
        if (len == 0) return pos;
        pos += len;
    }
    return Document::npos;
}

char32_t nextCodePoint(std::string_view utf8, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(utf8[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || pos + len > utf8.size()) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(utf8[pos + i]);
        if (!isContinuation(b)) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    pos += len;
    return cp;
}

bool isUpperLatin(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    // One flag per code point, 'U' for Lu; generated from Python's unicodedata.category.
    static constexpr const char kUpper00C0[] =
        "UUUUUUUUUUUUUUUUUUUUUUU-UUUUUUU---------------------------------U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-"
        "U-U-U-U-U-U-U-U-U-U-U-U--U-U-U-U-U-U-U-U--U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-UU-U-U--"
        "-UU-U-UU-UUU--UUUU-UU-UUU---UU-UU-U-U-UU-U--U-UU-UUU-U-UU---U-------U--U--U--U-U-U-U-U-U-U-U--U-"
        "U-U-U-U-U-U-U-U--U--U-UUU-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-------UU-UU-"
        "-U-UUUU-U-U-U-U-";
    static constexpr const char kUpper1E00[] =
        "U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-"
        "U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U---------U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-"
        "U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-U-";
    if (cp >= 0xC0 && cp < 0x250) return kUpper00C0[cp - 0xC0] == 'U';
    if (cp >= 0x1E00 && cp < 0x1F00) return kUpper1E00[cp - 0x1E00] == 'U';
    return false;
}

Document Document::fromFile(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) fail(path, "no such file");
    if (status.type() == fs::file_type::directory) fail(path, "is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == EACCES) fail(path, "permission denied", ErrorKind::Io);
        if (ec) fail(path, ec.message(), ErrorKind::Io);
        fail(path, std::strerror(errno), ErrorKind::Io);
    }
    // Block by block, refusing binary at its first NUL byte as fromString() would (after the UTF-16
    // check): a device such as /dev/zero never ends and must not fill the memory first.
    constexpr std::size_t kReadBlock = 1 << 20;
    std::string bytes;
    if (status.type() == fs::file_type::regular) {
        // One allocation: the last block's read reaches past the end of the file.
        const auto size = fs::file_size(path, ec);
        if (!ec) bytes.reserve(static_cast<std::size_t>(size) + kReadBlock);
    }
    std::size_t checked = 0;
    while (in) {
        const std::size_t old_size = bytes.size();
        bytes.resize(old_size + kReadBlock);
        in.read(bytes.data() + old_size, static_cast<std::streamsize>(kReadBlock));
        bytes.resize(old_size + static_cast<std::size_t>(in.gcount()));
        if (bytes.size() < 2 && in) continue;
        const bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                                 (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
        if (!utf16 && bytes.find('\0', checked) != std::string::npos) fail(path, "binary file, not text");
        checked = bytes.size();
        if (utf16) break;  // fromString() refuses it; the rest need not be read
    }
    if (in.bad()) fail(path, "read error", ErrorKind::Io);
    return fromString(std::move(bytes), path);
}

Document Document::fromString(std::string utf8, const std::string& name, PassageRule rule) {
    // UTF-16 first: its NUL bytes would otherwise be reported as "binary".
    if (utf8.size() >= 2 && ((utf8[0] == '\xFF' && utf8[1] == '\xFE') || (utf8[0] == '\xFE' && utf8[1] == '\xFF'))) {
        fail(name, "UTF-16 text is not supported; save it as UTF-8");
    }
    if (utf8.find('\0') != std::string::npos) fail(name, "binary file, not text");

    if (const std::size_t bad = firstInvalidUtf8(utf8); bad != npos) {
        std::size_t line = 1, column = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < bad; ++i) {
            if (utf8[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        for (std::size_t i = line_start; i < bad; ++i) {
            if (!isContinuation(static_cast<unsigned char>(utf8[i]))) ++column;
        }
        // The BOM is not a character a user sees on line 1.
        if (line == 1 && utf8.compare(0, 3, "\xEF\xBB\xBF") == 0 && bad >= 3) --column;
        fail(name, "invalid UTF-8 at byte " + std::to_string(bad) + " (line " + std::to_string(line) +
                       ", column " + std::to_string(column) + ")");
    }
    if (utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) utf8.erase(0, 3);

    // CRLF and lone CR → LF, in place.
    std::size_t out = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '\r') {
            utf8[out++] = '\n';
            if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
        } else {
            utf8[out++] = utf8[i];
        }
    }
    utf8.resize(out);
    if (onlyWhitespace(utf8, 0, utf8.size())) fail(name, "empty file");

    Document doc;
    doc.name_ = name;
    doc.text_ = std::move(utf8);
    const std::string& text = doc.text_;

    // Code-point index: the count of code points before each 64-byte block.
    doc.block_cp_.reserve(text.size() / kBlockBytes + 1);
    std::size_t cps = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kBlockBytes == 0) doc.block_cp_.push_back(cps);
        if (!isContinuation(static_cast<unsigned char>(text[i]))) ++cps;
    }
    doc.cp_count_ = cps;

    // Lines as [begin, end) byte ranges, flagged blank or not.
    struct Line {
        std::size_t begin, end;
        bool blank;
    };
    std::vector<Line> lines;
    for (std::size_t begin = 0; begin <= text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        lines.push_back({begin, end, onlyWhitespace(text, begin, end)});
        begin = end + 1;
    }
    // Paragraph mode if a blank line separates two non-blank lines.
    bool paragraph_mode = rule == PassageRule::Paragraphs;
    if (rule == PassageRule::Auto) {
        bool seen_text = false, blank_after_text = false;
        for (const Line& line : lines) {
            if (line.blank) {
                if (seen_text) blank_after_text = true;
            } else {
                if (blank_after_text) paragraph_mode = true;
                seen_text = true;
            }
        }
    }
    const auto addPassage = [&doc, &text](std::size_t begin, std::size_t end) {
        // Trim whitespace (ASCII blanks and no-break spaces) on both ends.
        while (begin < end) {
            std::size_t next = begin;
            const char32_t cp = nextCodePoint(text, next);
            if (!(cp < 0x80 && isBlank(static_cast<char>(cp))) && cp != 0x00A0 && cp != 0xFEFF) break;
            begin = next;
        }
        while (end > begin) {
            std::size_t start = end - 1;
            while (start > begin && isContinuation(static_cast<unsigned char>(text[start]))) --start;
            std::size_t next = start;
            const char32_t cp = nextCodePoint(text, next);
            if (!(cp < 0x80 && isBlank(static_cast<char>(cp))) && cp != 0x00A0 && cp != 0xFEFF) break;
            end = start;
        }
        Passage p;
        p.index = doc.passages_.size();
        p.byte_start = begin;
        p.byte_end = end;
        p.start = doc.byteToCodePoint(begin);
        p.end = doc.byteToCodePoint(end);
        doc.passages_.push_back(p);
    };
    if (paragraph_mode) {
        std::size_t i = 0;
        while (i < lines.size()) {
            if (lines[i].blank) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j + 1 < lines.size() && !lines[j + 1].blank) ++j;
            addPassage(lines[i].begin, lines[j].end);
            i = j + 1;
        }
    } else {
        for (const Line& line : lines) {
            if (!line.blank) addPassage(line.begin, line.end);
        }
    }
    return doc;
}

std::size_t passageWhitespaceAt(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return 0;
    if (isBlank(text[pos])) return 1;
    if (text.substr(pos, 2) == "\xC2\xA0") return 2;
    if (text.substr(pos, 3) == "\xEF\xBB\xBF") return 3;
    return 0;
}

namespace {

// True if the character ending right before byte `pos` is whitespace (passageWhitespaceAt's).
bool whitespaceBefore(std::string_view text, std::size_t pos) {
    if (pos == 0) return false;
    if (isBlank(text[pos - 1])) return true;
    if (pos >= 2 && text.substr(pos - 2, 2) == "\xC2\xA0") return true;
    return pos >= 3 && text.substr(pos - 3, 3) == "\xEF\xBB\xBF";
}

bool isLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
// A byte of a letter for the look back over a word: ASCII letters and any byte of a multi-byte
// character (most of which are letters; the look back only tells sentence ends from abbreviations).
bool isWordByte(char c) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

// Whether the non-white character ending at `end` (exclusive) ends a sentence: [.!?] with closing
// quotes or brackets after it, a "." only after a word of four or more letters or a lower-case one.
bool endsSentence(std::string_view text, std::size_t end) {
    std::size_t p = end;
    // Closing quotes and brackets: " ' ) ] ” ’ (at most a few).
    for (int i = 0; i < 4 && p > 0; ++i) {
        const char c = text[p - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            --p;
        } else if (p >= 3 && (text.substr(p - 3, 3) == "\xE2\x80\x9D" || text.substr(p - 3, 3) == "\xE2\x80\x99")) {
            p -= 3;
        } else {
            break;
        }
    }
    if (p == 0) return false;
    const char mark = text[p - 1];
    if (mark == '!' || mark == '?') return true;
    if (mark != '.') return false;
    std::size_t word = p - 1;
    while (word > 0 && p - 1 - word < 64 && isWordByte(text[word - 1])) --word;
    const std::size_t letters = p - 1 - word;
    if (letters == 0 || (word > 0 && text[word - 1] == '.')) return false;  // "..", "U.S."
    return letters >= 4 || isLowerAscii(text[word]);
}

}  // namespace

std::size_t cutInsidePassage(std::string_view text, std::size_t from, std::size_t to) {
    to = std::min(to, text.size());
    std::size_t lower_words = Document::npos, any = Document::npos;
    for (std::size_t pos = std::max<std::size_t>(from, 1); pos < to; ++pos) {
        const std::size_t length = passageWhitespaceAt(text, pos);
        if (length == 0 || whitespaceBefore(text, pos)) continue;
        // A run starts here, after a non-white character. What follows it (if it ends in `text`)?
        std::size_t after = pos + length;
        while (after < text.size()) {
            const std::size_t more = passageWhitespaceAt(text, after);
            if (more == 0) break;
            after += more;
        }
        const bool lower_after = after < text.size() && isLowerAscii(text[after]);
        if (!lower_after && endsSentence(text, pos)) return pos;
        if (any == Document::npos) any = pos;
        if (lower_words == Document::npos && lower_after) {
            std::size_t word = pos;
            while (word > 0 && pos - word < 64 && isWordByte(text[word - 1])) --word;
            if (word < pos && isLowerAscii(text[word])) lower_words = pos;
        }
        pos = after - 1;  // the run's own characters start no run
    }
    return lower_words != Document::npos ? lower_words : any;
}

std::size_t Document::byteToCodePoint(std::size_t byte_offset) const {
    if (byte_offset >= text_.size()) {
        if (byte_offset == text_.size()) return cp_count_;
        throw Error(ErrorKind::InvalidInput, name_ + ": byte offset " + std::to_string(byte_offset) +
                                                 " is past the end of the text");
    }
    const std::size_t block = byte_offset / kBlockBytes;
    std::size_t cp = block_cp_[block];
    for (std::size_t i = block * kBlockBytes; i < byte_offset; ++i) {
        if (!isContinuation(static_cast<unsigned char>(text_[i]))) ++cp;
    }
    return cp;
}

std::size_t Document::codePointToByte(std::size_t cp_offset) const {
    if (cp_offset >= cp_count_) {
        if (cp_offset == cp_count_) return text_.size();
        throw Error(ErrorKind::InvalidInput, name_ + ": code-point offset " + std::to_string(cp_offset) +
                                                 " is past the end of the text");
    }
    // Last block that starts at or before the wanted code point.
    const auto it = std::upper_bound(block_cp_.begin(), block_cp_.end(), cp_offset);
    std::size_t block = static_cast<std::size_t>(it - block_cp_.begin()) - 1;
    std::size_t cp = block_cp_[block];
    for (std::size_t i = block * kBlockBytes; i < text_.size(); ++i) {
        if (isContinuation(static_cast<unsigned char>(text_[i]))) continue;
        if (cp == cp_offset) return i;
        ++cp;
    }
    return text_.size();
}

std::size_t Document::passageAtByte(std::size_t byte_offset) const {
    const auto it = std::upper_bound(passages_.begin(), passages_.end(), byte_offset,
                                     [](std::size_t b, const Passage& p) { return b < p.byte_start; });
    if (it == passages_.begin()) return npos;
    const Passage& p = *(it - 1);
    return byte_offset < p.byte_end ? p.index : npos;
}

}  // namespace geo
