// `textatlas [FILE]`: the viewer. With no display (no $DISPLAY or $WAYLAND_DISPLAY) it renders the
// map headless to a PNG instead, and lists the places it found.
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/headless.hpp"
#include "app/viewer.hpp"
#include "app/wording.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"

namespace app::cli {
namespace {

bool haveDisplay() {
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

void printPlaces(const AppState& state, std::ostream& out) {
    const auto& places = state.doc->extraction.places;
    out << countOf(places.size(), "place") << " in " << state.doc->path << ":\n";
    for (const auto& p : places) {
        out << "  " << std::left << std::setw(22) << p.place.name << std::right << std::fixed << std::setprecision(4)
            << std::setw(9) << p.place.position.lat << std::setw(10) << p.place.position.lon << "  "
            << geo::toString(p.place.kind) << ", " << countOf(p.mentions.size(), "mention") << " in "
            << countOf(p.passages.size(), "passage") << "\n";
    }
}

}  // namespace

int runView(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err) {
    std::string file;
    std::string headless_out;
    std::vector<std::string> dems;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--headless-out" && i + 1 < args.size()) headless_out = args[++i];
        else if (args[i] == "--dem" && i + 1 < args.size()) dems.push_back(args[++i]);
        else if (!args[i].empty() && args[i][0] == '-') {
            err << "textatlas: unknown option " << args[i] << "\n" << usage();
            return kExitUsage;
        } else if (file.empty()) file = args[i];
        else {
            err << "textatlas: more than one input file\n";
            return kExitUsage;
        }
    }
    try {
        if (file.empty()) file = geo::findDataDir(argv0) + "/texts/panjshir-valley.txt";
        if (haveDisplay() && headless_out.empty()) return runViewer(file, argv0, dems);

        RenderRequest request;
        request.text_path = file;
        request.dems = dems;
        request.out_path = headless_out.empty()
                               ? std::filesystem::path(file).stem().string() + "-map.png"
                               : headless_out;
        AppState state;
        const RenderResult result = renderHeadless(request, argv0, &state);
        for (const std::string& warning : result.warnings) err << "textatlas: warning: " << warning << "\n";
        out << "No display: rendered the map headless to "
            << std::filesystem::absolute(request.out_path).string() << "\n";
        printPlaces(state, out);
        return kExitOk;
    } catch (const geo::Error& e) {
        err << "textatlas: " << e.what() << "\n";
    } catch (const std::exception& e) {
        err << "textatlas: " << e.what() << "\n";
    }
    return kExitFailure;
}

}  // namespace app::cli
