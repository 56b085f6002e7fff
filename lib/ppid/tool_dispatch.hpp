// Finding and starting the ppid-NAME programs for the `ppid` command, as git finds git-NAME.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

// Where tools are looked for: the dispatcher's own folder first, then $PATH.
struct ToolSearch {
    std::filesystem::path own_dir;  // empty when unknown
    std::string path_env;           // $PATH, folders separated by ':'
};

// One tool found on disk.
struct ToolEntry {
    std::string name;  // "ppid-crawl"
    std::filesystem::path path;
};

// Returns "ppid-NAME" for NAME ("crawl" or "ppid-crawl"). Throws UsageError for a name that
// cannot be a tool (empty, starting with '-', holding '/' or a space).
std::string tool_program_name(const std::string& name);

// Returns the executable file `program` in own_dir, else in the first $PATH folder holding
// one; nullopt when there is none.
std::optional<std::filesystem::path> find_tool(const std::string& program, const ToolSearch& search);

// Returns every executable ppid-* in own_dir and $PATH, sorted by name; of two with the same
// name the one find_tool would start wins. Unreadable folders are skipped.
std::vector<ToolEntry> list_tools(const ToolSearch& search);

// Returns the first line `path --help` prints (the tool's own one-line summary), or an empty
// string when it cannot be started, fails, or prints nothing.
std::string tool_summary(const std::filesystem::path& path);

// Returns what `program` run with `args` (found through $PATH when it has no '/') writes to its
// standard output; nullopt when it cannot be started, is killed, or exits with a status other than 0.
std::optional<std::string> run_captured(const std::string& program, const std::vector<std::string>& args);

// Returns the exit status of `program` run with `args` (found through $PATH when it has no
// '/'), its output discarded; nullopt when it cannot be started or is killed by a signal.
std::optional<int> run_quietly(const std::string& program, const std::vector<std::string>& args);

// Returns the man page files that may hold `page` ("ppid-crawl.1"), most specific first: an
// install beside own_dir (../share/man/man1), the configured install prefix, the source tree.
std::vector<std::filesystem::path> man_page_candidates(const std::string& page, const std::filesystem::path& own_dir);

// Replaces this process with `program` (found through $PATH when it has no '/') run with
// `args` (argv[0] is `program`). Returns only by throwing Error when the program cannot be
// started.
[[noreturn]] void exec_program(const std::string& program, const std::vector<std::string>& args);

}  // namespace ppid
