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
#include <string_view>

namespace ppid {

struct CrawlProgress {
    std::size_t written = 0;    // records written
    std::size_t known = 0;      // URLs known
    std::size_t in_flight = 0;  // transfers under way
};

// Receives each record (one JSON object) and whether it lists a problem.
using CrawlEmit = std::function<void(std::string_view record, bool attention)>;

// Crawls as `options` says through `fetcher`, inspecting documents through `pool` (none read
// when null), and passes every record to `emit` in discovery order, the `crawl_summary` last.
// Warnings (an unreachable robots.txt, a bound reached) go to `diag`. `progress`, when set, is
// called now and then. Throws UsageError for a bad start URL, Error when the cache folder or a
// temporary folder cannot be made; a write error from `emit` passes through.
void crawl_site(const CrawlOptions& options, const date::time_zone& zone, Fetcher& fetcher, ExtractionPool* pool,
                Diagnostics& diag, const CrawlEmit& emit, const std::function<void(const CrawlProgress&)>& progress);

}  // namespace ppid
