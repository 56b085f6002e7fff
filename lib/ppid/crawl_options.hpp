// What ppid-crawl is asked to do: where to start, how far to go, how politely, and what to keep.
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

struct CrawlOptions {
    std::vector<std::string> start_urls;     // http, https or file URLs
    std::vector<std::string> allowed_hosts;  // "host" or "host:port" in scope besides the start hosts
    bool check_external = false;             // links out of scope: a HEAD request each
    bool check_external_documents = false;   // only those naming a file, a shared file, a form or a short link
    bool ignore_robots = false;
    std::string user_agent;
    int max_depth = 10;                      // links followed from a start URL to reach a page; a link
                                             // to a page of the same URL template is no step deeper
    std::size_t max_pages = 20000;           // pages (not documents) fetched in all
    std::size_t max_per_pattern = 50;        // pages of one URL template in a row that yield nothing
                                             // new, after which it is a trap (see TrapWatch)
    std::uint64_t max_bytes = 25ull << 20;   // one file, after decompression
    std::chrono::milliseconds timeout{30000};              // to connect, and the window of min_speed
    std::uint64_t min_speed = 256;                         // bytes a second over `timeout`: a server
                                                           // dripping slower is cut (--min-speed)
    std::chrono::milliseconds max_time{600000};            // one transfer in all (--max-time)
    std::optional<std::chrono::milliseconds> deadline;     // the whole crawl
    unsigned concurrency = 4;                // transfers at once per host
    std::chrono::milliseconds delay{0};      // between the starts of two transfers to one host
    int retries = 2;                         // after the first attempt, for transient failures
    std::vector<std::string> strip_query;    // query parameters dropped from every URL ("utm_*")
    std::optional<std::string> cache_dir;    // conditional requests and their answers
    std::string ca_file;                     // trusted certificates (--cacert); "" for the system's
    bool tls_report = false;                 // --tls-errors report: a host whose certificate fails is
                                             // read anyway, its records marked tls_verified: false
    bool content = true;                     // false (--no-content): documents checked by their
                                             // headers only, never downloaded, as wget --spider does
    date::sys_days as_of;                    // dates after it are a problem
    unsigned jobs = 1;                       // documents inspected at once
    std::size_t parallel_offices = 16;       // offices crawled at once (--offices)
    std::string office_name;                 // one office's name from the offices file, for its records
    std::optional<std::string> warc_file;    // --warc: every answer kept there as WARC 1.1
    std::string archive_office;              // the office the archive's warcinfo names when no target does
};

}  // namespace ppid
