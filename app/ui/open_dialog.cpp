#include "app/ui/open_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <vector>

#include "app/ui/item_locator.hpp"

namespace app::ui {
namespace {

bool hasExtension(const std::filesystem::path& file, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

}  // namespace

void OpenDialog::show(const std::string& start_folder) {
    visible = true;
    folder = start_folder;
    std::snprintf(path, sizeof path, "%s", start_folder.c_str());
}

std::optional<std::string> OpenDialog::draw() {
    namespace fs = std::filesystem;
    if (!visible) return std::nullopt;
    std::optional<std::string> chosen;
    if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowSize(ImVec2(620, 460), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal(title.c_str(), &visible)) {
        ImGui::TextDisabled("%s", folder.c_str());
        std::vector<fs::directory_entry> entries;
        std::error_code ec;
        for (fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
             it.increment(ec))
            entries.push_back(*it);
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            if (a.is_directory() != b.is_directory()) return a.is_directory();
            return a.path().filename() < b.path().filename();
        });
        ImGui::BeginChild("files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2));
        if (ImGui::Selectable("../")) folder = fs::path(folder).parent_path().string();
        for (const auto& e : entries) {
            const std::string name = e.path().filename().string() + (e.is_directory() ? "/" : "");
            if (!name.empty() && name[0] == '.') continue;
            if (!e.is_directory() && !hasExtension(e.path(), extensions)) continue;
            const bool clicked = ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick);
            noteItem(name);
            if (clicked) {
                if (e.is_directory()) folder = e.path().string();
                std::snprintf(path, sizeof path, "%s", e.path().string().c_str());
                if (!e.is_directory() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) chosen = e.path().string();
            }
        }
        ImGui::EndChild();
        ImGui::SetNextItemWidth(choose_folder ? -260.0f : -120.0f);
        const bool enter = ImGui::InputText("##path", path, sizeof path, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        const bool open = ImGui::Button("Open");
        noteItem("Open");
        if (open || enter) {
            std::error_code dir_ec;
            if (fs::is_directory(path, dir_ec)) folder = path;
            else chosen = std::string(path);
        }
        if (choose_folder) {
            ImGui::SameLine();
            if (ImGui::Button("Use this folder")) chosen = folder;
            noteItem("Use this folder");
        }
        if (chosen) {
            visible = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    return chosen;
}

}  // namespace app::ui
