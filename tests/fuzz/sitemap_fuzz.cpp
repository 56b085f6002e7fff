// A sitemap as ppid-crawl reads it: XML (urlset or sitemapindex) or plain text.
#include "fuzz_support.hpp"

#include <ppid/error.hpp>
#include <ppid/sitemap.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const ppid::Sitemap sitemap = ppid::parse_sitemap(ppid::fuzz::text_of(data, size), 100);
        ppid::fuzz::check(sitemap.pages.size() + sitemap.child_sitemaps.size() <= 100, "at most max_entries entries");
    } catch (const ppid::Error&) {
    }
    return 0;
}
