// ISO 8601 calendar dates (YYYY-MM-DD) to and from date::sys_days.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace ppid::util {

// Returns the date written exactly as YYYY-MM-DD, or nullopt when the text has another shape
// or names a day that does not exist (2023-02-30).
std::optional<date::sys_days> parse_iso_date(std::string_view text);

// Returns the date as YYYY-MM-DD.
std::string format_iso_date(date::sys_days day);

// Returns 0 (Monday) to 6 (Sunday).
unsigned iso_weekday_index(date::sys_days day);

}  // namespace ppid::util
