// Command-line options shared by several tools, defined once so they read and behave the same.
#pragma once

#include <ppid/deadline.hpp>
#include <ppid/rules.hpp>
#include <ppid/runner.hpp>
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

// What ppid-deadline and ppid-stats both need before they read a record.
struct DeadlineSetup {
    WorkdayCalendar calendar;
    Rules rules;
    DeadlineOptions options;  // as_of and the office-hours cut-off filled in
};

// Returns the office's calendar under `policy`, the rule sets (--regime checked against them)
// and the options for --as-of (default: today in the office's time zone). Throws UsageError or
// Error for bad options or data.
DeadlineSetup load_deadline_setup(ToolContext& context, CutiBersamaPolicy policy,
                                  const std::optional<std::string>& regime, const std::optional<std::string>& as_of);

// Returns the working-day calendar for this office: the shipped national calendar plus the
// config's closed days, under `policy`.
WorkdayCalendar load_office_calendar(const std::filesystem::path& data_dir, const OfficeConfig& config,
                                     CutiBersamaPolicy policy);

}  // namespace ppid
