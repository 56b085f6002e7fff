#include "support/xlsx_writer.hpp"

#include <ppid/util/ods.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace ppid;
using Kind = util::SheetCell::Kind;
using test::ZipEntry;

namespace {

struct TempDir : test::TempDir {
    TempDir() : test::TempDir("ppid-ods-") {}
};

const std::string content_head =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" )"
    R"(xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:spreadsheet>)";
const std::string content_tail = "</office:spreadsheet></office:body></office:document-content>";

// Writes an .ods whose content.xml holds `tables` (the <table:table> elements), as LibreOffice
// packs it: the mimetype first.
std::filesystem::path write_ods(const TempDir& dir, const std::string& tables) {
    const auto path = dir / "register.ods";
    test::write_zip(path, {ZipEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                           ZipEntry("content.xml", content_head + tables + content_tail)});
    return path;
}

const util::SheetCell& cell(const util::Sheet& sheet, std::size_t row_number, std::size_t column) {
    static const util::SheetCell empty;
    for (const auto& row : sheet.rows)
        if (row.number == row_number) return column < row.cells.size() ? row.cells[column] : empty;
    return empty;
}

std::string text_cell(const std::string& text) {
    return R"(<table:table-cell office:value-type="string"><text:p>)" + text + "</text:p></table:table-cell>";
}

}  // namespace

TEST_CASE("an .ods sheet is read with its value types, spans and repeats", "[ods]") {
    TempDir dir;
    const auto path = write_ods(
        dir, R"(<table:table table:name="Register Permohonan">)"
             R"(<table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1" )"
             R"(office:value-type="string"><text:p>REGISTER</text:p></table:table-cell>)"
             R"(<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>)"
             R"(<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>)"
             R"(<table:table-row>)"
             R"(<table:table-cell office:value-type="float" office:value="3" calcext:value-type="float"><text:p>3</text:p></table:table-cell>)"
             R"(<table:table-cell office:value-type="date" office:date-value="2024-01-08T14:30:00"><text:p>08 Januari 2024</text:p></table:table-cell>)"
             R"(<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%</text:p></table:table-cell>)"
             R"(<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>)"
             R"(<table:table-cell office:value-type="string"><office:annotation><dc:creator>A</dc:creator><text:p>a comment</text:p></office:annotation>)"
             R"(<text:p>Jl.<text:s text:c="2"/>Veteran</text:p><text:p><text:span>Sukoharjo</text:span></text:p></table:table-cell>)"
             R"(</table:table-row>)"
             R"(<table:table-row><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>)"
             R"(<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>)"
             R"(</table:table>)"
             R"(<table:table table:name="Register Keberatan"><table:table-row>)" +
                 text_cell("Tanggal") + "</table:table-row></table:table>");
    const auto sheets = util::read_ods_sheets(path, std::nullopt);
    REQUIRE(sheets.size() == 2);
    const util::Sheet& sheet = sheets[0];
    CHECK(sheet.name == "Register Permohonan");
    REQUIRE(sheet.rows.size() == 3);
    CHECK(cell(sheet, 1, 0).text == "REGISTER");
    CHECK(cell(sheet, 1, 1).kind == Kind::empty);  // covered: fill_merged_cells copies the value
    REQUIRE(sheet.merged.size() == 1);
    CHECK((sheet.merged[0].first_row == 1 && sheet.merged[0].last_row == 1 && sheet.merged[0].last_column == 2));
    CHECK(cell(sheet, 4, 0).number == 3);
    CHECK(cell(sheet, 4, 0).text == "3");
    CHECK(cell(sheet, 4, 1).date_format);
    CHECK(cell(sheet, 4, 1).number == Approx(45299 + 14.5 / 24));
    CHECK(cell(sheet, 4, 2).number == Approx(0.25));
    CHECK(cell(sheet, 4, 3).kind == Kind::boolean);
    CHECK(cell(sheet, 4, 4).text == "Jl.  Veteran\nSukoharjo");
    CHECK(cell(sheet, 5, 0).text == "x");
    CHECK(cell(sheet, 5, 1).text == "x");
    CHECK(sheets[1].rows.at(0).cells.at(0).text == "Tanggal");

    CHECK(util::read_ods_sheets(path, std::string("register keberatan")).at(0).name == "Register Keberatan");
    CHECK_THROWS_WITH(util::read_ods_sheets(path, std::string("Rekap")),
                      "no sheet named \"Rekap\" (sheets: Register Permohonan, Register Keberatan)");
}

TEST_CASE("repeated .ods cells and rows with content are bounded", "[ods]") {
    TempDir dir;
    const auto wide = write_ods(dir, R"(<table:table table:name="S"><table:table-row>)"
                                     R"(<table:table-cell table:number-columns-repeated="1000000000" office:value-type="string">)"
                                     R"(<text:p>x</text:p></table:table-cell></table:table-row></table:table>)");
    CHECK_THROWS_WITH(util::read_ods_sheets(wide, std::nullopt), "a cell past column 16384");

    const auto tall = write_ods(dir, R"(<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000000">)" +
                                         text_cell("x") + "</table:table-row></table:table>");
    util::WorkbookLimits limits;
    limits.max_cells = 1000;
    CHECK_THROWS_WITH(util::read_ods_sheets(tall, std::nullopt, limits), "sheet has more than 1000 cells");
}

TEST_CASE("an .ods cell is not held past the cell limit", "[ods]") {
    TempDir dir;
    const auto path = write_ods(dir, R"(<table:table table:name="S"><table:table-row>)" + text_cell(std::string(5000, 'a')) +
                                         text_cell("é" + std::string(10, 'b')) + "</table:table-row></table:table>");
    util::WorkbookLimits limits;
    limits.max_cell_bytes = 1000;
    const auto sheet = util::read_ods_sheets(path, std::nullopt, limits).at(0);
    CHECK(cell(sheet, 1, 0).text.size() == 1000);
    CHECK(cell(sheet, 1, 0).cut);
    CHECK_FALSE(cell(sheet, 1, 1).cut);
}

TEST_CASE("a zip archive is told apart as OpenDocument or Office Open XML", "[ods]") {
    TempDir dir;
    CHECK(util::is_opendocument_package(write_ods(dir, "")));
    const auto xlsx = dir / "book.xlsx";
    test::write_zip(xlsx, {ZipEntry("xl/workbook.xml", "<workbook/>")});
    CHECK_FALSE(util::is_opendocument_package(xlsx));
    CHECK_FALSE(util::is_opendocument_package(dir / "missing.ods"));
}
