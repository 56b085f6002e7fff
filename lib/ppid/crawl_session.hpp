// One office's crawl inside ppid-crawl's loop: its URLs from discovery to record, in discovery
// order, sharing the network, the readers of pages and documents and the cache with the other
// offices crawled at the same time. The loop (crawler.cpp) routes each result to its session by
// the top bits of its id.
#pragma once

#include <ppid/crawl_cache.hpp>
#include <ppid/crawl_options.hpp>
#include <ppid/crawler.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/document_inspection.hpp>
#include <ppid/extract_worker.hpp>
#include <ppid/http_fetcher.hpp>
#include <ppid/page_links.hpp>
#include <ppid/util/background_work.hpp>
#include <ppid/util/serial_work.hpp>
#include <ppid/warc_writer.hpp>

#include <date/tz.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>

namespace ppid {

// Ids of transfers and readings: the session's index above these bits, its own id below.
constexpr unsigned session_id_bits = 40;

// A host as every office of the run uses it (its own site, off-site links, a shared platform):
// what --concurrency and --delay (or the host's Crawl-delay) bound.
struct SharedHost {
    std::size_t transfers = 0;  // under way
    std::chrono::steady_clock::time_point next_start{};
};

// What every office's crawl uses at once.
struct CrawlShared {
    Fetcher& fetcher;
    ExtractionPool* pool;  // null: documents are hashed and typed, not read
    util::BackgroundWork<DocumentInspection>& inspection;
    util::BackgroundWork<PageAnalysis>& page_reading;
    std::string bodies_dir;  // downloaded bodies wait here for inspection
    CrawlCache* cache;       // null without --cache
    Diagnostics& diag;
    std::size_t max_in_flight;  // transfers at once, all offices together
    std::unordered_map<std::string, SharedHost> hosts{};  // by host_key()
    bool cache_warned = false;
    std::atomic<bool> cache_failed{false};  // an entry could not be written (also on the records' thread)
    util::SerialWork* records = nullptr;  // writes the records off the network thread; null: on it
    const std::atomic<bool>* stop_reading = nullptr;  // turns true at --deadline: pages under way are given up
    WarcWriter* warc = nullptr;           // --warc: the web archive, written on `records`' thread; null without
};

// Warns once that an entry could not be written to the cache in `cache_dir`: when a store fails
// on the network thread, and after the last records are written (stores with an archive place
// run on the records' thread, the last of them after every session has ended).
void warn_if_cache_failed(CrawlShared& shared, const std::string& cache_dir);

class CrawlSession {
public:
    // A crawl of `options.start_urls` (scope, bounds, politeness as `options` says) whose records
    // carry `office` (none when empty), dated in `zone`, and go to `emit`.
    CrawlSession(CrawlOptions options, std::string office, const date::time_zone& zone, std::size_t index,
                 CrawlShared& shared, CrawlEmit emit);
    ~CrawlSession();
    CrawlSession(const CrawlSession&) = delete;
    CrawlSession& operator=(const CrawlSession&) = delete;

    void begin();                                    // admits the start URLs
    void start_transfers();                          // starts what politeness and bounds allow
    void on_response(FetchResponse response);        // a transfer of this session ended
    void on_inspected(std::size_t id, DocumentInspection inspection);
    void on_page_read(std::size_t id, PageAnalysis page);
    void advance();                                  // reads links and writes records, in order
    bool finished() const;                           // every record written, nothing under way
    void stop_at_deadline();                         // writes what finished, counts the rest
    void finish();                                   // writes the crawl_summary, warns of bounds
    std::size_t written() const;                     // records written so far
    std::size_t known() const;                       // URLs known so far

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ppid
