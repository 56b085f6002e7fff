// ppid-stats: the tables of the annual public-information service report from request and
// objection records.
#include <ppid/cli_options.hpp>
#include <ppid/runner.hpp>
#include <ppid/service_stats.hpp>

#include <algorithm>

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid-stats", "Compute the annual service report's tables from request and objection records"};
    std::vector<std::string> inputs;
    std::optional<int> year;
    std::optional<std::string> as_of;
    std::optional<std::string> regime;
    std::vector<std::string> breakdown_names;
    ppid::CutiBersamaPolicy policy = ppid::CutiBersamaPolicy::day_off;

    const auto define = [&](CLI::App& app) {
        app.add_option("FILE", inputs, "JSON Lines files to read (default or '-': standard input)");
        app.add_option("--year", year, "The report year (default: last year)")->type_name("YEAR")->check(CLI::Range(2019, 2027));
        app.add_option("--as-of", as_of, "The date to judge open requests on (default: today in the office's time zone)")
            ->type_name("DATE");
        app.add_option("--by", breakdown_names, "Add timeliness tables by channel, regime or month (repeatable)")
            ->check(CLI::IsMember({"channel", "regime", "month"}))
            ->allow_extra_args(false)  // one value per --by, so that file names after it stay files
            ->type_name("channel|regime|month");
        app.add_option("--regime", regime, "Rule set for records without a regime field (umum, pemilu)")->type_name("NAME");
        ppid::add_cuti_bersama_option(app, policy);
        ppid::add_unbuffered_option(app);
    };
    const auto run = [&](ppid::ToolContext& context) {
        const auto setup = ppid::load_deadline_setup(context, policy, regime, as_of);
        const auto& calendar = setup.calendar;
        const ppid::DeadlineRun deadline_run{calendar, setup.rules, context.config(), context.zone(), setup.options, regime};
        const int report_year = year ? *year : static_cast<int>(date::year_month_day{setup.options.as_of}.year()) - 1;
        if (!calendar.covers(date::sys_days{date::year{report_year} / date::January / 1}))
            throw ppid::UsageError("report year " + std::to_string(report_year) + " is outside the holiday calendar (covered: " +
                                   calendar.coverage_text() + "); give --year");

        std::vector<ppid::StatsBreakdown> breakdowns;
        for (const auto& name : breakdown_names) {
            const auto by = name == "channel"  ? ppid::StatsBreakdown::channel
                            : name == "regime" ? ppid::StatsBreakdown::regime
                                               : ppid::StatsBreakdown::month;
            if (std::find(breakdowns.begin(), breakdowns.end(), by) == breakdowns.end()) breakdowns.push_back(by);
        }
        ppid::ServiceStats stats(deadline_run, {report_year, breakdowns});
        ppid::scan_records(inputs, context.diag(), [&](std::string_view, const ppid::util::ScannedObject& fields,
                                                       const ppid::Location& where) {
            try {
                stats.add(fields, where);
            } catch (const ppid::Error& e) {
                context.diag().error(e.where(), e.what());
            }
        });
        ppid::JsonlWriter writer(context.out());
        const bool overdue = stats.write([&](const ppid::Record& record) { writer.write(record); });
        return overdue ? ppid::Outcome::attention : ppid::Outcome::clean;
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
