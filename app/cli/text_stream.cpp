#include "app/cli/text_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <utility>

#include "geo/error.hpp"

namespace app::cli {
namespace {

[[noreturn]] void fail(const std::string& name, const std::string& problem,
                       geo::ErrorKind kind = geo::ErrorKind::InvalidInput) {
    throw geo::Error(kind, name + ": " + problem);
}

bool isUtf16Bom(const std::string& head) {
    return head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF'));
}

// geo::Document::fromString's checks, fed block by block: the same verdicts in the same order
// (UTF-16, binary, invalid UTF-8 with its place, empty) and the passage rule it would pick.
class TextCheck {
public:
    explicit TextCheck(const std::string& name) : name_(name) {}

    // False once the verdict is known without the rest (a NUL byte: binary).
    bool feed(const char* data, std::size_t size) {
        if (head_.size() < 3) head_.append(data, std::min(size, 3 - head_.size()));
        if (std::memchr(data, '\0', size) != nullptr) {
            nul_ = true;
            return false;
        }
        if (invalid_) return true;  // only a NUL byte can change the verdict now
        for (std::size_t i = 0; i < size && !invalid_; ++i) byte(static_cast<unsigned char>(data[i]));
        return true;
    }

    // Throws geo::Error as geo::Document::fromString would; otherwise the passage rule.
    geo::PassageRule finish() {
        if (isUtf16Bom(head_)) fail(name_, "UTF-16 text is not supported; save it as UTF-8");
        if (nul_) fail(name_, "binary file, not text");
        if (need_ > 0 && !invalid_) invalidAt(seq_start_, seq_line_, seq_column_);
        if (invalid_) {
            std::size_t column = bad_column_;
            // The BOM is not a character a user sees on line 1.
            if (bad_line_ == 1 && head_.compare(0, 3, "\xEF\xBB\xBF") == 0 && bad_byte_ >= 3) --column;
            fail(name_, "invalid UTF-8 at byte " + std::to_string(bad_byte_) + " (line " + std::to_string(bad_line_) +
                            ", column " + std::to_string(column) + ")");
        }
        endLine();
        if (!any_text_) fail(name_, "empty file");
        return paragraphs_ ? geo::PassageRule::Paragraphs : geo::PassageRule::Lines;
    }

private:
    // One byte through a UTF-8 decoder with RFC 3629's ranges (as geo::firstInvalidUtf8).
    void byte(unsigned char b) {
        if (need_ == 0) {
            seq_start_ = offset_;
            seq_line_ = line_;
            seq_column_ = column_;
            lo_ = 0x80;
            hi_ = 0xBF;
            if (b < 0x80) codePoint(b);
            else if (b >= 0xC2 && b <= 0xDF) start(1, b & 0x1F);
            else if (b == 0xE0) start(2, 0x00, 0xA0);                        // no overlongs
            else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) start(2, b & 0x0F);
            else if (b == 0xED) start(2, 0x0D, 0x80, 0x9F);                  // no surrogates
            else if (b == 0xF0) start(3, 0x00, 0x90);
            else if (b >= 0xF1 && b <= 0xF3) start(3, b & 0x07);
            else if (b == 0xF4) start(3, 0x04, 0x80, 0x8F);                  // up to U+10FFFF
            else return invalidAt(offset_, line_, column_);
        } else {
            if (b < lo_ || b > hi_) return invalidAt(seq_start_, seq_line_, seq_column_);
            lo_ = 0x80;
            hi_ = 0xBF;
            cp_ = (cp_ << 6) | (b & 0x3F);
            if (--need_ == 0) codePoint(cp_);
        }
        if (b == '\n') {
            ++line_;
            column_ = 1;
        } else if ((b & 0xC0) != 0x80) {
            ++column_;
        }
        ++offset_;
    }

    void start(int need, char32_t bits, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        need_ = need;
        cp_ = bits;
        lo_ = lo;
        hi_ = hi;
    }

