// `textatlas extract FILE` and `textatlas extract --jsonl IN.jsonl`: the text→places pipeline as
// JSON, for scripts and for scoring against geoparsing corpora.
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/json_output.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/text.hpp"

namespace app::cli {
namespace {

// Reads one {"id", "text"} object per line and writes one {"id", "mentions"} line per document.
// A document whose text is empty or not valid text gets an empty mention list and a warning, so
// one bad document does not lose a corpus run; a line that is not JSON stops with its line number.
int extractJsonl(const std::string& path, const geo::Gazetteer& gazetteer, std::ostream& out, std::ostream& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "textatlas: " << path << ": cannot open\n";
        return kExitFailure;
    }
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        nlohmann::json doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded() || !doc.is_object()) {
            err << "textatlas: " << path << ":" << line_number << ": not a JSON object\n";
            return kExitFailure;
        }
        if (!doc.contains("id") || !doc.contains("text") || !doc["text"].is_string()) {
            err << "textatlas: " << path << ":" << line_number << ": expected \"id\" and a string \"text\"\n";
            return kExitFailure;
        }
        nlohmann::json result;
        result["id"] = doc["id"];
        result["mentions"] = nlohmann::json::array();
        try {
            const geo::Document text = geo::Document::fromString(doc["text"].get<std::string>(),
                                                                 path + ":" + std::to_string(line_number));
            result["mentions"] = corpusMentionsJson(geo::extractPlaces(text, gazetteer));
        } catch (const geo::Error& e) {
            err << "textatlas: warning: " << e.what() << "\n";
        }
        out << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    if (in.bad()) {
        err << "textatlas: " << path << ": read error\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace

int runExtract(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err) {
    std::string file;
    bool jsonl = false;
    for (const auto& arg : args) {
        if (arg == "--jsonl") jsonl = true;
        else if (arg == "-h" || arg == "--help") {
            out << usage();
            return kExitOk;
        } else if (!arg.empty() && arg[0] == '-') {
            err << "textatlas extract: unknown option " << arg << "\n";
            return kExitUsage;
        } else if (file.empty()) file = arg;
        else {
            err << "textatlas extract: more than one input file\n";
            return kExitUsage;
        }
    }
    if (file.empty()) {
        err << "textatlas extract: missing FILE (usage: textatlas extract FILE | --jsonl IN.jsonl)\n";
        return kExitUsage;
    }
    try {
        const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir(argv0));
        if (jsonl) return extractJsonl(file, gazetteer, out, err);
        const geo::Document document = geo::Document::fromFile(file);
        const geo::Extraction extraction = geo::extractPlaces(document, gazetteer);
        out << documentJson(document, extraction).dump(2) << "\n";
        return kExitOk;
    } catch (const geo::Error& e) {
        err << "textatlas: " << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace app::cli
