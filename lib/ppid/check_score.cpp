#include <ppid/check_score.hpp>
#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/one_of.hpp>

#include <algorithm>
#include <cmath>

namespace ppid {

ScoreBands load_score_bands(const std::filesystem::path& folder, const std::string& name_or_file) {
    const auto path = resolve_data_file(folder, name_or_file, "bands-");
    const auto document = read_json_file(path, "bands file");
    const Location where{path.string(), 0};
    const auto fail = [&](const std::string& message) -> void { throw Error(message, where); };
    if (!document.is_object()) fail("the bands file must be a JSON object");
    static const char* const keys[] = {"bands", "title", "source", "credit", "levels"};
    for (const auto& member : document.items())
        if (!util::is_one_of(member.key(), keys))
            fail("unknown key \"" + member.key() + "\"");
    ScoreBands bands;
    if (!document.contains("bands") || !document["bands"].is_string()) fail("needs \"bands\", its name");
    bands.name = document["bands"].get<std::string>();
    if (!document.contains("credit") || !document["credit"].is_object()) fail("needs \"credit\", an object");
    for (const auto& member : document["credit"].items()) {
        const auto status = parse_item_status(member.key());
        if (!status || *status == ItemStatus::not_applicable) fail("\"credit\": unknown status \"" + member.key() + "\"");
        if (!member.value().is_number() || member.value().get<double>() < 0 || member.value().get<double>() > 1)
            fail("\"credit\": \"" + member.key() + "\" must be a number from 0 to 1");
        bands.credit[*status] = member.value().get<double>();
    }
    for (const ItemStatus status : all_item_statuses)
        if (status != ItemStatus::not_applicable && !bands.credit.count(status))
            fail("\"credit\" lacks \"" + std::string(to_string(status)) + "\"");
    if (!document.contains("levels") || !document["levels"].is_array() || document["levels"].empty())
        fail("needs \"levels\", a non-empty list");
    for (const auto& level : document["levels"]) {
        if (!level.is_object() || !level.contains("min") || !level["min"].is_number() || !level.contains("band") ||
            !level["band"].is_string() || !level.contains("band_en") || !level["band_en"].is_string() || level.size() != 3)
            fail("\"levels\": each must be {\"min\", \"band\", \"band_en\"}");
        const int min_tenths = static_cast<int>(std::lround(level["min"].get<double>() * 10));
        if (!bands.levels.empty() && min_tenths >= bands.levels.back().min_tenths)
            fail("\"levels\": the minimums must go down");
        bands.levels.push_back({min_tenths, level["band"].get<std::string>(), level["band_en"].get<std::string>()});
    }
    if (bands.levels.back().min_tenths != 0) fail("\"levels\": the last band must start at 0");
    return bands;
}

void ScoreSheet::add(const std::string& category, int weight, ItemStatus status) {
    const auto index = static_cast<std::size_t>(status);
    ++totals_[index];
    auto it = std::find_if(categories_.begin(), categories_.end(), [&](const auto& entry) { return entry.first == category; });
    if (it == categories_.end()) {
        categories_.emplace_back(category, std::array<int, 6>{});
        it = categories_.end() - 1;
    }
    ++it->second[index];
    if (status == ItemStatus::not_applicable) return;
    possible_ += weight;
    earned_ += weight * bands_.credit.at(status);
}

std::optional<int> ScoreSheet::score_tenths() const {
    if (possible_ == 0) return std::nullopt;
    return static_cast<int>(std::lround(1000.0 * earned_ / static_cast<double>(possible_)));
}

const ScoreBand& ScoreSheet::band(int score_tenths) const {
    for (const auto& level : bands_.levels)
        if (score_tenths >= level.min_tenths) return level;
    return bands_.levels.back();
}

}  // namespace ppid
