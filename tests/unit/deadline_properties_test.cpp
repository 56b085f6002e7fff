// Properties of the deadline engine and the working-day calendar over thousands of pseudo-random
// cases (a fixed seed: the same cases every run, never the clock): ppid-deadline's output does
// not depend on the order of its input or on how it is split into files; `add D N` then
// `between D result` gives N back; no due date falls on a day off.
#include "support/temp_dir.hpp"
#include "test_support.hpp"

#include <ppid/deadline_record.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/iso_date.hpp>

#include <catch2/catch.hpp>
#include <date/tz.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace ppid;
using ppid::test::day;
using ppid::test::iso;

namespace {

// A fixed seed, so a failure is the same failure on every machine and every run.
constexpr std::uint32_t seed = 20240527;

int pick(std::mt19937& random, int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
}

bool chance(std::mt19937& random, int percent) { return pick(random, 1, 100) <= percent; }

date::sys_days random_day_between(std::mt19937& random, date::sys_days first, date::sys_days last) {
    return first + date::days{pick(random, 0, static_cast<int>((last - first).count()))};
}

// Days are drawn well inside the calendar's coverage so that every stage (objection windows
// included) can be counted to its end.
date::sys_days random_day(std::mt19937& random) {
    return random_day_between(random, day("2019-01-01"), day("2027-03-31"));
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// One valid `request` or `objection` line with the id `id`: a date or a timestamp with an
// offset, and at random an answer, a decision, an extension, a regime.
std::string random_record(std::mt19937& random, int id) {
    const date::sys_days received = random_day(random);
    Record record;
    const bool objection = chance(random, 25);
    record["type"] = objection ? "objection" : "request";
    record["id"] = "R" + std::to_string(id);
    if (chance(random, 30)) {
        const char* offsets[] = {"+07:00", "+08:00", "+09:00", "Z"};
        record["received"] = iso(received) + "T" + two_digits(pick(random, 0, 23)) + ":" +
                             two_digits(pick(random, 0, 59)) + ":00" + offsets[pick(random, 0, 3)];
    } else {
        record["received"] = iso(received);
    }
    if (objection) {
        record["request_id"] = "Q" + std::to_string(id);
        record["reason"] = std::string(1, static_cast<char>('a' + pick(random, 0, 6)));
    } else if (chance(random, 20)) {
        record["extension_notified"] = iso(received + date::days{pick(random, 1, 14)});
    }
    if (chance(random, 20)) record["regime"] = chance(random, 50) ? "umum" : "pemilu";
    if (chance(random, 60)) {
        // A day after receipt in every time zone the offsets above can land in.
        record["answered"] = iso(received + date::days{pick(random, 2, 60)});
        const char* decisions[] = {"granted", "partial", "rejected", "not_held"};
        if (chance(random, 80)) record["decision"] = decisions[pick(random, 0, 3)];
    }
    if (chance(random, 10)) record["note"] = "catatan " + std::to_string(pick(random, 0, 999));
    return record.dump();
}

std::string write_file(const std::filesystem::path& path, const std::vector<std::string>& lines) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& line : lines) out << line << '\n';
    return path.string();
}

struct RunResult {
    std::vector<std::string> lines;
    bool attention = false;
    std::vector<std::string> errors;
};

RunResult run_deadlines(const std::vector<std::string>& inputs, const DeadlineRun& run) {
    RunResult result;
    Diagnostics diag([&result](const std::string& message) { result.errors.push_back(message); });
    std::ostringstream out;
    result.attention = add_deadlines(inputs, run, diag, out);
    std::istringstream text(out.str());
    for (std::string line; std::getline(text, line);) result.lines.push_back(line);
    return result;
}

// Returns each output line by its record's id.
std::map<std::string, std::string> by_id(const std::vector<std::string>& lines) {
    std::map<std::string, std::string> result;
    for (const auto& line : lines) result[Record::parse(line).at("id").get<std::string>()] = line;
    return result;
}

}  // namespace

