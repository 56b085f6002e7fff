#include <ppid/util/http_date.hpp>

#include <ppid/util/ascii.hpp>

#include <array>
#include <cstdio>
#include <cstring>

namespace ppid::util {

namespace {

constexpr std::array<const char*, 12> month_names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char*, 7> weekday_names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::optional<date::sys_seconds> make_moment(int year, const char* month_text, int day, int hour, int minute,
                                             int second) {
    const std::string month_lower = ascii_lowercase(month_text);
    unsigned month = 0;
    for (unsigned i = 0; i < month_names.size(); ++i)
        if (month_lower == month_names[i]) month = i + 1;
    if (month == 0 || hour > 23 || minute > 59 || second > 60 || hour < 0 || minute < 0 || second < 0) return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
}

}  // namespace

std::optional<date::sys_seconds> parse_http_date(std::string_view text) {
    const std::string line(text.substr(0, 64));
    char weekday[16] = {}, month[8] = {}, zone[8] = {};
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    int used = 0;
    // IMF-fixdate: "Tue, 29 Aug 2023 10:00:00 GMT"
    if (std::sscanf(line.c_str(), "%15[A-Za-z], %d %7s %d %d:%d:%d %7s%n", weekday, &day, month, &year, &hour, &minute,
                    &second, zone, &used) == 8 &&
        std::strcmp(zone, "GMT") == 0)
        return make_moment(year, month, day, hour, minute, second);
    // RFC 850: "Tuesday, 29-Aug-23 10:00:00 GMT"
    if (std::sscanf(line.c_str(), "%15[A-Za-z], %d-%3s-%d %d:%d:%d %7s", weekday, &day, month, &year, &hour, &minute,
                    &second, zone) == 8 &&
        std::strcmp(zone, "GMT") == 0)
        return make_moment(year < 70 ? 2000 + year : (year < 100 ? 1900 + year : year), month, day, hour, minute, second);
    // asctime: "Tue Aug 29 10:00:00 2023"
    if (std::sscanf(line.c_str(), "%15s %7s %d %d:%d:%d %d", weekday, month, &day, &hour, &minute, &second, &year) == 7)
        return make_moment(year, month, day, hour, minute, second);
    return std::nullopt;
}

std::string format_http_date(date::sys_seconds moment) {
    const auto day = date::floor<date::days>(moment);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<std::chrono::seconds> time{moment - day};
    const auto weekday = date::weekday{day}.c_encoding();
    char month_title[4] = {};
    std::memcpy(month_title, month_names[static_cast<unsigned>(ymd.month()) - 1], 3);
    month_title[0] = static_cast<char>(month_title[0] - 'a' + 'A');
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02ld:%02ld:%02ld GMT", weekday_names[weekday],
                  static_cast<unsigned>(ymd.day()), month_title, static_cast<int>(ymd.year()),
                  static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                  static_cast<long>(time.seconds().count()));
    return buffer;
}

std::string format_utc_timestamp(date::sys_seconds moment) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", moment);
}

}  // namespace ppid::util
