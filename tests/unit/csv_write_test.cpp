#include <ppid/util/csv.hpp>
#include <ppid/util/csv_write.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

TEST_CASE("formula cells are neutralised, numbers and text are not", "[csv-write]") {
    CHECK(util::neutralize_formula("=HYPERLINK(\"http://x\",\"klik\")") == "'=HYPERLINK(\"http://x\",\"klik\")");
    CHECK(util::neutralize_formula("+62 812") == "'+62 812");
    CHECK(util::neutralize_formula("-1+2") == "'-1+2");
    CHECK(util::neutralize_formula("@SUM(A1)") == "'@SUM(A1)");
    CHECK(util::neutralize_formula("\t=1") == "'\t=1");
    CHECK(util::neutralize_formula("\r=1") == "'\r=1");
    CHECK(util::neutralize_formula("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0");
    CHECK(util::neutralize_formula("-4") == "-4");
    CHECK(util::neutralize_formula("+12") == "+12");
    CHECK(util::neutralize_formula("-2,5") == "-2,5");
    CHECK(util::neutralize_formula("-") == "'-");
    CHECK(util::neutralize_formula("Laporan = 1") == "Laporan = 1");
    CHECK(util::neutralize_formula("") == "");
}

TEST_CASE("fields are quoted as RFC 4180 says", "[csv-write]") {
    CHECK(util::csv_field("plain") == "plain");
    CHECK(util::csv_field("a,b") == "\"a,b\"");
    CHECK(util::csv_field("a;b") == "a;b");
    CHECK(util::csv_field("a;b", ';') == "\"a;b\"");
    CHECK(util::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(util::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(util::csv_field(" padded") == "\" padded\"");
    CHECK(util::csv_field("") == "");
}

TEST_CASE("a written record reads back as the neutralised fields", "[csv-write]") {
    std::string out;
    util::append_csv_record(out, {"No", "=1+1", "Jl. Merbabu 3, Boyolali", "\"kutip\"", "baris\r\nbaru", ""});
    util::append_csv_record(out, {"2", "x", "y", "z", "w", "v"});
    CHECK(out == "No,'=1+1,\"Jl. Merbabu 3, Boyolali\",\"\"\"kutip\"\"\",\"baris\r\nbaru\",\r\n2,x,y,z,w,v\r\n");
    util::CsvReader reader(out, ',');
    util::CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.fields ==
          std::vector<std::string>{"No", "'=1+1", "Jl. Merbabu 3, Boyolali", "\"kutip\"", "baris\r\nbaru", ""});
    REQUIRE(reader.next(record));
    CHECK(record.fields.size() == 6);
    CHECK_FALSE(reader.next(record));
}
