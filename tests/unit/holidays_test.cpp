#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace ppid;
using ppid::test::day;

namespace {

HolidayData shipped() { return load_holidays(std::string(PPID_TEST_DATA_DIR) + "/calendars"); }

}  // namespace

TEST_CASE("the shipped calendar has each year's final counts from the research", "[holidays]") {
    // research/holidays-id.md, "Counts": holiday entries (SKB + Keppres) and cuti bersama.
    const std::map<int, std::pair<int, int>> expected{
        {2019, {17, 4}}, {2020, {17, 5}}, {2021, {16, 1}},  {2022, {16, 4}}, {2023, {16, 11}},
        {2024, {19, 10}}, {2025, {17, 11}}, {2026, {17, 8}}, {2027, {18, 8}}};
    std::map<int, std::pair<int, int>> counted;
    for (const auto& off : shipped().days) {
        const int year = static_cast<int>(date::year_month_day{off.day}.year());
        auto& [holidays, cuti] = counted[year];
        (off.category == DayOffCategory::cuti_bersama ? cuti : holidays) += 1;
    }
    CHECK(counted == expected);
}

TEST_CASE("the four election days are their own category", "[holidays]") {
    std::set<std::string> election_days;
    for (const auto& off : shipped().days)
        if (off.category == DayOffCategory::pemilu) election_days.insert(test::iso(off.day));
    CHECK(election_days == std::set<std::string>{"2019-04-17", "2020-12-09", "2024-02-14", "2024-11-27"});
}

TEST_CASE("every entry names its source, and 2027 is provisional", "[holidays]") {
    const auto data = shipped();
    for (const auto& off : data.days) {
        INFO(test::iso(off.day));
        CHECK_FALSE(off.source.empty());
        CHECK(off.provisional == (date::year_month_day{off.day}.year() == date::year{2027}));
    }
    CHECK(data.provisional_years == std::vector<int>{2027});
}

TEST_CASE("category names round-trip", "[holidays]") {
    for (const auto category : {DayOffCategory::libur_nasional, DayOffCategory::cuti_bersama, DayOffCategory::pemilu,
                                DayOffCategory::office_closed})
        CHECK(parse_day_off_category(to_string(category)) == category);
    CHECK_FALSE(parse_day_off_category("holiday").has_value());
}
