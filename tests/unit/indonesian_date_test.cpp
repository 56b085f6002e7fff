#include "test_support.hpp"

#include <ppid/indonesian_date.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace ppid;
using ppid::test::iso;

namespace {

struct Example {
    const char* text;
    const char* expected;  // YYYY-MM-DD, worked out by hand
};

// Checks that `text` reads as the date `expected`, with no time, error or warning.
void check_date(const std::string& text, const std::string& expected) {
    INFO(text);
    const WrittenDate written = parse_written_date(text);
    REQUIRE(written.day);
    CHECK(iso(*written.day) == expected);
    CHECK_FALSE(written.time_of_day);
    CHECK(written.error.empty());
    CHECK(written.warning.empty());
}

// Returns the error for `text`, after checking that no date came with it.
std::string error_for(const std::string& text) {
    INFO(text);
    const WrittenDate written = parse_written_date(text);
    CHECK_FALSE(written.day);
    CHECK_FALSE(written.time_of_day);
    return written.error;
}

}  // namespace

TEST_CASE("Indonesian month names and their abbreviations", "[written_date]") {
    for (const Example& example : {
             Example{"29 Agustus 2023", "2023-08-29"}, {"29 Agt 2023", "2023-08-29"}, {"29 Ags 2023", "2023-08-29"},
             {"29 Agu 2023", "2023-08-29"}, {"29 Agst 2023", "2023-08-29"}, {"29-Agu-2023", "2023-08-29"},
             {"1 Januari 2024", "2024-01-01"}, {"01 Jan 2024", "2024-01-01"}, {"5 Februari 2024", "2024-02-05"},
             {"5 Pebruari 2024", "2024-02-05"}, {"5 Feb 2024", "2024-02-05"}, {"5 Peb 2024", "2024-02-05"},
             {"7 Maret 2024", "2024-03-07"}, {"7 Mar 2024", "2024-03-07"}, {"9 April 2024", "2024-04-09"},
             {"9 Apr 2024", "2024-04-09"}, {"9 Mei 2024", "2024-05-09"}, {"30 Juni 2024", "2024-06-30"},
             {"30 Jun 2024", "2024-06-30"}, {"31 Juli 2024", "2024-07-31"}, {"31 Jul 2024", "2024-07-31"},
             {"2 September 2024", "2024-09-02"}, {"2 Sep 2024", "2024-09-02"}, {"2 Sept 2024", "2024-09-02"},
             {"10 Oktober 2024", "2024-10-10"}, {"10 Okt 2024", "2024-10-10"}, {"11 November 2024", "2024-11-11"},
             {"11 Nopember 2024", "2024-11-11"}, {"11 Nov 2024", "2024-11-11"}, {"11 Nop 2024", "2024-11-11"},
             {"25 Desember 2023", "2023-12-25"}, {"25 Des 2023", "2023-12-25"},
         }) {
        check_date(example.text, example.expected);
    }
}

TEST_CASE("English month names, in either order", "[written_date]") {
    for (const Example& example : {
             Example{"1 January 2024", "2024-01-01"}, {"5 February 2024", "2024-02-05"},
             {"7 March 2024", "2024-03-07"}, {"9 May 2024", "2024-05-09"}, {"30 June 2024", "2024-06-30"},
             {"31 July 2024", "2024-07-31"}, {"29 August 2023", "2023-08-29"}, {"29 Aug 2023", "2023-08-29"},
             {"10 October 2024", "2024-10-10"}, {"10 Oct 2024", "2024-10-10"}, {"25 December 2023", "2023-12-25"},
             {"25 Dec 2023", "2023-12-25"}, {"August 29, 2023", "2023-08-29"}, {"Aug 29 2023", "2023-08-29"},
             {"Aug. 29, 2023", "2023-08-29"}, {"May 9, 2024", "2024-05-09"},
         }) {
        check_date(example.text, example.expected);
    }
}

TEST_CASE("case, whitespace and abbreviation dots do not matter", "[written_date]") {
    for (const char* text : {"29 AGUSTUS 2023", "29 agustus 2023", "  29   Agustus\t2023  ", "29 Agt. 2023",
                             "29 agt. 2023", "29-Agu.-2023", "29 Agt 23",
                             "29\u00A0Agustus\u00A02023"}) {  // no-break spaces, as pasted from a word processor
        check_date(text, "2023-08-29");
    }
}

TEST_CASE("a weekday in front that matches the date", "[written_date]") {
    for (const Example& example : {
             Example{"Selasa, 29 Agt 2023", "2023-08-29"}, {"Selasa 29 Agustus 2023", "2023-08-29"},
             {"SELASA, 29/08/2023", "2023-08-29"}, {"Selasa, tanggal 29 Agustus 2023", "2023-08-29"},
             {"Jum'at, 1 Maret 2024", "2024-03-01"}, {"Jumat, 1 Maret 2024", "2024-03-01"},
             {"Jum’at, 1 Maret 2024", "2024-03-01"}, {"Senin, 1 Januari 2024", "2024-01-01"},
             {"Rabu, 30 Agustus 2023", "2023-08-30"}, {"Kamis, 31 Agustus 2023", "2023-08-31"},
             {"Sabtu, 2 September 2023", "2023-09-02"}, {"Minggu, 3 September 2023", "2023-09-03"},
             {"Ahad, 3 September 2023", "2023-09-03"}, {"Tuesday, August 29, 2023", "2023-08-29"},
             {"Friday 1 March 2024", "2024-03-01"}, {"Thu, 29 Feb 2024", "2024-02-29"},
         }) {
        check_date(example.text, example.expected);
    }
}

