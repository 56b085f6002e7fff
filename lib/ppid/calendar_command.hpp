// ppid-calendar's questions about working days, answered as plain text or JSON records.
#pragma once

#include <ppid/runner.hpp>
#include <ppid/workday_calendar.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace ppid {

enum class CalendarQuestion { add, between, is_workday, list };

struct CalendarRequest {
    CalendarQuestion question = CalendarQuestion::add;
    std::vector<std::string> arguments;  // as typed: dates, a count, a year
    bool json = false;                   // one JSON record instead of plain text
    bool calendar_days = false;          // add: count calendar days, not working days
    bool verbose = false;                // is-workday: print why a day is not a working day
};

// Returns whether `text` is a negative whole number ("-3"), which ppid-calendar add accepts as N.
bool looks_like_negative_count(const std::string& text);

// Answers `request` on `out`; in plain text, an answer from a provisional year is also said as
// a warning to `diag`. Returns attention for is-workday on a day that is not a working day,
// clean otherwise. Throws UsageError for bad arguments, OutOfCoverage for dates the calendar
// does not cover.
Outcome answer_calendar_question(const CalendarRequest& request, const WorkdayCalendar& calendar, std::ostream& out,
                                 Diagnostics& diag);

}  // namespace ppid
