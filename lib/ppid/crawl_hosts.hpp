// What a crawl knows of each host it fetches from: its robots.txt rules, how many transfers it
// has under way, when the next may start, and the URLs waiting for it.
#pragma once

#include <ppid/diagnostics.hpp>
#include <ppid/http_fetcher.hpp>
#include <ppid/robots.hpp>
#include <ppid/util/url.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <string>

namespace ppid {

// Crawl-delay and Retry-After longer than this are cut to it: a site should not stall a night's run.
constexpr double max_wait_seconds = 120;

struct HostState {
    enum class Robots { unknown, fetching, known } robots = Robots::unknown;
    RobotsRules rules = RobotsRules::allow_all();
    util::Url robots_url;
    int robots_redirects = 0;
    std::chrono::milliseconds delay{0};  // between the starts of two transfers
    std::deque<std::size_t> queue;       // items waiting to start, in discovery order
};

// Makes `host` know its robots.txt from `response`, the answer to host.robots_url: the rules read
// for `user_agent` (2xx), none (4xx, or a network failure: the pages will tell their own
// failure), or everything forbidden (5xx, as RFC 9309 asks, with a warning); and its delay, the
// longer of `min_delay` and the Crawl-delay.
void learn_robots(HostState& host, const FetchResponse& response, const std::string& user_agent,
                  std::chrono::milliseconds min_delay, Diagnostics& diag);

}  // namespace ppid