TEST_CASE("a weekday that contradicts the date keeps the date and warns", "[written_date]") {
    const WrittenDate monday = parse_written_date("Senin, 29 Agustus 2023");
    REQUIRE(monday.day);
    CHECK(iso(*monday.day) == "2023-08-29");
    CHECK(monday.error.empty());
    CHECK(monday.warning == "\"Senin, 29 Agustus 2023\": 29 August 2023 is a Tuesday, not a Monday");

    const WrittenDate friday = parse_written_date("Jum'at, 2 Maret 2024");
    REQUIRE(friday.day);
    CHECK(iso(*friday.day) == "2024-03-02");
    CHECK(friday.warning == "\"Jum'at, 2 Maret 2024\": 2 March 2024 is a Saturday, not a Friday");
}

TEST_CASE("numeric dates are day first", "[written_date]") {
    for (const Example& example : {
             Example{"29/08/2023", "2023-08-29"}, {"29-8-2023", "2023-08-29"}, {"29.08.2023", "2023-08-29"},
             {"29/8/2023", "2023-08-29"}, {"(29/8/2023)", "2023-08-29"}, {" ( 29/8/2023 ) ", "2023-08-29"},
             {"1/2/2024", "2024-02-01"}, {"05/04/2024", "2024-04-05"}, {"13/01/2024", "2024-01-13"},
             {"29 / 08 / 2023", "2023-08-29"},
         }) {
        check_date(example.text, example.expected);
    }
}

TEST_CASE("two-digit years are in this century", "[written_date]") {
    for (const Example& example : {
             Example{"29-8-23", "2023-08-29"}, {"29/08/23", "2023-08-29"}, {"1.1.00", "2000-01-01"},
             {"31/12/99", "2099-12-31"}, {"29 Agt 23", "2023-08-29"},
         }) {
        check_date(example.text, example.expected);
    }
}

TEST_CASE("year-first ISO dates", "[written_date]") {
    for (const Example& example : {
             Example{"2023-08-29", "2023-08-29"}, {"2023/08/29", "2023-08-29"}, {"2024-2-29", "2024-02-29"},
         }) {
        check_date(example.text, example.expected);
    }
}

TEST_CASE("day and month are never swapped to make a date fit", "[written_date]") {
    CHECK(error_for("08/29/2023") ==
          "\"08/29/2023\" is not a real date (there is no month 29; numeric dates are read day first)");
    CHECK(error_for("29/13/2023") == "\"29/13/2023\" is not a real date (there is no month 13)");
}

TEST_CASE("a time after the date is kept in minutes", "[written_date]") {
    using std::chrono::hours;
    using std::chrono::minutes;
    struct Timed {
        const char* text;
        const char* date;
        minutes time;
    };
    for (const Timed& example : {
             Timed{"29/08/2023 14:05", "2023-08-29", hours{14} + minutes{5}},
             {"29 Agustus 2023 pukul 14.05", "2023-08-29", hours{14} + minutes{5}},
             {"29 Agustus 2023 pukul 14.05 WIB", "2023-08-29", hours{14} + minutes{5}},
             {"29 Agustus 2023, pkl. 09.30 WITA", "2023-08-29", hours{9} + minutes{30}},
             {"Selasa, 29 Agt 2023 jam 8.00 WIT", "2023-08-29", hours{8}},
             {"2023-08-29 14:05:33", "2023-08-29", hours{14} + minutes{5}},
             {"2023-08-29T14:05:00", "2023-08-29", hours{14} + minutes{5}},
             {"29/08/2023 14:05 WIB", "2023-08-29", hours{14} + minutes{5}},
             {"29/08/2023 00:00", "2023-08-29", minutes{0}},
             {"29/08/2023 23:59", "2023-08-29", hours{23} + minutes{59}},
         }) {
        INFO(example.text);
        const WrittenDate written = parse_written_date(example.text);
        REQUIRE(written.day);
        CHECK(iso(*written.day) == example.date);
        CHECK(written.time_of_day == example.time);
        CHECK(written.error.empty());
    }
}

