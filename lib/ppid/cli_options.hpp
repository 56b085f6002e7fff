// Command-line options shared by several tools, defined once so they read and behave the same.
#pragma once

#include <ppid/rules.hpp>
#include <ppid/workday_calendar.hpp>

#include <CLI/CLI.hpp>
#include <date/date.h>

#include <optional>
#include <string>

namespace ppid {

// Adds --cuti-bersama=day-off|working, writing into `policy`.
void add_cuti_bersama_option(CLI::App& app, CutiBersamaPolicy& policy);

// Returns the date in `text` (YYYY-MM-DD); throws UsageError naming `what` otherwise.
date::sys_days parse_date_argument(const std::string& text, const std::string& what);

// Throws UsageError when --regime names a rule set that does not exist.
void check_regime_option(const Rules& rules, const std::optional<std::string>& regime);

// Returns the working-day calendar for this office: the shipped national calendar plus the
// config's closed days, under `policy`.
WorkdayCalendar load_office_calendar(const std::filesystem::path& data_dir, const OfficeConfig& config,
                                     CutiBersamaPolicy policy);

}  // namespace ppid
