// geo/projection.hpp — coordinate changes through PROJ, with lon/lat axis order.
// A Projection owns its PJ* and its own PROJ context (move-only), so different Projection objects
// can be used on different threads at the same time; one object must not be shared between
// threads without a lock. Does not know about screens or zoom (viewport.hpp).
#pragma once
#include <memory>
#include <string>

#include "geo/lonlat.hpp"

struct PJconsts;  // PROJ's PJ
struct pj_ctx;    // PROJ's PJ_CONTEXT

namespace geo {

class Projection {
public:
    // Any CRS PROJ understands as target ("EPSG:3857", "+proj=laea +lat_0=34 +lon_0=69").
    // Throws geo::Error(Projection) with PROJ's message if it cannot be created.
    static Projection fromWgs84To(const std::string& target_crs);
    static Projection webMercator() { return fromWgs84To("EPSG:3857"); }

    // Throws geo::Error(Projection) if PROJ cannot transform the point.
    XY forward(const LonLat& p) const;
    LonLat inverse(const XY& p) const;
    const std::string& target() const { return target_; }

private:
    struct ContextDeleter {
        void operator()(pj_ctx* ctx) const;
    };
    struct Deleter {
        void operator()(PJconsts* p) const;
    };
    Projection(std::unique_ptr<pj_ctx, ContextDeleter> ctx, std::unique_ptr<PJconsts, Deleter> pj,
               std::string target, bool poles_outside_domain);
    // Declared before pj_ so that the PJ is destroyed before the context it belongs to.
    std::unique_ptr<pj_ctx, ContextDeleter> ctx_;
    std::unique_ptr<PJconsts, Deleter> pj_;
    std::string target_;
    // Mercator-family targets: PROJ's webmerc returns a huge finite y at ±90°, so check ourselves.
    bool poles_outside_domain_ = false;
};

}  // namespace geo
