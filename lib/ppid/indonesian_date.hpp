// Dates as Indonesian offices write them in registers, read into date::sys_days:
//   "29 Agustus 2023", "29-Agu-2023", "Selasa, 29 Agt. 2023", "Jum'at, 1 Maret 2024", "August 29, 2023",
//   "29/08/2023", "29-8-23", "29.08.2023", "(29/8/2023)", "2023-08-29", "2023/08/29",
//   any of them followed by a time ("14:05", "pukul 14.05 WIB", "T14:05:00"), or an Excel serial ("45167.5").
// Numeric dates are always day first (29/08/2023); the day and month are never swapped to make a date fit.
// Two-digit years are 20YY. Month and weekday names may be Indonesian or English, in any case.
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ppid {

// What a written date says, or why it says nothing usable.
struct WrittenDate {
    std::optional<date::sys_days> day;                // set when the text is a date
    std::optional<std::chrono::minutes> time_of_day;  // set when a time followed the date; seconds are dropped
    std::string error;    // set (and day unset) when the text is not a date, or names a day or time that does not exist
    std::string warning;  // set when the date is valid but something written with it contradicts it (the weekday)
};

// Returns the date (and time) written in `text`; on failure `day` is unset and `error` says why, for people.
WrittenDate parse_written_date(std::string_view text);

// Returns the date of an Excel serial day number in the 1900 date system, ignoring any fraction (the time), with
// serials above 60 moved back the day Excel's fictitious 29 February 1900 added; nullopt for that serial 60 and
// for serials below 1 or past 9999-12-31.
std::optional<date::sys_days> excel_serial_to_date(double serial);

}  // namespace ppid
