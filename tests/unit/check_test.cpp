#include "test_support.hpp"

#include <ppid/check_freshness.hpp>
#include <ppid/check_input.hpp>
#include <ppid/check_item_evidence.hpp>
#include <ppid/check_match.hpp>
#include <ppid/check_score.hpp>
#include <ppid/checklist.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

namespace {

UpdateCycle report_cycle() {  // a report on year Y, due 31 March of Y + 1
    UpdateCycle cycle;
    cycle.kind = UpdateCycle::Kind::yearly;
    cycle.due_month = 3;
    cycle.due_day = 31;
    cycle.due_next_year = true;
    return cycle;
}

DatedDocument covering(const std::string& text, const std::string& start, const std::string& end, bool usable = true) {
    return {usable, std::nullopt, CoveredPeriod{text, test::day(start), test::day(end)}};
}

const std::string checklists = std::string(PPID_TEST_DATA_DIR) + "/checklists";

}  // namespace

TEST_CASE("a yearly report is not due until its due date has passed", "[check]") {
    const std::vector<DatedDocument> report_2022{covering("Tahun 2022", "2022-01-01", "2022-12-31")};
    CHECK(judge_freshness(report_cycle(), report_2022, test::day("2023-08-29")).status == ItemStatus::ok);
    const auto on_due_day = judge_freshness(report_cycle(), report_2022, test::day("2024-03-31"));
    CHECK(on_due_day.status == ItemStatus::not_due);
    CHECK(on_due_day.year == 2023);
    CHECK(test::iso(*on_due_day.next_due) == "2024-03-31");
    const auto after = judge_freshness(report_cycle(), report_2022, test::day("2024-04-01"));
    CHECK(after.status == ItemStatus::stale);
    CHECK(after.year == 2023);
    CHECK(after.latest->text == "Tahun 2022");
    // A semester is not the whole year.
    CHECK(judge_freshness(report_cycle(), {covering("Semester I 2023", "2023-01-01", "2023-06-30")},
                          test::day("2024-04-01"))
              .status == ItemStatus::stale);
    const auto none = judge_freshness(report_cycle(), {}, test::day("2024-04-01"));
    CHECK(none.status == ItemStatus::missing);
    CHECK(none.year == 2023);
}

TEST_CASE("a list for the year is due in that year", "[check]") {
    auto cycle = report_cycle();
    cycle.due_next_year = false;
    cycle.due_month = 1;
    const std::vector<DatedDocument> dip_2023{covering("Tahun 2023", "2023-01-01", "2023-12-31")};
    CHECK(judge_freshness(cycle, dip_2023, test::day("2023-08-29")).status == ItemStatus::ok);
    CHECK(judge_freshness(cycle, dip_2023, test::day("2024-01-31")).status == ItemStatus::not_due);
    CHECK(judge_freshness(cycle, dip_2023, test::day("2024-02-01")).status == ItemStatus::stale);
    // A due date that is the tool's assumption leaves grace days before the list is overdue.
    cycle.assumed = true;
    cycle.grace_days = 60;
    const auto in_grace = judge_freshness(cycle, dip_2023, test::day("2024-03-31"));
    CHECK(in_grace.status == ItemStatus::not_due);
    CHECK(test::iso(*in_grace.next_due) == "2024-01-31");
    CHECK(judge_freshness(cycle, dip_2023, test::day("2024-04-01")).status == ItemStatus::stale);
    CHECK(judge_freshness(cycle, {}, test::day("2024-03-31")).year == 2023);
}

TEST_CASE("periodic information is fresh for its months after the covered period", "[check]") {
    UpdateCycle cycle;
    cycle.kind = UpdateCycle::Kind::months;
    cycle.months = 6;
    const std::vector<DatedDocument> semester{covering("Semester I 2023", "2023-01-01", "2023-06-30")};
    const auto last_day = judge_freshness(cycle, semester, test::day("2023-12-31"));
    CHECK(last_day.status == ItemStatus::ok);
    CHECK(test::iso(*last_day.next_due) == "2023-12-31");
    CHECK(judge_freshness(cycle, semester, test::day("2024-01-01")).status == ItemStatus::stale);
    // The date counts only without a period: an old report uploaded recently is still old.
    const DatedDocument uploaded_late{true, test::day("2023-11-01"), CoveredPeriod{"Tahun 2021", test::day("2021-01-01"),
                                                                                   test::day("2021-12-31")}};
    CHECK(judge_freshness(cycle, {uploaded_late}, test::day("2023-11-02")).status == ItemStatus::stale);
    const DatedDocument dated{true, test::day("2023-08-31"), std::nullopt};
    CHECK(test::iso(*judge_freshness(cycle, {dated}, test::day("2023-09-01")).next_due) == "2024-02-29");
    const auto undated = judge_freshness(cycle, {DatedDocument{}}, test::day("2023-09-01"));
    CHECK(undated.status == ItemStatus::stale);
    CHECK(undated.undated);
}

