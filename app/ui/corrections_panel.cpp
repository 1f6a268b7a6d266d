#include "app/ui/corrections_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/scene.hpp"
#include "app/ui/item_locator.hpp"
#include "app/ui/panels.hpp"
#include "geo/text/unicode.hpp"

namespace app::ui {
namespace {

// True when byte i is no part of a word (geo/text/unicode's one definition of a word).
bool outsideWord(const std::string& text, std::size_t i) {
    const geo::text::WordSpan word = geo::text::wordAt(text, i);
    return word.begin == word.end;
}

geo::CorrectionScope scopeOf(const PanelState& panel, const AppState& state) {
    return panel.this_mention_only && state.selection.mention ? geo::CorrectionScope::ThisMention
                                                              : geo::CorrectionScope::AllWithName;
}

std::string describeCandidate(const geo::CandidateView& c, const AppState& state) {
    char text[512];
    std::string near;
    if (c.nearest_other < state.doc->extraction.places.size() && std::isfinite(c.nearest_other_m)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, " — %.0f km from %s", c.nearest_other_m / 1000.0,
                      state.doc->extraction.places[c.nearest_other].place.name.c_str());
        near = buf;
    }
    std::snprintf(text, sizeof text, "%s, %s (%s%s)%s", c.name.c_str(), c.country.empty() ? "—" : c.country.c_str(),
                  geo::toString(c.kind), c.population > 0 ? (", pop. " + std::to_string(c.population)).c_str() : "",
                  near.c_str());
    return text;
}

}  // namespace

std::pair<std::size_t, std::size_t> wordAt(const std::string& text, std::size_t byte) {
    const geo::text::WordSpan word = geo::text::wordAt(text, byte);
    return {word.begin, word.end};
}

std::pair<std::size_t, std::size_t> adjustSpanByWord(const std::string& text, std::size_t start, std::size_t end,
                                                     bool at_end, int delta, std::size_t limit_start,
                                                     std::size_t limit_end) {
    auto is_space = [&](std::size_t i) { return outsideWord(text, i); };
    if (at_end && delta > 0) {
        std::size_t i = end;
        while (i < limit_end && is_space(i)) ++i;
        if (i < limit_end) end = wordAt(text, i).second;
    } else if (at_end && delta < 0) {
        std::size_t i = end;
        while (i > start && !is_space(i - 1)) --i;  // back over the last word
        while (i > start && is_space(i - 1)) --i;   // and the gap before it
        if (i > start) end = i;
    } else if (!at_end && delta > 0) {
        std::size_t i = start;
        while (i > limit_start && is_space(i - 1)) --i;
        if (i > limit_start) start = wordAt(text, i - 1).first;
    } else {
        std::size_t i = start;
        while (i < end && !is_space(i)) ++i;
        while (i < end && is_space(i)) ++i;
        if (i < end) start = i;
    }
    return {start, end};
}

void drawCorrectionControls(const AppState& state, ActionQueue& actions, PanelState& panel) {
    if (!state.doc || !state.selection.place || !state.gazetteer) return;
    const std::size_t place = *state.selection.place;
    const OpenDocument& doc = *state.doc;
    const bool header_open = ImGui::CollapsingHeader("Correct this place");
    noteItem("Correct this place");
    if (!header_open) return;
    if (state.selection.mention) {
        ImGui::Checkbox("Only the selected mention", &panel.this_mention_only);
        noteItem("Only the selected mention");
    } else {
        panel.this_mention_only = false;
        ImGui::TextDisabled("Applies to every mention of the same name (select a mention to narrow it).");
    }
    const geo::CorrectionScope scope = scopeOf(panel, state);
    const bool not_a_place = ImGui::Button("Not a place");
    noteItem("Not a place");
    if (not_a_place) {
        if (scope == geo::CorrectionScope::ThisMention)
            actions.push(Correct{{geo::notAPlace(doc.document, doc.extraction.mentions[*state.selection.mention], scope, 0)}});
        else
            actions.push(Correct{geo::notAPlaceForPlace(doc.document, doc.extraction, place, 0)});
    }
    ImGui::SameLine();
    const bool open = state.choosing_for == place;
    const char* toggle = open ? "Hide alternatives" : "Choose another place…";
    if (ImGui::Button(toggle)) actions.push(open ? Action{HideCandidates{}} : Action{ShowCandidates{place}});
    noteItem(toggle);
    if (!open) return;
    if (state.candidates.empty()) ImGui::TextDisabled("No other place of this name in the gazetteer.");
    ImGui::BeginChild("candidates", ImVec2(0, std::min(200.0f, 24.0f * float(state.candidates.size() + 1))), true);
    for (std::size_t i = 0; i < state.candidates.size(); ++i) {
        const geo::CandidateView& c = state.candidates[i];
        const std::string label = describeCandidate(c, state) + "##cand" + std::to_string(i);
        const bool chosen = ImGui::Selectable(label.c_str());
        noteItem(label);
        if (chosen) {
            const geo::PlaceTarget target{c.id, std::nullopt};
            if (scope == geo::CorrectionScope::ThisMention)
                actions.push(Correct{{geo::choosePlace(doc.document, doc.extraction.mentions[*state.selection.mention],
                                                       target, scope, 0)}});
            else
                actions.push(Correct{geo::choosePlaceForPlace(doc.document, doc.extraction, place, target, 0)});
        }
    }
    ImGui::EndChild();
}