    void invalidAt(std::size_t byte, std::size_t line, std::size_t column) {
        invalid_ = true;
        bad_byte_ = byte;
        bad_line_ = line;
        bad_column_ = column;
    }

    // Line breaks as Document sees them after normalising: LF, CR LF and a lone CR.
    void codePoint(char32_t cp) {
        if (pending_cr_) {
            pending_cr_ = false;
            if (cp == '\n') return;
        }
        if (cp == '\n' || cp == '\r') {
            endLine();
            pending_cr_ = cp == '\r';
            return;
        }
        if (cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0x00A0 || cp == 0xFEFF) return;
        line_text_ = true;
        any_text_ = true;
    }

    // Paragraph rule if a blank line separates two non-blank lines.
    void endLine() {
        if (!line_text_) {
            if (seen_text_) blank_after_text_ = true;
        } else {
            if (blank_after_text_) paragraphs_ = true;
            seen_text_ = true;
        }
        line_text_ = false;
    }

    const std::string& name_;
    std::string head_;  // the first three bytes (BOMs)
    bool nul_ = false;
    // The decoder.
    std::size_t offset_ = 0;
    std::size_t line_ = 1, column_ = 1;  // of the next byte: '\n' count + 1, non-continuation bytes + 1
    int need_ = 0;
    char32_t cp_ = 0;
    unsigned char lo_ = 0x80, hi_ = 0xBF;
    std::size_t seq_start_ = 0, seq_line_ = 1, seq_column_ = 1;
    bool invalid_ = false;
    std::size_t bad_byte_ = 0, bad_line_ = 0, bad_column_ = 0;
    // Lines and passages.
    bool pending_cr_ = false;
    bool line_text_ = false, seen_text_ = false, blank_after_text_ = false, paragraphs_ = false, any_text_ = false;
};

// Bytes of the whitespace character at `pos` (ASCII blank, U+00A0, U+FEFF), 0 if it is none.
std::size_t whitespaceLength(const std::string& text, std::size_t pos) {
    const char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
    if (text.compare(pos, 2, "\xC2\xA0") == 0) return 2;
    if (text.compare(pos, 3, "\xEF\xBB\xBF") == 0) return 3;
    return 0;
}

// The same, line breaks included.
std::size_t whiteLength(const std::string& text, std::size_t pos) {
    return text[pos] == '\n' || text[pos] == '\r' ? 1 : whitespaceLength(text, pos);
}

// True if the character ending right before byte `pos` of `text` is whitespace (as whiteLength).
bool whitespaceBefore(const std::string& text, std::size_t pos) {
    if (pos == 0) return false;
    const char c = text[pos - 1];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\n' || c == '\r') return true;
    if (pos >= 2 && text.compare(pos - 2, 2, "\xC2\xA0") == 0) return true;
    return pos >= 3 && text.compare(pos - 3, 3, "\xEF\xBB\xBF") == 0;
}

std::size_t whitespaceLengthBefore(const std::string& text, std::size_t pos) {
    const char c = text[pos - 1];
    if (c == '\xA0') return 2;
    if (c == '\xBF') return 3;
    return 1;
}

}  // namespace

TextStream TextStream::open(const std::string& path, std::size_t piece_bytes, std::size_t cut_slack_bytes) {
    namespace fs = std::filesystem;
    // The same checks and messages as geo::Document::fromFile.
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) fail(path, "no such file");
    if (status.type() == fs::file_type::directory) fail(path, "is a directory");
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) {
        if (errno == EACCES) fail(path, "permission denied", geo::ErrorKind::Io);
        if (ec) fail(path, ec.message(), geo::ErrorKind::Io);
        fail(path, std::strerror(errno), geo::ErrorKind::Io);
    }
    TextStream stream;
    stream.name_ = path;
    stream.piece_bytes_ = std::max<std::size_t>(piece_bytes, 1);
    stream.cut_slack_bytes_ = std::max<std::size_t>(cut_slack_bytes, 1);
    TextCheck check(path);
    std::string block(kReadBytes, '\0');
    const bool regular = status.type() == fs::file_type::regular;
    while (*file) {
        file->read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto got = static_cast<std::size_t>(file->gcount());
        if (!regular) stream.memory_.append(block.data(), got);
        if (!check.feed(block.data(), got)) break;
    }
    if (file->bad()) fail(path, "read error", geo::ErrorKind::Io);
    stream.rule_ = check.finish();
    if (regular) {
        file->clear();
        file->seekg(0);
        if (!*file) fail(path, "read error", geo::ErrorKind::Io);
        stream.file_ = std::move(file);
    }
    return stream;
}

