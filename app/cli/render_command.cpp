// `textatlas render FILE --out PNG [--size WxH] [--center LAT,LON --zoom Z]
// [--projection webmercator|utm|laea|globe] [--layer PATH]... [--layout-json OUT.json]`: the viewer's map, rendered
// with no window through EGL (works with no X server), written as PNG; optionally with the pixel
// rectangles of its labels and markers as JSON. For export: --dpi, --title, --legend, --inset,
// --north-arrow, sizes beyond the GPU's limit (rendered in tiles), and a GeoTIFF for --out *.tif.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/cli/commands.hpp"
#include "app/cli/headless.hpp"
#include "app/render/tiled_render.hpp"
#include "app/wording.hpp"
#include "geo/error.hpp"
#include "geo/map_projection.hpp"
#include "geo/projection.hpp"

namespace app::cli {
namespace {

bool parseSize(const std::string& s, int& w, int& h) {
    const auto x = s.find_first_of("xX");
    if (x == std::string::npos) return false;
    char* end = nullptr;
    const long wl = std::strtol(s.c_str(), &end, 10);
    if (end != s.c_str() + x) return false;
    const long hl = std::strtol(s.c_str() + x + 1, &end, 10);
    if (*end != '\0') return false;
    if (wl < 1 || hl < 1 || wl > render::kMaxImageSide || hl > render::kMaxImageSide) return false;
    if (static_cast<long long>(wl) * hl > render::kMaxImagePixels) return false;
    w = int(wl);
    h = int(hl);
    return true;
}

bool parseNumber(const std::string& s, double low, double high, double& value) {
    char* end = nullptr;
    value = std::strtod(s.c_str(), &end);
    return !s.empty() && *end == '\0' && value >= low && value <= high;
}

bool endsWith(std::string s, const std::string& suffix) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool parseLatLon(const std::string& s, double& lat, double& lon) {
    std::istringstream in(s);
    char comma = 0;
    if (!(in >> lat >> comma >> lon) || comma != ',') return false;
    in >> std::ws;
    // Any latitude: the globe and LAEA can be centred on a pole; Web Mercator clamps at ±85.05°.
    return in.eof() && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

}  // namespace

int runRender(const Args& args, const std::string& argv0, std::ostream& out, std::ostream& err) {
    RenderRequest request;
    std::optional<double> lat, lon, zoom;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                err << "textatlas render: " << name << " needs a value\n";
                return std::nullopt;
            }
            return args[++i];
        };
        if (arg == "-h" || arg == "--help") {
            out << usage();
            return kExitOk;
        } else if (arg == "--out" || arg == "-o") {
            auto v = value("--out");
            if (!v) return kExitUsage;
            request.out_path = *v;
        } else if (arg == "--size") {
            auto v = value("--size");
            if (!v) return kExitUsage;
            if (!parseSize(*v, request.width, request.height)) {
                err << "textatlas render: --size must be WxH with 1..32768 pixels each and at most 16384x16384 "
                       "pixels in all, got '" << *v << "'\n";
                return kExitUsage;
            }
        } else if (arg == "--center") {
            auto v = value("--center");
            if (!v) return kExitUsage;
            double la = 0, lo = 0;
            if (!parseLatLon(*v, la, lo)) {
                err << "textatlas render: --center must be LAT,LON in degrees (|LAT| <= 90, |LON| <= 180), got '" << *v << "'\n";
                return kExitUsage;
            }
            lat = la;
            lon = lo;
        } else if (arg == "--zoom") {
            auto v = value("--zoom");
            if (!v) return kExitUsage;
            char* end = nullptr;
            const double z = std::strtod(v->c_str(), &end);
            if (*end != '\0' || !(z >= geo::kMinZoom && z <= geo::kMaxZoom)) {
                err << "textatlas render: --zoom must be a number from 0 to 18, got '" << *v << "'\n";
                return kExitUsage;
            }
            zoom = z;
        } else if (arg == "--projection") {
            auto v = value("--projection");
            if (!v) return kExitUsage;
            const auto kind = geo::parseProjectionName(*v);
            if (!kind) {
                err << "textatlas render: --projection must be webmercator, utm, laea or globe, got '" << *v << "'\n";
                return kExitUsage;
            }
            request.projection = *kind;
        } else if (arg == "--layer") {
            auto v = value("--layer");
            if (!v) return kExitUsage;
            request.layers.push_back(*v);
        } else if (arg == "--dem") {
            auto v = value("--dem");
            if (!v) return kExitUsage;
            request.dems.push_back(*v);
        } else if (arg == "--layout-json") {
            auto v = value("--layout-json");
            if (!v) return kExitUsage;
            request.layout_json_path = *v;
        } else if (arg == "--dpi") {
            auto v = value("--dpi");
            if (!v) return kExitUsage;
            if (!parseNumber(*v, 50.0, 1200.0, request.dpi)) {
                err << "textatlas render: --dpi must be a number from 50 to 1200, got '" << *v << "'\n";
                return kExitUsage;
            }
        } else if (arg == "--title") {
            auto v = value("--title");
            if (!v) return kExitUsage;
            request.title = *v;
        } else if (arg == "--legend") {
            request.legend = true;
        } else if (arg == "--inset") {
            request.inset = true;
        } else if (arg == "--north-arrow" || arg == "--no-north-arrow") {
            request.north_arrow = arg == "--north-arrow";
        } else if (arg == "--tile-size") {
            auto v = value("--tile-size");
            if (!v) return kExitUsage;
            double tile = 0;
            if (!parseNumber(*v, 64, render::kMaxImageSide, tile) || tile != std::floor(tile)) {
                err << "textatlas render: --tile-size must be a whole number from 64 to 32768, got '" << *v << "'\n";
                return kExitUsage;
            }
            request.max_tile_px = static_cast<int>(tile);
        } else if (!arg.empty() && arg[0] == '-') {
            err << "textatlas render: unknown option " << arg << "\n";
            return kExitUsage;
        } else if (request.text_path.empty()) {
            request.text_path = arg;
        } else {
            err << "textatlas render: more than one input file\n";
            return kExitUsage;
        }
    }
    if (request.text_path.empty() || request.out_path.empty()) {
        err << "textatlas render: usage: textatlas render FILE --out PNG|TIF [--size WxH] [--center LAT,LON --zoom Z]"
               " [--projection webmercator|utm|laea|globe] [--layer PATH]... [--dem PATH]... [--layout-json OUT.json] [--dpi N] [--title TEXT]"
               " [--legend] [--inset] [--north-arrow|--no-north-arrow]\n";
        return kExitUsage;
    }
    if (!endsWith(request.out_path, ".png") && !endsWith(request.out_path, ".tif") &&
        !endsWith(request.out_path, ".tiff")) {
        err << "textatlas render: --out must end in .png, or .tif / .tiff for a GeoTIFF, got '" << request.out_path
            << "'\n";
        return kExitUsage;
    }
    if (lat.has_value() != zoom.has_value()) {
        err << "textatlas render: --center and --zoom go together\n";
        return kExitUsage;
    }
    if (lat) {
        request.center = geo::LonLat(*lon, *lat);
        request.zoom = *zoom;
    }
    try {
        const RenderResult result = renderHeadless(request, argv0);
        for (const std::string& warning : result.warnings) err << "textatlas: warning: " << warning << "\n";
        out << "wrote " << request.out_path << " (" << request.width << "x" << request.height << ", "
            << countOf(result.place_count, "place") << (result.tiles > 1 ? ", " + countOf(result.tiles, "tile") : "")
            << ")\n";
        return kExitOk;
    } catch (const geo::Error& e) {
        err << "textatlas: " << e.what() << "\n";
    } catch (const std::exception& e) {
        err << "textatlas: render failed: " << e.what() << "\n";
    }
    return kExitFailure;
}

}  // namespace app::cli
