#include "geo/text/unicode.hpp"

namespace geo::text {

std::size_t previousCodePointStart(std::string_view utf8, std::size_t pos) {
    do {
        --pos;
    } while (pos > 0 && (static_cast<unsigned char>(utf8[pos]) & 0xC0) == 0x80);
    return pos;
}

std::size_t wordEnd(std::string_view utf8, std::size_t begin, std::size_t limit) {
    std::size_t pos = begin;
    while (pos < limit) {
        std::size_t after = pos;
        const char32_t c = decode(utf8, after);
        if (isWordChar(c)) {
            pos = after;
            continue;
        }
        if (isApostrophe(c) && pos > begin && after < limit) {
            std::size_t next = after;
            if (isWordChar(decode(utf8, next))) {
                pos = next;
                continue;
            }
        }
        break;
    }
    return pos;
}

std::size_t initialsEnd(std::string_view utf8, std::size_t begin, std::size_t limit) {
    std::size_t p = begin;
    int pairs = 0;
    while (p + 1 < limit && isAsciiLetter(static_cast<unsigned char>(utf8[p])) && utf8[p + 1] == '.') {
        p += 2;
        ++pairs;
    }
    if (pairs < 2) return begin;
    std::size_t after = p;
    if (p < limit && isWordChar(decode(utf8, after))) return begin;
    return p;
}

std::size_t possessiveStart(std::string_view utf8, std::size_t begin, std::size_t end) {
    if (end <= begin) return end;
    const std::size_t last = previousCodePointStart(utf8, end);
    if (last <= begin || utf8[last] != 's') return end;
    const std::size_t apostrophe = previousCodePointStart(utf8, last);
    if (apostrophe <= begin) return end;
    std::size_t after = apostrophe;
    return isApostrophe(decode(utf8, after)) ? apostrophe : end;
}

WordSpan wordAt(std::string_view utf8, std::size_t byte) {
    if (byte >= utf8.size()) return {byte, byte};
    std::size_t at = byte;
    while (at > 0 && (static_cast<unsigned char>(utf8[at]) & 0xC0) == 0x80) --at;
    // Back to a point outside any word (over word characters, apostrophes and periods), then read
    // words forward by the one rule, as the tokeniser does, until the one holding `at`.
    std::size_t begin = at;
    while (begin > 0) {
        const std::size_t before = previousCodePointStart(utf8, begin);
        std::size_t p = before;
        const char32_t c = decode(utf8, p);
        if (!isWordChar(c) && !isApostrophe(c) && c != '.') break;
        begin = before;
    }
    for (std::size_t pos = begin; pos <= at;) {
        std::size_t next = pos;
        if (!isWordChar(decode(utf8, next))) {
            pos = next;
            continue;
        }
        std::size_t end = initialsEnd(utf8, pos, utf8.size());
        if (end == pos) end = wordEnd(utf8, pos, utf8.size());
        if (at < end) return {pos, end};
        pos = end;
    }
    return {byte, byte};
}

}  // namespace geo::text
