// ppid-deadline: add the legal deadline, its status and the reasoning to request and objection
// records; every other record passes through unchanged.
#include <ppid/cli_options.hpp>
#include <ppid/deadline_record.hpp>
#include <ppid/runner.hpp>

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid-deadline", "Compute the legal deadlines of information requests and objections"};
    std::vector<std::string> inputs;
    std::optional<std::string> as_of;
    std::optional<std::string> regime;
    int due_soon = 2;
    bool explain = false;
    ppid::CutiBersamaPolicy policy = ppid::CutiBersamaPolicy::day_off;

    const auto define = [&](CLI::App& app) {
        app.add_option("FILE", inputs, "JSON Lines files to read (default or '-': standard input)");
        app.add_option("--as-of", as_of, "The date to judge on (default: today in the office's time zone)")
            ->type_name("DATE");
        app.add_option("--due-soon", due_soon, "Working days left at which an open record becomes due_soon")
            ->type_name("N")
            ->check(CLI::Range(0, 100))
            ->capture_default_str();
        app.add_option("--regime", regime, "Rule set for records without a regime field (umum, pemilu)")
            ->type_name("NAME");
        ppid::add_cuti_bersama_option(app, policy);
        app.add_flag("--explain", explain, "Add the day-by-day trace: each date counted or skipped, and why");
        ppid::add_unbuffered_option(app);
    };
    const auto run = [&](ppid::ToolContext& context) {
        auto setup = ppid::load_deadline_setup(context, policy, regime, as_of);
        setup.options.due_soon = ppid::WorkingDays{due_soon};
        setup.options.explain = explain;
        const ppid::DeadlineRun deadline_run{setup.calendar, setup.rules, context.config(), context.zone(), setup.options,
                                             regime};

        const bool attention = ppid::add_deadlines(inputs, deadline_run, context.diag(), context.out());
        return attention ? ppid::Outcome::attention : ppid::Outcome::clean;
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
