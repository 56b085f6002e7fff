// `request` and `objection` records in, the same records with a `deadline` object out.
#pragma once

#include <ppid/config.hpp>
#include <ppid/deadline.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/rules.hpp>
#include <ppid/workday_calendar.hpp>

#include <date/tz.h>

#include <optional>
#include <string>

namespace ppid {

// Everything a deadline run needs besides the records themselves.
struct DeadlineRun {
    const WorkdayCalendar& calendar;
    const Rules& rules;
    const OfficeConfig& config;
    const date::time_zone& zone;
    DeadlineOptions options;
    std::optional<std::string> regime;  // --regime
};

// Returns whether the record is one ppid-deadline computes (type request or objection).
bool has_deadline(const Record& record);

// Adds the `deadline` object to a request or objection record and returns its status. Throws
// Error (at `where`) for a missing or invalid field, OutOfCoverage for dates the calendar does
// not cover; the record is then left unchanged.
DeadlineStatus add_deadline(Record& record, const Location& where, const DeadlineRun& run);

// Returns the deadline as the JSON object written into the record.
Record deadline_to_json(const Deadline& deadline, bool explain);

}  // namespace ppid
