#include "test_support.hpp"

#include <ppid/deadline.hpp>
#include <ppid/util/timestamp.hpp>

#include <catch2/catch.hpp>
#include <date/tz.h>

using namespace ppid;
using ppid::test::day;
using ppid::test::iso;

namespace {

// One case to compute, written as the record fields would be.
struct Case {
    Case(std::string received_text) : received(std::move(received_text)) {}  // NOLINT: implicit on purpose
    std::string received;
    std::string answered;
    std::string extension_notified;
    Decision decision = Decision::none;
    CaseKind kind = CaseKind::request;
    std::string regime = "umum";
    std::string zone = "Asia/Jakarta";
    std::string as_of = "2024-06-28";
    std::optional<std::chrono::minutes> cutoff;
    bool explain = false;
};

std::optional<date::sys_days> optional_day(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return day(text);
}

Deadline compute(const Case& c, const WorkdayCalendar& calendar = test::shipped_calendar()) {
    CaseDates dates;
    dates.kind = c.kind;
    dates.received = util::to_local(*util::parse_timestamp(c.received), *date::locate_zone(c.zone));
    dates.answered = optional_day(c.answered);
    dates.extension_notified = optional_day(c.extension_notified);
    dates.decision = c.decision;
    const auto regime = choose_regime(test::shipped_rules(), c.regime, std::nullopt, {}, dates.received.day);
    DeadlineOptions options;
    options.as_of = day(c.as_of);
    options.office_hours_cutoff = c.cutoff;
    options.explain = c.explain;
    return compute_deadline(dates, regime, calendar, options);
}

}  // namespace

TEST_CASE("day 0 is the day of receipt; the due date is the end of working day 10", "[deadline]") {
    // Thursday before the Idul Fitri 1445 H leave: day 1 is Friday, day 2 only after the leave.
    const auto d = compute(Case{"2024-04-04"});
    CHECK(d.rule->id() == "umum.response");
    CHECK(iso(d.counted_from) == "2024-04-04");
    CHECK(iso(d.due) == "2024-04-26");
}

TEST_CASE("a request received on a Saturday or a holiday counts from the next working day", "[deadline]") {
    CHECK(iso(compute(Case{"2024-04-06"}).due) == "2024-04-29");  // Saturday inside the leave
    CHECK(iso(compute(Case{"2024-04-10"}).due) == "2024-04-29");  // Idul Fitri itself
    CHECK(iso(compute(Case{"2024-04-05"}).due) == "2024-04-29");  // Friday before the leave
}

TEST_CASE("counting crosses the new year and its holidays", "[deadline]") {
    // 25 Dec Natal, 26 Dec cuti bersama, 1 Jan Tahun Baru.
    CHECK(iso(compute(Case{"2023-12-20"}).due) == "2024-01-08");
}

TEST_CASE("counting skips the 2024 election day in both regimes", "[deadline]") {
    Case umum{"2024-02-07"};
    CHECK(iso(compute(umum).due) == "2024-02-26");
    Case pemilu{"2024-02-07"};
    pemilu.regime = "pemilu";
    const auto d = compute(pemilu);
    CHECK(d.rule->id() == "pemilu.response");
    CHECK(iso(d.due) == "2024-02-15");  // 12, 13, (14 Pemilu), 15 February
    CHECK(d.rule->confidence == "secondary");
    REQUIRE_FALSE(d.notes.empty());
    CHECK_THAT(d.notes.front(), Catch::Contains("secondary sources"));
}

TEST_CASE("a request after the office-hours cut-off counts from the next working day", "[deadline]") {
    Case before{"2024-04-04T15:59:00+07:00"};
    before.cutoff = std::chrono::minutes{16 * 60};
    CHECK(iso(compute(before).due) == "2024-04-26");

    Case after{"2024-04-04T16:30:00+07:00"};
    after.cutoff = std::chrono::minutes{16 * 60};
    const auto d = compute(after);
    CHECK(iso(d.received) == "2024-04-04");
    CHECK(iso(d.counted_from) == "2024-04-05");
    CHECK(iso(d.due) == "2024-04-29");
    CHECK(d.notes.front() == "received outside office hours (after the 16:00 cut-off): counted as received on 2024-04-05");

    Case at_cutoff{"2024-04-04T16:00:00+07:00"};
    at_cutoff.cutoff = std::chrono::minutes{16 * 60};
    CHECK(iso(compute(at_cutoff).counted_from) == "2024-04-05");

    Case same_day_answer{"2024-04-04T16:30:00+07:00"};
    same_day_answer.cutoff = std::chrono::minutes{16 * 60};
    same_day_answer.answered = "2024-04-04";
    CHECK(compute(same_day_answer).elapsed.count == 0);
    CHECK(compute(same_day_answer).status == DeadlineStatus::answered_on_time);

    Case no_time{"2024-04-04"};  // a date alone has no time to compare
    no_time.cutoff = std::chrono::minutes{16 * 60};
    CHECK(iso(compute(no_time).counted_from) == "2024-04-04");
}

