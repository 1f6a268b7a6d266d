// Fuzz target: the corpus input of `textatlas extract --jsonl`, line by line as the command reads
// it (app::cli::parseJsonlLine, then the text's places and the output line), with the shipped
// gazetteer. Properties: a line is blank, a document or an error with the documented message, and
// the output line is one line of JSON that reads back with the same "id".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/cli/json_output.hpp"
#include "app/cli/jsonl_reader.hpp"
#include "fuzz_check.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/text.hpp"

namespace {
const geo::Gazetteer* shipped_gazetteer = nullptr;  // loaded once; the process ends with the run
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    shipped_gazetteer = new geo::Gazetteer(geo::Gazetteer::load(geo::findDataDir()));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t line_number = 0;
    for (std::size_t begin = 0; begin < input.size();) {
        std::size_t end = input.find('\n', begin);
        if (end == std::string_view::npos) end = input.size();
        const std::string_view line = input.substr(begin, end - begin);
        begin = end + 1;
        ++line_number;
        app::cli::JsonlLine parsed = app::cli::parseJsonlLine(line, "in.jsonl", line_number);
        if (parsed.kind == app::cli::JsonlLine::Kind::Blank) {
            FUZZ_CHECK(line.find_first_not_of(" \t\r") == std::string_view::npos);
            continue;
        }
        const std::string prefix = "in.jsonl:" + std::to_string(line_number) + ": ";
        if (parsed.kind == app::cli::JsonlLine::Kind::Error) {
            FUZZ_CHECK(parsed.error == prefix + "not a JSON object" ||
                       parsed.error == prefix + "expected \"id\" and a string \"text\"");
            return 0;  // the command stops at the first bad line
        }
        nlohmann::json result;
        result["id"] = parsed.id;
        result["mentions"] = nlohmann::json::array();
        try {
            const geo::Document text = geo::Document::fromString(std::move(parsed.text), prefix);
            result["mentions"] = app::cli::corpusMentionsJson(geo::extractPlaces(text, *shipped_gazetteer));
        } catch (const geo::Error&) {
        }
        const std::string out = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        FUZZ_CHECK(out.find('\n') == std::string::npos);
        const nlohmann::json back = nlohmann::json::parse(out, nullptr, false);
        FUZZ_CHECK(!back.is_discarded() && back.contains("mentions"));
        // Invalid UTF-8 cannot come through the parser, so the id reads back unchanged.
        FUZZ_CHECK(back["id"] == parsed.id);
    }
    return 0;
}
