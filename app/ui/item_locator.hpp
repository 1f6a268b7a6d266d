// app/ui/item_locator.hpp — where the viewer's labelled controls were drawn in the current frame
// (Dear ImGui screen coordinates), so that something driving the UI from outside — the UI tests,
// which click them like a user — can reach a button, menu or row by its label. Panels call
// noteItem() right after the widget; the viewer frame clears the list when a frame starts.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace app::ui {

struct LocatedItem {
    std::string label;  // the widget's label without its "##id" part
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float centreX() const { return (x0 + x1) / 2; }
    float centreY() const { return (y0 + y1) / 2; }
};

// Records the last ImGui item (ImGui::GetItemRectMin/Max) under `label` ("Save##file" → "Save").
void noteItem(const std::string& label);
void clearNotedItems();
const std::vector<LocatedItem>& notedItems();
// The last item noted with exactly this label, or the first whose label starts with it when
// `prefix` is set.
std::optional<LocatedItem> findNotedItem(const std::string& label, bool prefix = false);

}  // namespace app::ui
