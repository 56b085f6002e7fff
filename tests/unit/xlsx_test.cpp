#include "support/xlsx_writer.hpp"

#include <ppid/util/xlsx.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <random>

using namespace ppid;
using Kind = util::SheetCell::Kind;
using test::NumberStyle;
using test::XlsxWriter;
using test::ZipEntry;

namespace {

// Each test's files live in a TempDir named for this file's tests.
struct TempDir : test::TempDir {
    TempDir() : test::TempDir("ppid-xlsx-") {}
};

const util::SheetCell& cell(const util::Sheet& sheet, std::size_t row_number, std::size_t column) {
    static const util::SheetCell empty;
    for (const auto& row : sheet.rows)
        if (row.number == row_number) return column < row.cells.size() ? row.cells[column] : empty;
    return empty;
}

std::string read_error(const std::filesystem::path& path, const std::optional<std::string>& sheet = std::nullopt,
                       const util::XlsxLimits& limits = {}) {
    try {
        util::read_xlsx_sheet(path, sheet, limits);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "(no error)";
}

// Returns the parts of a one-sheet workbook with the sheet part's XML replaced.
std::vector<ZipEntry> with_sheet_xml(const std::string& sheet_xml) {
    XlsxWriter writer;
    writer.add_sheet("Register").set(1, 0, "x");
    auto parts = writer.parts();
    for (auto& part : parts)
        if (part.name == "xl/worksheets/sheet1.xml") part.head = sheet_xml;
    return parts;
}

const std::string worksheet_open =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

}  // namespace

TEST_CASE("xlsx: shared, inline and rich text keep UTF-8 and line breaks", "[xlsx]") {
    TempDir dir;
    XlsxWriter writer;
    writer.add_sheet("Register")
        .set(1, 0, "Jum'at, 29 Agustus 2023")
        .set(1, 1, "Nomor Kontak\n(Telp/Email)")
        .set_inline(1, 2, "  Pemohon & <Kuasa> ")
        .set_rich(1, 3, {"Nomor", " Registrasi"}, "ノ")
        .set(2, 0, "Jum'at, 29 Agustus 2023")
        .set(2, 1, "Line_x000D_\nbreak _x005F_x0041_");
    writer.save(dir / "strings.xlsx");

    const auto sheet = util::read_xlsx_sheet(dir / "strings.xlsx", std::nullopt);
    CHECK(sheet.name == "Register");
    REQUIRE(sheet.rows.size() == 2);
    CHECK(cell(sheet, 1, 0).kind == Kind::text);
    CHECK(cell(sheet, 1, 0).text == "Jum'at, 29 Agustus 2023");
    CHECK(cell(sheet, 1, 1).text == "Nomor Kontak\n(Telp/Email)");
    CHECK(cell(sheet, 1, 2).text == "  Pemohon & <Kuasa> ");
    CHECK(cell(sheet, 1, 3).text == "Nomor Registrasi");
    CHECK(cell(sheet, 2, 0).text == "Jum'at, 29 Agustus 2023");
    CHECK(cell(sheet, 2, 1).text == "Line\r\nbreak _x0041_");  // Excel's escapes decoded once

    XlsxWriter inline_writer;
    inline_writer.use_inline_strings(true);
    inline_writer.add_sheet("S").set(1, 0, "Kamis, 31 Agustus 2023").set(1, 1, "ĀŠ — 日本");
    inline_writer.save(dir / "inline.xlsx");
    const auto inline_sheet = util::read_xlsx_sheet(dir / "inline.xlsx", std::nullopt);
    CHECK(cell(inline_sheet, 1, 0).text == "Kamis, 31 Agustus 2023");
    CHECK(cell(inline_sheet, 1, 1).text == "ĀŠ — 日本");
}

TEST_CASE("xlsx: numbers, dates, booleans, errors and formulas' cached values", "[xlsx]") {
    TempDir dir;
    XlsxWriter writer;
    writer.add_sheet("Register")
        .set_number(1, 0, 45167, true)
        .set_number(1, 1, 1.5)
        .set_number(1, 2, 45167.375, NumberStyle::date_time)
        .set_number(1, 3, 1.25, NumberStyle::elapsed)
        .set_number(1, 4, 0.5, NumberStyle::percent)
        .set_formula(1, 5, "A1+1", "45168", NumberStyle::date)
        .set_text_formula(1, 6, "\"No. \"&B1", "No. 1.5")
        .set_boolean(1, 7, true)
        .set_boolean(1, 8, false)
        .set_error(1, 9, "#N/A")
        .set_number(1, 10, -0.001)
        .set_number(1, 11, 1.25, NumberStyle::builtin_elapsed);
    writer.save(dir / "values.xlsx");

    const auto sheet = util::read_xlsx_sheet(dir / "values.xlsx", std::nullopt);
    const auto& date = cell(sheet, 1, 0);
    CHECK(date.kind == Kind::number);
    CHECK(date.text == "45167");
    CHECK(date.number == 45167);
    CHECK(date.date_format);
    CHECK(cell(sheet, 1, 1).text == "1.5");
    CHECK(cell(sheet, 1, 1).number == 1.5);
    CHECK_FALSE(cell(sheet, 1, 1).date_format);
    CHECK(cell(sheet, 1, 2).date_format);
    CHECK(cell(sheet, 1, 2).number == 45167.375);
    CHECK_FALSE(cell(sheet, 1, 3).date_format);  // [h]:mm:ss is a duration
    CHECK_FALSE(cell(sheet, 1, 4).date_format);
    CHECK(cell(sheet, 1, 5).kind == Kind::number);
    CHECK(cell(sheet, 1, 5).text == "45168");
    CHECK(cell(sheet, 1, 5).date_format);
    CHECK(cell(sheet, 1, 6).kind == Kind::text);
    CHECK(cell(sheet, 1, 6).text == "No. 1.5");
    CHECK(cell(sheet, 1, 7).kind == Kind::boolean);
    CHECK(cell(sheet, 1, 7).text == "TRUE");
    CHECK(cell(sheet, 1, 8).text == "FALSE");
    CHECK(cell(sheet, 1, 9).kind == Kind::error);
    CHECK(cell(sheet, 1, 9).text == "#N/A");
    CHECK(cell(sheet, 1, 10).text == "-0.001");
    CHECK_FALSE(cell(sheet, 1, 11).date_format);  // built-in 46 is [h]:mm:ss
}

TEST_CASE("xlsx: skipped rows keep their numbers, gaps are empty cells", "[xlsx]") {
    TempDir dir;
    XlsxWriter writer;
    writer.add_sheet("Register").set(1, 0, "No").set(1, 2, "Nama").set(4, 1, "Budi").set(1048576, 16383, "last");
    writer.save(dir / "gaps.xlsx");

    const auto sheet = util::read_xlsx_sheet(dir / "gaps.xlsx", std::nullopt);
    REQUIRE(sheet.rows.size() == 3);
    CHECK(sheet.rows[0].number == 1);
    CHECK(sheet.rows[0].cells.size() == 3);
    CHECK(sheet.rows[0].cells[1].kind == Kind::empty);
    CHECK(sheet.rows[1].number == 4);
    CHECK(sheet.rows[1].cells.size() == 2);
    CHECK(sheet.rows[1].cells[1].text == "Budi");
    CHECK(sheet.rows[2].number == 1048576);
    CHECK(sheet.rows[2].cells.size() == 16384);
}

TEST_CASE("xlsx: odd but valid sheet XML is read as Excel reads it", "[xlsx]") {
    TempDir dir;
    XlsxWriter writer;
    writer.omit_cell_references(true);
    writer.add_sheet("Register").set(1, 0, "a").set(1, 1, "b").set_number(1, 2, 3);
    writer.save(dir / "no-refs.xlsx");
    const auto sheet = util::read_xlsx_sheet(dir / "no-refs.xlsx", std::nullopt);
    REQUIRE(sheet.rows.size() == 1);
    CHECK(sheet.rows[0].cells.size() == 3);
    CHECK(cell(sheet, 1, 1).text == "b");
    CHECK(cell(sheet, 1, 2).text == "3");

    // Rows without r="" follow the previous row; empty rows and styled empty cells are dropped.
    test::write_zip(
        dir / "sparse.xlsx",
        with_sheet_xml(worksheet_open +
                       "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"C3\" s=\"1\"/></row>"
                       "<row><c t=\"inlineStr\"><is><t>y</t></is></c></row><row r=\"9\"/>"
                       "<row r=\"10\"><c r=\"A10\" s=\"1\"/><c r=\"B10\"><v></v></c></row>"
                       "</sheetData></worksheet>"));
    const auto sparse = util::read_xlsx_sheet(dir / "sparse.xlsx", std::nullopt);
    REQUIRE(sparse.rows.size() == 2);
    CHECK(sparse.rows[0].number == 3);
    CHECK(sparse.rows[0].cells.size() == 2);
    CHECK(sparse.rows[1].number == 4);
    CHECK(cell(sparse, 4, 0).text == "y");

    // Rows out of order are sorted; a row written twice keeps both rows' cells, the later winning.
    test::write_zip(
        dir / "unordered.xlsx",
        with_sheet_xml(worksheet_open + "<row r=\"5\"><c r=\"A5\"><v>1</v></c><c r=\"B5\"><v>2</v></c></row>"
                                        "<row r=\"2\"><c r=\"A2\"><v>3</v></c></row>"
                                        "<row r=\"5\"><c r=\"B5\"><v>4</v></c><c r=\"C5\"><v>5</v></c></row>"
                                        "</sheetData></worksheet>"));
    const auto unordered = util::read_xlsx_sheet(dir / "unordered.xlsx", std::nullopt);
    REQUIRE(unordered.rows.size() == 2);
    CHECK(unordered.rows[0].number == 2);
    CHECK(unordered.rows[1].number == 5);
    CHECK(cell(unordered, 5, 0).text == "1");
    CHECK(cell(unordered, 5, 1).text == "4");
    CHECK(cell(unordered, 5, 2).text == "5");
}

TEST_CASE("xlsx: merged ranges are listed and can be filled", "[xlsx]") {
    TempDir dir;
    XlsxWriter writer;
    writer.add_sheet("Register")
        .set(1, 0, "Laporan Permohonan Informasi")
        .merge(1, 0, 1, 3)
        .set(2, 0, "No")
        .merge(2, 0, 3, 0)
        .set(2, 1, "Pemohon")
        .merge(2, 1, 2, 2)
        .set(3, 1, "Nama")
        .set(3, 2, "Nomor Kontak\n(Telp/Email)")
        .set(2, 3, "Keterangan")
        .merge(2, 3, 5, 3)
        .set(4, 0, "1")
        .set(6, 0, "2")
        .merge(7, 0, 1048576, 16383);  // empty top-left: nothing to fill
    writer.save(dir / "merged.xlsx");

    const auto sheet = util::read_xlsx_sheet(dir / "merged.xlsx", std::nullopt);
    REQUIRE(sheet.merged.size() == 5);
    CHECK(sheet.merged[0].first_row == 1);
    CHECK(sheet.merged[0].first_column == 0);
    CHECK(sheet.merged[0].last_row == 1);
    CHECK(sheet.merged[0].last_column == 3);
    CHECK(sheet.merged[1].last_row == 3);
    CHECK(cell(sheet, 1, 1).kind == Kind::empty);

    const auto filled = util::fill_merged_cells(sheet);
    for (std::size_t column = 0; column < 4; ++column)
        CHECK(cell(filled, 1, column).text == "Laporan Permohonan Informasi");
    CHECK(cell(filled, 3, 0).text == "No");
    CHECK(cell(filled, 2, 2).text == "Pemohon");
    CHECK(cell(filled, 3, 2).text == "Nomor Kontak\n(Telp/Email)");
    CHECK(cell(filled, 4, 0).text == "1");
    CHECK(cell(filled, 4, 3).text == "Keterangan");
    CHECK(cell(filled, 5, 3).text == "Keterangan");  // row 5 had no cells: added
    REQUIRE(filled.rows.size() == 6);
    CHECK(filled.rows[4].number == 5);
    CHECK(filled.rows[4].cells.size() == 4);

    util::Sheet huge;
    huge.rows.push_back({1, std::vector<util::SheetCell>(3, util::SheetCell{Kind::text, "x", 0, false, false})});
    huge.rows.push_back({1048576, {util::SheetCell{Kind::text, "y", 0, false, false}}});
    huge.merged.push_back({1, 0, 1048576, 2});
    CHECK_THROWS_WITH(util::fill_merged_cells(huge, 1000), "merged ranges would fill the sheet past 1000 cells");
}

TEST_CASE("xlsx: sheets are chosen by name, the first by default", "[xlsx]") {
    TempDir dir;
    XlsxWriter writer;
    writer.use_absolute_targets(true);
    writer.add_sheet("Petunjuk").set(1, 0, "Baca dulu");
    writer.add_sheet("Register 2023").set(1, 0, "No");
    writer.add_sheet("Keberatan & Sengketa").set(2, 0, "K-1");
    writer.save(dir / "book.xlsx");

    CHECK(util::xlsx_sheet_names(dir / "book.xlsx") ==
          std::vector<std::string>{"Petunjuk", "Register 2023", "Keberatan & Sengketa"});
    CHECK(cell(util::read_xlsx_sheet(dir / "book.xlsx", std::nullopt), 1, 0).text == "Baca dulu");
    const auto third = util::read_xlsx_sheet(dir / "book.xlsx", std::string("Keberatan & Sengketa"));
    CHECK(third.name == "Keberatan & Sengketa");
    CHECK(cell(third, 2, 0).text == "K-1");
    CHECK(util::read_xlsx_sheet(dir / "book.xlsx", std::string("register 2023")).name == "Register 2023");
    CHECK(read_error(dir / "book.xlsx", std::string("Register")) ==
          "no sheet named \"Register\" (sheets: Petunjuk, Register 2023, Keberatan & Sengketa)");
}

TEST_CASE("xlsx: files that are not workbooks get a plain error", "[xlsx]") {
    TempDir dir;
    std::ofstream(dir / "register.xlsx") << "No,Nama,Tanggal\n1,Budi,2023-08-29\n";
    CHECK(read_error(dir / "register.xlsx") == "not an XLSX file (not a zip archive)");
    CHECK_THROWS_WITH(util::xlsx_sheet_names(dir / "register.xlsx"), "not an XLSX file (not a zip archive)");

    std::ofstream(dir / "old.xlsx") << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(600, '\0');
    CHECK(read_error(dir / "old.xlsx").find("an old .xls workbook or a password-protected one") != std::string::npos);

    std::ofstream(dir / "empty.xlsx").close();
    CHECK(read_error(dir / "empty.xlsx") == "not an XLSX file (the file is empty)");
    CHECK(read_error(dir / "missing.xlsx") == "no such file");

    test::write_zip(dir / "photos.xlsx", {{"foto.jpg", "not really a photo"}});
    CHECK(read_error(dir / "photos.xlsx") == "not an XLSX workbook (no xl/workbook.xml in the zip archive)");

    test::write_zip(dir / "letter.xlsx",
                    {{"_rels/.rels",
                      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                      "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
                     {"word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>"}});
    CHECK(read_error(dir / "letter.xlsx") ==
          "not an XLSX workbook (its main part word/document.xml is not a workbook)");

    test::write_zip(dir / "sheet.ods", {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                        {"content.xml", "<office:document-content/>"}});
    CHECK(read_error(dir / "sheet.ods").find("OpenDocument") != std::string::npos);
}

TEST_CASE("xlsx: malformed parts throw with the part and line", "[xlsx]") {
    TempDir dir;
    test::write_zip(dir / "broken.xlsx", with_sheet_xml(worksheet_open + "\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>"));
    CHECK(read_error(dir / "broken.xlsx").rfind("malformed XML in xl/worksheets/sheet1.xml line 2: ", 0) == 0);

    test::write_zip(dir / "bad-ref.xlsx",
                    with_sheet_xml(worksheet_open + "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"
                                                    "</sheetData></worksheet>"));
    CHECK(read_error(dir / "bad-ref.xlsx") == "xl/worksheets/sheet1.xml line 1: bad cell reference \"XFE1\"");

    test::write_zip(dir / "bad-string.xlsx",
                    with_sheet_xml(worksheet_open + "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>7</v></c>"
                                                    "</row></sheetData></worksheet>"));
    CHECK(read_error(dir / "bad-string.xlsx") ==
          "xl/worksheets/sheet1.xml line 1: cell B1: no shared string \"7\" (the workbook has 1)");

    test::write_zip(dir / "bad-number.xlsx", with_sheet_xml(worksheet_open + "<row r=\"1\"><c r=\"C1\"><v>1,5</v></c>"
                                                                             "</row></sheetData></worksheet>"));
    CHECK(read_error(dir / "bad-number.xlsx") == "xl/worksheets/sheet1.xml line 1: cell C1: bad number \"1,5\"");

    XlsxWriter writer;
    writer.add_sheet("Register").set(1, 0, "x");
    auto parts = writer.parts();
    parts.erase(std::remove_if(parts.begin(), parts.end(),
                               [](const ZipEntry& p) { return p.name == "xl/worksheets/sheet1.xml"; }),
                parts.end());
    test::write_zip(dir / "no-sheet.xlsx", parts);
    CHECK(read_error(dir / "no-sheet.xlsx") == "sheet \"Register\": part xl/worksheets/sheet1.xml is missing");
}

TEST_CASE("xlsx: DTDs are refused, so no entity is expanded or fetched", "[xlsx]") {
    TempDir dir;
    std::ofstream(dir / "secret.txt") << "rahasia";
    const std::string external = "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file://" +
                                 (dir / "secret.txt").string() + "\">]>" + worksheet_open +
                                 "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row>"
                                 "</sheetData></worksheet>";
    test::write_zip(dir / "xxe.xlsx", with_sheet_xml(external));
    CHECK(read_error(dir / "xxe.xlsx") == "part xl/worksheets/sheet1.xml has a DTD, which XLSX forbids");

    // A billion laughs: ten levels of ten references each.
    std::string laughs = "<!DOCTYPE sst [<!ENTITY a \"hahahahahahahahahahaha\">";
    for (char c = 'b'; c <= 'k'; ++c) {
        std::string refs;
        for (int i = 0; i < 10; ++i) refs += std::string("&") + static_cast<char>(c - 1) + ";";
        laughs += std::string("<!ENTITY ") + c + " \"" + refs + "\">";
    }
    laughs += "]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&k;</t></si></sst>";
    XlsxWriter writer;
    writer.add_sheet("Register").set(1, 0, "x");
    auto parts = writer.parts();
    for (auto& part : parts)
        if (part.name == "xl/sharedStrings.xml") part.head = laughs;
    test::write_zip(dir / "laughs.xlsx", parts);
    CHECK(read_error(dir / "laughs.xlsx") == "part xl/sharedStrings.xml has a DTD, which XLSX forbids");
}

TEST_CASE("xlsx: zip bombs are refused by the limits before they are inflated", "[xlsx]") {
    TempDir dir;
    util::XlsxLimits limits;
    limits.max_part_bytes = 1 << 20;
    auto parts = with_sheet_xml("");
    for (auto& part : parts) {
        if (part.name != "xl/worksheets/sheet1.xml") continue;
        part.head = worksheet_open;
        part.fill_count = 5u << 20;
        part.tail = "</sheetData></worksheet>";
    }
    test::write_zip(dir / "bomb.xlsx", parts);
    CHECK(std::filesystem::file_size(dir / "bomb.xlsx") < 20'000);
    const std::string refused = "part xl/worksheets/sheet1.xml would be larger than 1 MB uncompressed (a zip bomb?)";
    CHECK(read_error(dir / "bomb.xlsx", std::nullopt, limits) == refused);
    CHECK(util::read_xlsx_sheet(dir / "bomb.xlsx", std::nullopt).rows.size() == 0);  // within the default limits

    // The declared size can lie; reading stops once the real bytes pass the limit.
    test::patch_declared_size(dir / "bomb.xlsx", "xl/worksheets/sheet1.xml", 1000);
    CHECK(read_error(dir / "bomb.xlsx", std::nullopt, limits) == refused);

    util::XlsxLimits total;
    total.max_total_bytes = 2 << 20;
    for (auto& part : parts)
        if (part.name == "xl/worksheets/sheet1.xml") part.fill_count = (2u << 20) - 1000;
    test::write_zip(dir / "big.xlsx", parts);
    CHECK(read_error(dir / "big.xlsx", std::nullopt, total) ==
          "reading part xl/worksheets/sheet1.xml would take the workbook past 2 MB uncompressed (a zip bomb?)");

    XlsxWriter writer;
    writer.add_sheet("Register").set(1, 0, "x").set(2, 16383, "far");
    writer.save(dir / "wide.xlsx");
    util::XlsxLimits cells;
    cells.max_cells = 10'000;
    CHECK(read_error(dir / "wide.xlsx", std::nullopt, cells) == "sheet has more than 10000 cells");
}

TEST_CASE("xlsx: a large register is read whole, row numbers kept", "[xlsx]") {
    // Speed is bench/run's business (CI machines are noisy); this checks nothing is lost.
    TempDir dir;
    XlsxWriter writer;
    auto& sheet = writer.add_sheet("Register");
    for (std::size_t row = 1; row <= 20'000; ++row) {
        sheet.set_number(row, 0, static_cast<double>(row))
            .set_number(row, 1, 45000.0 + static_cast<double>(row % 365), true)
            .set(row, 2, "Pemohon " + std::to_string(row % 5000))
            .set(row, 3, "Dinas Komunikasi dan Informatika")
            .set(row, 4, "Permohonan salinan dokumen anggaran tahun " + std::to_string(2000 + row % 24))
            .set_inline(row, 5, "pemohon" + std::to_string(row) + "@contoh.go.id")
            .set_number(row, 6, 1.5 * static_cast<double>(row))
            .set_formula(row, 7, "B" + std::to_string(row) + "+10", std::to_string(45010 + row % 365),
                         NumberStyle::date)
            .set(row, 8, row % 2 == 0 ? "Diterima" : "Ditolak sebagian")
            .set_boolean(row, 9, row % 3 == 0)
            .set(row, 10, "Jum'at, 29 Agustus 2023")
            .set_number(row, 11, static_cast<double>(row % 30));
    }
    writer.save(dir / "large.xlsx");

    const auto read = util::read_xlsx_sheet(dir / "large.xlsx", std::nullopt);
    REQUIRE(read.rows.size() == 20'000);
    CHECK(read.rows.back().number == 20'000);
    CHECK(read.rows.back().cells.size() == 12);
    CHECK(cell(read, 19'999, 5).text == "pemohon19999@contoh.go.id");
    CHECK(cell(read, 20'000, 7).date_format);
}

TEST_CASE("xlsx: number format codes are told apart as dates or not", "[xlsx]") {
    for (const char* code : {"dd/mm/yyyy", "d-mmm-yy", "[$-421]dddd, d mmmm yyyy;@", "h:mm AM/PM", "mm:ss",
                             "DD/MM/YYYY HH:MM", "yyyy\"年\"m\"月\"", "[Red]d/m/yy", "mmmm"})
        CHECK(util::is_date_number_format(code));
    for (const char* code : {"General", "0.00", "#,##0", "0.00E+00", "[h]:mm:ss", "[mm]:ss", "#,##0 \"hari\"",
                             "[$Rp-421]#,##0.00", "0%", "@", "\\d0", "_-* #,##0_-;-* #,##0_-", ""})
        CHECK_FALSE(util::is_date_number_format(code));
}

TEST_CASE("xlsx: column letters convert both ways", "[xlsx]") {
    CHECK(util::column_index("A") == 0u);
    CHECK(util::column_index("z") == 25u);
    CHECK(util::column_index("AB") == 27u);
    CHECK(util::column_index("XFD") == 16383u);
    CHECK_FALSE(util::column_index("XFE"));
    CHECK_FALSE(util::column_index(""));
    CHECK_FALSE(util::column_index("A1"));
    CHECK_FALSE(util::column_index("AAAA"));
    CHECK(util::column_name(0) == "A");
    CHECK(util::column_name(25) == "Z");
    CHECK(util::column_name(26) == "AA");
    CHECK(util::column_name(16383) == "XFD");
}

TEST_CASE("an xlsx cell is held only up to the cell limit, shared or inline, and marked cut", "[xlsx]") {
    TempDir dir;
    util::XlsxLimits limits;
    limits.max_cell_bytes = 100;
    for (const bool inline_strings : {false, true}) {
        XlsxWriter writer;
        writer.use_inline_strings(inline_strings);
        writer.add_sheet("Register").set(1, 0, std::string(5000, 'a')).set(1, 1, std::string(100, 'b'));
        writer.save(dir / "long.xlsx");
        const util::Sheet sheet = util::read_xlsx_sheet(dir / "long.xlsx", std::nullopt, limits);
        CHECK(cell(sheet, 1, 0).text == std::string(100, 'a'));
        CHECK(cell(sheet, 1, 0).cut);
        CHECK(cell(sheet, 1, 1).text.size() == 100);
        CHECK_FALSE(cell(sheet, 1, 1).cut);
    }
}

TEST_CASE("every worksheet of a workbook is read in order, or the one named", "[xlsx]") {
    TempDir dir;
    XlsxWriter writer;
    writer.add_sheet("Register Permohonan").set(1, 0, "a");
    writer.add_sheet("Register Keberatan").set(2, 0, "b");
    writer.save(dir / "book.xlsx");
    const auto sheets = util::read_xlsx_sheets(dir / "book.xlsx", std::nullopt);
    REQUIRE(sheets.size() == 2);
    CHECK(sheets[1].name == "Register Keberatan");
    CHECK(cell(sheets[1], 2, 0).text == "b");
    CHECK(util::read_xlsx_sheets(dir / "book.xlsx", std::string("register keberatan")).size() == 1);
}
