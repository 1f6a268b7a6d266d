#include "app/ui/panels.hpp"
#include "app/ui/layers_panel.hpp"

#include "app/ui/claims_panel.hpp"
#include "app/ui/corrections_panel.hpp"
#include "app/ui/item_locator.hpp"
#include "app/scene.hpp"
#include "app/wording.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace app::ui {
namespace {

constexpr ImU32 kMentionBg = IM_COL32(90, 140, 230, 60);
constexpr ImU32 kMentionHoverBg = IM_COL32(90, 140, 230, 140);
constexpr ImU32 kSelectedMentionBg = IM_COL32(255, 200, 0, 170);
constexpr ImU32 kDemonymBg = IM_COL32(160, 110, 220, 55);
constexpr float kStatusBarPadding = 8.0f;  // around the status bar's line of text

// One run of a passage's text: plain, or one mention.
struct Run {
    std::size_t byte_start;
    std::size_t byte_end;
    std::optional<std::size_t> mention;
};

std::vector<Run> passageRuns(const OpenDocument& doc, std::size_t passage_index) {
    const geo::Passage& p = doc.document.passages()[passage_index];
    std::vector<Run> runs;
    std::size_t cursor = p.byte_start;
    // Mentions are in text order, so a passage's mentions are one contiguous run: find its start
    // by bisection (a long text has millions of mentions and the panel draws every frame).
    const auto& mentions = doc.extraction.mentions;
    const auto first = std::partition_point(mentions.begin(), mentions.end(), [passage_index](const geo::Mention& m) {
        return m.passage < passage_index;
    });
    for (auto m = static_cast<std::size_t>(first - mentions.begin()); m < mentions.size(); ++m) {
        const geo::Mention& mention = mentions[m];
        if (mention.passage != passage_index) break;
        if (mention.byte_start < cursor) continue;
        if (mention.byte_start > cursor) runs.push_back(Run{cursor, mention.byte_start, std::nullopt});
        runs.push_back(Run{mention.byte_start, mention.byte_end, m});
        cursor = mention.byte_end;
    }
    if (cursor < p.byte_end) runs.push_back(Run{cursor, p.byte_end, std::nullopt});
    return runs;
}

// Draws a passage as word-wrapped text with mentions highlighted; hovering or clicking a mention
// pushes its action. Returns true if a mention took the click.
bool drawPassageText(const AppState& state, ActionQueue& actions, std::size_t passage_index,
                     std::vector<MentionHit>& hits, bool scroll_to_selected_mention) {
    const OpenDocument& doc = *state.doc;
    const std::string& text = doc.document.text();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float wrap = std::max(50.0f, ImGui::GetContentRegionAvail().x);
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
    float x = 0, y = 0;
    bool mention_clicked = false;

    for (const Run& run : passageRuns(doc, passage_index)) {
        std::size_t pos = run.byte_start;
        while (pos < run.byte_end) {
            // A token is a word and the spaces after it, so wrapping happens between words.
            std::size_t end = text.find(' ', pos);
            end = end == std::string::npos || end >= run.byte_end ? run.byte_end : end + 1;
            const char* b = text.c_str() + pos;
            const char* e = text.c_str() + end;
            const float w = font->CalcTextSizeA(font_size, 1e9f, 0.0f, b, e).x;
            // Punctuation stays on the line of the word before it.
            const bool starts_with_punctuation = std::strchr(",.;:!?)]", *b) != nullptr ||
                                                 std::strncmp(b, "\u2019", 3) == 0 || std::strncmp(b, "\u201d", 3) == 0;
            if (x > 0 && x + w > wrap && !starts_with_punctuation) {
                x = 0;
                y += line_h;
            }
            const ImVec2 p0(origin.x + x, origin.y + y);
            if (run.mention) {
                const geo::Mention& mention = doc.extraction.mentions[*run.mention];
                // Highlight the word, not the space after it, unless the mention continues.
                const bool trailing_space = end < run.byte_end || *(e - 1) != ' ';
                const float hw = trailing_space ? w : font->CalcTextSizeA(font_size, 1e9f, 0.0f, b, e - 1).x;
                const ImVec2 p1(p0.x + hw, p0.y + font_size + 2);
                const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(p0, p1);
                const bool selected = state.selection.place == mention.place;
                const bool hover_linked = state.hover.mention == run.mention || state.hover.place == mention.place;
                ImU32 bg = mention.kind == geo::MentionKind::Demonym ? kDemonymBg : kMentionBg;
                if (hover_linked) bg = kMentionHoverBg;
                if (selected) bg = kSelectedMentionBg;
                dl->AddRectFilled(ImVec2(p0.x - 1, p0.y), ImVec2(p1.x + 1, p1.y), bg, 3.0f);
                if (state.selection.mention == run.mention) {
                    dl->AddRect(ImVec2(p0.x - 2, p0.y - 1), ImVec2(p1.x + 2, p1.y + 1), IM_COL32(200, 80, 0, 255), 3.0f, 0, 2.0f);
                    if (scroll_to_selected_mention) ImGui::SetScrollFromPosY(p0.y - ImGui::GetWindowPos().y, 0.3f);
                }
                hits.push_back(MentionHit{*run.mention, p0.x, p0.y, p1.x, p1.y});
                if (hovered) {
                    actions.push(SetHover{mention.place, *run.mention});
                    const auto& place = doc.extraction.places[mention.place];
                    ImGui::SetTooltip("%s (%s, %s)\n%zu mention%s — click to select", place.place.name.c_str(),
                                      geo::toString(place.place.kind), place.place.country.c_str(),
                                      place.mentions.size(), place.mentions.size() == 1 ? "" : "s");
                    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                        actions.push(SelectMention{*run.mention});
                        mention_clicked = true;
                    }
                }
            }
            if (!run.mention && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right) &&
                ImGui::IsMouseHoveringRect(p0, ImVec2(p0.x + w, p0.y + font_size + 2))) {
                // Right-click on a word the program did not mark: start "Add a place" with it.
                const auto word = wordAt(text, pos);
                if (word.first < word.second) actions.push(BeginAddPlace{word.first, word.second});
            }
            if (state.add_place && !run.mention && pos < state.add_place->byte_end && end > state.add_place->byte_start)
                dl->AddRectFilled(ImVec2(p0.x - 1, p0.y), ImVec2(p0.x + w, p0.y + font_size + 2), IM_COL32(60, 180, 90, 90), 3.0f);
            dl->AddText(font, font_size, p0, text_color, b, e);
            x += w;
            pos = end;
        }
    }
    ImGui::Dummy(ImVec2(wrap, y + line_h));
    return mention_clicked;
}

