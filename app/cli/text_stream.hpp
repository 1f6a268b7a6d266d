// app/cli/text_stream.hpp — reads a text in pieces of whole passages, so `textatlas extract` handles
// texts far larger than memory. The pieces are geo::Documents; with the bases given beside each
// piece, their passages and offsets are those geo::Document::fromFile gives for the whole text.
// Checks the whole text first, with geo::Document's rules and messages, so nothing is written
// for a text that turns out to be bad. Does not find places (extraction.hpp does, piece by piece).
#pragma once
#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "geo/text.hpp"

namespace app::cli {

struct TextPiece {
    geo::Document document;           // offsets and passage indices relative to the piece
    std::size_t code_point_base = 0;  // code points of the text before the piece
    std::size_t passage_base = 0;     // passages before the piece
    bool last = false;                // no piece follows
};

class TextStream {
public:
    // A piece ends at the first passage boundary at or after this many bytes (the last may be shorter).
    static constexpr std::size_t kDefaultPieceBytes = std::size_t{8} << 20;
    static constexpr std::size_t kReadBytes = std::size_t{1} << 20;

    // Checks the file, then hands it out piece by piece. Throws geo::Error with the message
    // geo::Document::fromFile gives for the same file. A regular file is read twice (checked, then
    // cut); anything else (a pipe, a device) is read into memory once, stopping at its first NUL
    // byte, since it cannot be read again.
    static TextStream open(const std::string& path, std::size_t piece_bytes = kDefaultPieceBytes);
    // The same for bytes in memory; `name` appears in messages as geo::Document::fromString's does.
    // `read_bytes` is how much is taken from the input at a time (small in tests, to cut
    // everywhere a line break can fall).
    static TextStream fromString(std::string bytes, const std::string& name,
                                 std::size_t piece_bytes = kDefaultPieceBytes, std::size_t read_bytes = kReadBytes);

    // The next piece, or nothing after the last. Throws geo::Error if the file changed since open().
    std::optional<TextPiece> next();
    // The passage rule found for the whole text.
    geo::PassageRule rule() const { return rule_; }

private:
    TextStream() = default;
    // Reads one more block into buffer_, setting at_end_ at the end of the input.
    void fill();
    // The first passage boundary at or after byte `min_pos` of buffer_ where a piece can end, or npos.
    std::size_t findCut(std::size_t min_pos) const;

    std::string name_;
    std::unique_ptr<std::istream> file_;  // a regular file, read again after the check
    std::string memory_;                  // or the whole input, when it cannot be read twice
    std::size_t memory_pos_ = 0;
    std::size_t piece_bytes_ = kDefaultPieceBytes;
    std::size_t read_bytes_ = kReadBytes;
    geo::PassageRule rule_ = geo::PassageRule::Lines;
    std::string buffer_;     // bytes read and not yet handed out; starts at a passage boundary
    bool at_end_ = false;
    bool first_piece_ = true;
    std::size_t code_points_ = 0;
    std::size_t passages_ = 0;
};

}  // namespace app::cli
