#include "app/cli/jsonl_reader.hpp"

namespace app::cli {

JsonlLine parseJsonlLine(std::string_view line, const std::string& path, std::size_t line_number) {
    JsonlLine result;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return result;
    const std::string where = path + ":" + std::to_string(line_number) + ": ";
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
