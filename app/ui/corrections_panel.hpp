// app/ui/corrections_panel.hpp — the reader's corrections in Dear ImGui: for the selected place,
// "Choose another place" (its alternatives, nearest to the text's other places first, also drawn on
// the map), "Not a place", narrowed to the selected mention if asked; and the "Add a place" window
// for words the program missed (a gazetteer entry, or a point clicked on the map). Edit → Undo/Redo.
// Reads AppState, pushes Actions; no GL.
#pragma once
#include "app/actions.hpp"

struct ImDrawList;

namespace app::ui {

struct PanelState;

void drawCorrectionControls(const AppState& state, ActionQueue& actions, PanelState& panel);
void drawAddPlaceWindow(const AppState& state, ActionQueue& actions, PanelState& panel);
// The alternatives of "choose another place" on the map: hollow markers with name and distance.
void drawCandidatesOnMap(ImDrawList* draw_list, const AppState& state);

// The byte span of the word at `byte` in the document (geo::text::wordAt: letters and digits with
// apostrophes inside, or initials; "Kabul—the" → "Kabul"), or {byte, byte} if there is no word there.
std::pair<std::size_t, std::size_t> wordAt(const std::string& text, std::size_t byte);
// The span grown (+1) or shrunk (-1) by one word at its start (`at_end` false) or end, kept inside
// [limit_start, limit_end) and never empty.
std::pair<std::size_t, std::size_t> adjustSpanByWord(const std::string& text, std::size_t start, std::size_t end,
                                                     bool at_end, int delta, std::size_t limit_start,
                                                     std::size_t limit_end);

}  // namespace app::ui
