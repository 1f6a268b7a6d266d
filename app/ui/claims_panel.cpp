#include "app/ui/claims_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/scene.hpp"
#include "app/ui/measure_overlay.hpp"
#include "geo/geodesy.hpp"

namespace app::ui {
namespace {

ImVec4 verdictColour(geo::ClaimVerdict v) {
    switch (v) {
        case geo::ClaimVerdict::Consistent: return ImVec4(0.10f, 0.55f, 0.20f, 1.0f);
        case geo::ClaimVerdict::Roughly: return ImVec4(0.80f, 0.50f, 0.00f, 1.0f);
        case geo::ClaimVerdict::Inconsistent: return ImVec4(0.80f, 0.10f, 0.10f, 1.0f);
        case geo::ClaimVerdict::Unchecked: break;
    }
    return ImVec4(0.45f, 0.45f, 0.45f, 1.0f);
}

std::string claimSummary(const AppState& state, const geo::DistanceClaim& c) {
    char text[512];
    if (!c.measured_m) {
        std::snprintf(text, sizeof text, "claimed %.0f km — no place to check it against", c.claimed_m / 1000.0);
        return text;
    }
    const auto& places = state.doc->extraction.places;
    std::snprintf(text, sizeof text, "%s → %s: claimed %.0f km%s%s, measured %.0f km %s", 
                  places[*c.reference].place.name.c_str(), places[*c.subject].place.name.c_str(), c.claimed_m / 1000.0,
                  c.direction.empty() ? "" : " ", c.direction.c_str(), *c.measured_m / 1000.0,
                  c.measured_azimuth_deg ? compassPoint(*c.measured_azimuth_deg) : "");
    return text;
}

void haloText(ImDrawList* dl, ImVec2 at, ImU32 colour, const char* text) {
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        dl->AddText(ImVec2(at.x + d.x, at.y + d.y), IM_COL32(255, 255, 255, 230), text);
    dl->AddText(at, colour, text);
}

}  // namespace

const char* compassPoint(double azimuth_deg) {
    static const char* const kPoints[] = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
                                          "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};
    const double a = std::fmod(std::fmod(azimuth_deg, 360.0) + 360.0, 360.0);
    return kPoints[int(std::floor(a / 22.5 + 0.5)) % 16];
}

void drawClaimsList(const AppState& state, ActionQueue& actions) {
    if (!state.doc || state.doc->claims.empty()) return;
    char header[64];
    std::snprintf(header, sizeof header, "Distance claims (%zu)###claims", state.doc->claims.size());
    if (!ImGui::CollapsingHeader(header)) return;
    for (std::size_t i = 0; i < state.doc->claims.size(); ++i) {
        const geo::DistanceClaim& c = state.doc->claims[i];
        ImGui::PushID(int(i));
        ImGui::TextColored(verdictColour(c.verdict), "[%s]", geo::toString(c.verdict));
        ImGui::SameLine();
        const std::string label = "\"" + c.text + "\"";
        if (ImGui::Selectable(label.c_str(), state.shown_claim == i))
            actions.push(ShowClaim{state.shown_claim == i ? std::nullopt : std::optional<std::size_t>(i)});
        ImGui::TextDisabled("   %s", claimSummary(state, c).c_str());
        ImGui::PopID();
    }
}

void drawClaimOnMap(ImDrawList* dl, const AppState& state) {
    if (!state.doc || !state.shown_claim || *state.shown_claim >= state.doc->claims.size()) return;
    const geo::DistanceClaim& c = state.doc->claims[*state.shown_claim];
    if (!c.reference || !c.subject || !c.measured_m) return;
    const auto& places = state.doc->extraction.places;
    const geo::LonLat ref = places[*c.reference].place.position;
    const geo::LonLat subject = places[*c.subject].place.position;
    const ImVec4 v = verdictColour(c.verdict);
    const ImU32 colour = ImGui::ColorConvertFloat4ToU32(v);
    const ImU32 halo = IM_COL32(255, 255, 255, 200);

    // The claim: every point at the stated geodesic distance from the reference.
    std::vector<ImVec2> ring;
    for (int az = 0; az <= 360; az += 5) {
        const geo::XY p = pixelOf(state, geo::geodesicDirect(ref, az, c.claimed_m));
        ring.emplace_back(float(p.x), float(p.y));
    }
    dl->AddPolyline(ring.data(), int(ring.size()), halo, ImDrawFlags_Closed, 4.0f);
    dl->AddPolyline(ring.data(), int(ring.size()), colour, ImDrawFlags_Closed, 2.0f);
    if (c.claimed_azimuth_deg) {
        // The stated direction: where the described place should be.
        const geo::XY at = pixelOf(state, geo::geodesicDirect(ref, *c.claimed_azimuth_deg, c.claimed_m));
        dl->AddCircleFilled(ImVec2(float(at.x), float(at.y)), 6.0f, colour);
        haloText(dl, ImVec2(float(at.x) + 9, float(at.y) - 8), colour, ("claimed: " + c.direction).c_str());
    }
    // The measured geodesic from the reference to the place described.
    std::vector<ImVec2> line;
    for (const auto& p : geodesicPath(ref, subject, 48)) {
        const geo::XY px = pixelOf(state, p);
        line.emplace_back(float(px.x), float(px.y));
    }
    dl->AddPolyline(line.data(), int(line.size()), halo, 0, 5.0f);
    dl->AddPolyline(line.data(), int(line.size()), IM_COL32(20, 20, 20, 255), 0, 2.0f);
    char label[256];
    std::snprintf(label, sizeof label, "measured %s (claimed %.0f km) — %s", formatDistance(*c.measured_m).c_str(),
                  c.claimed_m / 1000.0, geo::toString(c.verdict));
    const ImVec2 mid = line[line.size() / 2];
    haloText(dl, ImVec2(mid.x + 10, mid.y + 4), IM_COL32(20, 20, 20, 255), label);
}

void drawElevationProfile(const AppState& state) {
    if (!state.measure || !state.measure->profile) return;
    const geo::ElevationProfile& profile = *state.measure->profile;
    std::vector<float> values;
    float lo = 1e9f, hi = -1e9f;
    for (double e : profile.elevations)
        if (std::isfinite(e)) {
            lo = std::min(lo, float(e));
            hi = std::max(hi, float(e));
        }
    if (hi < lo) return;  // the line lies outside the DEM
    for (double e : profile.elevations) values.push_back(std::isfinite(e) ? float(e) : lo);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - 20, vp->Pos.y + 40), ImGuiCond_Appearing, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(460, 230), ImGuiCond_Appearing);
    if (ImGui::Begin("Elevation profile")) {
        ImGui::Text("%s · lowest %.0f m · highest %.0f m", formatDistance(profile.length_m).c_str(), lo, hi);
        ImGui::PlotLines("##profile", values.data(), int(values.size()), 0, nullptr, lo, hi,
                         ImVec2(-1, ImGui::GetContentRegionAvail().y));
    }
    ImGui::End();
}

}  // namespace app::ui
