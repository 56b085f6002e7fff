// ppid-index: a `document` record for every file in the office's document folders.
#include <ppid/cli_options.hpp>
#include <ppid/config.hpp>
#include <ppid/document_index.hpp>
#include <ppid/document_inspection.hpp>
#include <ppid/file_facts.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/runner.hpp>

#include <unistd.h>

#include <iostream>
#include <thread>

namespace {

void show_progress(std::size_t done, std::size_t total) {
    std::cerr << "\rppid-index: " << done << "/" << total << " files" << (done == total ? "\n" : "") << std::flush;
}

}  // namespace

int main(int argc, char** argv) {
    // The same program, started again by ExtractionPool, reads documents with a memory limit.
    if (ppid::is_extraction_worker(argc, argv))
        return ppid::run_extraction_worker(argc, argv, ppid::answer_extraction_request);

    const ppid::ToolInfo info{"ppid-index", "Record every document in the office's document folders"};
    std::vector<std::string> roots;
    std::optional<std::string> as_of;
    ppid::IndexOptions options;
    options.jobs = std::max(1u, std::thread::hardware_concurrency());
    bool no_content = false;
    int timeout_seconds = 30;
    int memory_mb = 1024;

    const auto define = [&](CLI::App& app) {
        app.add_option("PATH", roots, "Document folders (default: the config's document_roots)");
        app.add_option("--exclude", options.walk.excludes, "Leave out files matching GLOB (gitignore syntax; repeatable)")
            ->type_name("GLOB")
            ->allow_extra_args(false);
        app.add_flag("--hidden", options.walk.hidden, "Also index hidden files and folders (names starting with '.')");
        app.add_flag("--follow", options.walk.follow, "Follow symbolic links (never out of the root or in a loop)");
        app.add_flag("--no-content", no_content, "Only hash and type files: no titles, dates or text from inside");
        app.add_option("--jobs", options.jobs, "Files read at once (default: all cores)")
            ->type_name("N")
            ->check(CLI::Range(1u, 256u));
        app.add_option("--incremental", options.previous,
                       "Reuse records of PREVIOUS.jsonl for files whose size and mtime are unchanged")
            ->type_name("PREVIOUS.jsonl");
        app.add_option("--as-of", as_of, "Dates after this day are a problem (default: today in the office's time zone)")
            ->type_name("DATE");
        app.add_option("--timeout", timeout_seconds, "Seconds one document's extraction may take")
            ->type_name("SECONDS")
            ->check(CLI::Range(1, 3600))
            ->capture_default_str();
        app.add_option("--memory-limit", memory_mb, "Megabytes one document's extraction may use")
            ->type_name("MB")
            ->check(CLI::Range(64, 65536))
            ->capture_default_str();
        ppid::add_unbuffered_option(app);
    };
    const auto run = [&](ppid::ToolContext& context) {
        if (roots.empty()) roots = ppid::config_paths(context.config(), "document_roots", context.config().document_roots);
        if (roots.empty()) throw ppid::UsageError("no PATH given and no document_roots in the office configuration");
        if (!ppid::media_types_available())
            throw ppid::Error("cannot load libmagic's database (is the libmagic-mgc package installed? is $MAGIC right?)");
        options.as_of = as_of ? ppid::parse_date_argument(*as_of, "--as-of") : context.today();
        options.content = !no_content;
        const auto memory_bytes = static_cast<std::uint64_t>(memory_mb) << 20;
        std::optional<ppid::ExtractionPool> pool;
        if (options.content)
            pool.emplace("/proc/self/exe", options.jobs,
                         ppid::SandboxLimits{std::chrono::seconds{timeout_seconds}, memory_bytes});
        ppid::JsonlWriter writer(context.out());
        bool problems = false;
        const bool terminal = ::isatty(STDERR_FILENO) != 0;
        ppid::index_documents(roots, options, context.zone(), pool ? &*pool : nullptr, context.diag(),
                              [&](std::string_view record, bool has_problems) {
                                  problems = problems || has_problems;
                                  writer.write_line(record);
                              },
                              terminal ? ppid::IndexProgress(show_progress) : ppid::IndexProgress());
        return problems ? ppid::Outcome::attention : ppid::Outcome::clean;
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