TextStream TextStream::fromString(std::string bytes, const std::string& name, std::size_t piece_bytes,
                                  std::size_t read_bytes, std::size_t cut_slack_bytes) {
    TextStream stream;
    stream.name_ = name;
    stream.piece_bytes_ = std::max<std::size_t>(piece_bytes, 1);
    stream.cut_slack_bytes_ = std::max<std::size_t>(cut_slack_bytes, 1);
    stream.read_bytes_ = std::max<std::size_t>(read_bytes, 1);
    TextCheck check(name);
    check.feed(bytes.data(), bytes.size());
    stream.rule_ = check.finish();
    stream.memory_ = std::move(bytes);
    return stream;
}

void TextStream::fill() {
    if (file_) {
        const std::size_t old_size = buffer_.size();
        buffer_.resize(old_size + read_bytes_);
        file_->read(buffer_.data() + old_size, static_cast<std::streamsize>(read_bytes_));
        buffer_.resize(old_size + static_cast<std::size_t>(file_->gcount()));
        if (file_->bad()) fail(name_, "read error", geo::ErrorKind::Io);
        at_end_ = !*file_;
        return;
    }
    const std::size_t n = std::min(read_bytes_, memory_.size() - memory_pos_);
    buffer_.append(memory_, memory_pos_, n);
    memory_pos_ += n;
    at_end_ = memory_pos_ == memory_.size();
}

std::size_t TextStream::findCut(std::size_t min_pos) const {
    const std::string& text = buffer_;
    bool text_before = false;      // a non-blank line ended before this one (the piece is not blank)
    bool previous_blank = false;   // the line before this one is blank
    bool line_text = false;        // this line has something other than whitespace so far
    std::size_t line_start = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        if (line_text) {
            pos = text.find_first_of("\r\n", pos);
            if (pos == std::string::npos) return std::string::npos;
        }
        const char c = text[pos];
        if (c == '\n' || c == '\r') {
            // A CR at the end of what was read may be the first half of CR LF.
            if (c == '\r' && pos + 1 == text.size() && !at_end_) return std::string::npos;
            pos += (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
            text_before = text_before || line_text;
            previous_blank = !line_text;
            line_text = false;
            line_start = pos;
            continue;
        }
        // Whitespace whose bytes are not all read yet: wait for them.
        if ((c == '\xC2' && pos + 1 == text.size()) || (c == '\xEF' && pos + 2 >= text.size())) {
            if (!at_end_) return std::string::npos;
        }
        if (const std::size_t length = whitespaceLength(text, pos); length > 0) {
            pos += length;
            continue;
        }
        line_text = true;
        // A piece starting with U+FEFF would lose it as a BOM, shifting every offset after it.
        if (line_start >= min_pos && text_before && (rule_ == geo::PassageRule::Lines || previous_blank) &&
            text.compare(line_start, 3, "\xEF\xBB\xBF") != 0) {
            return line_start;
        }
    }
    return std::string::npos;
}

std::size_t TextStream::cutInside(std::size_t from) const {
    const std::string& text = buffer_;
    const std::size_t cut = geo::cutInsidePassage(text, from, from + cut_slack_bytes_);
    if (cut != std::string::npos) return cut;
    // No run of whitespace begins in the window: it lies in one (cut where that run begins, so the
    // next piece starts after all of it) or in one word longer than the window (cut it at a
    // character boundary: the two pieces read its halves as words).
    std::size_t pos = from;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    if ((pos == text.size() || whiteLength(text, pos) == 0) && !whitespaceBefore(text, pos)) return pos;
    // Back to the run's start: a non-white character lies before it (the piece does not start
    // with whitespace past `from`).
    while (whitespaceBefore(text, pos)) pos -= whitespaceLengthBefore(text, pos);
    return pos;
}

