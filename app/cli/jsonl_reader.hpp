// app/cli/jsonl_reader.hpp — the corpus input of `textatlas extract --jsonl`: lines of bounded
// length (JsonlLineReader), each a JSON object with an "id" (any JSON value nested at most
// kMaxJsonlDepth deep) and a string "text" (parseJsonlLine). Does not find places.
#pragma once
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace app::cli {

// A corpus line holds one document; a longer text belongs in a file of its own (`textatlas
// extract FILE` reads texts of any size in pieces). Reading stops at a longer line, so an endless
// stream without a newline (/dev/zero) costs this much memory, not all of it.
constexpr std::size_t kMaxJsonlLineBytes = 16u << 20;

// Deeper JSON is refused before it is parsed: nlohmann::json writes and frees nested values
// recursively, and 60,000 levels overflowed the stack.
constexpr std::size_t kMaxJsonlDepth = 100;

// Lines of a stream, each without its '\n', read in blocks.
class JsonlLineReader {
public:
    enum class Result { Line, End, TooLong };
    explicit JsonlLineReader(std::istream& in, std::size_t max_line_bytes = kMaxJsonlLineBytes);
    // The next line, or End, or TooLong (the line exceeds the maximum; nothing more is read).
    Result next(std::string& line);
    std::size_t lineNumber() const { return line_number_; }  // of the line last returned (1-based)
    bool readError() const { return in_.bad(); }

private:
    std::istream& in_;
    std::size_t max_line_bytes_;
    std::vector<char> block_;
    std::size_t start_ = 0, end_ = 0;
    std::size_t line_number_ = 0;
};

struct JsonlLine {
    enum class Kind { Blank, Document, Error };
    Kind kind = Kind::Blank;
    nlohmann::json id;   // Document: the "id" as given
    std::string text;    // Document: the "text"
    std::string error;   // Error: "PATH:LINE: not a JSON object",
                         //        "PATH:LINE: expected \"id\" and a string \"text\"" or
                         //        "PATH:LINE: JSON nested deeper than 100 levels"
};

// `line` is one line without its '\n' (a trailing '\r' is ignored). Blank: only spaces and tabs.
JsonlLine parseJsonlLine(std::string_view line, const std::string& path, std::size_t line_number);

}  // namespace app::cli
