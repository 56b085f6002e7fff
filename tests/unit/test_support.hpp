// Shared set-up for unit tests: the shipped calendar and rules, dates written as text.
#pragma once

#include <ppid/config.hpp>
#include <ppid/holidays.hpp>
#include <ppid/rules.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/workday_calendar.hpp>

#include <stdexcept>
#include <string>

namespace ppid::test {

// Returns the date written YYYY-MM-DD; a typo in a test fails loudly.
inline date::sys_days day(const std::string& text) {
    const auto parsed = util::parse_iso_date(text);
    if (!parsed) throw std::invalid_argument("bad test date " + text);
    return *parsed;
}

inline std::string iso(date::sys_days d) { return util::format_iso_date(d); }

// Returns the shipped national calendar with `closed` added, under `policy`.
inline WorkdayCalendar shipped_calendar(CutiBersamaPolicy policy = CutiBersamaPolicy::day_off,
                                        const std::vector<ClosedDay>& closed = {}) {
    return WorkdayCalendar(with_closed_days(load_holidays(std::string(PPID_TEST_DATA_DIR) + "/calendars"), closed, "test"),
                           policy);
}

inline const Rules& shipped_rules() {
    static const Rules rules = Rules::load(std::string(PPID_TEST_DATA_DIR) + "/rules");
    return rules;
}

}  // namespace ppid::test