TEST_CASE("deadline output does not depend on input order or on splitting the input into files",
          "[deadline-properties]") {
    std::mt19937 random(seed);
    const WorkdayCalendar calendar = test::shipped_calendar();
    OfficeConfig config;
    config.election_stages = {{day("2022-06-14"), day("2024-10-20"), "Pemilu 2024"}};
    config.office_hours_cutoff = std::chrono::minutes{16 * 60};
    const test::TempDir dir("ppid-deadline-properties-");

    std::size_t records = 0;
    for (int stream = 0; stream < 150; ++stream) {
        std::vector<std::string> lines;
        const int count = pick(random, 1, 30);
        for (int i = 0; i < count; ++i) lines.push_back(random_record(random, i));
        DeadlineOptions options;
        options.as_of = random_day(random);
        const DeadlineRun run{calendar, test::shipped_rules(), config, *date::locate_zone("Asia/Jakarta"), options,
                              std::nullopt};

        const std::string whole = write_file(dir / "whole.jsonl", lines);
        const RunResult expected = run_deadlines({whole}, run);
        INFO("stream " << stream << ", first record " << lines.front());
        REQUIRE(expected.errors.empty());
        REQUIRE(expected.lines.size() == lines.size());

        std::shuffle(lines.begin(), lines.end(), random);
        std::vector<std::string> parts;
        for (std::size_t begin = 0; begin < lines.size();) {
            const std::size_t end = std::min(lines.size(), begin + static_cast<std::size_t>(pick(random, 1, 8)));
            parts.push_back(write_file(dir / ("part" + std::to_string(parts.size()) + ".jsonl"),
                                       {lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                        lines.begin() + static_cast<std::ptrdiff_t>(end)}));
            begin = end;
        }
        const RunResult shuffled = run_deadlines(parts, run);
        CHECK(shuffled.errors.empty());
        CHECK(shuffled.attention == expected.attention);
        CHECK(by_id(shuffled.lines) == by_id(expected.lines));
        records += lines.size();
    }
    CHECK(records > 2000);
}

TEST_CASE("no due date, extended due date or objection window ends on a day off", "[deadline-properties]") {
    std::mt19937 random(seed + 1);
    const WorkdayCalendar calendar = test::shipped_calendar();
    OfficeConfig config;
    config.election_stages = {{day("2019-01-01"), day("2019-09-30"), "Pemilu 2019"},
                              {day("2022-06-14"), day("2024-10-20"), "Pemilu 2024"}};
    DeadlineOptions options;
    options.as_of = day("2025-01-15");
    const DeadlineRun run{calendar, test::shipped_rules(), config, *date::locate_zone("Asia/Makassar"), options,
                          std::nullopt};

    for (int i = 0; i < 4000; ++i) {
        const std::string line = random_record(random, i);
        util::ScannedObject fields;
        REQUIRE(util::scan_object(line, fields).empty());
        INFO(line);
        const Deadline deadline = deadline_of(fields, Location{"random", static_cast<std::size_t>(i) + 1}, run);
        CHECK(calendar.is_workday(deadline.due));
        if (deadline.extended_due) CHECK(calendar.is_workday(*deadline.extended_due));
        if (deadline.follow_up && deadline.follow_up->last_day) CHECK(calendar.is_workday(*deadline.follow_up->last_day));
        CHECK(deadline.counted_from >= deadline.received);
        CHECK(deadline.due > deadline.counted_from);
    }
}

TEST_CASE("add D N then between D and the result gives N back", "[deadline-properties]") {
    std::mt19937 random(seed + 2);
    for (const auto policy : {CutiBersamaPolicy::day_off, CutiBersamaPolicy::working}) {
        const WorkdayCalendar calendar = test::shipped_calendar(policy, {{day("2024-07-01"), "kantor tutup"}});
        for (int i = 0; i < 5000; ++i) {
            // 100 working days are under five months: both ends stay inside the coverage.
            const date::sys_days from = random_day_between(random, day("2019-07-01"), day("2027-06-30"));
            // Counting back from a day off lands on the working day before it, which `between`
            // counts as the same day: the round trip is exact forward from any day, and
            // backward from a working day.
            const int n = calendar.is_workday(from) ? pick(random, -100, 100) : pick(random, 0, 100);
            INFO("add " << iso(from) << " " << n);
            const date::sys_days result = calendar.add(from, WorkingDays{n});
            CHECK(calendar.between(from, result).count == n);
            if (n != 0) CHECK(calendar.is_workday(result));
            if (n > 0) CHECK(result > from);
            if (n < 0) CHECK(result < from);
        }
    }
}
