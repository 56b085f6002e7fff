// The rules of a site's robots.txt that apply to one crawler, read as RFC 9309 says.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

class RobotsRules {
public:
    // RFC 9309 section 2.5: at least 500 KiB must be read; what follows is ignored.
    static constexpr std::size_t kMaxBytes = 500 * 1024;

    // Returns the rules of `text` for `user_agent`: every group naming its product token
    // ("ppid-crawl" of "ppid-crawl/0.2 (+https://...)"), compared case-insensitively, else every
    // "*" group, else none. Consecutive user-agent lines share a group; lines it does not know,
    // rules outside any group and lines past kMaxBytes are ignored; a BOM and any line ends are
    // read. Never fails: a file that is not robots.txt allows everything.
    static RobotsRules parse(std::string_view text, std::string_view user_agent);

    // Returns rules allowing every path: no robots.txt, or one that could not be found (4xx).
    static RobotsRules allow_all();

    // Returns rules disallowing every path but /robots.txt: what RFC 9309 section 2.3.1.4 asks
    // when robots.txt is unreachable (5xx, network errors).
    static RobotsRules disallow_all();

    // Returns whether the path and query (as Url::path_and_query() gives it) may be fetched: the
    // rule with the longest pattern matching its start wins, Allow on a tie, no rule allows. '*'
    // matches any characters, a final '$' the end; percent-encoding is compared in normal form.
    // "/robots.txt" is always allowed.
    bool allows(std::string_view path_and_query) const;

    // Returns the chosen group's Crawl-delay in seconds, nullopt when it has none (or an
    // unreadable or negative one). Not in RFC 9309, but what sites mean by it is clear.
    std::optional<double> crawl_delay() const { return crawl_delay_; }

    // Returns every Sitemap: line's URL as written, in order, whatever group it is in.
    const std::vector<std::string>& sitemaps() const { return sitemaps_; }

private:
    struct Rule {
        std::string pattern;    // percent-encoding normalised, without the final '$'
        bool anchored = false;  // it ended in '$'
        bool allow = false;
        std::size_t priority = 0;  // the length of the pattern as written in normal form, '$' included
    };

    std::vector<Rule> rules_;
    std::optional<double> crawl_delay_;
    std::vector<std::string> sitemaps_;
};

}  // namespace ppid
