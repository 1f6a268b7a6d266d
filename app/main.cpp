// textatlas — reads a text, finds the places it names and shows them on a terrain map.
// Subcommands: (none) viewer, extract, render, export. See app/cli/commands.hpp.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "app/user_dirs.hpp"

namespace {

int run(int argc, char** argv) {
    const std::string argv0 = argc > 0 ? argv[0] : "textatlas";
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string first = args.empty() ? std::string() : args.front();
    const std::vector<std::string> rest = args.empty() ? args : std::vector<std::string>(args.begin() + 1, args.end());
    if (first == "--help" || first == "-h" || first == "help") {
        std::cout << app::cli::usage();
        return app::cli::kExitOk;
    }
    if (first == "--version" || first == "-V") {
        std::cout << "textatlas " << TEXTATLAS_VERSION << "\n";
        return app::cli::kExitOk;
    }
    if (first == "extract") return app::cli::runExtract(rest, argv0, std::cout, std::cerr);
    // Every other command draws. Set here, while the process has one thread (setenv is not safe
    // beside threads reading the environment).
    app::useShaderCache();
    if (first == "render") return app::cli::runRender(rest, argv0, std::cout, std::cerr);
    if (first == "export") return app::cli::runExport(rest, argv0, std::cout, std::cerr);
    if (first == "view") return app::cli::runView(rest, argv0, std::cout, std::cerr);
    return app::cli::runView(args, argv0, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    // The commands answer bad input with geo::Error themselves; this is the last line of defence
    // (memory exhausted, a library's own exception) so the user gets one line, not an abort.
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        std::cerr << "textatlas: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "textatlas: " << e.what() << "\n";
    }
    return app::cli::kExitFailure;
}
