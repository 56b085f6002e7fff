// ppid-import: the request, objection and Daftar Informasi Publik registers offices keep in
// Excel, LibreOffice or CSV, as `request`, `objection` and `dip_entry` records.
#include <ppid/register_import.hpp>
#include <ppid/runner.hpp>

#include <iostream>

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid-import", "Read request, objection and DIP registers (.xlsx, .ods, .xls, .csv) as records"};
    std::vector<std::string> inputs;
    std::optional<std::string> kind;
    std::optional<std::string> map_file;
    bool verbose = false;
    ppid::ImportOptions options;

    const auto define = [&](CLI::App& app) {
        app.add_option("FILE", inputs,
                       "Register files, .xlsx, .ods, .xls or .csv (default: the config's registers, else CSV on standard input)");
        app.add_option("--kind", kind, "The register's kind (default: detected from its headers)")
            ->check(CLI::IsMember({"request", "objection", "dip"}))
            ->type_name("request|objection|dip");
        app.add_option("--sheet", options.sheet, "The workbook sheet to read (default: every sheet with a register)")
            ->type_name("NAME");
        app.add_option("--map", map_file, "JSON file {\"Column header\": \"field\"} for registers that differ")
            ->type_name("FILE");
        app.add_flag("-v,--verbose", verbose, "Say on stderr how each file was read and where its tables end");
        ppid::add_unbuffered_option(app);
    };
    const auto run = [&](ppid::ToolContext& context) {
        const auto rules = ppid::RegisterRules::load(context.data_dir());
        if (kind) options.kind = ppid::parse_register_kind(*kind);
        if (map_file) options.map = ppid::load_header_map(*map_file, rules.columns);
        // Notes are not problems: they go to stderr as the runner's messages do, but count for nothing.
        if (verbose)
            options.note = [](const ppid::Location& where, const std::string& message) {
                std::cerr << "ppid-import: " << ppid::to_string(where) << ": note: " << message << '\n';
            };
        // With no FILE, the office's own registers; with none configured, standard input.
        if (inputs.empty()) inputs = ppid::config_paths(context.config(), "registers", context.config().registers);
        if (inputs.empty()) inputs.emplace_back("-");
        ppid::JsonlWriter writer(context.out());
        for (const auto& path : inputs) {
            try {
                ppid::import_register(path, options, rules, context.diag(),
                                      [&](std::string_view record) { writer.write_line(record); });
            } catch (const ppid::OutputError&) {
                throw;
            } catch (const ppid::Error& e) {
                if (context.diag().strict()) throw;
                context.diag().error(e.where(), e.what());  // one bad file does not stop the others
            }
        }
        return ppid::Outcome::clean;
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
