#include <ppid/util/iso_date.hpp>
#include <ppid/util/timestamp.hpp>

#include <algorithm>

namespace ppid::util {

namespace {

// A tiny cursor over the text; every reader returns false on a mismatch.
struct Cursor {
    std::string_view text;
    std::size_t pos = 0;

    bool at_end() const { return pos == text.size(); }
    bool peek(char c) const { return pos < text.size() && text[pos] == c; }
    bool take(char c) {
        if (!peek(c)) return false;
        ++pos;
        return true;
    }
    bool digits(std::size_t count, int& value) {
        if (pos + count > text.size()) return false;
        value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = text[pos + i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        pos += count;
        return true;
    }
};

bool read_time(Cursor& in, std::chrono::seconds& time_of_day) {
    int hours = 0, minutes = 0, seconds = 0;
    if (!in.digits(2, hours) || !in.take(':') || !in.digits(2, minutes)) return false;
    if (in.take(':')) {
        if (!in.digits(2, seconds)) return false;
        if (in.take('.') || in.take(',')) {  // fractions of a second do not move the date
            int ignored = 0;
            if (!in.digits(1, ignored)) return false;
            while (in.digits(1, ignored)) {
            }
        }
    }
    if (hours > 23 || minutes > 59 || seconds > 60) return false;
    time_of_day = std::chrono::hours{hours} + std::chrono::minutes{minutes} +
                  std::chrono::seconds{std::min(seconds, 59)};
    return true;
}

bool read_offset(Cursor& in, std::optional<std::chrono::minutes>& offset) {
    if (in.take('Z') || in.take('z')) {
        offset = std::chrono::minutes{0};
        return true;
    }
    int sign = 0;
    if (in.take('+')) sign = 1;
    else if (in.take('-')) sign = -1;
    else return true;  // no offset: local time
    int hours = 0, minutes = 0;
    if (!in.digits(2, hours)) return false;
    in.take(':');
    if (!in.at_end() && !in.digits(2, minutes)) return false;
    if (hours > 14 || minutes > 59) return false;
    offset = std::chrono::minutes{sign * (hours * 60 + minutes)};
    return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    if (text.size() < 10) return std::nullopt;
    const auto day = parse_iso_date(text.substr(0, 10));
    if (!day) return std::nullopt;
    Timestamp stamp{*day, std::nullopt, std::nullopt};
    Cursor in{text, 10};
    if (in.at_end()) return stamp;
    if (!in.take('T') && !in.take('t') && !in.take(' ')) return std::nullopt;
    std::chrono::seconds time_of_day{};
    if (!read_time(in, time_of_day)) return std::nullopt;
    stamp.time_of_day = time_of_day;
    if (!read_offset(in, stamp.utc_offset) || !in.at_end()) return std::nullopt;
    return stamp;
}

LocalMoment to_local(const Timestamp& stamp, const date::time_zone& zone) {
    if (!stamp.time_of_day || !stamp.utc_offset) return {stamp.day, stamp.time_of_day};
    const date::sys_seconds instant = stamp.day + *stamp.time_of_day - *stamp.utc_offset;
    const auto local = zone.to_local(instant);
    const auto local_day = date::floor<date::days>(local);
    return {date::sys_days{local_day.time_since_epoch()},
            std::chrono::duration_cast<std::chrono::seconds>(local - local_day)};
}

}  // namespace ppid::util
