#include "test_support.hpp"

#include <ppid/util/timestamp.hpp>

#include <catch2/catch.hpp>
#include <date/tz.h>

using namespace ppid;
using ppid::test::iso;

TEST_CASE("ISO dates are parsed exactly, impossible days rejected", "[dates]") {
    CHECK(iso(*util::parse_iso_date("2024-02-29")) == "2024-02-29");
    CHECK_FALSE(util::parse_iso_date("2023-02-29"));
    CHECK_FALSE(util::parse_iso_date("2023-02-30"));
    CHECK_FALSE(util::parse_iso_date("2023-13-01"));
    CHECK_FALSE(util::parse_iso_date("2023-1-01"));
    CHECK_FALSE(util::parse_iso_date("29/08/2023"));
    CHECK_FALSE(util::parse_iso_date(""));
}

TEST_CASE("timestamps keep their time and offset", "[dates]") {
    const auto utc = util::parse_timestamp("2024-04-05T16:30:00Z");
    REQUIRE(utc);
    CHECK(utc->time_of_day == std::chrono::seconds{16 * 3600 + 30 * 60});
    CHECK(utc->utc_offset == std::chrono::minutes{0});

    const auto wita = util::parse_timestamp("2024-04-05 09:15+08:00");
    REQUIRE(wita);
    CHECK(wita->utc_offset == std::chrono::minutes{480});
    CHECK(util::parse_timestamp("2024-04-05T09:15:00.123-0300")->utc_offset == std::chrono::minutes{-180});

    const auto local = util::parse_timestamp("2024-04-05T09:15");
    REQUIRE(local);
    CHECK_FALSE(local->utc_offset);

    const auto date_only = util::parse_timestamp("2024-04-05");
    REQUIRE(date_only);
    CHECK_FALSE(date_only->time_of_day);
}

TEST_CASE("malformed timestamps are rejected", "[dates]") {
    for (const char* bad : {"2024-04-05T25:00", "2024-04-05T10", "2024-04-05X10:00", "2024-04-05T10:00+", "2024-04-05T10:00:00Zjunk",
                            "2024-04-31T10:00", "2024-04-05T10:60"}) {
        INFO(bad);
        CHECK_FALSE(util::parse_timestamp(bad));
    }
}

TEST_CASE("local dates in the three Indonesian time zones", "[dates][timezone]") {
    const auto stamp = *util::parse_timestamp("2024-04-05T16:30:00Z");
    CHECK(iso(util::to_local(stamp, *date::locate_zone("Asia/Jakarta")).day) == "2024-04-05");
    CHECK(iso(util::to_local(stamp, *date::locate_zone("Asia/Makassar")).day) == "2024-04-06");
    const auto jayapura = util::to_local(stamp, *date::locate_zone("Asia/Jayapura"));
    CHECK(iso(jayapura.day) == "2024-04-06");
    CHECK(jayapura.time_of_day == std::chrono::seconds{90 * 60});
    // Without an offset the time is already the office's wall clock.
    const auto wall = *util::parse_timestamp("2024-04-05T23:30");
    CHECK(iso(util::to_local(wall, *date::locate_zone("Asia/Jayapura")).day) == "2024-04-05");
}
