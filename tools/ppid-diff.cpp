// ppid-diff: what changed between two record streams (yesterday's and today's), as `change`
// records; exit status 1 when anything did.
#include <ppid/record_diff.hpp>
#include <ppid/runner.hpp>

#include <cstdlib>

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid-diff",
                              "Compare two record streams by key and write what was added, removed or changed"};
    std::string old_path;
    std::string new_path;
    std::vector<std::string> only;
    ppid::DiffOptions options;

    const auto define = [&](CLI::App& app) {
        app.add_option("OLD", old_path, "The earlier stream (a JSON Lines file, or '-' for standard input)")
            ->required();
        app.add_option("NEW", new_path, "The later stream (a JSON Lines file, or '-' for standard input)")->required();
        app.add_option("--key", options.key, "Key every record by FIELD (a dotted path reaches inside objects)")
            ->type_name("FIELD");
        app.add_option("--ignore", options.ignore,
                       "Do not compare FIELD (repeatable; a dotted path reaches inside objects)")
            ->allow_extra_args(false)  // one value per --ignore, so that OLD and NEW stay files
            ->type_name("FIELD");
        app.add_option("--only", only,
                       "Write only these changes: added, removed, changed (comma-separated, repeatable)")
            ->delimiter(',')
            ->allow_extra_args(false)
            ->check(CLI::IsMember({"added", "removed", "changed"}).description(""))
            ->type_name("KINDS");
        app.add_flag("--all-fields", options.all_fields,
                     "Compare every field: no built-in rules for deadlines, document times and import sources");
        app.add_option("--buffer-size", options.buffer_size,
                       "Memory for sorting by key before spilling to temporary files (suffix K, M or G)")
            ->transform(CLI::AsSizeValue(false).description(""))
            ->check(CLI::Validator(
                [](std::string& bytes) {
                    return std::stoull(bytes) < 1024 ? std::string("must be at least 1K") : std::string();
                },
                ""))
            ->type_name("SIZE")
            ->default_str("256M");
        ppid::add_unbuffered_option(app);
    };
    const auto run = [&](ppid::ToolContext& context) {
        context.config();  // not used, but a broken configuration must not pass silently
        for (const auto& kind : only) options.only.push_back(*ppid::parse_change_kind(kind));
        const char* tmpdir = std::getenv("TMPDIR");
        if (tmpdir && *tmpdir) options.temp_dir = tmpdir;
        const auto counts = ppid::diff_files(old_path, new_path, options, context.diag(), context.out());
        return counts.total() > 0 ? ppid::Outcome::attention : ppid::Outcome::clean;
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