TEST_CASE("a plan or agenda is current only until the period it names ends", "[check]") {
    UpdateCycle cycle;
    cycle.kind = UpdateCycle::Kind::months;
    cycle.months = 6;
    cycle.ahead = true;
    const std::vector<DatedDocument> plan_2025{covering("Tahun 2025", "2025-01-01", "2025-12-31")};
    const auto last_day = judge_freshness(cycle, plan_2025, test::day("2025-12-31"));
    CHECK(last_day.status == ItemStatus::ok);
    CHECK(test::iso(*last_day.next_due) == "2025-12-31");
    // Half a year on, a report on 2025 would still be fresh; the 2025 plan is not.
    CHECK(judge_freshness(cycle, plan_2025, test::day("2026-06-30")).status == ItemStatus::stale);
    cycle.ahead = false;
    CHECK(judge_freshness(cycle, plan_2025, test::day("2026-06-30")).status == ItemStatus::ok);
    // Without a named period, a plan's date counts as any document's: fresh for the cycle's months.
    cycle.ahead = true;
    const DatedDocument dated{true, test::day("2026-03-02"), std::nullopt};
    CHECK(judge_freshness(cycle, {dated}, test::day("2026-06-30")).status == ItemStatus::ok);
}

TEST_CASE("an item is broken only when every document is unusable", "[check]") {
    UpdateCycle once;
    const auto dead = covering("Tahun 2023", "2023-01-01", "2023-12-31", false);
    CHECK(judge_freshness(once, {dead}, test::day("2024-01-01")).status == ItemStatus::broken);
    CHECK(judge_freshness(once, {dead, DatedDocument{}}, test::day("2024-01-01")).status == ItemStatus::ok);
}

TEST_CASE("keywords match whole words on normalised text, exclusions per field", "[check]") {
    const auto checklist = load_checklist(checklists, "kpu-kabkota");
    const ChecklistMatcher matcher(checklist);
    const auto ids = [&](CandidateText text) {
        std::vector<std::string> found;
        for (const auto& match : matcher.match(text)) found.push_back(checklist.items[match.item].id);
        return found;
    };
    CandidateText text;
    text.title = "LAPORAN_KEUANGAN-TA 2022 (final)";
    CHECK(ids(text) == std::vector<std::string>{"berkala.laporan-keuangan"});
    text.title = "Daftar Rekanan LKPP";
    CHECK(ids(text).empty());
    text.title = "Dáftar Informasi Públik 2024";  // accents typed by mistake still match
    CHECK(ids(text) == std::vector<std::string>{"layanan.dip"});
    text.title = "Unduh";
    text.contexts = {"1 Laporan Realisasi Anggaran Semester I 2023 Unduh"};
    const auto matches = matcher.match(text);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].why == std::vector<std::string>{"context: laporan realisasi anggaran"});
    CandidateText hinted;
    hinted.title = "scan 20230829";
    hinted.sections = {"Informasi Berkala", "Keuangan"};
    CHECK(ids(hinted) == std::vector<std::string>{"berkala.laporan-keuangan"});
    CHECK(normalize_for_matching("  Maklumat\u00a0PELAYANAN__(final) ") == "maklumat pelayanan final");
}