TEST_CASE("with office hours, a request on a day off counts from the next working day", "[deadline]") {
    // Saturday morning, Saturday evening and Friday evening are all outside office hours: each
    // counts as received on Tuesday 16 April, the first working day after the Idul Fitri leave.
    for (const char* received : {"2024-04-06T09:00:00+07:00", "2024-04-06T17:00:00+07:00",
                                 "2024-04-05T17:00:00+07:00", "2024-04-06"}) {
        Case c{received};
        c.cutoff = std::chrono::minutes{16 * 60};
        INFO(received);
        CHECK(iso(compute(c).counted_from) == "2024-04-16");
        CHECK(iso(compute(c).due) == "2024-04-30");
    }
    // Without office hours configured, day 0 stays the calendar day of receipt.
    CHECK(iso(compute(Case{"2024-04-06T17:00:00+07:00"}).due) == "2024-04-29");
}

TEST_CASE("a timestamp is converted to the office's local date", "[deadline][timezone]") {
    // 16:30 UTC is still 5 April in Jakarta (UTC+7) but already 6 April in Makassar and Jayapura.
    const std::string stamp = "2024-04-05T16:30:00Z";
    for (const auto& [zone, local] : std::vector<std::pair<std::string, std::string>>{
             {"Asia/Jakarta", "2024-04-05"}, {"Asia/Makassar", "2024-04-06"}, {"Asia/Jayapura", "2024-04-06"}}) {
        Case c{stamp};
        c.zone = zone;
        INFO(zone);
        CHECK(iso(compute(c).received) == local);
    }
    // A day earlier the difference moves the due date: Thursday in Jakarta, Friday further east.
    Case jakarta{"2024-04-04T16:30:00Z"};
    Case makassar{"2024-04-04T16:30:00Z"};
    makassar.zone = "Asia/Makassar";
    Case jayapura{"2024-04-04T16:30:00Z"};
    jayapura.zone = "Asia/Jayapura";
    CHECK(iso(compute(jakarta).due) == "2024-04-26");
    CHECK(iso(compute(makassar).due) == "2024-04-29");
    CHECK(iso(compute(jayapura).due) == "2024-04-29");
}

TEST_CASE("an extension notified in time adds 7 working days", "[deadline][extension]") {
    // Received Thursday 2 May 2024: due 20 May (9 May Kenaikan, 10 May cuti bersama).
    Case c{"2024-05-02"};
    c.extension_notified = "2024-05-15";
    c.answered = "2024-05-28";
    c.decision = Decision::granted;
    const auto d = compute(c);
    CHECK(iso(d.due) == "2024-05-20");
    REQUIRE(d.extended_due);
    CHECK(iso(*d.extended_due) == "2024-05-31");  // 23 May Waisak, 24 May cuti bersama
    CHECK(d.extension_in_time == true);
    CHECK(d.status == DeadlineStatus::answered_on_time);
    CHECK_FALSE(d.follow_up);
}

TEST_CASE("an extension notified after the due date does not extend it", "[deadline][extension]") {
    Case c{"2024-05-02"};
    c.extension_notified = "2024-05-21";
    c.answered = "2024-05-28";
    c.decision = Decision::granted;
    const auto d = compute(c);
    CHECK_FALSE(d.extended_due);
    CHECK(d.extension_in_time == false);
    CHECK(d.status == DeadlineStatus::answered_late);
    CHECK_THAT(d.notes.front(), Catch::Contains("does not extend"));
    REQUIRE(d.follow_up);  // a late answer is a cause for objection
    CHECK(d.follow_up->rule->id() == "umum.objection_window");
}

TEST_CASE("status follows the as-of date", "[deadline][status]") {
    Case c{"2024-05-02"};  // due 2024-05-20
    const auto at = [&](const std::string& as_of) {
        c.as_of = as_of;
        return compute(c);
    };
    CHECK(at("2024-05-14").status == DeadlineStatus::open);
    CHECK(at("2024-05-14").remaining.count == 4);
    CHECK(at("2024-05-16").status == DeadlineStatus::due_soon);
    CHECK(at("2024-05-20").status == DeadlineStatus::due_soon);
    CHECK(at("2024-05-20").remaining.count == 0);
    CHECK(at("2024-05-21").status == DeadlineStatus::overdue);
    CHECK(at("2024-05-21").remaining.count == -1);
    CHECK(at("2024-05-21").elapsed.count == 11);
}

