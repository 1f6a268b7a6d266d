// `textatlas export FILE --format geojson|kml|gpkg|html --out PATH [--title TEXT] [--size WxH]`:
// the text's places as GIS data (one point feature per place with its passages, geo/place_export)
// or as a self-contained HTML report with the map embedded (geo/html_report; the map is rendered
// headless like `textatlas render`). The format defaults to the one --out's extension names.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/cli/commands.hpp"
#include "app/cli/headless.hpp"
#include "app/user_dems.hpp"
#include "app/project_io.hpp"
#include "app/wording.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/html_report.hpp"
#include "geo/place_export.hpp"

namespace app::cli {
namespace {

constexpr const char* kExportUsage =
    "usage: textatlas export FILE --format geojson|kml|gpkg|html --out PATH [--title TEXT] [--size WxH] [--dem PATH]...\n";

enum class ExportFormat { GeoJson, Kml, GeoPackage, Html };

std::optional<ExportFormat> formatFromName(const std::string& name) {
    if (name == "html" || name == "HTML") return ExportFormat::Html;
    if (const auto places = geo::placeFormatFromName(name)) {
        switch (*places) {
            case geo::PlaceFormat::GeoJson: return ExportFormat::GeoJson;
            case geo::PlaceFormat::Kml: return ExportFormat::Kml;
            case geo::PlaceFormat::GeoPackage: return ExportFormat::GeoPackage;
        }
    }
    return std::nullopt;
}

std::optional<ExportFormat> formatFromPath(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".html" || extension == ".htm") return ExportFormat::Html;
    if (extension.size() > 1) return formatFromName(extension.substr(1) == "json" ? "geojson" : extension.substr(1));
    return std::nullopt;
}

geo::PlaceFormat placeFormat(ExportFormat format) {
    switch (format) {
        case ExportFormat::Kml: return geo::PlaceFormat::Kml;
        case ExportFormat::GeoPackage: return geo::PlaceFormat::GeoPackage;
        default: return geo::PlaceFormat::GeoJson;
    }
}

bool parseSize(const std::string& s, int& w, int& h) {
    char x = 0;
    std::istringstream in(s);
    if (!(in >> w >> x >> h) || (x != 'x' && x != 'X')) return false;
    in >> std::ws;
    return in.eof() && w >= 200 && h >= 150 && w <= 4096 && h <= 4096;
}

}  // namespace

int runExport(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err) {
    std::string text_path, out_path, title;
    std::vector<std::string> dems;
    std::optional<ExportFormat> format;
    int map_width = 1200, map_height = 800;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                err << "textatlas export: " << name << " needs a value\n";
                return std::nullopt;
            }
            return args[++i];
        };
        if (arg == "-h" || arg == "--help") {
            out << usage();
            return kExitOk;
        } else if (arg == "--format" || arg == "-f") {
            auto v = value("--format");
            if (!v) return kExitUsage;
            format = formatFromName(*v);
            if (!format) {
                err << "textatlas export: --format must be geojson, kml, gpkg or html, got '" << *v << "'\n";
                return kExitUsage;
            }
        } else if (arg == "--out" || arg == "-o") {
            auto v = value("--out");
            if (!v) return kExitUsage;
            out_path = *v;
        } else if (arg == "--title") {
            auto v = value("--title");
            if (!v) return kExitUsage;
            title = *v;
        } else if (arg == "--dem") {
            auto v = value("--dem");
            if (!v) return kExitUsage;
            dems.push_back(*v);
        } else if (arg == "--size") {
            auto v = value("--size");
            if (!v) return kExitUsage;
            if (!parseSize(*v, map_width, map_height)) {
                err << "textatlas export: --size (the report's map) must be WxH with 200..4096 by 150..4096 pixels, "
                       "got '"
                    << *v << "'\n";
                return kExitUsage;
            }
        } else if (!arg.empty() && arg[0] == '-') {
            err << "textatlas export: unknown option " << arg << "\n";
            return kExitUsage;
        } else if (text_path.empty()) {
            text_path = arg;
        } else {
            err << "textatlas export: more than one input file\n";
            return kExitUsage;
        }
    }
    if (text_path.empty() || out_path.empty()) {
        err << "textatlas export: " << kExportUsage;
        return kExitUsage;
    }
    if (!format) format = formatFromPath(out_path);
    if (!format) {
        err << "textatlas export: give --format geojson, kml, gpkg or html (the extension of '" << out_path
            << "' names none)\n";
        return kExitUsage;
    }

    try {
        if (*format != ExportFormat::Html) {
            // Only the report draws a map; a DEM given anyway is still checked, as the report would.
            openUserDems(dems, false);
            const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir(argv0));
            // With the reader's corrections from the text's project, as the viewer shows them.
            ProjectOpenReport project;
            const OpenDocument doc = openWithProject(text_path, gazetteer, &project);
            if (!project.project_error.empty())
                err << "textatlas: warning: " << project.project_error << " (its corrections are not applied)\n";
            geo::exportPlaces(doc.document, doc.extraction, out_path, placeFormat(*format));
            out << "wrote " << out_path << " (" << countOf(doc.extraction.places.size(), "place") << ", "
                << geo::toString(placeFormat(*format)) << ")\n";
            return kExitOk;
        }
        // The report's map: the same headless render as `textatlas render`, with a legend.
        // The map's PNG stays in memory: nothing but the report is written.
        RenderRequest request;
        request.text_path = text_path;
        request.width = map_width;
        request.height = map_height;
        request.legend = true;
        request.dems = dems;
        AppState state;
        RenderResult rendered = renderHeadless(request, argv0, &state);
        geo::HtmlReportOptions options;
        options.title = title;
        options.map_png = std::move(rendered.png);
        options.map_width = map_width;
        options.map_height = map_height;
        options.attribution = rendered.attribution;
        for (const std::string& warning : rendered.warnings) err << "textatlas: warning: " << warning << "\n";
        geo::writeReportFile(out_path, geo::buildHtmlReport(state.doc->document, state.doc->extraction, options));
        out << "wrote " << out_path << " (" << countOf(state.doc->extraction.places.size(), "place") << ", HTML report with a "
            << map_width << "x" << map_height << " map)\n";
        return kExitOk;
    } catch (const geo::Error& e) {
        err << "textatlas: " << e.what() << "\n";
    } catch (const std::exception& e) {
        err << "textatlas: export failed: " << e.what() << "\n";
    }
    return kExitFailure;
}

}  // namespace app::cli
