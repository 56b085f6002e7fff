// Which URLs a crawl follows: the start hosts and the allowed ones (a file:// crawl stays inside
// its start folder), each URL in one spelling, and the marks of a crawler trap.
#pragma once

#include <ppid/util/url.hpp>

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

class CrawlScope {
public:
    // Throws UsageError for a start URL that is not an absolute http, https or file URL.
    CrawlScope(const std::vector<std::string>& start_urls, const std::vector<std::string>& allowed_hosts,
               std::vector<std::string> strip_query);

    // Returns the start URLs, normalised.
    const std::vector<util::Url>& starts() const { return starts_; }

    // Returns `reference` resolved against `base` in the crawl's spelling (session and
    // --strip-query parameters dropped), or nullopt when it is no URL.
    std::optional<util::Url> resolve(const util::Url& base, std::string_view reference) const;

    // Returns whether `url` is to be crawled. A file: URL is in scope only under a file: start
    // URL's folder, so a link on a web page can never read the crawling machine's files.
    bool contains(const util::Url& url) const;

    // Returns the folder (a decoded path ending in '/') of the file: start URL whose tree holds
    // `url`, "" for a URL in none.
    std::string file_root(const util::Url& url) const;

    // Returns whether `url` uses a scheme the crawler fetches at all (http, https, file).
    static bool fetchable(const util::Url& url);

private:
    std::vector<util::Url> starts_;
    std::vector<std::string> hosts_;         // host_keys of the start http(s) URLs and --allow-host
    std::vector<std::string> file_folders_;  // paths of the file: start URLs' folders
    std::vector<std::string> strip_query_;
};

// Returns whether `path` (decoded) names a file without leaving a folder on the way: no ".."
// segment, no NUL byte.
bool is_plain_file_path(std::string_view path);

// Returns whether the URL's last path segment names a document by its extension (pdf, docx,
// xlsx, zip, jpg...): such a URL is fetched as a document and never read for links.
bool looks_like_document(const util::Url& url);

// Returns the URL's host, path and query with every run of digits made '#'
// ("127.0.0.1:8080/kalender?bulan=#-#"): pages that differ only in numbers.
std::string url_pattern(const util::Url& url);

// Returns the template a page comes from: host, path without a leading "/index.php", each path
// segment that starts with a number followed by '_' or '-' made "#" (the CMS's
// "/blog/read/9297_judul-berita"), other runs of digits made '#', and the query's parameter
// names without their values ("kab-x.kpu.go.id/blog/category/#?page"). Pages of one template
// are one listing's pages or one kind of post: following a link among them is no step deeper.
std::string url_template(const util::Url& url);

// Returns the key under which the crawl knows a URL: its text, without a "/index.php" path
// prefix (CodeIgniter and Laravel sites serve /index.php/blog/read/x and /blog/read/x as one
// page). The first spelling met is the one fetched and recorded.
std::string same_page_key(const util::Url& url);

// Tells a crawler trap by what its pages yield: a template whose pages, one after another in
// discovery order, bring nothing new but more pages of the same template (an endless calendar,
// pagination past the last item) is a trap once `limit` of them in a row yielded nothing.
class TrapWatch {
public:
    explicit TrapWatch(std::size_t limit) : limit_(limit) {}

    // Records that a page of `template_key` was read and whether it yielded a URL not known before
    // of another template (a post, a document, a link out).
    void page_read(const std::string& template_key, bool yielded);

    // Returns whether links among pages of `template_key` are no longer followed.
    bool is_trap(const std::string& template_key) const;

private:
    std::size_t limit_;
    std::unordered_map<std::string, std::size_t> barren_in_a_row_;
};

}  // namespace ppid