TEST_CASE("records are read without a tree, bad fields reported", "[check]") {
    Candidate candidate;
    CHECK(read_candidate(R"({"type":"document","url":"https://x/a%20b.pdf","title":"T","status":404,
        "period":{"text":"Tahun 2022","start":"2022-01-01","end":"2022-12-31"},"problems":["http_4xx"],
        "found_on":[{"page":"p","anchor_text":"Unduh","group":"Keuangan","dates":[{"date":"2023-08-29"}]}]})",
                         candidate) == "");
    CHECK(candidate.failure == "http_4xx");
    REQUIRE(candidate.period);
    CHECK(test::iso(candidate.period->end) == "2022-12-31");
    REQUIRE(candidate.found_on.size() == 1);
    CHECK(candidate.found_on[0].group == "Keuangan");
    CHECK(test::iso(*candidate.found_on[0].date) == "2023-08-29");
    CHECK(file_name_of(candidate.url) == "a b.pdf");
    CHECK(file_name_of("Keuangan/2023/LRA.pdf") == "LRA.pdf");
    CHECK(read_candidate(R"({"type":"document","title":7})", candidate) == "field \"title\" must be a string");
    CHECK(read_candidate(R"({"date":"29-08-2023"})", candidate) ==
          "field \"date\": \"29-08-2023\" is not a valid YYYY-MM-DD date");
    CHECK(read_candidate("[1]", candidate) == "expected a JSON object, found array");
    // A page's main heading, own text and form fields: what tells a page or a form from a mention.
    CHECK(read_candidate(R"({"type":"page","url":"https://x/formulir-keberatan","headings":["Formulir Keberatan","Menu"],
        "text_chars":140,"form_fields":9})",
                         candidate) == "");
    CHECK(candidate.first_heading == "Formulir Keberatan");
    CHECK(candidate.text_chars == 140);
    CHECK(candidate.form_fields == 9);
    // main_heading (the first h1) is the page's heading wherever it stands, before or after `headings`.
    CHECK(read_candidate(R"({"type":"page","url":"https://x/maklumat","headings":["Beranda","Maklumat"],
        "main_heading":"Maklumat Pelayanan Informasi Publik"})",
                         candidate) == "");
    CHECK(candidate.first_heading == "Maklumat Pelayanan Informasi Publik");
    CHECK(read_candidate(R"({"type":"page","url":"https://x/p"})", candidate) == "");
    CHECK_FALSE(candidate.text_chars);
    CHECK_FALSE(candidate.form_fields);
    CHECK(is_unusable_problem("type_mismatch"));
    CHECK_FALSE(is_unusable_problem("no_text_layer"));
}

TEST_CASE("the score weighs items by status credit and bands compare tenths", "[check]") {
    const auto bands = load_score_bands(checklists, "nasional");
    ScoreSheet sheet(bands);
    sheet.add("layanan", 3, ItemStatus::ok);
    sheet.add("berkala", 1, ItemStatus::stale);
    sheet.add("pemilu", 5, ItemStatus::not_applicable);
    CHECK(sheet.score_tenths() == 875);
    CHECK(sheet.band(875).band == "Menuju Informatif");
    CHECK(sheet.band(399).band == "Tidak Informatif");
    CHECK(sheet.band(400).band == "Kurang Informatif");
    CHECK(sheet.count(ItemStatus::not_applicable) == 1);
    CHECK_FALSE(ScoreSheet(bands).score_tenths());
    CHECK(load_score_bands(checklists, "jateng-2020").levels.front().min_tenths == 970);
}

TEST_CASE("where a record's bytes are in a web archive goes into its evidence", "[check]") {
    Candidate candidate;
    REQUIRE(read_candidate(R"({"type":"document","url":"https://kab-contoh.kpu.go.id/dipa.pdf","warc":{"file":"/runs/2025-03-12/crawl.warc.gz","record_id":"<urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9>","date":"2025-03-11T19:30:00Z"},"problems":[]})",
                           candidate) == "");
    REQUIRE(candidate.warc);
    CHECK(candidate.warc->file == "/runs/2025-03-12/crawl.warc.gz");
    CHECK(candidate.warc->record_id == "<urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9>");
    CHECK(candidate.warc->date == "2025-03-11T19:30:00Z");

    Evidence evidence;
    evidence.is_url = true;
    evidence.location = candidate.url;
    evidence.archived = candidate.warc;
    const Record json = evidence.to_json();
    CHECK(json["warc"]["file"] == "/runs/2025-03-12/crawl.warc.gz");
    CHECK(json["warc"]["record_id"] == "<urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9>");
    CHECK(json["warc"]["date"] == "2025-03-11T19:30:00Z");

    // The next record without one has none (the candidate's buffers are reused); one without its
    // record id points nowhere and is dropped.
    REQUIRE(read_candidate(R"({"type":"document","url":"https://kab-contoh.kpu.go.id/b.pdf"})", candidate) == "");
    CHECK_FALSE(candidate.warc);
    REQUIRE(read_candidate(R"({"type":"document","url":"https://kab-contoh.kpu.go.id/c.pdf","warc":{"file":"/a.warc.gz"}})",
                           candidate) == "");
    CHECK_FALSE(candidate.warc);
    evidence.archived.reset();
    CHECK_FALSE(evidence.to_json().contains("warc"));
}
