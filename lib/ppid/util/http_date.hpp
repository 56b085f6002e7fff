// HTTP dates (RFC 9110 section 5.6.7): "Tue, 29 Aug 2023 10:00:00 GMT" in Last-Modified, Date and
// Retry-After, also in the obsolete RFC 850 and asctime forms servers still send.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace ppid::util {

// Returns the moment `text` names, or nullopt when it is not an HTTP date or names a day that
// does not exist.
std::optional<date::sys_seconds> parse_http_date(std::string_view text);

// Returns `moment` as an HTTP date: "Tue, 29 Aug 2023 10:00:00 GMT".
std::string format_http_date(date::sys_seconds moment);

// Returns `moment` in ISO 8601, UTC: "2023-08-29T10:00:00Z".
std::string format_utc_timestamp(date::sys_seconds moment);

}  // namespace ppid::util