// Every place of the text: sortable by any column, filtered by the search box; a row selects.
void drawPlacesTable(const AppState& state, ActionQueue& actions, PanelState& panel) {
    const OpenDocument& doc = *state.doc;
    if (!ImGui::CollapsingHeader("Places", ImGuiTreeNodeFlags_DefaultOpen)) return;
    panel.place_filter.Draw("Search##places", ImGui::GetContentRegionAvail().x * 0.6f);
    noteItem("Search places");
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    // As many rows as there are places, up to a third of the panel (at least six): the same height
    // whatever is selected, so the table never moves under the cursor.
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const std::size_t fit = std::max<std::size_t>(6, std::size_t(ImGui::GetWindowHeight() / 3.0f / line_h));
    const float rows = float(std::min(doc.extraction.places.size(), fit) + 1);
    if (!ImGui::BeginTable("places", 5, flags, ImVec2(0, line_h * (rows + 0.6f)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_DefaultSort, 3.0f);
    ImGui::TableSetupColumn("Kind", 0, 1.4f);
    ImGui::TableSetupColumn("Ctry", 0, 0.8f);
    ImGui::TableSetupColumn("Ment.", ImGuiTableColumnFlags_PreferSortDescending, 0.9f);
    ImGui::TableSetupColumn("Conf.", ImGuiTableColumnFlags_PreferSortDescending, 0.9f);
    ImGui::TableHeadersRow();

    std::vector<std::size_t> rows_order;
    for (std::size_t i = 0; i < doc.extraction.places.size(); ++i)
        if (panel.place_filter.PassFilter(doc.extraction.places[i].place.name.c_str())) rows_order.push_back(i);
    if (const ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& spec = sort->Specs[0];
        auto key_less = [&](std::size_t a, std::size_t b) {
            const auto& pa = doc.extraction.places[a];
            const auto& pb = doc.extraction.places[b];
            switch (spec.ColumnIndex) {
                case 1: return std::string(geo::toString(pa.place.kind)) < geo::toString(pb.place.kind);
                case 2: return pa.place.country < pb.place.country;
                case 3: return pa.mentions.size() < pb.mentions.size();
                case 4: return pa.confidence < pb.confidence;
                default: return pa.place.name < pb.place.name;
            }
        };
        std::stable_sort(rows_order.begin(), rows_order.end(), [&](std::size_t a, std::size_t b) {
            return spec.SortDirection == ImGuiSortDirection_Descending ? key_less(b, a) : key_less(a, b);
        });
    }
    for (std::size_t i : rows_order) {
        const auto& rp = doc.extraction.places[i];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        char label[256];
        std::snprintf(label, sizeof label, "%s##place%zu", rp.place.name.c_str(), i);
        if (ImGui::Selectable(label, state.selection.place == i, ImGuiSelectableFlags_SpanAllColumns))
            actions.push(SelectPlace{i});
        noteItem(label);
        if (ImGui::IsItemHovered()) actions.push(SetHover{i, std::nullopt});
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(geo::toString(rp.place.kind));
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(rp.place.country.c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::Text("%zu", rp.mentions.size());
        ImGui::TableSetColumnIndex(4);
        ImGui::Text("%.2f", rp.confidence);
    }
    ImGui::EndTable();
}

void drawTextSwitcher(const AppState& state, ActionQueue& actions) {
    if (state.other_docs.empty()) return;
    const std::string current = state.doc->document.name();
    if (ImGui::BeginCombo("Text", current.c_str())) {
        ImGui::Selectable(current.c_str(), true);
        for (std::size_t i = 0; i < state.other_docs.size(); ++i) {
            const std::string name = state.other_docs[i]->document.name() + "##text" + std::to_string(i);
            if (ImGui::Selectable(name.c_str(), false)) actions.push(ActivateDocument{i});
        }
        ImGui::EndCombo();
    }
    bool show = state.show_other_texts;
    if (ImGui::Checkbox("Show places of all open texts", &show)) actions.push(SetShowOtherTexts{show});
}

void drawTourBar(const AppState& state, ActionQueue& actions) {
    if (!state.tour) {
        if (ImGui::Button("Tour the text (T)")) actions.push(StartTour{});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Walk the places in reading order; N / P step, Space pauses");
        return;
    }
    const auto stops = tourStops(*state.doc);
    ImGui::Text("Tour: stop %zu of %zu", state.tour->stop + 1, stops.size());
    ImGui::SameLine();
    if (ImGui::SmallButton("< P")) actions.push(StepTour{-1});
    ImGui::SameLine();
    if (ImGui::SmallButton(state.tour->playing ? "Pause" : "Play")) actions.push(ToggleTourPlaying{});
    ImGui::SameLine();
    if (ImGui::SmallButton("N >")) actions.push(StepTour{+1});
    ImGui::SameLine();
    if (ImGui::SmallButton("Stop")) actions.push(StopTour{});
}

// "Go to any place": a gazetteer search; choosing a result flies there and pins it on the map.
void drawGoToPlace(const AppState& state, ActionQueue& actions, PanelState& panel) {
    if (!state.gazetteer) return;
    ImGui::SetNextItemWidth(-1);
    // Enter goes to the first result, as in a map's search box.
    const bool entered = ImGui::InputTextWithHint("##goto", "Go to any place…", panel.goto_query, sizeof panel.goto_query,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    noteItem("Go to any place");
    if (panel.goto_query[0] == '\0') return;
    if (!panel.place_search || panel.place_search->gazetteer() != state.gazetteer)
        panel.place_search = std::make_unique<PlaceSearch>(*state.gazetteer);
    const auto found = panel.place_search->find(panel.goto_query, 8);
    if (found.empty()) ImGui::TextDisabled("No place of that name in the gazetteer");
    if (entered && !found.empty()) {
        actions.push(GoToPlace{state.gazetteer->place(found.front())});
        panel.goto_query[0] = '\0';
        return;
    }
    for (std::uint32_t index : found) {
        const geo::Place& place = state.gazetteer->place(index);
        const std::string line = describeFoundPlace(place);
        if (ImGui::Selectable((line + "##found" + std::to_string(index)).c_str())) {
            actions.push(GoToPlace{place});
            panel.goto_query[0] = '\0';
        }
        noteItem(line);
    }
}

void drawPlaceHeader(const AppState& state, ActionQueue& actions, PanelState& panel) {
    const OpenDocument& doc = *state.doc;
    drawTextSwitcher(state, actions);
    drawGoToPlace(state, actions, panel);
    // The places list first: selecting a place changes what is below it, never where it is.
    drawPlacesTable(state, actions, panel);
    if (state.selection.place) {
        const geo::ResolvedPlace& rp = doc.extraction.places[*state.selection.place];
        ImGui::TextColored(ImVec4(0.55f, 0.25f, 0.0f, 1.0f), "%s", rp.place.name.c_str());
        ImGui::TextDisabled("%s%s%s · %.4f° N, %.4f° E", geo::toString(rp.place.kind),
                            rp.place.country.empty() ? "" : ", ", rp.place.country.c_str(), rp.place.position.lat,
                            rp.place.position.lon);
        ImGui::Text("%zu mention%s in %zu passage%s", rp.mentions.size(), rp.mentions.size() == 1 ? "" : "s",
                    rp.passages.size(), rp.passages.size() == 1 ? "" : "s");
        if (!state.tour) {
            if (ImGui::Button("< Prev (P)")) actions.push(StepMention{-1});
            ImGui::SameLine();
            if (ImGui::Button("Next (N) >")) actions.push(StepMention{+1});
            ImGui::SameLine();
        }
        if (ImGui::Button("Show all passages (Esc)")) actions.push(ClearSelection{});
        noteItem("Show all passages (Esc)");
        drawCorrectionControls(state, actions, panel);
    } else {
        const std::string counts = countOf(doc.document.passages().size(), "passage") + " · " +
                                   countOf(doc.extraction.places.size(), "place") + " · " +
                                   countOf(doc.extraction.mentions.size(), "mention");
        ImGui::TextUnformatted(counts.c_str());
        ImGui::TextDisabled("Click a place, a marker or a highlighted name.");
    }
    drawTourBar(state, actions);
    drawClaimsList(state, actions);
    ImGui::Separator();
}

}  // namespace

float menuBarHeight() { return ImGui::GetFrameHeight(); }

MenuRequests drawMainMenu(const AppState& state, ActionQueue& actions, const std::vector<std::string>& recent_files) {
    MenuRequests requests;
    if (ImGui::BeginMainMenuBar()) {
        const bool file_menu = ImGui::BeginMenu("File");
        noteItem("File");
        if (file_menu) {
            if (ImGui::MenuItem("Open…", "Ctrl+O")) requests.open_dialog = true;
            // Edits are saved as they are made; Save also writes the view.
            if (ImGui::MenuItem("Save project", "Ctrl+S", false, state.doc != nullptr)) requests.save = true;
            noteItem("Save project");
            if (ImGui::BeginMenu("Open recent", !recent_files.empty())) {
                for (const auto& path : recent_files)
                    if (ImGui::MenuItem(path.c_str())) requests.open_path = path;
                ImGui::EndMenu();
            }
            ImGui::Separator();
            if (ImGui::BeginMenu("Export", state.doc != nullptr)) {
                // Values of app::ui::ExportKind, in its order.
                if (ImGui::MenuItem("Image (PNG)…")) requests.export_kind = 0;
                if (ImGui::MenuItem("GeoTIFF…")) requests.export_kind = 1;
                if (ImGui::MenuItem("Places (GeoJSON, KML, GeoPackage)…")) requests.export_kind = 2;
                if (ImGui::MenuItem("Report (HTML)…")) requests.export_kind = 3;
                ImGui::EndMenu();
            }
            if (ImGui::MenuItem("Save screenshot", "F12")) requests.screenshot = true;
            if (ImGui::MenuItem("Save screenshot at 2×", "Shift+F12")) requests.screenshot_2x = true;
            ImGui::Separator();
            if (ImGui::MenuItem("Quit", "Ctrl+Q")) requests.quit = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Edit")) {
            const bool can_undo = state.doc && !state.doc->corrections.empty();
            const bool can_redo = state.doc && !state.doc->redo.empty();
            if (ImGui::MenuItem("Undo correction", "Ctrl+Z", false, can_undo)) requests.undo = true;
            if (ImGui::MenuItem("Redo correction", "Ctrl+Y", false, can_redo)) requests.redo = true;
            ImGui::Separator();
            ImGui::TextDisabled("Right-click a word in a passage to add a place");
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            if (ImGui::MenuItem("Home: the text's focus", "Home", false, state.doc != nullptr)) actions.push(GoHome{});
            if (ImGui::MenuItem("Fit all places", "Home twice", false, state.doc != nullptr)) actions.push(FitAll{});
            if (ImGui::MenuItem("Clear selection", "Esc", false, state.selection.place.has_value()))
                actions.push(ClearSelection{});
            if (ImGui::MenuItem("Next mention", "N", false, state.selection.place.has_value()))
                actions.push(StepMention{+1});
            if (ImGui::MenuItem("Previous mention", "P", false, state.selection.place.has_value()))
                actions.push(StepMention{-1});
            if (ImGui::MenuItem("Tour in reading order", "T", state.tour.has_value(), state.doc != nullptr))
                actions.push(state.tour ? Action{StopTour{}} : Action{StartTour{}});
            if (ImGui::MenuItem("Measure distance", "M", state.measure.has_value())) actions.push(ToggleMeasure{});
            if (ImGui::MenuItem("Show places of all open texts", nullptr, state.show_other_texts))
                actions.push(SetShowOtherTexts{!state.show_other_texts});
            ImGui::EndMenu();
        }
        drawMapMenu(state, actions);
        if (ImGui::BeginMenu("Help")) {
            ImGui::TextUnformatted("Drag: pan · Wheel: zoom about the cursor · Double-click: zoom in");
            ImGui::TextUnformatted("Home: the text's focus (twice: every place) · Esc: clear selection · F12: screenshot");
            ImGui::TextUnformatted("N / P: next / previous mention · T: tour · Space: pause the tour");
            ImGui::TextUnformatted("Drop a text file on the window to open it");
            ImGui::Separator();
            ImGui::TextUnformatted("Place names: GeoNames (geonames.org), CC BY 4.0");
            ImGui::TextUnformatted("Coasts, lakes, rivers: GSHHG/WDBII (LGPL-3+) · Borders, rivers: Natural Earth");
            ImGui::TextUnformatted("World relief: ETOPO5 (NOAA NGDC), public domain");
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }
    return requests;
}

std::vector<MentionHit> drawPassagesPanel(const AppState& state, ActionQueue& actions, PanelState& panel, float top,
                                          float bottom) {
    std::vector<MentionHit> hits;
    ImGui::SetNextWindowPos(ImVec2(0, top));
    // panel_width_px is in the map's framebuffer pixels; ImGui lays out in window units.
    const float fb_scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    ImGui::SetNextWindowSize(ImVec2(float(state.panel_width_px) / fb_scale, bottom - top));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    const std::string title = state.doc ? "Passages — " + state.doc->document.name() + "###passages" : "Passages###passages";
    if (ImGui::Begin(title.c_str(), nullptr, flags) && state.doc) {
        drawPlaceHeader(state, actions, panel);
        ImGui::BeginChild("passage-list");
        if (state.scroll_passages_to_top) ImGui::SetScrollY(0);
        PassageHeights& heights = panel.passage_heights;
        const auto& passages = state.doc->document.passages();
        const float wrap = std::max(50.0f, ImGui::GetContentRegionAvail().x);
        if (heights.document != &state.doc->document || heights.wrap_width != wrap ||
            heights.font_size != ImGui::GetFontSize() || heights.height.size() != passages.size()) {
            heights = PassageHeights{&state.doc->document, wrap, ImGui::GetFontSize(),
                                     std::vector<float>(passages.size(), 0.0f)};
        }
        // A passage not yet drawn: its header, its bytes at about half an em each, the separator.
        const float line_h = ImGui::GetTextLineHeightWithSpacing();
        const float chars_per_line = std::max(1.0f, wrap / (0.5f * ImGui::GetFontSize()));
        const auto heightOf = [&](std::size_t index) {
            if (heights.height[index] > 0.0f) return heights.height[index];
            const float bytes = float(passages[index].byte_end - passages[index].byte_start);
            return line_h * (2.0f + std::floor(bytes / chars_per_line)) + ImGui::GetStyle().ItemSpacing.y;
        };
        // Drawn: what the window shows, a screen above and below (so the wheel never reaches an
        // estimate first), and the passage of a mention the panel must scroll to.
        const float view_top = ImGui::GetScrollY() - ImGui::GetWindowHeight();
        const float view_bottom = ImGui::GetScrollY() + 2.0f * ImGui::GetWindowHeight();
        // Scrolling to a mention goes on for a few frames: the passages drawn on the way are
        // measured, which moves the estimated position of the one scrolled to.
        const auto& mentions = state.doc->extraction.mentions;
        if (state.scroll_to_mention && state.selection.mention) panel.scroll_frames_left = 4;
        if (!state.selection.mention || *state.selection.mention >= mentions.size()) panel.scroll_frames_left = 0;
        std::optional<std::size_t> must_draw;
        if (panel.scroll_frames_left > 0) must_draw = mentions[*state.selection.mention].passage;
        float y = ImGui::GetCursorPosY();
        panel.passages_drawn = 0;
        float shift_above = 0.0f;
        for (std::size_t index : visiblePassages(state)) {
            const float h = heightOf(index);
            if ((y + h < view_top || y > view_bottom) && must_draw != index) {
                y += h;
                continue;
            }
            ImGui::SetCursorPosY(y);
            ++panel.passages_drawn;
            ImGui::PushID(int(index));
            const bool selected = state.selection.passage == index;
            const ImVec2 top_left = ImGui::GetCursorScreenPos();
            ImGui::TextDisabled("¶ %zu", index + 1);
            const bool mention_clicked = drawPassageText(state, actions, index, hits, must_draw == index);
            const ImVec2 bottom_right(top_left.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
            if (selected)
                ImGui::GetWindowDrawList()->AddRect(ImVec2(top_left.x - 4, top_left.y - 2), bottom_right,
                                                    IM_COL32(255, 170, 0, 255), 4.0f, 0, 2.0f);
            if (!mention_clicked && ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(top_left, bottom_right) &&
                ImGui::IsMouseClicked(ImGuiMouseButton_Left))
                actions.push(SelectPassage{index});
            ImGui::Separator();
            ImGui::PopID();
            const float measured = std::max(1.0f, ImGui::GetCursorPosY() - y);
            // Scroll anchoring: a passage above the view that turns out taller or shorter than its
            // estimate moves everything below; scroll by as much so what the reader sees stays put.
            if (y + h <= ImGui::GetScrollY()) shift_above += measured - h;
            heights.height[index] = measured;
            y += measured;
        }
        if (shift_above != 0.0f && !must_draw) ImGui::SetScrollY(ImGui::GetScrollY() + shift_above);
        if (panel.scroll_frames_left > 0) --panel.scroll_frames_left;
        // The list's full height, so the scroll bar covers the passages not drawn.
        ImGui::SetCursorPosY(y);
        ImGui::Dummy(ImVec2(0.0f, 0.0f));
        ImGui::EndChild();
    }
    ImGui::End();
    return hits;
}

void drawStatusBar(const AppState& state, float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 3));
    if (ImGui::Begin("##status", nullptr, flags)) ImGui::TextUnformatted(state.status.c_str());
    ImGui::End();
    ImGui::PopStyleVar();
}

void drawErrorDialog(const AppState& state, ActionQueue& actions) {
    if (state.error.empty()) return;
    if (!ImGui::IsPopupOpen("Error")) ImGui::OpenPopup("Error");
    if (ImGui::BeginPopupModal("Error", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(state.error.c_str());
        if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            actions.push(DismissError{});
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

std::string markerTooltip(const AppState& state) {
    if (!state.doc || !state.hover.place || state.hover.mention) return "";
    const auto& places = state.doc->extraction.places;
    const auto& rp = places[*state.hover.place];
    const MarkerScene scene = drawnMarkers(state);
    const auto marker = markerOfPlace(scene, *state.hover.place);
    const auto mentions = [](const geo::ResolvedPlace& p) {
        return countOf(p.mentions.size(), "mention");
    };
    if (!marker || scene.members[*marker].size() < 2) return rp.place.name + "\n" + mentions(rp);
    // A cluster: its places, the leader first, and what a click does.
    constexpr std::size_t kListed = 12;
    const auto& members = scene.members[*marker];
    std::string text = std::to_string(members.size()) + " places here:";
    for (std::size_t i = 0; i < members.size() && i < kListed; ++i)
        text += "\n  " + places[members[i]].place.name + " (" + mentions(places[members[i]]) + ")";
    if (members.size() > kListed) text += "\n  … and " + std::to_string(members.size() - kListed) + " more";
    return text + "\nClick to open the cluster";
}

void drawMarkerTooltip(const AppState& state) {
    const std::string text = markerTooltip(state);
    if (!text.empty()) ImGui::SetTooltip("%s", text.c_str());
}

// One line of text with its padding: grows with the font (HiDPI).
float statusBarHeight() { return ImGui::GetTextLineHeight() + kStatusBarPadding; }

}  // namespace app::ui
