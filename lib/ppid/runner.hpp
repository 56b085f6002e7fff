// The one runner every tool's main() calls: option parsing with CLI11, the common options,
// the 0/1/2 exit contract, and errors printed as "ppid-TOOL: FILE:LINE: message".
#pragma once

#include <ppid/config.hpp>
#include <ppid/diagnostics.hpp>

#include <CLI/CLI.hpp>
#include <date/date.h>
#include <date/tz.h>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace ppid {

// What a tool's run reports when it finished without an error.
enum class Outcome { clean, attention };

struct ToolInfo {
    const char* name;     // "ppid-deadline"
    const char* summary;  // one line for --help
};

// Options every tool has.
struct CommonOptions {
    std::optional<std::string> config_path;  // --config
    bool strict = false;                     // --strict
};

// The outside world as a tool sees it, loaded on first use.
class ToolContext {
public:
    ToolContext(const CommonOptions& common, Diagnostics& diag, std::ostream& out);

    Diagnostics& diag() { return diag_; }
    std::ostream& out() { return out_; }

    // Returns the office configuration (--config, $PPID_CONFIG, /etc/ppid/office.json).
    const OfficeConfig& config();

    // Returns the data folder (see data_dir.hpp).
    const std::filesystem::path& data_dir();

    // Returns the office's time zone.
    const date::time_zone& zone();

    // Returns today's date in the office's time zone: the only place a tool reads the clock.
    date::sys_days today();

private:
    const CommonOptions& common_;
    Diagnostics& diag_;
    std::ostream& out_;
    std::optional<OfficeConfig> config_;
    std::optional<std::filesystem::path> data_dir_;
};

// Adds --unbuffered to a tool that writes records: each record is written as soon as it is made
// instead of in blocks (run_tool reads the flag; a terminal is always written line by line).
void add_unbuffered_option(CLI::App& app);

// Returns the ppid-tools version ("0.1.0").
const char* version();

// Parses the command line (`define` adds the tool's own options), runs `run` with standard output
// buffered as output_buffer.hpp says, and returns the exit status: 0 clean, 1 attention, 2 on any
// error, bad usage, reported bad record or failed write to standard output (the final flush too).
int run_tool(const ToolInfo& info, int argc, char** argv, const std::function<void(CLI::App&)>& define,
             const std::function<Outcome(ToolContext&)>& run);

}  // namespace ppid