TEST_CASE("impossible times of day are errors", "[written_date]") {
    CHECK(error_for("29/08/2023 25:00") == "\"29/08/2023 25:00\" is not a real time of day (there is no hour 25)");
    CHECK(error_for("29/08/2023 24:00") == "\"29/08/2023 24:00\" is not a real time of day (there is no hour 24)");
    CHECK(error_for("29/08/2023 14.60") == "\"29/08/2023 14.60\" is not a real time of day (there is no minute 60)");
    CHECK(error_for("29/08/2023 14") == "\"29/08/2023 14\" is not a date");
    CHECK(error_for("29/08/2023 14:5") == "\"29/08/2023 14:5\" is not a date");
    CHECK(error_for("2023-08-29T14:05:00Z") == "\"2023-08-29T14:05:00Z\" is not a date");
}

TEST_CASE("Excel serial day numbers", "[written_date]") {
    CHECK(iso(*excel_serial_to_date(1)) == "1900-01-01");
    CHECK(iso(*excel_serial_to_date(59)) == "1900-02-28");
    CHECK_FALSE(excel_serial_to_date(60));  // Excel's 29 February 1900 never happened
    CHECK(iso(*excel_serial_to_date(61)) == "1900-03-01");
    CHECK(iso(*excel_serial_to_date(45167)) == "2023-08-29");
    CHECK(iso(*excel_serial_to_date(45167.75)) == "2023-08-29");
    CHECK(iso(*excel_serial_to_date(45351)) == "2024-02-29");
    CHECK(iso(*excel_serial_to_date(2958465)) == "9999-12-31");
    CHECK_FALSE(excel_serial_to_date(2958466));
    CHECK_FALSE(excel_serial_to_date(0));
    CHECK_FALSE(excel_serial_to_date(0.5));
    CHECK_FALSE(excel_serial_to_date(-1));
}

TEST_CASE("Excel serials written as text", "[written_date]") {
    check_date("45167", "2023-08-29");
    check_date(" 45351 ", "2024-02-29");
    check_date("20000", "1954-10-03");
    check_date("80000", "2119-01-11");

    const WrittenDate noon = parse_written_date("45167.5");
    REQUIRE(noon.day);
    CHECK(iso(*noon.day) == "2023-08-29");
    CHECK(noon.time_of_day == std::chrono::hours{12});

    const WrittenDate comma = parse_written_date("45167,25");  // Indonesian decimal comma
    REQUIRE(comma.day);
    CHECK(comma.time_of_day == std::chrono::hours{6});

    // 0.999999 of a day is 23:59:59.9, nearer to the next midnight than to 23:59.
    const WrittenDate midnight = parse_written_date("45167.999999");
    REQUIRE(midnight.day);
    CHECK(iso(*midnight.day) == "2023-08-30");
    CHECK(midnight.time_of_day == std::chrono::minutes{0});

    for (const char* text : {"19999", "80001", "4516", "451670", "45167.", "45167.5x"}) {
        CHECK(error_for(text) == "\"" + std::string(text) + "\" is not a date");
    }
}

TEST_CASE("impossible dates say why", "[written_date]") {
    CHECK(error_for("30 Februari 2023") == "\"30 Februari 2023\" is not a real date (February 2023 has 28 days)");
    CHECK(error_for("29/02/2023") == "\"29/02/2023\" is not a real date (February 2023 has 28 days)");
    CHECK(error_for("30 Feb 2024") == "\"30 Feb 2024\" is not a real date (February 2024 has 29 days)");
    CHECK(error_for("31/04/2024") == "\"31/04/2024\" is not a real date (April has 30 days)");
    CHECK(error_for("31 Juni 2023") == "\"31 Juni 2023\" is not a real date (June has 30 days)");
    CHECK(error_for("32 Agustus 2023") == "\"32 Agustus 2023\" is not a real date (August has 31 days)");
    CHECK(error_for("15/13/2023") == "\"15/13/2023\" is not a real date (there is no month 13)");
    CHECK(error_for("00/08/2023") == "\"00/08/2023\" is not a real date (there is no day 0)");
    CHECK(error_for("2023-00-10") == "\"2023-00-10\" is not a real date (there is no month 0)");
    CHECK(error_for("Senin, 31 Juni 2023") == "\"Senin, 31 Juni 2023\" is not a real date (June has 30 days)");
}

TEST_CASE("text that is not a date", "[written_date]") {
    for (const char* text : {"besok", "-", "2023", "Agustus 2023", "29 Agustus", "29/08", "29 Agustusan 2023",
                             "Selasa", "29/08-2023", "29 Agustus 2023 besok", "29 Agustus 202", "123/08/2023",
                             "2023-08-29-01", "()", "29–08–2023", "Selasa, Selasa 29/08/2023"}) {
        CHECK(error_for(text) == "\"" + std::string(text) + "\" is not a date");
    }
}

TEST_CASE("an empty date", "[written_date]") {
    for (const char* text : {"", " ", "\t \n"}) {
        CHECK(error_for(text) == "empty date");
    }
}

TEST_CASE("control characters in text that is not a date are shown escaped in the error", "[written_date]") {
    CHECK(error_for(std::string("29 Agustus\0 2023", 16)) == "\"29 Agustus\\x00 2023\" is not a date");
    CHECK(error_for("tgl\t\x1b[31m") == "\"tgl\\x09\\x1b[31m\" is not a date");
}
