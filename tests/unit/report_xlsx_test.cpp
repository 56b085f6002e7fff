// ppid-report's XLSX workbook, read back with our own XLSX reader (util/xlsx.hpp): the sheets, the cells,
// dates as date cells, counts as numbers, and no formula anywhere, whatever the records' text starts with.
#include "report_test_support.hpp"

#include <ppid/report_build.hpp>
#include <ppid/report_render.hpp>
#include <ppid/util/temp_folder.hpp>
#include <ppid/util/xlsx.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace ppid;
using ppid::test::records_of;

namespace {

ReportSettings settings() {
    ReportSettings result;
    result.language = Language::id;
    result.as_of = date::sys_days{date::year{2025} / 3 / 14};
    result.office = "KPU Provinsi Jawa Tengah";
    return result;
}

// A night of one office: items of two categories (one action a formula would be made of, one title
// a bidirectional override would disguise), a summary dated by ppid-check, requests with deadlines.
const std::vector<std::string> night = {
    R"({"type":"item","office":"kab-boyolali","office_name":"KPU Kabupaten Boyolali","id":"b.dipa","category":"berkala","title":"DIPA","status":"ok","action":""})",
    R"j({"type":"item","office":"kab-boyolali","office_name":"KPU Kabupaten Boyolali","id":"b.lhkpn","category":"berkala","title":"=HYPERLINK(\"http://x\")","status":"missing","action":"+cmd|' /C calc'!A0"})j",
    R"j({"type":"item","office":"kab-boyolali","office_name":"KPU Kabupaten Boyolali","id":"l.prosedur","category":"layanan","title":"Prosedur \u202Efdp.exe\u202C","status":"missing","action":"Unggah\u009b2J."})j",
    R"j({"type":"item","office":"kab-boyolali","office_name":"KPU Kabupaten Boyolali","id":"l.maklumat","category":"layanan","title":"Maklumat","status":"stale","action":"@SUM(1)"})j",
    R"({"type":"summary","office":"kab-boyolali","office_name":"KPU Kabupaten Boyolali","as_of":"2023-09-15","score":71.5,"band":"Cukup Informatif","counts":{"ok":1,"missing":1,"stale":1},"categories":{}})",
    R"({"type":"request","id":"0012","received":"2023-09-01","information":"-2+3","deadline":{"status":"overdue","due":"2023-09-14","remaining_working_days":-1}})",
};

struct Workbook {
    std::vector<std::string> names;
    std::vector<util::Sheet> sheets;
};

Workbook read_back(const std::string& bytes) {
    util::TempFolder folder("report-xlsx-test");
    const std::string path = folder.path() + "/report.xlsx";
    std::ofstream(path, std::ios::binary) << bytes;
    Workbook book;
    book.names = util::xlsx_sheet_names(path);
    for (const auto& name : book.names) book.sheets.push_back(util::read_xlsx_sheet(path, name));
    return book;
}

const util::SheetCell* find_cell(const util::Sheet& sheet, const std::string& text) {
    for (const auto& row : sheet.rows)
        for (const auto& cell : row.cells)
            if (cell.text == text) return &cell;
    return nullptr;
}

}  // namespace

TEST_CASE("the XLSX report has a sheet per section, dates as dates, and no formula", "[report][xlsx]") {
    const auto report = build_report(records_of(night), settings());
    const std::string bytes = render_xlsx(report);
    REQUIRE(bytes.substr(0, 2) == "PK");
    const auto book = read_back(bytes);

    REQUIRE(book.names.size() >= 3);
    CHECK(book.names[0] == "Ringkasan");

    // The summary: the office from the records (by its name, not the configuration's province), and the
    // records' own date as a date cell.
    const auto& summary = book.sheets[0];
    CHECK(summary.rows.at(0).cells.at(0).text == report.title);
    REQUIRE(find_cell(summary, "KPU Kabupaten Boyolali"));
    CHECK_FALSE(find_cell(summary, "KPU Provinsi Jawa Tengah"));
    bool dated = false;
    for (const auto& row : summary.rows)
        if (row.cells.size() > 1 && row.cells[0].text == "Per tanggal") {
            dated = true;
            CHECK(row.cells[1].kind == util::SheetCell::Kind::number);
            CHECK(row.cells[1].date_format);
            CHECK(row.cells[1].number == 45184);  // 15 September 2023 as an Excel serial day
        }
    CHECK(dated);

    // Every cell of every sheet: no formula; text that looks like one is kept as text.
    std::size_t cells = 0;
    for (const auto& sheet : book.sheets)
        for (const auto& row : sheet.rows)
            for (const auto& cell : row.cells) {
                ++cells;
                CHECK_FALSE(cell.formula);
            }
    CHECK(cells > 20);
    bool found_injection = false;
    for (const auto& sheet : book.sheets) {
        if (const auto* cell = find_cell(sheet, "+cmd|' /C calc'!A0")) {
            found_injection = true;
            CHECK(cell->kind == util::SheetCell::Kind::text);
        }
        if (const auto* cell = find_cell(sheet, "=HYPERLINK(\"http://x\")")) CHECK(cell->kind == util::SheetCell::Kind::text);
    }
    CHECK(found_injection);
    // A bidirectional override or a C1 control is shown as U+FFFD, not obeyed by the sheet's reader.
    bool found_override = false;
    for (const auto& sheet : book.sheets) {
        found_override = found_override || find_cell(sheet, "Prosedur \uFFFD" "fdp.exe\uFFFD");
        CHECK_FALSE(find_cell(sheet, "Prosedur \u202E" "fdp.exe\u202C"));
        CHECK_FALSE(find_cell(sheet, "Unggah\u009b" "2J."));
    }
    CHECK(found_override);

    // The checklist: its categories in one table with the category first, its header row on top.
    const util::Sheet* checklist = nullptr;
    for (const auto& sheet : book.sheets)
        if (find_cell(sheet, "Maklumat")) checklist = &sheet;
    REQUIRE(checklist);
    REQUIRE(find_cell(*checklist, "Bagian"));
    CHECK(find_cell(*checklist, "Tindakan"));
    for (const auto& row : checklist->rows)
        if (row.cells.size() > 2 && row.cells[2].text == "Maklumat") CHECK(row.cells[0].text == "Layanan informasi");

    // The requests: an id stays text ("0012"), the dates are date cells, days left a number.
    const util::Sheet* requests = nullptr;
    for (const auto& sheet : book.sheets)
        if (find_cell(sheet, "0012")) requests = &sheet;
    REQUIRE(requests);
    for (const auto& row : requests->rows) {
        if (row.cells.size() < 6 || row.cells[1].text != "0012") continue;
        CHECK(row.cells[1].kind == util::SheetCell::Kind::text);
        CHECK(row.cells[3].date_format);
        CHECK(row.cells[3].number == 45170);  // 1 September 2023
        CHECK(row.cells[4].date_format);
        CHECK(row.cells[6].text == "-2+3");
        CHECK(row.cells[6].kind == util::SheetCell::Kind::text);
    }
}

TEST_CASE("the XLSX report is the same bytes for the same records", "[report][xlsx]") {
    const auto report = build_report(records_of(night), settings());
    CHECK(render_xlsx(report) == render_xlsx(report));
}
