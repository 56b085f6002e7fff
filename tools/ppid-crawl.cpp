// ppid-crawl: a `page`, `document` or `link` record for everything an office website publishes.
#include <ppid/cli_options.hpp>
#include <ppid/crawler.hpp>
#include <ppid/document_inspection.hpp>
#include <ppid/file_facts.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/offices.hpp>
#include <ppid/runner.hpp>
#include <ppid/threaded_fetcher.hpp>

#include <unistd.h>

#include <iostream>
#include <thread>

namespace {

void show_progress(const ppid::CrawlProgress& progress) {
    std::cerr << "\rppid-crawl: " << progress.written << "/" << progress.known << " URLs, " << progress.in_flight
              << " in flight   " << std::flush;
}

std::chrono::milliseconds seconds(double value) {
    return std::chrono::milliseconds(static_cast<long long>(value * 1000));
}

}  // namespace

int main(int argc, char** argv) {
    // The same program, started again by ExtractionPool, reads downloaded documents with a memory limit.
    if (ppid::is_extraction_worker(argc, argv))
        return ppid::run_extraction_worker(argc, argv, ppid::answer_extraction_request);

    const ppid::ToolInfo info{"ppid-crawl", "Record every page and document an office website publishes"};
    ppid::CrawlOptions options;
    options.user_agent = std::string("ppid-crawl/") + ppid::version() + " (ppid-tools; public-information compliance check)";
    options.jobs = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::optional<std::string> as_of;
    double timeout = 30, delay = 0, deadline = 0, max_time = 600;
    std::uint64_t max_bytes = options.max_bytes;
    bool quiet = false;
    bool no_content = false;
    std::optional<std::string> tls_errors;  // else the configuration's tls_errors
    std::optional<std::string> offices_file;

    const auto define = [&](CLI::App& app) {
        app.add_option("URL", options.start_urls, "Where to start (http, https or file; default: the config's websites)");
        app.add_option("--allow-host", options.allowed_hosts, "Also crawl HOST or HOST:PORT, e.g. the e-PPID host (repeatable)")
            ->type_name("HOST")
            ->allow_extra_args(false);
        app.add_flag("--check-external", options.check_external, "Check links to other hosts with a HEAD request");
        app.add_flag("--check-external-documents", options.check_external_documents,
                     "Check only the links to other hosts that name a file, a Google Drive file, a form or a short link");
        app.add_flag("--ignore-robots", options.ignore_robots, "Do not obey robots.txt (for one's own site)");
        app.add_option("--user-agent", options.user_agent, "The User-Agent sent, and the name robots.txt is read for")
            ->type_name("TEXT");
        app.add_option("--max-depth", options.max_depth, "Links followed from a start URL to reach a page (next pages and sibling posts not counted)")
            ->type_name("N")->check(CLI::Range(0, 1000))->capture_default_str();
        app.add_option("--max-pages", options.max_pages, "Pages fetched in all (documents not counted)")
            ->type_name("N")->check(CLI::Range(std::size_t{1}, std::size_t{10000000}))->capture_default_str();
        app.add_option("--max-per-pattern", options.max_per_pattern,
                       "Pages of one URL template in a row that yield nothing new before it is a trap (endless calendars)")
            ->type_name("N")->check(CLI::Range(std::size_t{1}, std::size_t{10000000}))->capture_default_str();
        app.add_option("--max-bytes", max_bytes, "Bytes of one file, after decompression; a larger one is not downloaded")
            ->type_name("N")->check(CLI::Range(std::uint64_t{1024}, std::uint64_t{1} << 40))->capture_default_str();
        app.add_option("--timeout", timeout, "Seconds to connect, and the window of --min-speed (the longest silence of a server)")
            ->type_name("SECONDS")->check(CLI::Range(0.1, 3600.0))->capture_default_str();
        app.add_option("--min-speed", options.min_speed,
                       "Bytes a second a transfer must average over --timeout, else it is cut (a dripping server)")
            ->type_name("BYTES")->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 30))->capture_default_str();
        app.add_option("--max-time", max_time, "Seconds one transfer may take in all; 0 for no limit")
            ->type_name("SECONDS")->check(CLI::Range(0.0, 7.0 * 86400))->capture_default_str();
        app.add_option("--deadline", deadline, "Seconds the whole crawl may take (default: no limit)")
            ->type_name("SECONDS")->check(CLI::Range(1.0, 7.0 * 86400));
        app.add_option("--concurrency", options.concurrency, "Transfers at once per host")
            ->type_name("N")->check(CLI::Range(1u, 64u))->capture_default_str();
        app.add_option("--delay", delay, "Seconds between two requests to one host (robots.txt's Crawl-delay if longer)")
            ->type_name("SECONDS")->check(CLI::Range(0.0, 120.0))->capture_default_str();
        app.add_option("--retries", options.retries, "Retries of a timeout, reset, 5xx or 429, with backoff")
            ->type_name("N")->check(CLI::Range(0, 10))->capture_default_str();
        app.add_option("--strip-query", options.strip_query, "Drop query parameter P from every URL; 'utm_*' for a prefix (repeatable)")
            ->type_name("P")
            ->allow_extra_args(false);
        app.add_option("--cache", options.cache_dir, "Keep ETag/Last-Modified and results here; ask only for changes next time")
            ->type_name("DIR");
        app.add_option("--cacert", options.ca_file, "Trust the certificates in FILE (PEM) instead of the system's")
            ->type_name("FILE")->check(CLI::ExistingFile);
        app.add_option("--tls-errors", tls_errors,
                       "fail: a certificate that fails verification makes its host unreachable; report: read it anyway, "
                       "records marked tls_verified: false (default: the config's tls_errors, else fail)")
            ->type_name("fail|report")->check(CLI::IsMember({"fail", "report"}));
        app.add_option("--warc", options.warc_file,
                       "Keep every answer fetched in FILE, a web archive (WARC 1.1, .warc.gz); with --cache, unchanged "
                       "ones as revisits of an earlier night's archive")
            ->type_name("FILE");
        app.add_flag("--no-content", no_content,
                     "Check documents by their headers only (HEAD), as wget --spider does: no download, hash or look inside");
        app.add_option("--as-of", as_of, "Dates after this day are a problem (default: today in the office's time zone)")
            ->type_name("DATE");
        app.add_option("--jobs", options.jobs, "Documents inspected at once")
            ->type_name("N")->check(CLI::Range(1u, 64u));
        app.add_option("--offices", offices_file,
                       "Crawl every office listed in FILE (JSON Lines or CSV: id, website, eppid...); records carry their office")
            ->type_name("FILE");
        app.add_option("--parallel-offices", options.parallel_offices, "Offices crawled at once with --offices")
            ->type_name("N")->check(CLI::Range(std::size_t{1}, std::size_t{1024}))->capture_default_str();
        app.add_flag("--quiet", quiet, "No progress line and no warnings on standard error");
        ppid::add_unbuffered_option(app);
    };
    const auto run = [&](ppid::ToolContext& context) {
        std::vector<ppid::CrawlTarget> targets;
        if (offices_file) {
            if (!options.start_urls.empty()) throw ppid::UsageError("give either URLs or --offices, not both");
            for (const auto& office : ppid::read_offices(*offices_file, context.diag())) {
                ppid::CrawlTarget target{office.id, office.websites, {}, office.time_zone, office.name};
                target.start_urls.insert(target.start_urls.end(), office.eppid.begin(), office.eppid.end());
                targets.push_back(std::move(target));
            }
            if (targets.empty()) throw ppid::Error("no office to crawl in " + *offices_file);
        } else {
            if (options.start_urls.empty()) options.start_urls = ppid::website_urls(context.config());
            if (options.start_urls.empty()) throw ppid::UsageError("no URL given and no websites in the office configuration");
            targets.push_back({"", options.start_urls, options.allowed_hosts, "", ""});
        }
        if (!ppid::media_types_available())
            throw ppid::Error("cannot load libmagic's database (is the libmagic-mgc package installed? is $MAGIC right?)");
        if (options.warc_file && (options.warc_file->empty() || *options.warc_file == "-"))
            throw ppid::UsageError("--warc needs a file name: the archive is written aside and renamed when complete");
        options.archive_office = context.config().office;
        options.as_of = as_of ? ppid::parse_date_argument(*as_of, "--as-of") : context.today();
        options.max_bytes = max_bytes;
        options.content = !no_content;
        options.tls_report = tls_errors.value_or(context.config().tls_errors) == "report";
        options.timeout = seconds(timeout);
        options.max_time = seconds(max_time);
        options.delay = seconds(delay);
        if (deadline > 0) options.deadline = seconds(deadline);
        ppid::ExtractionPool pool("/proc/self/exe", options.jobs, ppid::SandboxLimits{});
        const auto fetcher = ppid::make_threaded_fetcher(ppid::make_network_fetcher());
        ppid::Diagnostics silent([](const std::string&) {});
        ppid::JsonlWriter writer(context.out());
        bool attention = false;
        const bool terminal = !quiet && ::isatty(STDERR_FILENO) != 0;
        ppid::crawl_sites(options, targets, context.zone(), *fetcher, &pool, quiet ? silent : context.diag(),
                         [&](std::string_view record, bool problems) {
                             attention = attention || problems;
                             writer.write_line(record);
                         },
                         terminal ? std::function<void(const ppid::CrawlProgress&)>(show_progress) : nullptr);
        if (terminal) std::cerr << "\r\033[K" << std::flush;
        return attention ? ppid::Outcome::attention : ppid::Outcome::clean;
    };
    return ppid::run_tool(info, argc, argv, define, run);
}
