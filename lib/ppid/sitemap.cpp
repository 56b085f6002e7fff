#include <ppid/sitemap.hpp>

#include <ppid/error.hpp>
#include <ppid/util/gzip.hpp>
#include <ppid/util/url.hpp>
#include <ppid/util/xml_reader.hpp>

#include <algorithm>
#include <cstring>

namespace ppid {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// Adds `entry` to `entries` and returns true, or marks the sitemap truncated and returns false when
// `kept` entries already reach `max_entries`.
template <typename Entry>
bool keep(std::vector<Entry>& entries, Entry entry, std::size_t kept, std::size_t max_entries, Sitemap& sitemap) {
    if (kept >= max_entries) {
        sitemap.truncated = true;
        return false;
    }
    entries.push_back(std::move(entry));
    return true;
}

Sitemap parse_text(std::string_view body, std::size_t max_entries) {
    Sitemap sitemap;
    bool any = false;
    while (!body.empty()) {
        const std::size_t end = std::min(body.find_first_of("\r\n"), body.size());
        const std::string_view line = trim(body.substr(0, end));
        body.remove_prefix(std::min(end + 1, body.size()));
        const auto url = util::parse_url(line);
        if (!url || (url->scheme != "http" && url->scheme != "https")) continue;
        any = true;
        if (!keep(sitemap.pages, SitemapEntry{std::string(line), ""}, sitemap.pages.size(), max_entries, sitemap))
            break;
    }
    if (!any) throw Error("not a sitemap: neither XML nor a line with a URL");
    return sitemap;
}

Sitemap parse_xml(std::string_view body, std::size_t max_entries) {
    std::size_t offset = 0;
    util::XmlReader reader(
        "sitemap",
        [body, &offset](char* buffer, std::size_t size) {
            const std::size_t count = std::min(size, body.size() - offset);
            std::memcpy(buffer, body.data() + offset, count);
            offset += count;
            return count;
        },
        "a sitemap");

    Sitemap sitemap;
    bool index = false;            // <sitemapindex> rather than <urlset>
    bool in_item = false;          // inside <url> or <sitemap>
    std::string* field = nullptr;  // the <loc> or <lastmod> being read
    SitemapEntry entry;
    while (reader.next()) {
        const int depth = reader.depth();
        if (reader.is_element()) {
            if (depth == 0) {
                index = reader.name() == "sitemapindex";
                if (!index && reader.name() != "urlset")
                    throw Error("not a sitemap: the root element is <" + std::string(reader.name()) + ">");
            } else if (depth == 1 && reader.name() == (index ? "sitemap" : "url")) {
                in_item = !reader.is_empty_element();
                entry = SitemapEntry();
            } else if (depth == 2 && in_item && !reader.is_empty_element()) {
                // Extensions (<image:image><image:loc>) sit deeper and are not the page's <loc>.
                field = reader.name() == "loc" ? &entry.loc : reader.name() == "lastmod" ? &entry.lastmod : nullptr;
            }
        } else if (reader.is_text()) {
            if (field != nullptr) *field += reader.value();
        } else if (depth == 2) {
            field = nullptr;
        } else if (depth == 1 && in_item && reader.is_end(index ? "sitemap" : "url")) {
            in_item = false;
            entry.loc = std::string(trim(entry.loc));
            entry.lastmod = std::string(trim(entry.lastmod));
            if (entry.loc.empty()) continue;
            const std::size_t kept = sitemap.pages.size() + sitemap.child_sitemaps.size();
            const bool room = index ? keep(sitemap.child_sitemaps, std::move(entry.loc), kept, max_entries, sitemap)
                                    : keep(sitemap.pages, std::move(entry), kept, max_entries, sitemap);
            if (!room) break;
        }
    }
    return sitemap;
}

}  // namespace

Sitemap parse_sitemap(std::string_view body, std::size_t max_entries) {
    std::string_view start = body;
    if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
    start = trim(start);
    if (start.empty()) throw Error("not a sitemap: it is empty");
    if (start.substr(0, 2) == "\x1F\x8B") throw Error("not a sitemap: it is gzip-compressed");
    if (start.front() != '<') return parse_text(start, max_entries);
    try {
        // From the '<': generators that print a blank line before "<?xml" are common.
        return parse_xml(start, max_entries);
    } catch (const Error&) {
        throw;
    } catch (const std::runtime_error& failure) {
        throw Error(std::string("not a sitemap: ") + failure.what());
    }
}

Sitemap read_sitemap(std::string_view body, std::size_t max_bytes, std::size_t max_entries) {
    if (!util::is_gzip(body)) return parse_sitemap(body, max_entries);
    std::string expanded;
    try {
        expanded = util::gunzip(body, max_bytes);
    } catch (const std::runtime_error& failure) {
        throw Error(std::string("not a sitemap: gzip ") + failure.what());
    }
    return parse_sitemap(expanded, max_entries);
}

}  // namespace ppid
