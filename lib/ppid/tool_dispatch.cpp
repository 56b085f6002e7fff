#include <ppid/error.hpp>
#include <ppid/tool_dispatch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <map>

extern char** environ;

namespace ppid {

namespace fs = std::filesystem;

namespace {

constexpr const char* tool_prefix = "ppid-";

bool is_executable_file(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// The folders to search, own_dir first; an empty $PATH entry means the current folder.
std::vector<fs::path> search_folders(const ToolSearch& search) {
    std::vector<fs::path> folders;
    if (!search.own_dir.empty()) folders.push_back(search.own_dir);
    std::string::size_type start = 0;
    while (start <= search.path_env.size() && !search.path_env.empty()) {
        const auto end = search.path_env.find(':', start);
        const std::string entry = search.path_env.substr(start, end == std::string::npos ? std::string::npos : end - start);
        folders.emplace_back(entry.empty() ? "." : entry);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return folders;
}

std::vector<char*> argv_of(const std::string& program, const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    return argv;
}

// Starts `program` with standard input and error on /dev/null and standard output on
// `stdout_fd` (/dev/null when negative); returns its exit status once it ends.
std::optional<int> spawn_and_wait(const std::string& program, const std::vector<std::string>& args, int stdout_fd,
                                  const std::function<void()>& while_running) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (stdout_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    else posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    auto argv = argv_of(program, args);
    pid_t pid = 0;
    const int started = program.find('/') == std::string::npos
                            ? ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ)
                            : ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (started != 0) return std::nullopt;
    if (while_running) while_running();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return std::nullopt;
    if (!WIFEXITED(status)) return std::nullopt;
    return WEXITSTATUS(status);
}

}  // namespace

std::string tool_program_name(const std::string& name) {
    if (name.empty() || name[0] == '-' || name.find_first_of("/ \t") != std::string::npos)
        throw UsageError("not a tool name: \"" + name + "\"");
    return name.rfind(tool_prefix, 0) == 0 ? name : tool_prefix + name;
}

std::optional<fs::path> find_tool(const std::string& program, const ToolSearch& search) {
    for (const auto& folder : search_folders(search))
        if (is_executable_file(folder / program)) return folder / program;
    return std::nullopt;
}

std::vector<ToolEntry> list_tools(const ToolSearch& search) {
    std::map<std::string, fs::path> found;
    for (const auto& folder : search_folders(search)) {
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind(tool_prefix, 0) != 0 || name.size() == std::strlen(tool_prefix)) continue;
            if (found.count(name) == 0 && is_executable_file(it->path())) found.emplace(name, it->path());
        }
    }
    std::vector<ToolEntry> tools;
    for (auto& [name, path] : found) tools.push_back({name, std::move(path)});
    return tools;
}

std::string tool_summary(const fs::path& path) {
    const auto output = run_captured(path.string(), {"--help"});
    return output ? output->substr(0, output->find('\n')) : std::string();
}

std::optional<std::string> run_captured(const std::string& program, const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
    std::string output;
    bool write_end_open = true;
    const auto status = spawn_and_wait(program, args, fds[1], [&] {
        ::close(fds[1]);  // so that read() sees the end when the program exits
        write_end_open = false;
        char buffer[4096];
        ssize_t got = 0;
        while ((got = ::read(fds[0], buffer, sizeof buffer)) != 0) {
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) break;
            output.append(buffer, static_cast<std::size_t>(got));
        }
    });
    if (write_end_open) ::close(fds[1]);
    ::close(fds[0]);
    if (!status || *status != 0) return std::nullopt;
    return output;
}

std::optional<int> run_quietly(const std::string& program, const std::vector<std::string>& args) {
    return spawn_and_wait(program, args, -1, {});
}

std::vector<fs::path> man_page_candidates(const std::string& page, const fs::path& own_dir) {
    const std::string section = "man" + page.substr(page.rfind('.') + 1);
    std::vector<fs::path> candidates;
    // Installed pages are compressed (page.gz); man -l reads them as they are.
    if (!own_dir.empty())
        candidates.push_back((own_dir / ".." / "share" / "man" / section / (page + ".gz")).lexically_normal());
    candidates.push_back((fs::path(PPID_INSTALL_DATADIR) / ".." / "man" / section / (page + ".gz")).lexically_normal());
    candidates.push_back((fs::path(PPID_SOURCE_DATADIR) / ".." / ".." / "man" / page).lexically_normal());
    return candidates;
}

void exec_program(const std::string& program, const std::vector<std::string>& args) {
    auto argv = argv_of(program, args);
    if (program.find('/') == std::string::npos) ::execvp(program.c_str(), argv.data());
    else ::execv(program.c_str(), argv.data());
    throw Error("cannot run " + program + ": " + std::strerror(errno));
}

}  // namespace ppid
