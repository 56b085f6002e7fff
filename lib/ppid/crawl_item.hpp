// One URL of a crawl, from its discovery to its record: what ppid-crawl's loop knows of it and
// what its record is written from.
#pragma once

#include <ppid/crawl_cache.hpp>
#include <ppid/document_inspection.hpp>
#include <ppid/http_fetcher.hpp>
#include <ppid/page_links.hpp>
#include <ppid/util/url.hpp>
#include <ppid/warc_place.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

// A place a link was found: the page and the text around the link there.
struct LinkPlace {
    std::size_t page_sequence = 0;  // the linking page's place in the crawl
    std::string page;               // its URL
    std::string url;                // the link's target, resolved
    std::string anchor_text, heading, group, context;
    ContextKind context_kind = ContextKind::none;
    std::string via;     // the attribute of a link a script opens: "onclick", "data-href", "data-url"; else ""
    std::string viewer;  // the viewer URL the link was, when `url` is the document inside it; else ""
};

struct RedirectHop {
    std::string url;
    long status = 0;
};

enum class ItemKind {
    page,      // fetched; read for links when it is HTML, else recorded as a document
    document,  // fetched and inspected, never read for links (its name says it is a document)
    sitemap,   // read for URLs, never recorded
    external,  // out of scope: recorded as a link, checked only with --check-external
};

// Why an out-of-scope link is not followed.
enum class LinkReason { external, file_scheme, redirect_out_of_scope };

// The loop keeps every item it knew for the whole crawl, so what one hop or one reading yields is
// held by pointer and given up with the record: an item is 712 bytes, not 2,568 (on a virtual
// machine, first touching the memory of 5,000 items that size cost 3,000 page faults; bench/README).
struct CrawlItem {
    std::size_t sequence = 0;  // the order of discovery, which is also the order of records
    ItemKind kind = ItemKind::page;
    util::Url url;             // as discovered
    util::Url current;         // the hop being fetched
    int depth = 0;
    LinkReason reason = LinkReason::external;
    std::vector<LinkPlace> found_on;

    // Fetching.
    bool started = false, fetched = false, done = false;
    int attempts = 0;
    std::chrono::steady_clock::time_point not_before{};
    std::vector<RedirectHop> redirects;
    std::unique_ptr<FetchResponse> response;  // the last hop's, body dropped once read
    std::unique_ptr<CacheEntry> cached;       // what the cache held for the hop under way
    FailureClass failure = FailureClass::none;
    std::string failure_message;
    bool from_cache = false;
    std::string tls_problem;    // read without verifying the host's certificate (--tls-errors
                                // report): why it failed ("tls_expired"...); else ""
    bool probe = false;         // a link check by ranged GET, the server having refused HEAD
    std::string sitemap_body;   // a sitemap's text, until it is read for URLs
    std::shared_ptr<WarcSlot> warc;  // where the last hop's answer is archived (--warc); null when not

    // What was read from it.
    std::unique_ptr<PageAnalysis> page;
    std::vector<LinkPlace> links_out;     // the page's links, resolved, placeholders left out
    std::vector<PageLink> placeholders;   // links that lead nowhere ("#", "javascript:")
    std::unique_ptr<DocumentInspection> document;
    std::string body_path;  // a downloaded document waiting for inspection
    bool inspecting = false;
};

}  // namespace ppid
