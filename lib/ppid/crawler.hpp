// ppid-crawl's walk of an office website: from the start URLs, every page in scope read for its
// links and every document downloaded and inspected, politely (robots.txt, per-host concurrency
// and delay, retries with backoff), within bounds (depth, pages, bytes, time, traps), with
// records in discovery order whatever the concurrency, so that the same site gives the same
// output.
#pragma once

#include <ppid/crawl_options.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/extract_worker.hpp>
#include <ppid/http_fetcher.hpp>

#include <date/tz.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

struct CrawlProgress {
    std::size_t written = 0;    // records written
    std::size_t known = 0;      // URLs known
    std::size_t in_flight = 0;  // transfers under way
};

// Receives each record (one JSON object) and whether it lists a problem.
using CrawlEmit = std::function<void(std::string_view record, bool attention)>;

// One office's part of a crawl of many (--offices).
struct CrawlTarget {
    std::string office;                      // carried by every record; "" for none
    std::vector<std::string> start_urls;     // its website and e-PPID
    std::vector<std::string> allowed_hosts;  // besides the start hosts; empty: the options' own
    std::string time_zone;                   // "" for the tool's
    std::string office_name;                 // from the offices file; "" for none
};

// Crawls every target as `options` says (bounds per office, --deadline for the whole run), at
// most options.parallel_offices at a time, sharing the network's limits; records come out office
// by office in the targets' order, each office's in discovery order, its crawl_summary last. A
// site that cannot be reached is said so in its summary ("unreachable"), never holding up the
// others. Otherwise as crawl_site.
void crawl_sites(const CrawlOptions& options, const std::vector<CrawlTarget>& targets, const date::time_zone& zone,
                 Fetcher& fetcher, ExtractionPool* pool, Diagnostics& diag, const CrawlEmit& emit,
                 const std::function<void(const CrawlProgress&)>& progress);

// Crawls as `options` says through `fetcher`, inspecting documents through `pool` (none read
// when null), and passes every record to `emit` in discovery order, the `crawl_summary` last.
// Warnings (an unreachable robots.txt, a bound reached) go to `diag`. `progress`, when set, is
// called now and then. Throws UsageError for a bad start URL, Error when the cache folder or a
// temporary folder cannot be made; a write error from `emit` passes through.
void crawl_site(const CrawlOptions& options, const date::time_zone& zone, Fetcher& fetcher, ExtractionPool* pool,
                Diagnostics& diag, const CrawlEmit& emit, const std::function<void(const CrawlProgress&)>& progress);

}  // namespace ppid