void TextStream::skipWhitespace() {
    breaks_ = 0;
    bool after_cr = false;
    std::size_t pos = 0;
    for (;;) {
        if (pos < buffer_.size()) {
            const char c = buffer_[pos];
            if (c == '\n' || c == '\r') {
                if (!(c == '\n' && after_cr)) {  // CR LF is one line break, one code point
                    ++breaks_;
                    ++code_points_;
                }
                after_cr = c == '\r';
                ++pos;
                continue;
            }
            after_cr = false;
            // U+00A0 or U+FEFF not all read yet: read on.
            const std::size_t rest = buffer_.size() - pos;
            const bool partial = !at_end_ && ((c == '\xC2' && rest < 2) ||
                                              (c == '\xEF' && rest < 3 && buffer_.compare(pos, rest, "\xEF\xBB", 0, rest) == 0));
            if (!partial) {
                const std::size_t length = whitespaceLength(buffer_, pos);
                if (length == 0) break;
                ++code_points_;
                pos += length;
                continue;
            }
        }
        if (at_end_) break;
        buffer_.erase(0, pos);
        pos = 0;
        fill();
    }
    buffer_.erase(0, pos);
}

std::optional<TextPiece> TextStream::next() {
    const bool first = first_piece_;
    first_piece_ = false;
    if (first) {
        fill();
    } else {
        // A piece starts at a non-white character: whitespace at a passage boundary is indentation,
        // after a cut inside a passage the run that separates the pieces. (Not in the first piece,
        // whose U+FEFF at the start is a BOM: no code point.)
        skipWhitespace();
    }
    // After a cut inside a passage the next piece goes on with it, unless the whitespace between
    // held a passage boundary: a line break (one passage per line) or a blank line (paragraphs).
    const bool continues = cut_inside_ && breaks_ < (rule_ == geo::PassageRule::Lines ? 1u : 2u);
    cut_inside_ = false;
    if (buffer_.empty() && at_end_) return std::nullopt;
    std::size_t want = piece_bytes_;
    std::size_t cut = std::string::npos;
    for (;;) {
        while (!at_end_ && buffer_.size() < want) fill();
        cut = findCut(piece_bytes_);
        if (cut != std::string::npos) break;
        // One passage longer than a piece: read up to cut_slack_bytes_ past the piece size (and a
        // character more, so that none is cut short at the end of what was read), then cut inside
        // it. The first piece may start with whitespace: the cut comes after its first non-white
        // character, reading on, doubling, until there is one.
        std::size_t lead = 0;
        while (lead < buffer_.size() && whiteLength(buffer_, lead) > 0) lead += whiteLength(buffer_, lead);
        if (lead < buffer_.size()) {
            const std::size_t from = std::max(piece_bytes_, lead + 1);
            const std::size_t need = from + cut_slack_bytes_ + (at_end_ ? 0 : 4);
            if (buffer_.size() >= need) {
                cut = cutInside(from);
                cut_inside_ = true;
                break;
            }
            if (!at_end_) {
                want = need;
                continue;
            }
        }
        if (at_end_) {
            cut = buffer_.size();
            break;
        }
        want = std::max(want, buffer_.size()) * 2;
    }
    std::string piece = std::move(buffer_);
    buffer_ = piece.substr(cut);
    piece.resize(cut);
    const std::size_t passage_base = continues ? passages_ - 1 : passages_;
    TextPiece out{geo::Document::fromString(std::move(piece), name_, rule_), code_points_, passage_base, continues,
                  at_end_ && buffer_.empty()};
    code_points_ += out.document.codePointCount();
    passages_ = passage_base + out.document.passages().size();
    return out;
}

}  // namespace app::cli
