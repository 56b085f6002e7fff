// ppid-report's run: read the records, build the report, render it in the chosen format, and write it to
// standard output or, atomically, to a file.
#pragma once

#include <ppid/runner.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

enum class ReportFormat { text, markdown, html, csv, xlsx };
enum class ColorChoice { automatic, always, never };

struct ReportOptions {
    std::vector<std::string> inputs;  // files, "-" for standard input; none: standard input
    ReportFormat format = ReportFormat::text;
    std::optional<std::string> language;  // "id" or "en"; default: the configuration's
    std::optional<std::string> title;
    std::optional<std::string> output;  // a file to write instead of standard output
    std::optional<std::string> as_of;   // YYYY-MM-DD for records without their own; default: today
    bool show_personal = false;
    bool bom = false;
    std::optional<std::size_t> width;  // text: columns
    ColorChoice color = ColorChoice::automatic;
};

// What the tool's standard output is, read once from the outside world.
struct Terminal {
    bool is_terminal = false;  // standard output is a terminal
    std::size_t columns = 0;   // its width, 0 when unknown
    bool no_color = false;     // NO_COLOR is set and not empty, or TERM is "dumb"
};

// Returns what standard output and the environment say (isatty, TIOCGWINSZ, NO_COLOR, TERM).
Terminal detect_terminal();

// Returns whether text output gets colours: `always`, `never`, or for `automatic` only when it goes to a
// terminal (not to a file) and `terminal.no_color` is false.
bool use_color(ColorChoice choice, const Terminal& terminal, bool to_file);

// Reads the records (bad ones reported to the context's diagnostics and skipped), writes the report, and
// returns attention when it shows something that needs a person. Throws UsageError for a bad --as-of or
// for XLSX to a terminal, and Error when the output file cannot be written.
Outcome run_report(ToolContext& context, const ReportOptions& options, const Terminal& terminal);

}  // namespace ppid
