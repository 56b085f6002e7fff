#include <ppid/data_dir.hpp>
#include <ppid/error.hpp>
#include <ppid/output_buffer.hpp>
#include <ppid/runner.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace ppid {

namespace {

constexpr int exit_clean = 0;
constexpr int exit_attention = 1;
constexpr int exit_error = 2;
constexpr const char* unbuffered_flag = "--unbuffered";

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

void print_error(const ToolInfo& info, const std::string& message) {
    std::cerr << info.name << ": " << message << '\n';
}

std::string located(const Error& error) {
    const std::string where = to_string(error.where());
    return where.empty() ? error.what() : where + ": " + error.what();
}

// Returns false when standard output could not be written completely.
bool flush_stdout() {
    std::cout.flush();
    if (!std::cout) return false;
    return std::fflush(stdout) == 0 && !std::ferror(stdout);
}

// Returns the errno of a failed write to standard output, 0 when everything went out.
int flush_stdout(StdoutBuffering& buffering) {
    if (const int error = buffering.flush()) return error;
    return flush_stdout() ? 0 : (errno ? errno : EIO);
}

}  // namespace

ToolContext::ToolContext(const CommonOptions& common, Diagnostics& diag, std::ostream& out)
    : common_(common), diag_(diag), out_(out) {}

const OfficeConfig& ToolContext::config() {
    if (!config_) config_ = load_config(ConfigSearch{common_.config_path, environment("PPID_CONFIG")});
    return *config_;
}

const std::filesystem::path& ToolContext::data_dir() {
    if (!data_dir_) data_dir_ = find_data_dir(DataDirSearch{environment("PPID_DATA_DIR"), current_executable_dir()});
    return *data_dir_;
}

const date::time_zone& ToolContext::zone() {
    try {
        return *date::locate_zone(config().time_zone);
    } catch (const std::runtime_error& e) {
        throw Error("time zone \"" + config().time_zone + "\": " + e.what());
    }
}

date::sys_days ToolContext::today() {
    const auto local = zone().to_local(std::chrono::system_clock::now());
    return date::sys_days{date::floor<date::days>(local).time_since_epoch()};
}

void add_unbuffered_option(CLI::App& app) {
    app.add_flag(unbuffered_flag, "Write each record as soon as it is made (default: in blocks, unless on a terminal)");
}

const char* version() {
    return PPID_VERSION;
}

int run_tool(const ToolInfo& info, int argc, char** argv, const std::function<void(CLI::App&)>& define,
             const std::function<Outcome(ToolContext&)>& run) {
    std::signal(SIGPIPE, SIG_DFL);  // `tool | head` ends quietly, as Unix filters do
    std::ios::sync_with_stdio(false);

    CLI::App app{info.summary, info.name};
    app.set_version_flag("--version", std::string(info.name) + " (ppid-tools) " + PPID_VERSION,
                         "Print the version and exit");
    CommonOptions common;
    app.add_option("--config", common.config_path, "Office configuration file (default: $PPID_CONFIG, else /etc/ppid/office.json)")
        ->type_name("FILE");
    app.add_flag("--strict", common.strict, "Stop at the first bad input record");
    define(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {  // --help or --version
            app.exit(e, std::cout, std::cerr);
            return flush_stdout() ? exit_clean : exit_error;
        }
        print_error(info, e.what());
        std::cerr << "Try '" << info.name << " --help' for more information.\n";
        return exit_error;
    }

    const CLI::Option* unbuffered = app.get_option_no_throw(unbuffered_flag);
    StdoutBuffering buffering(choose_buffering(STDOUT_FILENO, unbuffered && unbuffered->count() > 0));
    Diagnostics diag([&info](const std::string& message) { print_error(info, message); }, common.strict);
    ToolContext context(common, diag, std::cout);
    int status = exit_error;
    try {
        status = run(context) == Outcome::attention ? exit_attention : exit_clean;
    } catch (const Error& e) {
        print_error(info, located(e));
        flush_stdout(buffering);
        return exit_error;
    } catch (const std::exception& e) {
        print_error(info, e.what());
        flush_stdout(buffering);
        return exit_error;
    }
    if (const int error = flush_stdout(buffering)) {
        print_error(info, std::string("write error: ") + std::strerror(error));
        return exit_error;
    }
    return diag.error_count() > 0 ? exit_error : status;
}

}  // namespace ppid
