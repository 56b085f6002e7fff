// The national holiday calendar as shipped in share/ppid/calendars/ (one file per year, each
// with its decrees), plus the office's own closed days.
#pragma once

#include <ppid/config.hpp>

#include <date/date.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// Why a weekday is not a working day. Each category is kept apart because offices and rules
// treat them differently (cuti bersama may count as working with --cuti-bersama=working).
enum class DayOffCategory { libur_nasional, cuti_bersama, pemilu, office_closed };

// Returns the category's data name ("libur_nasional", "cuti_bersama", "pemilu", "office_closed").
std::string_view to_string(DayOffCategory category);

// Returns the category's label for people: the Indonesian legal terms "libur nasional" and
// "cuti bersama", "election day", "office closed".
std::string_view label(DayOffCategory category);

// Returns the category named by its data name, or nullopt.
std::optional<DayOffCategory> parse_day_off_category(std::string_view name);

struct DayOff {
    date::sys_days day;
    DayOffCategory category;
    std::string name;
    std::string source;        // the decree or config file that makes it a day off
    bool provisional = false;  // from a year whose decree is not confirmed yet
};

struct HolidayData {
    date::sys_days first;  // coverage, inclusive
    date::sys_days last;
    std::vector<DayOff> days;               // sorted by day
    std::vector<int> provisional_years;     // years whose calendar may still change
};

// Returns every calendars/*.json under `calendars_dir` merged. Throws Error for a malformed
// file, a day outside its file's coverage, or years that leave a gap in the coverage.
HolidayData load_holidays(const std::filesystem::path& calendars_dir);

// Returns `data` with the office's closed days added (category office_closed).
HolidayData with_closed_days(HolidayData data, const std::vector<ClosedDay>& closed, const std::string& source);

}  // namespace ppid
