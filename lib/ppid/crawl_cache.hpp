// ppid-crawl's cache: for every URL fetched whole, its validators (ETag, Last-Modified) and what
// was read from it, so that the next run asks "changed since?" and reuses the answer on 304. One
// file per URL, each written to a temporary name and renamed: a run killed half-way leaves every
// entry whole, old or new.
#pragma once

#include <ppid/document_inspection.hpp>
#include <ppid/page_links.hpp>
#include <ppid/warc_place.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace ppid {

struct CacheEntry {
    std::string url;
    std::string etag, last_modified;  // as the server sent them
    std::string content_type;
    std::uint64_t size = 0;  // body bytes
    std::optional<PageAnalysis> page;             // for an HTML page
    std::optional<DocumentInspection> document;   // for anything else
    std::optional<WarcRef> warc;  // where its bytes were archived (--warc)
};

// Returns whether `entry` can stand for a fetch of an item expected to be a page (an entry holding
// a page or a document) or a document (only one holding a document: a page's links say nothing
// of a document's content).
bool can_stand_for(const CacheEntry& entry, bool page_expected);

class CrawlCache {
public:
    // Opens (creating it when missing) the cache folder. Throws Error when it cannot be made.
    explicit CrawlCache(std::string folder);

    // Returns the entry stored for `url`, or nullopt when there is none or it cannot be read
    // (an entry from another version, a damaged file, a folder or FIFO in its place, an entry
    // holding both a page and a document or neither: the URL is then fetched anew).
    std::optional<CacheEntry> find(const std::string& url) const;

    // Stores `entry` in place of the URL's old one. Returns false when it cannot be written
    // (the crawl goes on; the next run fetches that URL whole).
    bool store(const CacheEntry& entry) const;

private:
    std::string path_for(const std::string& url) const;
    std::string folder_;
};

}  // namespace ppid
