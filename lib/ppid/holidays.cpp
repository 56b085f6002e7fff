#include <ppid/error.hpp>
#include <ppid/holidays.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/iso_date.hpp>

#include <algorithm>

namespace ppid {

namespace fs = std::filesystem;

namespace {

constexpr DayOffCategory all_categories[] = {DayOffCategory::libur_nasional, DayOffCategory::cuti_bersama,
                                             DayOffCategory::pemilu, DayOffCategory::office_closed};

struct YearFile {
    int year = 0;
    date::sys_days first;
    date::sys_days last;
};

date::sys_days required_date(const nlohmann::json& object, const char* key, const Location& where) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) throw Error(std::string("missing date \"") + key + "\"", where);
    const auto day = util::parse_iso_date(it->get<std::string>());
    if (!day) throw Error("invalid date \"" + it->get<std::string>() + "\"", where);
    return *day;
}

std::string required_string(const nlohmann::json& object, const char* key, const Location& where) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) throw Error(std::string("missing text \"") + key + "\"", where);
    return it->get<std::string>();
}

YearFile load_year(const fs::path& path, HolidayData& data) {
    const Location where{path.string(), 0};
    const auto document = read_json_file(path, "holiday calendar");
    if (!document.is_object() || !document.contains("coverage") || !document.contains("days") ||
        !document.at("days").is_array())
        throw Error("a calendar file needs \"coverage\" and \"days\"", where);
    YearFile year;
    year.first = required_date(document.at("coverage"), "from", where);
    year.last = required_date(document.at("coverage"), "to", where);
    year.year = static_cast<int>(date::year_month_day{year.first}.year());
    const bool provisional = document.value("status", "") == "provisional";
    if (provisional) data.provisional_years.push_back(year.year);
    for (const auto& entry : document.at("days")) {
        DayOff off;
        off.day = required_date(entry, "date", where);
        const auto category = parse_day_off_category(required_string(entry, "category", where));
        if (!category) throw Error("unknown category in entry " + util::format_iso_date(off.day), where);
        off.category = *category;
        off.name = required_string(entry, "name", where);
        off.source = entry.value("source", "");
        off.provisional = provisional || entry.value("provisional", false);
        if (off.day < year.first || off.day > year.last)
            throw Error(util::format_iso_date(off.day) + " lies outside the file's coverage", where);
        data.days.push_back(std::move(off));
    }
    return year;
}

void sort_days(std::vector<DayOff>& days) {
    std::stable_sort(days.begin(), days.end(), [](const DayOff& a, const DayOff& b) { return a.day < b.day; });
}

}  // namespace

std::string_view to_string(DayOffCategory category) {
    switch (category) {
        case DayOffCategory::libur_nasional: return "libur_nasional";
        case DayOffCategory::cuti_bersama: return "cuti_bersama";
        case DayOffCategory::pemilu: return "pemilu";
        case DayOffCategory::office_closed: return "office_closed";
    }
    return "unknown";
}

std::string_view label(DayOffCategory category) {
    switch (category) {
        case DayOffCategory::libur_nasional: return "libur nasional";
        case DayOffCategory::cuti_bersama: return "cuti bersama";
        case DayOffCategory::pemilu: return "election day";
        case DayOffCategory::office_closed: return "office closed";
    }
    return "unknown";
}

std::optional<DayOffCategory> parse_day_off_category(std::string_view name) {
    for (const auto category : all_categories)
        if (to_string(category) == name) return category;
    return std::nullopt;
}

HolidayData load_holidays(const fs::path& calendars_dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(calendars_dir, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) throw Error("cannot read holiday calendars: " + ec.message(), Location{calendars_dir.string(), 0});
    if (files.empty()) throw Error("no holiday calendar files", Location{calendars_dir.string(), 0});
    std::sort(files.begin(), files.end());

    HolidayData data;
    std::vector<YearFile> years;
    for (const auto& file : files) years.push_back(load_year(file, data));
    std::sort(years.begin(), years.end(), [](const YearFile& a, const YearFile& b) { return a.first < b.first; });
    for (std::size_t i = 1; i < years.size(); ++i)
        if (years[i].first != years[i - 1].last + date::days{1})
            throw Error("holiday calendars leave a gap after " + util::format_iso_date(years[i - 1].last),
                        Location{calendars_dir.string(), 0});
    data.first = years.front().first;
    data.last = years.back().last;
    sort_days(data.days);
    return data;
}

HolidayData with_closed_days(HolidayData data, const std::vector<ClosedDay>& closed, const std::string& source) {
    for (const auto& day : closed)
        data.days.push_back({day.day, DayOffCategory::office_closed, day.name, source, false});
    sort_days(data.days);
    return data;
}

}  // namespace ppid
