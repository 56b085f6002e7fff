// ppid-calendar: working-day arithmetic on the Indonesian holiday calendar, for shell scripts.
#include <ppid/calendar_command.hpp>
#include <ppid/cli_options.hpp>
#include <ppid/runner.hpp>

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid-calendar", "Working days on the Indonesian holiday calendar (2019-2027)"};
    ppid::CalendarRequest request;
    ppid::CutiBersamaPolicy policy = ppid::CutiBersamaPolicy::day_off;

    const auto define = [&](CLI::App& app) {
        app.require_subcommand(1, 1);
        app.fallthrough();  // the tool's flags may follow the question: `add 2024-04-05 10 --json`
        app.add_flag("--json", request.json, "Print one JSON record per answer instead of plain text");
        ppid::add_cuti_bersama_option(app, policy);
        app.add_flag("--calendar-days", request.calendar_days, "add: count calendar days instead of working days");
        app.add_flag("-v,--verbose", request.verbose, "is-workday: print why the day is or is not a working day");
        ppid::add_unbuffered_option(app);

        const auto question = [&](const char* name, ppid::CalendarQuestion which, const char* help,
                                  const char* arguments) {
            CLI::App* sub = app.add_subcommand(name, help);
            sub->add_option("arguments", request.arguments, arguments)->required();
            // CLI11 2.1 reads "-3" as an unknown option; take it back as the count N.
            sub->allow_extras();
            sub->callback([&request, which, sub] {
                request.question = which;
                for (const auto& extra : sub->remaining()) {
                    if (!ppid::looks_like_negative_count(extra))
                        throw CLI::ExtrasError(std::vector<std::string>{extra});
                    request.arguments.push_back(extra);
                }
            });
        };
        question("add", ppid::CalendarQuestion::add, "Print the date N working days after DATE (N < 0: before)",
                 "DATE N");
        question("between", ppid::CalendarQuestion::between,
                 "Print the working days after FROM up to and including TO", "FROM TO");
        question("is-workday", ppid::CalendarQuestion::is_workday,
                 "Exit 0 if DATE is a working day, 1 if not (-v says why)", "DATE");
        question("list", ppid::CalendarQuestion::list,
                 "List the days off other than weekends in YEAR or from FROM to TO", "YEAR | FROM TO");
    };
    const auto run = [&](ppid::ToolContext& context) {
        const auto calendar = ppid::load_office_calendar(context.data_dir(), context.config(), policy);
        return ppid::answer_calendar_question(request, calendar, context.out(), context.diag());
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
