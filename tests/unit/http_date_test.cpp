#include <ppid/util/http_date.hpp>

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace ppid;

namespace {

// Returns the moment `day` (YYYY-MM-DD) at `hour`:`minute`:`second` UTC.
date::sys_seconds at(const std::string& day, int hour, int minute, int second) {
    return test::day(day) + std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

}  // namespace

TEST_CASE("an HTTP date in the IMF-fixdate form servers send today", "[http_date]") {
    const auto moment = util::parse_http_date("Tue, 29 Aug 2023 10:00:00 GMT");
    REQUIRE(moment);
    CHECK(*moment == at("2023-08-29", 10, 0, 0));
    CHECK(util::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == at("1994-11-06", 8, 49, 37));
}

TEST_CASE("an HTTP date in the obsolete RFC 850 form, its two-digit year in the right century", "[http_date]") {
    CHECK(util::parse_http_date("Tuesday, 29-Aug-23 10:00:00 GMT") == at("2023-08-29", 10, 0, 0));
    CHECK(util::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == at("1994-11-06", 8, 49, 37));
}

TEST_CASE("an HTTP date in the obsolete asctime form, a one-digit day padded with a space", "[http_date]") {
    CHECK(util::parse_http_date("Tue Aug 29 10:00:00 2023") == at("2023-08-29", 10, 0, 0));
    CHECK(util::parse_http_date("Sun Nov  6 08:49:37 1994") == at("1994-11-06", 8, 49, 37));
}

TEST_CASE("month names are read in any case", "[http_date]") {
    CHECK(util::parse_http_date("Tue, 29 AUG 2023 10:00:00 GMT") == at("2023-08-29", 10, 0, 0));
    CHECK(util::parse_http_date("Tue, 29 aug 2023 10:00:00 GMT") == at("2023-08-29", 10, 0, 0));
}

TEST_CASE("a day that does not exist is no HTTP date", "[http_date]") {
    CHECK_FALSE(util::parse_http_date("Thu, 30 Feb 2023 10:00:00 GMT"));
    CHECK_FALSE(util::parse_http_date("Wed, 29 Feb 2023 10:00:00 GMT"));
    CHECK(util::parse_http_date("Thu, 29 Feb 2024 10:00:00 GMT") == at("2024-02-29", 10, 0, 0));
    CHECK_FALSE(util::parse_http_date("Tue, 00 Aug 2023 10:00:00 GMT"));
    CHECK_FALSE(util::parse_http_date("Tue, 32 Aug 2023 10:00:00 GMT"));
    CHECK_FALSE(util::parse_http_date("Wednesday, 31-Sep-23 10:00:00 GMT"));
    CHECK_FALSE(util::parse_http_date("Sat Feb 29 10:00:00 2023"));
}

TEST_CASE("a time that does not exist is no HTTP date", "[http_date]") {
    CHECK_FALSE(util::parse_http_date("Tue, 29 Aug 2023 24:00:00 GMT"));
    CHECK_FALSE(util::parse_http_date("Tue, 29 Aug 2023 10:60:00 GMT"));
    CHECK_FALSE(util::parse_http_date("Tue, 29 Aug 2023 10:00:61 GMT"));
    CHECK_FALSE(util::parse_http_date("Tue, 29 Aug 2023 -1:00:00 GMT"));
}

TEST_CASE("text that is not an HTTP date", "[http_date]") {
    CHECK_FALSE(util::parse_http_date(""));
    CHECK_FALSE(util::parse_http_date("120"));  // a Retry-After in seconds, read elsewhere
    CHECK_FALSE(util::parse_http_date("2023-08-29T10:00:00Z"));
    CHECK_FALSE(util::parse_http_date("Selasa, 29 Agustus 2023"));
    CHECK_FALSE(util::parse_http_date("Tue, 29 Agu 2023 10:00:00 GMT"));  // an Indonesian month
    CHECK_FALSE(util::parse_http_date("Tue, 29 Aug 2023 10:00:00 WIB"));  // only GMT is allowed
    CHECK_FALSE(util::parse_http_date("Tue, 29 Aug 2023 10:00:00"));
    CHECK_FALSE(util::parse_http_date("Tue, 29 Aug 2023"));
}

TEST_CASE("a moment is written as an IMF-fixdate with its weekday", "[http_date]") {
    CHECK(util::format_http_date(at("2023-08-29", 10, 0, 0)) == "Tue, 29 Aug 2023 10:00:00 GMT");
    CHECK(util::format_http_date(at("1994-11-06", 8, 49, 37)) == "Sun, 06 Nov 1994 08:49:37 GMT");
    CHECK(util::format_http_date(date::sys_seconds{}) == "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST_CASE("a written HTTP date reads back as the same moment, and the other forms write as IMF-fixdate",
          "[http_date]") {
    for (const auto moment : {at("2023-08-29", 10, 0, 0), at("2024-02-29", 23, 59, 59),
                              at("1994-11-06", 8, 49, 37), date::sys_seconds{}}) {
        INFO(util::format_http_date(moment));
        CHECK(util::parse_http_date(util::format_http_date(moment)) == moment);
    }
    for (const char* text : {"Tuesday, 29-Aug-23 10:00:00 GMT", "Tue Aug 29 10:00:00 2023"}) {
        const auto moment = util::parse_http_date(text);
        REQUIRE(moment);
        CHECK(util::format_http_date(*moment) == "Tue, 29 Aug 2023 10:00:00 GMT");
    }
}

TEST_CASE("a moment in ISO 8601, UTC", "[http_date]") {
    CHECK(util::format_utc_timestamp(at("2023-08-29", 10, 0, 0)) == "2023-08-29T10:00:00Z");
    CHECK(util::format_utc_timestamp(at("1994-11-06", 8, 49, 37)) == "1994-11-06T08:49:37Z");
}
