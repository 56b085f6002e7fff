#include "report_test_support.hpp"

#include <ppid/report_build.hpp>
#include <ppid/report_render.hpp>
#include <ppid/report_run.hpp>
#include <ppid/util/csv.hpp>
#include <ppid/util/display_width.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace ppid;
using ppid::test::records_of;

namespace {

ReportSettings settings(Language language = Language::id) {
    ReportSettings result;
    result.language = language;
    result.as_of = date::sys_days{date::year{2025} / 3 / 14};
    result.office = "KPU Kabupaten Boyolali";
    return result;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

const std::vector<std::string> mixed = {
    R"({"type":"item","id":"b.ok","category":"berkala","title":"DIPA","status":"ok","action":"-"})",
    R"({"type":"item","id":"l.stale","category":"layanan","title":"Laporan layanan informasi publik tahunan","status":"stale","action":"Unggah laporan layanan informasi publik tahun 2024 ke laman PPID secepatnya."})",
    R"({"type":"item","id":"l.missing","category":"layanan","title":"Maklumat","status":"missing","action":"Unggah maklumat."})",
    R"({"type":"request","id":"002","received":"2025-03-03","information":"Salinan DPT","requester":{"name":"Siti"},"deadline":{"status":"due_soon","due":"2025-03-17","remaining_working_days":1}})",
    R"({"type":"request","id":"001","received":"2025-02-24","information":"Notulen","deadline":{"status":"overdue","due":"2025-03-10","remaining_working_days":-4}})",
};

}  // namespace

TEST_CASE("records are checked for what their section needs", "[report]") {
    ReportRecords records;
    CHECK_THROWS_WITH(records.add(Record::parse(R"({"id":"x"})"), {"f", 3}), "record has no \"type\"");
    CHECK_THROWS_WITH(records.add(Record::parse(R"({"type":"item","id":"x","status":"gone"})"), {"f", 4}),
                      Catch::StartsWith("item: field \"status\" is \"gone\", not one of missing"));
    CHECK_THROWS_WITH(
        records.add(Record::parse(R"({"type":"request","id":"1","deadline":{"status":"open"}})"), {"f", 5}),
        "request deadline: no field \"due\"");
    CHECK_THROWS_WITH(records.add(Record::parse(R"({"type":"document","title":"x"})"), {"f", 6}),
                      "document: no field \"url\" or \"path\"");
    CHECK(records.empty());
    records.add(Record::parse(R"({"type":"heartbeat","office":"A"})"), {"f", 7});
    CHECK(records.other_types.at("heartbeat") == 1);
    CHECK(records.offices.count("A") == 1);
}

TEST_CASE("the worst comes first: statuses, highlights, sections", "[report]") {
    const auto report = build_report(records_of(mixed), settings());
    CHECK(report.attention);
    REQUIRE(report.highlights.size() == 3);
    CHECK(report.highlights[0].text == "Kelengkapan: item 1 belum ada, 1 kedaluwarsa.");
    CHECK(report.highlights[1].text == "Lewat tenggat: 001.");
    CHECK(report.highlights[2].text == "Segera jatuh tempo: 002.");
    REQUIRE(report.sections.size() == 4);
    CHECK(report.sections[1].title == "Layanan informasi");  // the category with the missing item first
    CHECK(report.sections[2].title == "Informasi berkala");
    const auto& deadlines = std::get<ReportTable>(report.sections[3].blocks[1]);
    CHECK(deadlines.rows[0][1].text == "001");
    CHECK(deadlines.rows[0][4].text == "10 Maret 2025");
    CHECK(deadlines.columns.size() == 7);  // no requester columns without --show-personal
}

TEST_CASE("personal data only when asked", "[report]") {
    auto options = settings(Language::en);
    options.show_personal = true;
    const auto report = build_report(records_of(mixed), options);
    const auto& deadlines = std::get<ReportTable>(report.sections[3].blocks[1]);
    REQUIRE(deadlines.columns.size() == 9);
    CHECK(deadlines.columns[7].title == "Requester");
    CHECK(deadlines.rows[1][7].text == "Siti");
}

TEST_CASE("nothing to do is exit 0", "[report]") {
    const auto report = build_report(records_of({mixed[0]}), settings(Language::en));
    CHECK_FALSE(report.attention);
    CHECK(report.highlights.front().text == "Nothing needs attention.");
    CHECK(report.facts[1].value == "14 March 2025");
}

TEST_CASE("text fits the width it is given", "[report]") {
    const auto report = build_report(records_of(mixed), settings());
    for (const std::size_t width : {20u, 40u, 64u, 80u, 132u}) {
        TextStyle style;
        style.width = width;
        for (const auto& line : lines_of(render_text(report, style))) {
            INFO(width << ": " << line);
            CHECK(util::display_width(line) <= width);
        }
    }
    TextStyle wide;
    wide.width = 200;
    const std::string text = render_text(report, wide);
    CHECK(text.find(
              "Lewat tenggat       001    Permohonan  24 Februari 2025  10 Maret 2025               -4  Notulen\n") !=
          std::string::npos);
    CHECK(text.find("\x1b") == std::string::npos);
}

TEST_CASE("colours only when they are wanted", "[report]") {
    const Terminal terminal{true, 80, false};
    CHECK(use_color(ColorChoice::automatic, terminal, false));
    CHECK_FALSE(use_color(ColorChoice::automatic, terminal, true));
    CHECK_FALSE(use_color(ColorChoice::automatic, Terminal{true, 80, true}, false));
    CHECK_FALSE(use_color(ColorChoice::automatic, Terminal{false, 0, false}, false));
    CHECK(use_color(ColorChoice::always, Terminal{false, 0, true}, true));
    CHECK_FALSE(use_color(ColorChoice::never, terminal, false));
}

TEST_CASE("CSV is rectangular and reads back", "[report]") {
    const std::string csv = render_csv(build_report(records_of(mixed), settings()), false);
    util::CsvReader reader(csv, ',');
    util::CsvRecord record;
    std::size_t fields = 0, rows = 0;
    while (reader.next(record)) {
        if (rows++ == 0) fields = record.fields.size();
        CHECK(record.fields.size() == fields);
    }
    CHECK(rows > 10);
    CHECK(render_csv(build_report(records_of(mixed), settings()), true)
              .rfind("\xEF\xBB\xBF"
                     "Laporan PPID",
                     0) == 0);
}

TEST_CASE("an SVG chart scales its bars to the largest", "[report]") {
    ReportChart chart;
    chart.title = "A & B";
    chart.series = {{"x", Tone::good}, {"y", Tone::bad}};
    chart.bars = {{"satu", {1, 1}}, {"dua", {4, 0}}, {"nol", {0, 0}}};
    const std::string svg = render_svg_chart(chart);
    CHECK(svg.find("<title>A &amp; B</title>") != std::string::npos);
    CHECK(svg.find("width=\"350\" height=\"14\" fill=\"#2e7d32\"") != std::string::npos);   // 4 of 4
    CHECK(svg.find("width=\"87.5\" height=\"14\" fill=\"#c62828\"") != std::string::npos);  // 1 of 4
    CHECK(svg.find(">0</text>") != std::string::npos);
}

TEST_CASE("evidence kept in a web archive says when, on the office's calendar", "[report]") {
    // Archived at 02:30 in Boyolali on 12 March, which is still 11 March in UTC.
    const std::vector<std::string> lines = {
        R"({"type":"item","id":"b.dipa","category":"berkala","title":"DIPA","status":"ok","action":"-","evidence":[{"url":"https://kab-boyolali.kpu.go.id/dokumen/dipa-2025.pdf","warc":{"file":"/var/lib/ppid/runs/2025-03-12/crawl.warc.gz","record_id":"<urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9>","date":"2025-03-11T19:30:00Z"}}]})",
        R"({"type":"item","id":"b.lk","category":"berkala","title":"Laporan keuangan","status":"ok","action":"-","evidence":[{"url":"https://kab-boyolali.kpu.go.id/dokumen/lk-2024.pdf"}]})",
    };
    ReportSettings jakarta = settings();
    jakarta.zone = date::locate_zone("Asia/Jakarta");
    const auto report = build_report(records_of(lines), jakarta);
    const auto& table = std::get<ReportTable>(report.sections[1].blocks[0]);
    REQUIRE(table.columns.size() == 4);
    CHECK(table.columns[3].title == "Arsip web");
    CHECK(table.rows[0][3].text == "diarsipkan 12 Maret 2025");
    CHECK(table.rows[1][3].text.empty());  // not archived: nothing claimed
    CHECK(render_markdown(report).find("| diarsipkan 12 Maret 2025 |") != std::string::npos);
    CHECK(render_html(report).find("diarsipkan 12 Maret 2025") != std::string::npos);

    ReportSettings english = settings(Language::en);  // no zone: the UTC day
    const auto utc = build_report(records_of(lines), english);
    CHECK(std::get<ReportTable>(utc.sections[1].blocks[0]).rows[0][3].text == "archived on 11 March 2025");

    // Without an archive the table keeps its three columns.
    const auto plain = build_report(records_of({lines[1]}), jakarta);
    CHECK(std::get<ReportTable>(plain.sections[1].blocks[0]).columns.size() == 3);
}
