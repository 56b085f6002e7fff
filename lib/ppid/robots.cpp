#include <ppid/robots.hpp>

#include <ppid/util/ascii.hpp>
#include <ppid/util/url.hpp>

#include <algorithm>
#include <charconv>
#include <iterator>

namespace ppid {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Returns the product token starting `text` in lower case: "ppid-crawl" of "PPID-Crawl/0.2 (+https://...)".
// RFC 9309 section 2.2.1 allows only letters, '-' and '_' in it.
std::string product_token(std::string_view text) {
    std::string token;
    for (const char c : trim(text)) {
        if (!util::is_ascii_letter(c) && c != '-' && c != '_') break;
        token += util::ascii_lower(c);
    }
    return token;
}

enum class Key { user_agent, allow, disallow, crawl_delay, sitemap, other };

// The names RFC 9309 gives, and the misspellings common enough that Google's parser reads them.
Key key_of(std::string_view name) {
    const std::string key = util::ascii_lowercase(trim(name));
    if (key == "user-agent" || key == "useragent" || key == "user agent") return Key::user_agent;
    if (key == "allow") return Key::allow;
    if (key == "disallow" || key == "dissallow" || key == "dissalow" || key == "disalow") return Key::disallow;
    if (key == "crawl-delay" || key == "crawldelay") return Key::crawl_delay;
    if (key == "sitemap" || key == "site-map") return Key::sitemap;
    return Key::other;
}

std::optional<double> parse_seconds(std::string_view text) {
    double seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error != std::errc() || end != text.data() + text.size() || !(seconds >= 0)) return std::nullopt;
    return seconds;
}

// Returns whether `pattern` matches the start of `path` ('*' any characters), or all of it when
// `anchored`. Keeps every position where the pattern read so far may end, so a pattern with many
// '*' costs at most its length times the path's.
bool pattern_matches(std::string_view pattern, bool anchored, std::string_view path) {
    std::vector<std::size_t> ends{0};  // ascending
    for (const char p : pattern) {
        if (p == '*') {
            const std::size_t from = ends.front();
            ends.clear();
            for (std::size_t at = from; at <= path.size(); ++at) ends.push_back(at);
            continue;
        }
        std::size_t kept = 0;
        for (const std::size_t at : ends)
            if (at < path.size() && path[at] == p) ends[kept++] = at + 1;
        ends.resize(kept);
        if (ends.empty()) return false;
    }
    return !anchored || ends.back() == path.size();
}

}  // namespace

RobotsRules RobotsRules::parse(std::string_view text, std::string_view user_agent) {
    struct Group {
        bool ours = false;
        bool any = false;  // "User-agent: *"
        std::vector<Rule> rules;
        std::optional<double> crawl_delay;
    };
    text = text.substr(0, kMaxBytes);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::string ours = product_token(user_agent);

    RobotsRules result;
    std::vector<Group> groups;
    bool in_user_agents = false;  // the last group line was a user-agent line: the next one joins its group
    while (!text.empty()) {
        const std::size_t end = std::min(text.find_first_of("\r\n"), text.size());
        std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        line = line.substr(0, line.find('#'));
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view value = trim(line.substr(colon + 1));
        const Key key = key_of(line.substr(0, colon));
        switch (key) {
            case Key::user_agent: {
                if (!in_user_agents) groups.emplace_back();
                in_user_agents = true;
                Group& group = groups.back();
                if (!value.empty() && value.front() == '*')
                    group.any = true;
                else if (!ours.empty() && product_token(value) == ours)
                    group.ours = true;
                break;
            }
            case Key::allow:
            case Key::disallow: {
                in_user_agents = false;
                if (groups.empty() || value.empty()) break;  // outside any group; "Disallow:" disallows nothing
                Rule rule;
                rule.pattern = util::normalize_percent_encoding(value);
                rule.priority = rule.pattern.size();
                rule.allow = key == Key::allow;
                if (rule.pattern.back() == '$') {
                    rule.anchored = true;
                    rule.pattern.pop_back();
                }
                groups.back().rules.push_back(std::move(rule));
                break;
            }
            case Key::crawl_delay:
                in_user_agents = false;
                if (!groups.empty() && !groups.back().crawl_delay) groups.back().crawl_delay = parse_seconds(value);
                break;
            case Key::sitemap:
                if (!value.empty()) result.sitemaps_.emplace_back(value);
                break;
            case Key::other:
                break;
        }
    }

    // RFC 9309 section 2.2.1: the groups naming the crawler, or else the "*" groups, merged.
    const bool named = std::any_of(groups.begin(), groups.end(), [](const Group& group) { return group.ours; });
    for (Group& group : groups) {
        if (named ? !group.ours : !group.any) continue;
        std::move(group.rules.begin(), group.rules.end(), std::back_inserter(result.rules_));
        if (!result.crawl_delay_) result.crawl_delay_ = group.crawl_delay;
    }
    return result;
}

RobotsRules RobotsRules::allow_all() {
    return RobotsRules();
}

RobotsRules RobotsRules::disallow_all() {
    RobotsRules rules;
    rules.rules_.push_back(Rule{"/", false, false, 1});
    return rules;
}

bool RobotsRules::allows(std::string_view path_and_query) const {
    const std::string path = util::normalize_percent_encoding(path_and_query.empty() ? "/" : path_and_query);
    if (path == "/robots.txt") return true;  // RFC 9309 section 2.2.2
    bool allowed = true;
    std::size_t best = 0;
    bool matched = false;
    for (const Rule& rule : rules_) {
        if (matched && rule.priority < best) continue;
        if (!pattern_matches(rule.pattern, rule.anchored, path)) continue;
        if (!matched || rule.priority > best)
            allowed = rule.allow;
        else
            allowed = allowed || rule.allow;  // the least restrictive rule wins a tie
        best = rule.priority;
        matched = true;
    }
    return allowed;
}

}  // namespace ppid