TEST_CASE("an unanswered overdue request opens the objection window at its due date", "[deadline][objection]") {
    Case c{"2024-05-02"};
    c.as_of = "2024-06-03";
    const auto d = compute(c);
    REQUIRE(d.follow_up);
    CHECK(iso(d.follow_up->opens_after) == "2024-05-20");
    const auto calendar = test::shipped_calendar();
    CHECK(calendar.between(d.follow_up->opens_after, *d.follow_up->last_day).count == 30);
    CHECK(calendar.is_workday(*d.follow_up->last_day));
}

TEST_CASE("a rejection opens the objection window on the answer date", "[deadline][objection]") {
    Case c{"2024-05-02"};
    c.answered = "2024-05-10";
    c.decision = Decision::rejected;
    const auto d = compute(c);
    CHECK(d.status == DeadlineStatus::answered_on_time);
    REQUIRE(d.follow_up);
    CHECK(d.follow_up->cause == "request rejected");
    CHECK(iso(d.follow_up->opens_after) == "2024-05-10");
}

TEST_CASE("objections: the atasan's answer, then the dispute-filing window", "[deadline][objection]") {
    Case umum{"2024-05-20"};
    umum.kind = CaseKind::objection;
    umum.answered = "2024-06-03";
    umum.decision = Decision::rejected;
    const auto d = compute(umum);
    CHECK(d.rule->id() == "umum.objection_response");
    CHECK(d.status == DeadlineStatus::answered_on_time);
    REQUIRE(d.follow_up);
    CHECK(d.follow_up->rule->id() == "umum.dispute_filing");
    CHECK(test::shipped_calendar().between(day("2024-06-03"), *d.follow_up->last_day).count == 14);

    Case pemilu = umum;
    pemilu.regime = "pemilu";
    pemilu.answered = "";
    pemilu.as_of = "2024-05-22";
    const auto p = compute(pemilu);
    CHECK(iso(p.due) == "2024-05-27");  // 21, 22, (23 Waisak, 24 cuti bersama), 27 May 2024
    CHECK(p.status == DeadlineStatus::due_soon);
}

TEST_CASE("the pemilu dispute-filing window falls back to umum and says so", "[deadline][objection]") {
    Case c{"2024-05-20"};
    c.kind = CaseKind::objection;
    c.regime = "pemilu";
    c.answered = "2024-05-22";
    c.decision = Decision::rejected;
    const auto d = compute(c);
    REQUIRE(d.follow_up);
    CHECK(d.follow_up->rule->id() == "pemilu.dispute_filing");
    CHECK(d.follow_up->rule->numbers_from == "umum");
    CHECK(d.follow_up->rule->confidence == "unconfirmed");
    CHECK(test::shipped_calendar().between(day("2024-05-22"), *d.follow_up->last_day).count == 14);
    bool said = false;
    for (const auto& note : d.notes) said = said || note.find("the umum rule") != std::string::npos;
    CHECK(said);
}

TEST_CASE("contradictory dates are errors", "[deadline]") {
    Case c{"2024-05-02"};
    c.answered = "2024-05-01";
    CHECK_THROWS_WITH(compute(c), "answered 2024-05-01 is before received 2024-05-02");
    Case late{"2027-12-20"};
    CHECK_THROWS_AS(compute(late), OutOfCoverage);
}

TEST_CASE("the explanation lists every date with its count or why it was skipped", "[deadline][explain]") {
    Case c{"2024-04-05"};
    c.explain = true;
    const auto d = compute(c);
    REQUIRE(d.trace.size() == 25);  // 5 to 29 April
    CHECK(iso(d.trace.front().day) == "2024-04-05");
    CHECK(d.trace.front().count == 0);
    CHECK(iso(d.trace[3].day) == "2024-04-08");
    CHECK_FALSE(d.trace[3].count);
    CHECK(d.trace[3].reasons == std::vector<std::string>{"cuti bersama: Cuti Bersama Hari Raya Idul Fitri 1445 H"});
    CHECK(d.trace.back().count == 10);
    CHECK(d.trace.back().reasons == std::vector<std::string>{"due"});
}

TEST_CASE("a later window past the coverage is left open, the answer's deadline stands", "[deadline]") {
    Case c{"2027-11-15"};
    c.as_of = "2027-12-10";  // overdue: the objection window would end in 2028
    const auto d = compute(c);
    CHECK(d.status == DeadlineStatus::overdue);
    REQUIRE(d.follow_up);
    CHECK_FALSE(d.follow_up->last_day);
    bool said = false;
    for (const auto& note : d.notes) said = said || note.find("umum.objection_window: cannot be computed") == 0;
    CHECK(said);
}

TEST_CASE("a count through 2027 says the calendar is provisional", "[deadline]") {
    const auto d = compute(Case{"2027-03-01"});
    bool said = false;
    for (const auto& note : d.notes) said = said || note.find("provisional") != std::string::npos;
    CHECK(said);
}
