// What ppid-check reads from ppid-index and ppid-crawl records: each document, page or link as a candidate
// with the text that names it, its dates and period, and whether it can be used at all. Records are read with
// nlohmann's SAX parser straight into these fields, without building a tree (1,000,000 records must be quick).
#pragma once

#include <ppid/warc_place.hpp>

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// Where a link to a document was found (a crawl record's `found_on` element or a page's `links` element).
struct LinkContext {
    std::string url;  // the link's target (page links only)
    std::string page;
    std::string anchor_text;
    std::string heading;
    std::string group;
    std::string context;
    std::optional<date::sys_days> date;  // the first of its `dates`
};

// The period a record says its document covers.
struct CoveredPeriod {
    std::string text;  // "Semester I 2023"
    date::sys_days start;
    date::sys_days end;
};

struct Candidate {
    std::string type;  // "document", "page", "link", or whatever else the record says
    std::string url;
    std::string root;
    std::string path;
    std::string title;
    std::string sha256;
    std::optional<date::sys_days> date;
    std::string date_source;
    std::optional<CoveredPeriod> period;
    std::vector<std::string> problems;
    std::string failure;  // the failure's class ("http_4xx"), "failed" without one; empty when it did not fail
    std::vector<LinkContext> found_on;
    std::vector<LinkContext> links;  // a page's links
    std::string first_heading;       // a page's main heading: `main_heading`, else the first of `headings`
    std::optional<long long> text_chars;  // a page's own text, in characters (when the crawl wrote it)
    std::optional<int> form_fields;       // the fields of a page's forms (`form_fields`, when the crawl wrote it)
    std::optional<bool> checked;          // a link's `checked`: whether the crawl asked for it at all
    long long status = 0;                 // the HTTP status the record gives, 0 when none
    std::string final_url;                // where the record's redirects led, when it wrote them
    std::optional<WarcPlace> warc;        // where its bytes are in a web archive (`warc`, ppid-crawl --warc)

    // Returns the URL, else root/path, else path: how evidence names the document.
    std::string location() const;
    // Returns what makes two records the same content: the sha256 when known, else the location.
    std::string identity() const;
};

// Reads one record's text into `candidate` (cleared first, its buffers reused). Returns "" on success, else
// the message for a line that is not one JSON object or has a field of the wrong type or a bad date.
std::string read_candidate(std::string_view line, Candidate& candidate);

// Returns whether `problem` (ppid-index and ppid-crawl problem names) makes a document unusable: dead
// (http_4xx, http_5xx, timeout, dns, tls, connection, redirect_loop), behind a sign-in (login_required), empty,
// unreadable or of the wrong type.
bool is_unusable_problem(std::string_view problem);

// Returns the last segment of a URL's path or of a file path, with %XX decoded: what a file is called.
std::string file_name_of(std::string_view url_or_path);

}  // namespace ppid
