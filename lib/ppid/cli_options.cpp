#include <ppid/cli_options.hpp>
#include <ppid/util/iso_date.hpp>

#include <map>

namespace ppid {

void add_cuti_bersama_option(CLI::App& app, CutiBersamaPolicy& policy) {
    const std::map<std::string, CutiBersamaPolicy> names{{"day-off", CutiBersamaPolicy::day_off},
                                                        {"working", CutiBersamaPolicy::working}};
    app.add_option("--cuti-bersama", policy,
                   "Count cuti bersama (joint leave) days as day-off (default) or working")
        ->transform(CLI::CheckedTransformer(names))
        ->type_name("day-off|working");
}

date::sys_days parse_date_argument(const std::string& text, const std::string& what) {
    const auto day = util::parse_iso_date(text);
    if (!day) throw UsageError(what + ": \"" + text + "\" is not a valid date YYYY-MM-DD");
    return *day;
}

WorkdayCalendar load_office_calendar(const std::filesystem::path& data_dir, const OfficeConfig& config,
                                     CutiBersamaPolicy policy) {
    HolidayData data = load_holidays(data_dir / "calendars");
    data = with_closed_days(std::move(data), config.closed_days,
                            config.source.empty() ? "office configuration" : config.source);
    return WorkdayCalendar(std::move(data), policy);
}

}  // namespace ppid
