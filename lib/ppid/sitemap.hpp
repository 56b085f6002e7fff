// The URLs a site lists in its sitemap (sitemaps.org protocol): XML or plain text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

struct SitemapEntry {
    std::string loc;      // as written, without surrounding whitespace
    std::string lastmod;  // as written, "" if none
};

struct Sitemap {
    std::vector<SitemapEntry> pages;          // <urlset><url><loc>
    std::vector<std::string> child_sitemaps;  // <sitemapindex><sitemap><loc>
    bool truncated = false;                   // entries past max_entries were left unread
};

// Returns the entries of an XML sitemap (<urlset> or <sitemapindex>, with or without the
// sitemaps.org namespace) or of a plain-text one (one http(s) URL per line, other lines
// skipped), at most `max_entries` of them. Reads no DTD, expands no entity, touches no network.
// Throws Error("not a sitemap: ...") for malformed XML, a DTD, another root element, a
// gzip-compressed body (decompress it first), or text without a single URL.
Sitemap parse_sitemap(std::string_view body, std::size_t max_entries = 50000);

// Returns parse_sitemap() of `body`, decompressed first when it is gzip (a sitemap.xml.gz served
// as it is stored). Throws Error("not a sitemap: ...") as parse_sitemap() does, also for gzip
// that is corrupt or expands past `max_bytes` (a gzip bomb stops there).
Sitemap read_sitemap(std::string_view body, std::size_t max_bytes, std::size_t max_entries = 50000);

}  // namespace ppid
