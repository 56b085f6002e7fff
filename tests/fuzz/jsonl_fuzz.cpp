// JSON Lines as ppid-deadline reads them: every line scanned, requests and objections given their
// deadline against the shipped calendar and rules, bad records reported; and the generic reader.
#include "fuzz_support.hpp"

#include <ppid/config.hpp>
#include <ppid/deadline_record.hpp>
#include <ppid/holidays.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/iso_date.hpp>

#include <date/tz.h>

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ppid;
    static const std::string data_dir = PPID_FUZZ_DATA_DIR;
    static const WorkdayCalendar calendar(load_holidays(data_dir + "/calendars"), CutiBersamaPolicy::day_off);
    static const Rules rules = Rules::load(data_dir + "/rules");
    static const OfficeConfig config;
    static const date::time_zone& zone = *date::locate_zone("Asia/Jakarta");
    static const DeadlineRun run{calendar, rules, config, zone,
                                 DeadlineOptions{*util::parse_iso_date("2024-06-03"), WorkingDays{2}, std::nullopt, true},
                                 std::nullopt};

    const std::string_view text = fuzz::text_of(data, size);
    Diagnostics diag([](const std::string&) {});
    std::ostringstream out;
    add_deadlines({fuzz::scratch_file(text, ".jsonl")}, run, diag, out);

    std::istringstream in{std::string(text)};
    read_records(in, "fuzz", diag, [](Record& record, const Location& where) {
        fuzz::check(record.is_object(), "read_records visits objects only");
        try {
            (void)optional_string(record, "id", where);
        } catch (const Error&) {
        }
    });
    return 0;
}
