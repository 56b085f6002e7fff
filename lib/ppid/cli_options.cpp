#include <ppid/cli_options.hpp>
#include <ppid/util/iso_date.hpp>


namespace ppid {

void add_cuti_bersama_option(CLI::App& app, CutiBersamaPolicy& policy) {
    app.add_option_function<std::string>(
           "--cuti-bersama",
           [&policy](const std::string& value) {
               policy = value == "working" ? CutiBersamaPolicy::working : CutiBersamaPolicy::day_off;
           },
           "Count cuti bersama (joint leave) days as day-off (default) or working")
        ->check(CLI::IsMember({"day-off", "working"}))
        ->type_name("day-off|working");
}

date::sys_days parse_date_argument(const std::string& text, const std::string& what) {
    const auto day = util::parse_iso_date(text);
    if (!day) throw UsageError(what + ": \"" + text + "\" is not a valid date YYYY-MM-DD");
    return *day;
}

void check_regime_option(const Rules& rules, const std::optional<std::string>& regime) {
    if (regime && !rules.find(*regime))
        throw UsageError("--regime: unknown regime \"" + *regime + "\" (known: " + rules.names() + ")");
}

WorkdayCalendar load_office_calendar(const std::filesystem::path& data_dir, const OfficeConfig& config,
                                     CutiBersamaPolicy policy) {
    HolidayData data = load_holidays(data_dir / "calendars");
    data = with_closed_days(std::move(data), config.closed_days,
                            config.source.empty() ? "office configuration" : config.source);
    return WorkdayCalendar(std::move(data), policy);
}

DeadlineSetup load_deadline_setup(ToolContext& context, CutiBersamaPolicy policy,
                                  const std::optional<std::string>& regime, const std::optional<std::string>& as_of) {
    DeadlineSetup setup{load_office_calendar(context.data_dir(), context.config(), policy),
                        Rules::load(context.data_dir() / "rules"), DeadlineOptions{}};
    check_regime_option(setup.rules, regime);
    setup.options.as_of = as_of ? parse_date_argument(*as_of, "--as-of") : context.today();
    setup.options.office_hours_cutoff = context.config().office_hours_cutoff;
    return setup;
}

}  // namespace ppid
