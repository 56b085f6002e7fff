#include <ppid/util/xls.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace ppid;

namespace {

// Written by LibreOffice from tests/fixtures/registers/register.fods (see make-fixtures there).
const std::string fixture = std::string(PPID_TEST_FIXTURES) + "/registers/register.xls";

}  // namespace

TEST_CASE("an Excel 97 workbook written by LibreOffice is read sheet by sheet", "[xls]") {
    const auto sheets = util::read_xls_sheets(fixture, std::nullopt);
    REQUIRE(sheets.size() == 2);
    CHECK(sheets[0].name == "Register Permohonan");
    CHECK(sheets[1].name == "Register Keberatan");
    CHECK(sheets[0].merged.size() == 20);  // from the MERGEDCELLS records, which FreeXL does not read
    const util::SheetRow& first = sheets[0].rows.at(5);  // rows 1, 2, 4, 5, 6 come before it
    REQUIRE(first.number == 7);
    CHECK(first.cells.at(0).text == "1");
    CHECK(first.cells.at(2).date_format);  // [$-421]dd mmmm yyyy
    CHECK(first.cells.at(2).number == 45299);
    CHECK(first.cells.at(3).text == "Siti Nur’aini");
    CHECK(first.cells.at(9).text == "Diterima\u00a0");
    // Formula cells, which FreeXL reports empty: =A8+1, =C7+14 (a date), =DATE(3119;7;3).
    const util::SheetRow& third = sheets[0].rows.at(7);
    REQUIRE(third.number == 9);
    CHECK(third.cells.at(0).text == "3");
    CHECK(third.cells.at(2).date_format);
    CHECK(third.cells.at(2).number == 45313);
    CHECK(sheets[0].rows.at(8).cells.at(11).date_format);

    CHECK(util::read_xls_sheets(fixture, std::string("REGISTER KEBERATAN")).at(0).name == "Register Keberatan");
    CHECK_THROWS_WITH(util::read_xls_sheets(fixture, std::string("Rekap")),
                      "no sheet named \"Rekap\" (sheets: Register Permohonan, Register Keberatan)");
}

TEST_CASE("a file that is no .xls workbook is refused with a plain message", "[xls]") {
    test::TempDir dir("ppid-xls-");
    const auto path = dir / "broken.xls";
    std::ofstream(path, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(600, '\0');
    CHECK_THROWS_WITH(util::read_xls_sheets(path, std::nullopt), Catch::Matchers::StartsWith("not an .xls workbook"));
    CHECK_THROWS_WITH(util::read_xls_sheets(dir / "missing.xls", std::nullopt), "no such file");
}
