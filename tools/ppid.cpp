// ppid: runs ppid-NAME with the rest of the command line (git style), lists the tools with their
// own one-line summaries, and opens their manual pages (`ppid help NAME`).
#include <ppid/data_dir.hpp>
#include <ppid/error.hpp>
#include <ppid/runner.hpp>
#include <ppid/tool_dispatch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace {

// The tools found, each with the first line of its own --help, so the list cannot drift.
std::string tool_table(const ppid::ToolSearch& search) {
    std::string table = "Tools (ppid NAME --help for one, ppid help NAME for its manual page):";
    for (const auto& tool : ppid::list_tools(search)) {
        const std::string summary = ppid::tool_summary(tool.path);
        std::string line = "  " + tool.name.substr(5);
        line.resize(std::max<std::size_t>(line.size() + 1, 12), ' ');
        table += '\n' + line + (summary.empty() ? "(" + tool.path.string() + " --help failed)" : summary);
    }
    return table;
}

// Shows a manual page: on a terminal man(1) takes over (its pager); otherwise its output is copied
// to ours, because man exits 0 even when it could not write (`ppid help crawl > /dev/full`).
ppid::Outcome show_page(ppid::ToolContext& context, const std::vector<std::string>& man_args) {
    std::cout.flush();
    if (::isatty(STDOUT_FILENO) == 1) ppid::exec_program("man", man_args);
    const auto page = ppid::run_captured("man", man_args);
    if (!page) throw ppid::Error("man " + man_args.back() + " failed");
    context.out() << *page;
    return ppid::Outcome::clean;
}

// `ppid help [NAME]`: man(1) finds the page when it is installed in its MANPATH; otherwise the
// page is opened from the install beside this program or from the source tree.
ppid::Outcome show_manual(ppid::ToolContext& context, const std::vector<std::string>& args,
                          const std::filesystem::path& own_dir) {
    if (args.size() > 1) throw ppid::UsageError("help takes one tool name");
    const std::string name = args.empty() ? "ppid" : args[0] == "ppid" ? "ppid" : ppid::tool_program_name(args[0]);
    const std::string section = args.empty() ? "7" : "1";
    if (ppid::run_quietly("man", {"-w", section, name}) == 0) return show_page(context, {section, name});
    std::string tried;
    for (const auto& page : ppid::man_page_candidates(name + "." + section, own_dir)) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(page, ec)) return show_page(context, {"-l", page.string()});
        tried += (tried.empty() ? "" : ", ") + page.string();
    }
    throw ppid::Error("no manual page for " + name + "(" + section + ") (tried man -w and " + tried + ")");
}

}  // namespace

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid", "Run a ppid-tools program: ppid NAME [ARGS...] runs ppid-NAME [ARGS...]"};
    const char* path_env = std::getenv("PATH");
    const ppid::ToolSearch search{ppid::current_executable_dir(), path_env ? path_env : ""};
    std::string name;
    CLI::App* app = nullptr;

    const auto define = [&](CLI::App& parser) {
        app = &parser;
        parser.add_option("NAME", name, "The tool to run (crawl runs ppid-crawl); help [NAME] shows a manual page")
            ->type_name("NAME [ARGS...]");
        parser.prefix_command();  // everything after NAME belongs to the tool
        parser.footer([&search] { return tool_table(search); });
    };
    const auto run = [&](ppid::ToolContext& context) {
        const auto args = app->remaining();
        if (name.empty() && !args.empty()) throw ppid::UsageError("unknown option: " + args.front());
        if (name.empty()) {
            context.out() << app->help();
            return ppid::Outcome::clean;
        }
        if (name == "help") return show_manual(context, args, search.own_dir);
        const std::string program = ppid::tool_program_name(name);
        const auto path = ppid::find_tool(program, search);
        if (!path) throw ppid::UsageError("no such tool: " + program + " (ppid --help lists the tools)");
        // The dispatcher's own --config and --strict are handed on: the tool reads $PPID_CONFIG
        // when it is given no --config, so both spellings mean the same.
        std::vector<std::string> tool_args;
        if (app->get_option("--strict")->count() > 0) tool_args.push_back("--strict");
        tool_args.insert(tool_args.end(), args.begin(), args.end());
        if (const auto* config = app->get_option("--config"); config->count() > 0)
            ::setenv("PPID_CONFIG", config->as<std::string>().c_str(), 1);
        std::cout.flush();
        ppid::exec_program(path->string(), tool_args);
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
