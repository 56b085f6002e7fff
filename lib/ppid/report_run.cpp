#include <ppid/cli_options.hpp>
#include <ppid/report_build.hpp>
#include <ppid/report_render.hpp>
#include <ppid/report_run.hpp>
#include <ppid/util/atomic_file.hpp>

#include <cstdlib>
#include <cstring>
#include <ostream>
#include <stdexcept>

#include <sys/ioctl.h>
#include <unistd.h>

namespace ppid {

Terminal detect_terminal() {
    Terminal terminal;
    terminal.is_terminal = ::isatty(STDOUT_FILENO) == 1;
    if (terminal.is_terminal) {
        winsize size{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) terminal.columns = size.ws_col;
    }
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    terminal.no_color = (no_color && *no_color) || (term && std::strcmp(term, "dumb") == 0);
    return terminal;
}

bool use_color(ColorChoice choice, const Terminal& terminal, bool to_file) {
    switch (choice) {
        case ColorChoice::always:
            return true;
        case ColorChoice::never:
            return false;
        case ColorChoice::automatic:
            break;
    }
    return terminal.is_terminal && !to_file && !terminal.no_color;
}

Outcome run_report(ToolContext& context, const ReportOptions& options, const Terminal& terminal) {
    const auto& config = context.config();
    ReportSettings settings;
    settings.language = options.language.value_or(config.language) == "en" ? Language::en : Language::id;
    settings.as_of = options.as_of ? parse_date_argument(*options.as_of, "--as-of") : context.today();
    settings.title = options.title.value_or("");
    settings.office = config.office;
    settings.show_personal = options.show_personal;
    settings.zone = &context.zone();

    ReportRecords records;
    read_records(options.inputs, context.diag(), [&](Record& record, const Location& where) {
        try {
            records.add(std::move(record), where);
        } catch (const Error& e) {
            context.diag().error(e.where(), e.what());
        }
    });
    const ReportDocument report = build_report(records, settings);

    const bool to_file = options.output.has_value();
    // A workbook is bytes for a file, not text for a person at a terminal.
    if (options.format == ReportFormat::xlsx && !to_file && terminal.is_terminal)
        throw UsageError("--format xlsx writes a binary workbook: give --output FILE or redirect standard output");
    std::string text;
    switch (options.format) {
        case ReportFormat::text: {
            TextStyle style;
            style.width = options.width                                  ? *options.width
                          : terminal.is_terminal && terminal.columns > 0 ? terminal.columns
                                                                         : 80;
            style.color = use_color(options.color, terminal, to_file);
            text = render_text(report, style);
            break;
        }
        case ReportFormat::markdown:
            text = render_markdown(report);
            break;
        case ReportFormat::html:
            text = render_html(report);
            break;
        case ReportFormat::csv:
            text = render_csv(report, options.bom);
            break;
        case ReportFormat::xlsx:
            text = render_xlsx(report);
            break;
    }
    if (to_file) {
        try {
            util::write_file_atomically(*options.output, text);
        } catch (const std::runtime_error& e) {
            throw Error(e.what());
        }
    } else {
        context.out() << text;
    }
    return report.attention ? Outcome::attention : Outcome::clean;
}

}  // namespace ppid
