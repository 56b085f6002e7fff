// Working-day arithmetic on the Indonesian calendar: Monday to Friday that is not a national
// holiday, an election-day holiday, a cuti bersama day (unless counted as working) or an office
// closed day. Every question about a date outside the covered years throws OutOfCoverage.
#pragma once

#include <ppid/day_counts.hpp>
#include <ppid/error.hpp>
#include <ppid/holidays.hpp>

#include <date/date.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// A date outside the holiday calendar's coverage: counting there would be a guess.
class OutOfCoverage : public Error {
public:
    using Error::Error;
};

enum class CutiBersamaPolicy { day_off, working };

// Returns the English name of the day's weekday ("Monday" ... "Sunday").
std::string_view weekday_name(date::sys_days day);

class WorkdayCalendar {
public:
    WorkdayCalendar(HolidayData data, CutiBersamaPolicy policy);

    date::sys_days first() const { return first_; }
    date::sys_days last() const { return last_; }
    bool covers(date::sys_days day) const { return first_ <= day && day <= last_; }

    // Returns whether `day` is a working day.
    bool is_workday(date::sys_days day) const;

    // Returns every reason `day` is not a working day ("weekend" first, then calendar entries);
    // empty for a working day. Cuti bersama under the `working` policy is not a reason.
    std::vector<std::string> reasons_off(date::sys_days day) const;

    // Returns whether the calendar entry makes its day a day off under this calendar's policy.
    bool counts_as_day_off(const DayOff& off) const;

    // Returns the calendar entries on `day` whatever the policy (for explanations).
    std::vector<const DayOff*> entries_on(date::sys_days day) const;

    // Returns the n-th working day after `from` (day 0); n < 0 counts back to the n-th working
    // day before `from`; n == 0 returns `from`.
    date::sys_days add(date::sys_days from, WorkingDays n) const;

    // Returns `from` plus n calendar days (the range is still checked for coverage).
    date::sys_days add(date::sys_days from, CalendarDays n) const;

    // Returns the working days after `from` up to and including `to`; negative when `to` is
    // before `from` (minus the working days after `to` up to and including `from`).
    WorkingDays between(date::sys_days from, date::sys_days to) const;

    // Returns whether any day in [from, to] belongs to a year whose calendar is provisional.
    bool provisional(date::sys_days from, date::sys_days to) const;

    // Returns "YYYY-MM-DD to YYYY-MM-DD", for messages.
    std::string coverage_text() const;

private:
    std::size_t index(date::sys_days day) const;  // throws OutOfCoverage
    [[noreturn]] void out_of_coverage(date::sys_days day) const;

    date::sys_days first_;
    date::sys_days last_;
    std::vector<DayOff> days_;
    std::vector<int> provisional_years_;
    CutiBersamaPolicy policy_;
    std::vector<std::int32_t> workdays_through_;  // working days in [first_, first_ + i]
};

}  // namespace ppid
