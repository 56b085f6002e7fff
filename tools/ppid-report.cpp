// ppid-report: the records of the other tools as a report for people: text for the terminal and mail,
// Markdown, one self-contained HTML page, CSV, or an XLSX workbook for Excel.
#include <ppid/report_run.hpp>
#include <ppid/runner.hpp>

#include <map>

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid-report", "Render ppid records as a report for people (text, Markdown, HTML, CSV, XLSX)"};
    ppid::ReportOptions options;
    const std::map<std::string, ppid::ReportFormat> formats{{"text", ppid::ReportFormat::text},
                                                            {"markdown", ppid::ReportFormat::markdown},
                                                            {"html", ppid::ReportFormat::html},
                                                            {"csv", ppid::ReportFormat::csv},
                                                            {"xlsx", ppid::ReportFormat::xlsx}};
    const std::map<std::string, ppid::ColorChoice> colors{{"auto", ppid::ColorChoice::automatic},
                                                          {"always", ppid::ColorChoice::always},
                                                          {"never", ppid::ColorChoice::never}};

    const auto define = [&](CLI::App& app) {
        app.add_option("FILE", options.inputs,
                       "JSON Lines files from the other tools (default or '-': standard input)");
        app.add_option("--format", options.format, "Output format (default: text)")
            ->transform(CLI::CheckedTransformer(formats).description(""))
            ->type_name("text|markdown|html|csv|xlsx");
        app.add_option("--lang", options.language, "Language of the report (default: the office's, else id)")
            ->check(CLI::IsMember({"id", "en"}).description(""))
            ->type_name("id|en");
        app.add_option("--title", options.title, "The report's title (default: \"Laporan PPID\" or \"PPID report\")")
            ->type_name("TEXT");
        app.add_option("--output", options.output, "Write the report to FILE, replacing it atomically")
            ->type_name("FILE");
        app.add_option("--as-of", options.as_of, "The date in the header when the records carry none (default: today in the office's time zone)")
            ->type_name("DATE");
        app.add_flag("--show-personal", options.show_personal,
                     "Show requesters' names and contacts (left out by default)");
        app.add_flag("--bom", options.bom, "CSV: start with a UTF-8 byte-order mark, for Excel");
        app.add_option("--width", options.width, "Text: wrap to N columns (default: the terminal's width, else 80)")
            ->check(CLI::Range(20, 1000).description(""))
            ->type_name("N");
        app.add_option("--color", options.color,
                       "Text: colours (default: auto, only on a terminal and without NO_COLOR)")
            ->transform(CLI::CheckedTransformer(colors).description(""))
            ->type_name("auto|always|never");
    };
    const auto run = [&](ppid::ToolContext& context) {
        return ppid::run_report(context, options, ppid::detect_terminal());
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
