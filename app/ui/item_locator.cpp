#include "app/ui/item_locator.hpp"

#include <imgui.h>

namespace app::ui {
namespace {

std::vector<LocatedItem>& items() {
    static std::vector<LocatedItem> noted;
    return noted;
}

}  // namespace

void noteItem(const std::string& label) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    items().push_back(LocatedItem{label.substr(0, label.find("##")), min.x, min.y, max.x, max.y});
}

void clearNotedItems() { items().clear(); }

const std::vector<LocatedItem>& notedItems() { return items(); }

std::optional<LocatedItem> findNotedItem(const std::string& label, bool prefix) {
    for (auto it = items().rbegin(); it != items().rend(); ++it)
        if (prefix ? it->label.rfind(label, 0) == 0 : it->label == label) return *it;
    return std::nullopt;
}

}  // namespace app::ui
