// app/cli/commands.hpp — the subcommands of `textatlas`. Each takes its arguments (after the
// subcommand name), writes its result to `out` and messages to `err`, and returns the exit code.
// They run the same geo pipeline and renderer as the viewer.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace app::cli {

using Args = std::vector<std::string>;

// Exit codes: 0 ok, 1 bad input or failure, 2 usage error.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

int runExtract(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err);
int runRender(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err);
// The places as GeoJSON / KML / GeoPackage, or an HTML report with the map.
int runExport(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err);
// The viewer; with no display it renders headless to a PNG and lists the places instead.
int runView(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err);

std::string usage();

}  // namespace app::cli
