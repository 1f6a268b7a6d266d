// `textatlas extract FILE` and `textatlas extract --jsonl IN.jsonl`: the text→places pipeline as
// JSON, for scripts and for scoring against geoparsing corpora.
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "app/cli/extract_stream.hpp"
#include "app/cli/json_output.hpp"
#include "app/cli/jsonl_reader.hpp"
#include "app/cli/text_stream.hpp"
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
    // The same refusals as a text file: a directory opens but reads nothing.
    std::error_code ec;
    const auto type = std::filesystem::status(path, ec).type();
    if (type == std::filesystem::file_type::not_found) {
        err << "textatlas: " << path << ": no such file\n";
        return kExitFailure;
    }
    if (type == std::filesystem::file_type::directory) {
        err << "textatlas: " << path << ": is a directory\n";
        return kExitFailure;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "textatlas: " << path << ": cannot open" << (errno == EACCES ? " (permission denied)" : "") << "\n";
        return kExitFailure;
    }
    JsonlLineReader lines(in);
    std::string line;
    for (;;) {
        const JsonlLineReader::Result read = lines.next(line);
        if (read == JsonlLineReader::Result::End) break;
        const std::size_t line_number = lines.lineNumber();
        if (read == JsonlLineReader::Result::TooLong) {
            err << "textatlas: " << path << ":" << line_number << ": line longer than " << (kMaxJsonlLineBytes >> 20)
                << " MiB (a longer text belongs in a file of its own: textatlas extract FILE)\n";
            return kExitFailure;
        }
        JsonlLine parsed = parseJsonlLine(line, path, line_number);
        if (parsed.kind == JsonlLine::Kind::Blank) continue;
        if (parsed.kind == JsonlLine::Kind::Error) {
            err << "textatlas: " << parsed.error << "\n";
            return kExitFailure;
        }
        nlohmann::json result;
        result["id"] = std::move(parsed.id);
        result["mentions"] = nlohmann::json::array();
        try {
            const geo::Document text =
                geo::Document::fromString(std::move(parsed.text), path + ":" + std::to_string(line_number));
            result["mentions"] = corpusMentionsJson(geo::extractPlaces(text, gazetteer));
        } catch (const geo::Error& e) {
            err << "textatlas: warning: " << e.what() << "\n";
        }
        out << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    if (lines.readError()) {
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
        int code = kExitOk;
        if (jsonl) {
            const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir(argv0));
            code = extractJsonl(file, gazetteer, out, err);
        } else {
            // In pieces, so a text of any size fits in memory; the whole text is checked first,
            // before the gazetteer is loaded, so bad input is answered at once.
            TextStream text = TextStream::open(file);
            const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir(argv0));
            writeExtractionJson(text, gazetteer, out);
        }
        out.flush();
        if (!out) {
            err << "textatlas: cannot write the output (disk full or closed pipe?)\n";
            return kExitFailure;
        }
        return code;
    } catch (const geo::Error& e) {
        err << "textatlas: " << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace app::cli
