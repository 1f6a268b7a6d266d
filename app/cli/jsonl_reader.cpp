#include "app/cli/jsonl_reader.hpp"

#include <algorithm>
#include <cstring>

namespace app::cli {

namespace {

// How deeply arrays and objects nest in `json`, counted outside strings; stops counting once past
// `limit`.
std::size_t nestingDepth(std::string_view json, std::size_t limit) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

JsonlLineReader::JsonlLineReader(std::istream& in, std::size_t max_line_bytes)
    : in_(in), max_line_bytes_(max_line_bytes), block_(1u << 20) {}

JsonlLineReader::Result JsonlLineReader::next(std::string& line) {
    line.clear();
    for (;;) {
        if (start_ == end_) {
            in_.read(block_.data(), static_cast<std::streamsize>(block_.size()));
            start_ = 0;
            end_ = static_cast<std::size_t>(in_.gcount());
            if (end_ == 0) {
                if (line.empty()) return Result::End;
                ++line_number_;  // the last line, without a '\n'
                return Result::Line;
            }
        }
        const char* begin = block_.data() + start_;
        const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - start_));
        const std::size_t take = newline != nullptr ? static_cast<std::size_t>(newline - begin) : end_ - start_;
        if (line.size() + take > max_line_bytes_) {
            ++line_number_;
            line.clear();
            return Result::TooLong;
        }
        line.append(begin, take);
        start_ += take;
        if (newline != nullptr) {
            ++start_;
            ++line_number_;
            return Result::Line;
        }
    }
}

JsonlLine parseJsonlLine(std::string_view line, const std::string& path, std::size_t line_number) {
    JsonlLine result;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return result;
    const std::string where = path + ":" + std::to_string(line_number) + ": ";
    if (nestingDepth(line, kMaxJsonlDepth) > kMaxJsonlDepth) {
        result.kind = JsonlLine::Kind::Error;
        result.error = where + "JSON nested deeper than " + std::to_string(kMaxJsonlDepth) + " levels";
        return result;
    }
    nlohmann::json doc = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        result.kind = JsonlLine::Kind::Error;
        result.error = where + "not a JSON object";
        return result;
    }
    const auto id = doc.find("id");
    const auto text = doc.find("text");
    if (id == doc.end() || text == doc.end() || !text->is_string()) {
        result.kind = JsonlLine::Kind::Error;
        result.error = where + "expected \"id\" and a string \"text\"";
        return result;
    }
    result.kind = JsonlLine::Kind::Document;
    result.id = std::move(*id);
    result.text = std::move(text->get_ref<std::string&>());
    return result;
}

}  // namespace app::cli
