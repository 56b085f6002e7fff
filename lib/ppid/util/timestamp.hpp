// ISO 8601 dates and timestamps ("2024-04-05", "2024-04-05T16:30:00Z", "2024-04-05 09:15+08:00")
// and their local calendar day in an IANA time zone.
#pragma once

#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string_view>

namespace ppid::util {

// A parsed timestamp as written: a calendar date, maybe a time of day, maybe a UTC offset.
struct Timestamp {
    date::sys_days day;
    std::optional<std::chrono::seconds> time_of_day;  // set when the text had a time
    std::optional<std::chrono::minutes> utc_offset;   // set when the text had Z or +hh:mm
};

// The same moment seen on the office's wall clock.
struct LocalMoment {
    date::sys_days day;  // the local calendar date (sys_days used as a plain civil date)
    std::optional<std::chrono::seconds> time_of_day;
};

// Returns the parsed timestamp, or nullopt when the text is not an ISO 8601 date or date-time,
// or names a date or time that does not exist.
std::optional<Timestamp> parse_timestamp(std::string_view text);

// Returns the timestamp's local date and time in `zone`. A timestamp without an offset is taken
// to be local time already; a date alone stays that date with no time of day.
LocalMoment to_local(const Timestamp& stamp, const date::time_zone& zone);

}  // namespace ppid::util