void drawAddPlaceWindow(const AppState& state, ActionQueue& actions, PanelState& panel) {
    if (!state.doc || !state.add_place || !state.gazetteer) return;
    const AddPlaceDraft& draft = *state.add_place;
    const OpenDocument& doc = *state.doc;
    const std::string& text = doc.document.text();
    const std::size_t passage = doc.document.passageAtByte(draft.byte_start);
    std::size_t limit_start = 0, limit_end = text.size();
    if (passage != geo::Document::npos) {
        limit_start = doc.document.passages()[passage].byte_start;
        limit_end = doc.document.passages()[passage].byte_end;
    }
    const std::string words = doc.document.slice(draft.byte_start, draft.byte_end);
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    bool open = true;
    if (ImGui::Begin("Add a place", &open, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::IsWindowAppearing()) panel.gazetteer_query[0] = '\0';  // a new search each time
        ImGui::Text("Words: \"%s\"", words.c_str());
        auto adjust = [&](const char* label, bool at_end, int delta) {
            if (ImGui::SmallButton(label)) {
                const auto span = adjustSpanByWord(text, draft.byte_start, draft.byte_end, at_end, delta, limit_start, limit_end);
                actions.push(SetAddPlaceSpan{span.first, span.second});
            }
        };
        adjust("+ word before", false, +1);
        ImGui::SameLine();
        adjust("- first word", false, -1);
        ImGui::SameLine();
        adjust("- last word", true, -1);
        ImGui::SameLine();
        adjust("+ word after", true, +1);
        bool only_here = draft.this_mention_only;
        if (ImGui::Checkbox("Only here (not every occurrence)", &only_here))
            actions.push(SetAddPlaceOptions{draft.picking_on_map, only_here});
        const geo::CorrectionScope scope = only_here ? geo::CorrectionScope::ThisMention : geo::CorrectionScope::AllWithName;

        ImGui::Separator();
        // The words may be spelt otherwise than in the gazetteer: the reader can search another name.
        ImGui::InputTextWithHint("##gazetteer-query", words.c_str(), panel.gazetteer_query, sizeof panel.gazetteer_query);
        noteItem("Search the gazetteer");
        ImGui::SameLine();
        ImGui::TextUnformatted("Search the gazetteer");
        const std::string query = panel.gazetteer_query[0] != '\0' ? panel.gazetteer_query : words;
        ImGui::Text("Gazetteer entries named \"%s\":", query.c_str());
        const auto& entries = state.gazetteer->lookup(query);
        if (entries.empty()) ImGui::TextDisabled("none — search another name or place it on the map");
        for (std::size_t i = 0; i < entries.size() && i < 12; ++i) {
            const geo::Place& p = state.gazetteer->place(entries[i].place);
            char label[384];
            std::snprintf(label, sizeof label, "%s, %s (%s)##entry%zu", p.name.c_str(), p.country.c_str(),
                          geo::toString(p.kind), i);
            const bool chosen = ImGui::Selectable(label);
            noteItem(label);
            if (chosen) {
                try {
                    actions.push(Correct{{geo::addPlace(doc.document, draft.byte_start, draft.byte_end,
                                                        geo::PlaceTarget{p.id, std::nullopt}, scope, 0)}});
                } catch (const geo::Error& e) {
                    actions.push(ReportError{e.what()});
                }
            }
        }
        ImGui::Separator();
        bool picking = draft.picking_on_map;
        if (ImGui::Checkbox("Place it by clicking the map", &picking))
            actions.push(SetAddPlaceOptions{picking, draft.this_mention_only});
        if (picking) ImGui::TextDisabled("Click the map where \"%s\" is.", words.c_str());
        if (ImGui::Button("Cancel")) open = false;
    }
    ImGui::End();
    if (!open) actions.push(CancelAddPlace{});
}

void drawCandidatesOnMap(ImDrawList* dl, const AppState& state) {
    if (!state.choosing_for || state.candidates.empty()) return;
    const ImU32 ring = IM_COL32(120, 40, 160, 255);
    const ImU32 halo = IM_COL32(255, 255, 255, 220);
    for (const auto& c : state.candidates) {
        const geo::XY p = pixelOf(state, c.position);
        const ImVec2 at(float(p.x), float(p.y));
        dl->AddCircle(at, 7.0f, halo, 0, 4.0f);
        dl->AddCircle(at, 7.0f, ring, 0, 2.0f);
        char label[256];
        if (std::isfinite(c.nearest_other_m))
            std::snprintf(label, sizeof label, "%s (%.0f km)", c.name.c_str(), c.nearest_other_m / 1000.0);
        else
            std::snprintf(label, sizeof label, "%s", c.name.c_str());
        for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
            dl->AddText(ImVec2(at.x + 10 + d.x, at.y - 8 + d.y), halo, label);
        dl->AddText(ImVec2(at.x + 10, at.y - 8), ring, label);
    }
}

}  // namespace app::ui
