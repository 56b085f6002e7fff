#include <ppid/util/iso_date.hpp>
#include <ppid/workday_calendar.hpp>

#include <algorithm>

namespace ppid {

namespace {

bool is_weekend(date::sys_days day) {
    const date::weekday weekday{day};
    return weekday == date::Saturday || weekday == date::Sunday;
}

bool day_off_under(const DayOff& off, CutiBersamaPolicy policy) {
    return !(off.category == DayOffCategory::cuti_bersama && policy == CutiBersamaPolicy::working);
}

}  // namespace

std::string_view weekday_name(date::sys_days day) {
    static constexpr std::string_view names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
    return names[date::weekday{day}.iso_encoding() - 1];
}

bool WorkdayCalendar::counts_as_day_off(const DayOff& off) const {
    return day_off_under(off, policy_);
}

WorkdayCalendar::WorkdayCalendar(HolidayData data, CutiBersamaPolicy policy)
    : first_(data.first),
      last_(data.last),
      days_(std::move(data.days)),
      provisional_years_(std::move(data.provisional_years)),
      policy_(policy) {
    const auto length = static_cast<std::size_t>((last_ - first_).count() + 1);
    std::vector<bool> off(length, false);
    for (std::size_t i = 0; i < length; ++i) off[i] = is_weekend(first_ + date::days{static_cast<int>(i)});
    for (const auto& day : days_)
        if (covers(day.day) && day_off_under(day, policy_)) off[index(day.day)] = true;
    workdays_through_.resize(length);
    std::int32_t running = 0;
    for (std::size_t i = 0; i < length; ++i) workdays_through_[i] = running += off[i] ? 0 : 1;
}

std::string WorkdayCalendar::coverage_text() const {
    return util::format_iso_date(first_) + " to " + util::format_iso_date(last_);
}

void WorkdayCalendar::out_of_coverage(date::sys_days day) const {
    throw OutOfCoverage(util::format_iso_date(day) + " is outside the holiday calendar (covered: " +
                        coverage_text() + ")");
}

std::size_t WorkdayCalendar::index(date::sys_days day) const {
    if (!covers(day)) out_of_coverage(day);
    return static_cast<std::size_t>((day - first_).count());
}

bool WorkdayCalendar::is_workday(date::sys_days day) const {
    const auto i = index(day);
    return workdays_through_[i] != (i == 0 ? 0 : workdays_through_[i - 1]);
}

std::vector<const DayOff*> WorkdayCalendar::entries_on(date::sys_days day) const {
    index(day);
    std::vector<const DayOff*> found;
    auto it = std::lower_bound(days_.begin(), days_.end(), day,
                               [](const DayOff& off, date::sys_days d) { return off.day < d; });
    for (; it != days_.end() && it->day == day; ++it) found.push_back(&*it);
    return found;
}

std::vector<std::string> WorkdayCalendar::reasons_off(date::sys_days day) const {
    std::vector<std::string> reasons;
    if (is_weekend(day)) reasons.push_back("weekend (" + std::string(weekday_name(day)) + ")");
    for (const DayOff* off : entries_on(day))
        if (counts_as_day_off(*off))
            reasons.push_back(std::string(label(off->category)) + ": " + off->name);
    return reasons;
}

date::sys_days WorkdayCalendar::add(date::sys_days from, WorkingDays n) const {
    const auto start = index(from);
    if (n.count == 0) return from;
    // Beyond the coverage's length the answer is outside it; checking first also keeps the
    // running-count arithmetic below far from integer overflow.
    const auto length = static_cast<long long>(workdays_through_.size());
    if (n.count > length || -static_cast<long long>(n.count) > length)
        throw OutOfCoverage("counting " + std::to_string(n.count) + " working days from " + util::format_iso_date(from) +
                            " leaves the holiday calendar (covered: " + coverage_text() + ")");
    if (n.count > 0) {
        // The n-th working day after `from` is the first day whose running count reaches target.
        const std::int32_t target = workdays_through_[start] + n.count;
        const auto it = std::lower_bound(workdays_through_.begin() + static_cast<long>(start), workdays_through_.end(), target);
        if (it == workdays_through_.end())
            throw OutOfCoverage("counting " + std::to_string(n.count) + " working days after " +
                                util::format_iso_date(from) + " runs past the end of the holiday calendar (covered: " +
                                coverage_text() + ")");
        return first_ + date::days{static_cast<int>(it - workdays_through_.begin())};
    }
    // Counting back: the day whose running count equals (count before `from`) - |n| + 1.
    const std::int32_t before = start == 0 ? 0 : workdays_through_[start - 1];
    const std::int32_t target = before + n.count + 1;
    if (target < 1)
        throw OutOfCoverage("counting back " + std::to_string(-n.count) + " working days from " +
                            util::format_iso_date(from) + " runs before the start of the holiday calendar (covered: " +
                            coverage_text() + ")");
    const auto it = std::lower_bound(workdays_through_.begin(), workdays_through_.end(), target);
    return first_ + date::days{static_cast<int>(it - workdays_through_.begin())};
}

date::sys_days WorkdayCalendar::add(date::sys_days from, CalendarDays n) const {
    index(from);
    const date::sys_days result = from + date::days{n.count};
    index(result);
    return result;
}

WorkingDays WorkdayCalendar::between(date::sys_days from, date::sys_days to) const {
    const auto a = index(from);
    const auto b = index(to);
    return WorkingDays{workdays_through_[b] - workdays_through_[a]};
}

bool WorkdayCalendar::provisional(date::sys_days from, date::sys_days to) const {
    if (to < from) std::swap(from, to);
    const int first_year = static_cast<int>(date::year_month_day{from}.year());
    const int last_year = static_cast<int>(date::year_month_day{to}.year());
    return std::any_of(provisional_years_.begin(), provisional_years_.end(),
                       [&](int year) { return first_year <= year && year <= last_year; });
}

}  // namespace ppid
