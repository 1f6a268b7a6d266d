// app/cli/jsonl_reader.hpp — one line of the corpus input of `textatlas extract --jsonl`: a JSON
// object with an "id" (any JSON value) and a string "text". Does not read files or find places.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace app::cli {

struct JsonlLine {
    enum class Kind { Blank, Document, Error };
    Kind kind = Kind::Blank;
    nlohmann::json id;   // Document: the "id" as given
    std::string text;    // Document: the "text"
    std::string error;   // Error: "PATH:LINE: not a JSON object" or
                         //        "PATH:LINE: expected \"id\" and a string \"text\""
};

// `line` is one line without its '\n' (a trailing '\r' is ignored). Blank: only spaces and tabs.
JsonlLine parseJsonlLine(std::string_view line, const std::string& path, std::size_t line_number);

}  // namespace app::cli
