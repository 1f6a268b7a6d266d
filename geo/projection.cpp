#include "geo/projection.hpp"

#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "geo/error.hpp"

namespace geo {

namespace {

void captureProjLog(void* app_data, int level, const char* message) {
    if (app_data == nullptr || message == nullptr || level != PJ_LOG_ERROR) return;
    *static_cast<std::string*>(app_data) = message;
}

// While alive, PROJ's error log lines on `ctx` land in last_error instead of on stderr; after
// that the context stays quiet (errors are then read through proj_errno).
class ProjLogCapture {
public:
    explicit ProjLogCapture(PJ_CONTEXT* ctx) : ctx_(ctx) { proj_log_func(ctx_, &last_error, captureProjLog); }
    ~ProjLogCapture() { proj_log_func(ctx_, nullptr, captureProjLog); }
    ProjLogCapture(const ProjLogCapture&) = delete;
    ProjLogCapture& operator=(const ProjLogCapture&) = delete;
    std::string last_error;

private:
    PJ_CONTEXT* ctx_;
};

std::string formatCoordinate(double value) {
    std::ostringstream out;
    out.precision(10);
    out << value;
    return out.str();
}

// PROJ reads a bare "+proj=..." string as an operation, not a CRS; "+type=crs" makes it a CRS.
std::string asCrsDefinition(const std::string& target) {
    if (target.rfind("+proj=", 0) == 0 && target.find("+type=crs") == std::string::npos) {
        return target + " +type=crs";
    }
    return target;
}

// Authority codes (EPSG:3857, urn:ogc:…), PROJ strings, WKT and PROJJSON are definitions; any
// other text is a name that PROJ would match loosely.
bool looksLikeCrsDefinition(const std::string& text) {
    return text.find(':') != std::string::npos || text.find('[') != std::string::npos ||
           text.find('{') != std::string::npos || text.find("proj=") != std::string::npos;
}

bool equalsIgnoringCase(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

void Projection::ContextDeleter::operator()(pj_ctx* ctx) const { proj_context_destroy(ctx); }
void Projection::Deleter::operator()(PJconsts* p) const { proj_destroy(p); }

Projection::Projection(std::unique_ptr<pj_ctx, ContextDeleter> ctx,
                       std::unique_ptr<PJconsts, Deleter> pj, std::string target, bool poles_outside_domain)
    : ctx_(std::move(ctx)),
      pj_(std::move(pj)),
      target_(std::move(target)),
      poles_outside_domain_(poles_outside_domain) {}

Projection Projection::fromWgs84To(const std::string& target_crs) {
    std::unique_ptr<pj_ctx, ContextDeleter> ctx(proj_context_create());
    if (!ctx) throw Error(ErrorKind::Projection, "PROJ: cannot create a context for " + target_crs);
    ProjLogCapture log(ctx.get());
    auto failure = [&](const std::string& what, std::string reason = {}) {
        const int err = proj_context_errno(ctx.get());
        if (reason.empty()) reason = log.last_error;
        if (reason.empty() && err != 0) reason = proj_context_errno_string(ctx.get(), err);
        if (reason.empty()) reason = "unknown error";
        return Error(ErrorKind::Projection, what + " (PROJ: " + reason + ")");
    };

    if (target_crs.find_first_not_of(" \t") == std::string::npos) {
        throw Error(ErrorKind::Projection, "projection: empty target CRS");
    }
    std::unique_ptr<PJconsts, Deleter> target(proj_create(ctx.get(), asCrsDefinition(target_crs).c_str()));
    if (!target || !proj_is_crs(target.get())) {
        throw failure("projection: cannot create a transformation from EPSG:4326 to \"" + target_crs + "\"",
                      target ? "not a coordinate reference system" : "");
    }
    // PROJ looks up anything else as a (partial) object name: "foo" would become "Amersfoort".
    if (!looksLikeCrsDefinition(target_crs)) {
        const char* name = proj_get_name(target.get());
        if (name == nullptr || !equalsIgnoringCase(name, target_crs)) {
            throw Error(ErrorKind::Projection, "projection: \"" + target_crs +
                                                   "\" is not a CRS definition (PROJ would read it as \"" +
                                                   (name != nullptr ? name : "") + "\")");
        }
    }
    std::unique_ptr<PJconsts, Deleter> wgs84(proj_create(ctx.get(), "EPSG:4326"));
    if (!wgs84) throw failure("projection: cannot create EPSG:4326");
    std::unique_ptr<PJconsts, Deleter> raw(
        proj_create_crs_to_crs_from_pj(ctx.get(), wgs84.get(), target.get(), nullptr, nullptr));
    if (!raw) throw failure("projection: cannot create a transformation from EPSG:4326 to \"" + target_crs + "\"");
    // EPSG:4326 is lat/lon by definition; this makes the input lon/lat (and output easting first).
    std::unique_ptr<PJconsts, Deleter> normalized(proj_normalize_for_visualization(ctx.get(), raw.get()));
    if (!normalized) throw failure("projection: cannot normalise the axis order for \"" + target_crs + "\"");
    const char* definition = proj_pj_info(normalized.get()).definition;
    const std::string pipeline = definition != nullptr ? definition : "";
    const bool mercator = pipeline.find("proj=webmerc") != std::string::npos ||
                          pipeline.find("proj=merc ") != std::string::npos ||
                          (pipeline.size() >= 9 && pipeline.compare(pipeline.size() - 9, 9, "proj=merc") == 0);
    return Projection(std::move(ctx), std::move(normalized), target_crs, mercator);
}

XY Projection::forward(const LonLat& p) const {
    // The same tolerance as PROJ's own merc: 1e-10 radians from the pole.
    constexpr double kPoleToleranceDeg = 1e-10 * 180.0 / 3.14159265358979323846;
    if (poles_outside_domain_ && std::fabs(std::fabs(p.lat) - 90.0) <= kPoleToleranceDeg) {
        throw Error(ErrorKind::Projection,
                    "cannot project lon " + formatCoordinate(p.lon) + ", lat " + formatCoordinate(p.lat) + " to " +
                        target_ + " (PROJ: " +
                        proj_context_errno_string(ctx_.get(), PROJ_ERR_COORD_TRANSFM_OUTSIDE_PROJECTION_DOMAIN) + ")");
    }
    proj_errno_reset(pj_.get());
    const PJ_COORD out = proj_trans(pj_.get(), PJ_FWD, proj_coord(p.lon, p.lat, 0, 0));
    const int err = proj_errno(pj_.get());
    if (err != 0 || !std::isfinite(out.xy.x) || !std::isfinite(out.xy.y) || out.xy.x == HUGE_VAL) {
        const std::string reason = err != 0 ? proj_context_errno_string(ctx_.get(), err) : "result is not finite";
        throw Error(ErrorKind::Projection, "cannot project lon " + formatCoordinate(p.lon) + ", lat " +
                                               formatCoordinate(p.lat) + " to " + target_ + " (PROJ: " + reason + ")");
    }
    return XY{out.xy.x, out.xy.y};
}

LonLat Projection::inverse(const XY& p) const {
    auto failure = [&](const std::string& reason) {
        return Error(ErrorKind::Projection, "cannot unproject x " + formatCoordinate(p.x) + ", y " +
                                                formatCoordinate(p.y) + " from " + target_ + " (PROJ: " + reason + ")");
    };
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) throw failure("input is not finite");
    proj_errno_reset(pj_.get());
    const PJ_COORD out = proj_trans(pj_.get(), PJ_INV, proj_coord(p.x, p.y, 0, 0));
    const int err = proj_errno(pj_.get());
    if (err != 0) throw failure(proj_context_errno_string(ctx_.get(), err));
    const double lon = out.lp.lam;
    const double lat = out.lp.phi;
    if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180.0 || lon > 180.0 || lat < -90.0 || lat > 90.0) {
        throw failure("result is outside the lon/lat range");
    }
    return LonLat(lon, lat);
}

}  // namespace geo
