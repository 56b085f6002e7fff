#include <ppid/util/iso_date.hpp>


namespace ppid::util {

namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<date::sys_days> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) ||
        !read_digits(text, 8, 2, day))
        return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
}

std::string format_iso_date(date::sys_days day) {
    // Digits by hand: this runs several times per record in ppid-deadline, snprintf is slow.
    const date::year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) return date::format("%F", day);
    const unsigned month = static_cast<unsigned>(ymd.month());
    const unsigned day_of_month = static_cast<unsigned>(ymd.day());
    std::string text(10, '-');
    text[0] = static_cast<char>('0' + year / 1000);
    text[1] = static_cast<char>('0' + year / 100 % 10);
    text[2] = static_cast<char>('0' + year / 10 % 10);
    text[3] = static_cast<char>('0' + year % 10);
    text[5] = static_cast<char>('0' + month / 10);
    text[6] = static_cast<char>('0' + month % 10);
    text[8] = static_cast<char>('0' + day_of_month / 10);
    text[9] = static_cast<char>('0' + day_of_month % 10);
    return text;
}

unsigned iso_weekday_index(date::sys_days day) {
    return date::weekday{day}.iso_encoding() - 1;
}

}  // namespace ppid::util
