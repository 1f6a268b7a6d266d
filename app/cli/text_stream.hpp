// app/cli/text_stream.hpp — reads a text in pieces, so `textatlas extract` handles texts far larger
// than memory. A piece ends at a passage boundary, or inside a passage too long for one piece (a
// line of 200 MB): there at a sentence end, else between words (geo::cutInsidePassage), the
// whitespace between the two pieces left out of both. The pieces are geo::Documents; with the bases
// and the continuation flag given beside each piece, their passages and offsets are those
// geo::Document::fromFile gives for the whole text.
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
    std::size_t passage_base = 0;     // the whole text's index of the piece's passage 0
    // The piece's passage 0 goes on from the last passage of the piece before (cut inside it): the
    // two are one passage of the whole text, from the start of the one to the end of the other.
    bool continues_passage = false;
    bool last = false;                // no piece follows (when false, only whitespace may follow)
};

class TextStream {
public:
    // A piece ends at the first passage boundary at or after this many bytes (the last may be shorter).
    static constexpr std::size_t kDefaultPieceBytes = std::size_t{8} << 20;
    // A passage going on more than this many bytes past a piece's size is cut inside, at a run of
    // whitespace beginning in those bytes (geo::cutInsidePassage's choice); if none begins there,
    // before the run they lie in, or (one word longer than this) at a character boundary.
    static constexpr std::size_t kCutSlackBytes = std::size_t{1} << 20;
    static constexpr std::size_t kReadBytes = std::size_t{1} << 20;

    // Checks the file, then hands it out piece by piece. Throws geo::Error with the message
    // geo::Document::fromFile gives for the same file. A regular file is read twice (checked, then
    // cut); anything else (a pipe, a device) is read into memory once, stopping at its first NUL
    // byte, since it cannot be read again.
    static TextStream open(const std::string& path, std::size_t piece_bytes = kDefaultPieceBytes,
                           std::size_t cut_slack_bytes = kCutSlackBytes);
    // The same for bytes in memory; `name` appears in messages as geo::Document::fromString's does.
    // `read_bytes` is how much is taken from the input at a time (small in tests, to cut
    // everywhere a line break can fall).
    static TextStream fromString(std::string bytes, const std::string& name,
                                 std::size_t piece_bytes = kDefaultPieceBytes, std::size_t read_bytes = kReadBytes,
                                 std::size_t cut_slack_bytes = kCutSlackBytes);

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
    // Where to cut inside the passage running through bytes [from, from + cut_slack_bytes_) of buffer_.
    std::size_t cutInside(std::size_t from) const;
    // Drops the whitespace at the start of buffer_ (reading on as needed), counting its code points
    // and line breaks (into breaks_).
    void skipWhitespace();

    std::string name_;
    std::unique_ptr<std::istream> file_;  // a regular file, read again after the check
    std::string memory_;                  // or the whole input, when it cannot be read twice
    std::size_t memory_pos_ = 0;
    std::size_t piece_bytes_ = kDefaultPieceBytes;
    std::size_t read_bytes_ = kReadBytes;
    std::size_t cut_slack_bytes_ = kCutSlackBytes;
    geo::PassageRule rule_ = geo::PassageRule::Lines;
    std::string buffer_;     // bytes read and not yet handed out; starts where the next piece does
    bool at_end_ = false;
    bool first_piece_ = true;
    bool cut_inside_ = false;  // the last piece ended inside a passage
    std::size_t breaks_ = 0;   // line breaks in the whitespace skipped before the next piece
    std::size_t code_points_ = 0;
    std::size_t passages_ = 0;
};

}  // namespace app::cli
