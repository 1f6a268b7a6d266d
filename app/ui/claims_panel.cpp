#include "app/ui/claims_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/scene.hpp"
#include "app/ui/item_locator.hpp"
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
    const bool open = ImGui::CollapsingHeader(header);
    noteItem(header);  // "Distance claims (N)"
    if (!open) return;
    for (std::size_t i = 0; i < state.doc->claims.size(); ++i) {
        const geo::DistanceClaim& c = state.doc->claims[i];
        ImGui::PushID(int(i));
        // The claim's words and what was measured, wrapped to the panel; the whole block is clickable.
        const bool shown = state.shown_claim == i;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);  // the highlight goes under the text
        dl->ChannelsSetCurrent(1);
        ImGui::BeginGroup();
        ImGui::TextColored(verdictColour(c.verdict), "[%s]", geo::toString(c.verdict));
        ImGui::SameLine();
        ImGui::TextWrapped("\"%s\"", c.text.c_str());
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", claimSummary(state, c).c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent();
        ImGui::EndGroup();
        const ImVec2 min = ImGui::GetItemRectMin(), max(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                                                        ImGui::GetItemRectMax().y);
        noteItem("claim " + std::to_string(i + 1));
        const bool hovered = ImGui::IsMouseHoveringRect(min, max) && ImGui::IsWindowHovered();
        dl->ChannelsSetCurrent(0);
        if (shown || hovered)
            dl->AddRectFilled(min, max, ImGui::GetColorU32(shown ? ImGuiCol_Header : ImGuiCol_HeaderHovered), 3.0f);
        dl->ChannelsMerge();
        if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
            actions.push(ShowClaim{shown ? std::nullopt : std::optional<std::size_t>(i)});
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

int drawElevationProfile(const AppState& state) {
    if (!state.measure || !state.measure->profile) return 0;
    const geo::ElevationProfile& profile = *state.measure->profile;
    const std::size_t n = profile.elevations.size();
    float lo = 1e9f, hi = -1e9f;
    for (double e : profile.elevations)
        if (std::isfinite(e)) {
            lo = std::min(lo, float(e));
            hi = std::max(hi, float(e));
        }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - 20, vp->Pos.y + 40), ImGuiCond_Appearing, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(460, 230), ImGuiCond_Appearing);
    int drawn = 0;
    if (ImGui::Begin("Elevation profile")) {
        if (hi < lo || n < 2) {
            ImGui::TextWrapped("No elevation data along this line (%s).", formatDistance(profile.length_m).c_str());
        } else {
            ImGui::Text("%s · lowest %.0f m · highest %.0f m", formatDistance(profile.length_m).c_str(), lo, hi);
            // The plot: the ground's silhouette filled, its outline on top; a flat profile gets a band.
            const ImVec2 size(std::max(80.0f, ImGui::GetContentRegionAvail().x),
                              std::max(60.0f, ImGui::GetContentRegionAvail().y));
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            ImGui::InvisibleButton("##profile", size);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(235, 240, 245, 255), 3.0f);
            const float span = std::max(hi - lo, 1.0f);
            const float pad = 6.0f;
            auto at = [&](std::size_t i, double e) {
                return ImVec2(origin.x + pad + (size.x - 2 * pad) * float(i) / float(n - 1),
                              origin.y + size.y - pad - (size.y - 2 * pad) * (float(e) - lo) / span * 0.9f);
            };
            const float bottom = origin.y + size.y - pad * 0.5f;
            std::vector<ImVec2> outline;
            for (std::size_t i = 0; i < n; ++i) {
                const double e = profile.elevations[i];
                if (!std::isfinite(e)) continue;  // a gap in the data: nothing drawn there
                const ImVec2 p = at(i, e);
                // One column of the silhouette to the next sample (convex pieces for ImDrawList).
                if (i + 1 < n && std::isfinite(profile.elevations[i + 1])) {
                    const ImVec2 q = at(i + 1, profile.elevations[i + 1]);
                    const ImVec2 quad[4] = {p, q, ImVec2(q.x, bottom), ImVec2(p.x, bottom)};
                    dl->AddConvexPolyFilled(quad, 4, IM_COL32(170, 150, 120, 255));
                }
                outline.push_back(p);
                ++drawn;
            }
            if (outline.size() > 1) dl->AddPolyline(outline.data(), int(outline.size()), IM_COL32(80, 60, 40, 255), 0, 1.5f);
            if (ImGui::IsItemHovered()) {
                const float t = std::clamp((ImGui::GetIO().MousePos.x - origin.x - pad) / (size.x - 2 * pad), 0.0f, 1.0f);
                const std::size_t i = std::size_t(std::lround(t * float(n - 1)));
                if (std::isfinite(profile.elevations[i]))
                    ImGui::SetTooltip("%s from the start: %.0f m", formatDistance(profile.length_m * t).c_str(),
                                      profile.elevations[i]);
            }
        }
    }
    ImGui::End();
    return drawn;
}

}  // namespace app::ui
