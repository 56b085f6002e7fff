#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace ppid;
using ppid::test::day;
using ppid::test::iso;

TEST_CASE("weekends and national days are not working days", "[calendar]") {
    const auto calendar = test::shipped_calendar();
    CHECK(calendar.is_workday(day("2024-04-04")));       // Thursday
    CHECK_FALSE(calendar.is_workday(day("2024-04-06")));  // Saturday
    CHECK_FALSE(calendar.is_workday(day("2024-04-10")));  // Idul Fitri 1445 H
    CHECK_FALSE(calendar.is_workday(day("2024-04-08")));  // cuti bersama
    CHECK_FALSE(calendar.is_workday(day("2024-02-14")));  // election day, by Keppres
    CHECK_FALSE(calendar.is_workday(day("2020-12-09")));  // Pilkada 2020
    CHECK(calendar.is_workday(day("2020-05-27")));        // cuti bersama moved to December by SKB 391/2020
    CHECK_FALSE(calendar.is_workday(day("2020-12-31")));  // ...where one of them stayed
}

TEST_CASE("reasons name every cause of a day off", "[calendar]") {
    const auto calendar = test::shipped_calendar();
    CHECK(calendar.reasons_off(day("2024-04-04")).empty());
    CHECK(calendar.reasons_off(day("2024-04-08")) ==
          std::vector<std::string>{"cuti bersama: Cuti Bersama Hari Raya Idul Fitri 1445 H"});
    // Imlek 2024 fell on a Saturday: both reasons are given, the weekend first.
    CHECK(calendar.reasons_off(day("2024-02-10")) ==
          std::vector<std::string>{"weekend (Saturday)", "libur nasional: Tahun Baru Imlek 2575 Kongzili"});
}

TEST_CASE("adding working days skips the Idul Fitri leave", "[calendar]") {
    const auto calendar = test::shipped_calendar();
    CHECK(iso(calendar.add(day("2024-04-05"), WorkingDays{10})) == "2024-04-29");
    CHECK(iso(calendar.add(day("2024-04-04"), WorkingDays{1})) == "2024-04-05");
    CHECK(iso(calendar.add(day("2024-04-05"), WorkingDays{1})) == "2024-04-16");
    CHECK(iso(calendar.add(day("2024-04-05"), WorkingDays{0})) == "2024-04-05");
}

TEST_CASE("negative counts go back to earlier working days", "[calendar]") {
    const auto calendar = test::shipped_calendar();
    CHECK(iso(calendar.add(day("2024-04-16"), WorkingDays{-1})) == "2024-04-05");
    CHECK(iso(calendar.add(day("2024-04-29"), WorkingDays{-10})) == "2024-04-05");
    CHECK(iso(calendar.add(day("2024-04-07"), WorkingDays{-1})) == "2024-04-05");  // from a Sunday
}

TEST_CASE("between counts the working days after FROM up to and including TO", "[calendar]") {
    const auto calendar = test::shipped_calendar();
    CHECK(calendar.between(day("2024-04-05"), day("2024-04-29")).count == 10);
    CHECK(calendar.between(day("2024-04-29"), day("2024-04-05")).count == -10);
    CHECK(calendar.between(day("2024-04-05"), day("2024-04-05")).count == 0);
    CHECK(calendar.between(day("2024-04-06"), day("2024-04-15")).count == 0);  // the whole leave
}

TEST_CASE("add and between are inverse over the whole coverage", "[calendar][property]") {
    const auto calendar = test::shipped_calendar();
    // Every 7th day from 2019 to late 2027, for several counts: between(d, add(d, n)) == n and the
    // result is always a working day.
    for (auto d = day("2019-01-01"); d < day("2027-11-01"); d += date::days{7}) {
        for (const int n : {1, 3, 10, 17, 30}) {
            const auto due = calendar.add(d, WorkingDays{n});
            REQUIRE(calendar.is_workday(due));
            REQUIRE(calendar.between(d, due).count == n);
            REQUIRE(calendar.between(d, due - date::days{1}).count == n - 1);
        }
    }
}

TEST_CASE("cuti bersama can count as working days", "[calendar]") {
    const auto calendar = test::shipped_calendar(CutiBersamaPolicy::working);
    CHECK(calendar.is_workday(day("2024-04-08")));
    CHECK_FALSE(calendar.is_workday(day("2024-04-10")));  // the holiday itself stays off
    CHECK(iso(calendar.add(day("2024-04-05"), WorkingDays{10})) == "2024-04-23");
}

TEST_CASE("office closed days from the configuration are days off", "[calendar]") {
    const auto calendar = test::shipped_calendar(CutiBersamaPolicy::day_off, {{day("2024-04-16"), "Hari jadi kabupaten"}});
    CHECK_FALSE(calendar.is_workday(day("2024-04-16")));
    CHECK(calendar.reasons_off(day("2024-04-16")) == std::vector<std::string>{"office closed: Hari jadi kabupaten"});
    CHECK(iso(calendar.add(day("2024-04-05"), WorkingDays{1})) == "2024-04-17");
}

TEST_CASE("dates outside the coverage are errors, never guesses", "[calendar]") {
    const auto calendar = test::shipped_calendar();
    CHECK(iso(calendar.first()) == "2019-01-01");
    CHECK(iso(calendar.last()) == "2027-12-31");
    CHECK_THROWS_AS(calendar.is_workday(day("2018-12-31")), OutOfCoverage);
    CHECK_THROWS_AS(calendar.add(day("2027-12-20"), WorkingDays{10}), OutOfCoverage);
    CHECK_THROWS_AS(calendar.add(day("2019-01-03"), WorkingDays{-5}), OutOfCoverage);
    CHECK_THROWS_AS(calendar.add(day("2024-04-05"), WorkingDays{2147483647}), OutOfCoverage);
    CHECK_THROWS_AS(calendar.add(day("2024-04-05"), WorkingDays{-2147483647 - 1}), OutOfCoverage);
    CHECK_THROWS_WITH(calendar.between(day("2028-01-03"), day("2028-01-04")),
                      "2028-01-03 is outside the holiday calendar (covered: 2019-01-01 to 2027-12-31)");
}

TEST_CASE("2027 is marked provisional", "[calendar]") {
    const auto calendar = test::shipped_calendar();
    CHECK(calendar.provisional(day("2026-12-20"), day("2027-01-10")));
    CHECK_FALSE(calendar.provisional(day("2024-01-01"), day("2026-12-31")));
}
