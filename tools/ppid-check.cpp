// ppid-check: is everything the law requires published, and fresh? One `item` record per checklist item with
// its evidence, and a `summary` with the estimated score; exit status 1 when something is missing, stale or
// broken.
#include <ppid/check_offices.hpp>
#include <ppid/cli_options.hpp>
#include <ppid/runner.hpp>

int main(int argc, char** argv) {
    const ppid::ToolInfo info{"ppid-check",
                              "Check document, page and link records against a checklist of mandatory public information"};
    std::vector<std::string> inputs;
    std::optional<std::string> as_of;
    std::optional<std::string> checklist_name;
    std::optional<std::string> language;
    std::optional<std::string> bands_name;
    std::vector<std::string> dip_files;
    std::vector<std::string> only;
    std::size_t evidence = 5;

    const auto define = [&](CLI::App& app) {
        app.add_option("FILE", inputs, "JSON Lines files from ppid-index or ppid-crawl (default or '-': standard input)");
        app.add_option("--as-of", as_of, "Judge freshness on DATE (default: today in the office's time zone)")
            ->type_name("DATE");
        app.add_option("--checklist", checklist_name,
                       "Checklist NAME in the data folder or a FILE (default: the office's, else kpu-kabkota)")
            ->type_name("NAME|FILE");
        app.add_option("--only", only, "Check only these categories (comma-separated, repeatable)")
            ->delimiter(',')
            ->allow_extra_args(false)
            ->check(CLI::IsMember(ppid::checklist_categories()).description(""))
            ->type_name("CATEGORY");
        app.add_option("--bands", bands_name, "Score bands NAME in the data folder or a FILE (default: nasional)")
            ->type_name("NAME|FILE");
        app.add_option("--dip", dip_files, "Also compare with the dip_entry records in FILE (from ppid-import)")
            ->allow_extra_args(false)
            ->type_name("FILE");
        app.add_option("--evidence", evidence,
                       "Write at most N pieces of evidence per item, the strongest and newest first (default 5)")
            ->check(CLI::Range(std::size_t{0}, std::size_t{10000000}))
            ->type_name("N");
        app.add_option("--lang", language, "Language of titles and actions (default: the office's, else id)")
            ->check(CLI::IsMember({"id", "en"}))
            ->type_name("id|en");
        ppid::add_unbuffered_option(app);
    };
    const auto run = [&](ppid::ToolContext& context) {
        const auto& config = context.config();
        const auto folder = context.data_dir() / "checklists";
        // A checklist file named in the configuration is relative to the configuration's folder.
        const bool config_file = ppid::resolve_data_file(folder, config.checklist) != folder / (config.checklist + ".json");
        const auto checklist = ppid::load_checklist(
            folder, checklist_name ? *checklist_name
                                   : config_file ? ppid::config_paths(config, "checklist", {config.checklist}).front()
                                                 : config.checklist);
        const auto bands = ppid::load_score_bands(folder, bands_name.value_or("nasional"));
        ppid::CheckOptions options;
        options.as_of = as_of ? ppid::parse_date_argument(*as_of, "--as-of") : context.today();
        options.language = language.value_or(config.language) == "en" ? ppid::Language::en : ppid::Language::id;
        options.only = only;
        options.evidence = evidence;
        for (const auto& stage : config.election_stages)
            if (stage.from <= options.as_of && options.as_of <= stage.to) options.election_stage = stage;
        options.waivers = config.waivers;
        for (const auto& waiver : config.waivers)
            if (!checklist.find(waiver.item))
                context.diag().warning({config.source, 0}, "waiver for \"" + waiver.item + "\", which checklist " +
                                                               checklist.name + " does not have");

        // Records carrying `office` (ppid-crawl --offices) are checked office by office.
        ppid::OfficeChecks check(checklist, bands, options);
        ppid::DipComparison dip(check.without_office().matcher());
        if (!dip_files.empty()) {
            dip.load(dip_files, context.diag());
            check.without_office().compare_with(dip);
        }
        ppid::scan_records(inputs, context.diag(), [&](std::string_view line, const ppid::util::ScannedObject& fields,
                                                       const ppid::Location& where) {
            const auto error = check.add_record(line, fields);
            if (!error.empty()) context.diag().error(where, error);
        });
        ppid::JsonlWriter writer(context.out());
        return check.write(writer) ? ppid::Outcome::attention : ppid::Outcome::clean;
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
