// The records ppid-crawl writes: `page`, `document`, `link` and the closing `crawl_summary`,
// each built from what the crawl learnt of one URL, in a fixed key order.
#pragma once

#include <ppid/crawl_item.hpp>
#include <ppid/text_dates.hpp>

#include <date/date.h>
#include <date/tz.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

namespace ppid {

struct CrawlRecord {
    std::string text;        // one JSON object, no newline
    bool attention = false;  // it lists a problem
};

// The dates found in texts seen before: a site repeats its rows (a sidebar of recent posts on
// every page), and reading dates is most of what writing a link costs.
class DatesMemo {
public:
    // Returns find_dates(text), computed once per distinct text (up to a bound, then afresh).
    const std::vector<FoundDate>& dates_in(std::string_view text);

private:
    std::unordered_map<std::string, std::vector<FoundDate>> seen_;
};

struct RecordSettings {
    date::sys_days as_of;
    const date::time_zone* zone = nullptr;
    std::string office;  // written as "office" in every record when not empty (--offices)
    // Optional: remembers the dates of texts seen before; shared by the copies of the settings
    // that records under way hold, and used by one thread at a time.
    std::shared_ptr<DatesMemo> dates;
    std::string office_name;  // written as "office_name" after "office" when both are not empty
};

// Returns the `page` record of an item that was fetched as HTML or failed before its type was
// known.
CrawlRecord page_record(const CrawlItem& item, const RecordSettings& settings);

// Returns the `document` record of an item fetched (or failed) as a document; `found_on` holds
// the places known when it is written, `duplicate_of` the first URL seen with the same content.
CrawlRecord document_record(const CrawlItem& item, const std::vector<LinkPlace>& found_on,
                            const std::string& duplicate_of, const RecordSettings& settings);

// Returns the `link` record of a link that is not followed.
CrawlRecord link_record(const CrawlItem& item, const std::vector<LinkPlace>& found_on, const RecordSettings& settings);

// Returns the record of `item` as its kind asks: link_record for a link out of scope,
// document_record for a document, page_record for the rest.
CrawlRecord item_record(const CrawlItem& item, const std::vector<LinkPlace>& found_on, const std::string& duplicate_of,
                        const RecordSettings& settings);

// Returns `item` with everything its record is written from, moved out of `item`, which keeps
// only what the crawl still reads of a URL once its record is on its way: its sequence, kind,
// URLs, depth and fetching state. Lets the record be written on another thread.
CrawlItem take_for_record(CrawlItem& item);

struct CrawlTotals {
    std::vector<std::string> start_urls;
    std::size_t pages = 0, documents = 0, links = 0, failed = 0;
    std::map<std::string, std::size_t> not_fetched;    // bound -> URLs left out: "max_pages", "trap"...
    std::map<std::string, std::size_t> trap_patterns;  // url_pattern -> URLs left out
    bool unreachable = false;  // every start URL failed at the network (DNS, connection, timeout, TLS)
    std::map<std::string, std::string> tls_problems;  // host -> why its certificate failed verification
};

// Returns the closing `crawl_summary` record.
std::string summary_record(const CrawlTotals& totals, const RecordSettings& settings);

}  // namespace ppid
