#include <ppid/crawl_hosts.hpp>

#include <algorithm>

namespace ppid {

void learn_robots(HostState& host, const FetchResponse& response, const std::string& user_agent,
                  std::chrono::milliseconds min_delay, Diagnostics& diag) {
    const bool answered = response.transport_failure == FailureClass::none;
    if (answered && response.status >= 200 && response.status < 300) {
        host.rules = RobotsRules::parse(read_response_body(response, RobotsRules::kMaxBytes), user_agent);
    } else if (answered && response.status >= 500) {
        host.rules = RobotsRules::disallow_all();
        diag.warning(Location{host.robots_url.text(), 0},
                     "robots.txt answered HTTP " + std::to_string(response.status) + ": nothing on " +
                         host.robots_url.host_key() + " is fetched (--ignore-robots for one's own site)");
    } else {
        host.rules = RobotsRules::allow_all();
    }
    host.delay = min_delay;
    if (const auto delay = host.rules.crawl_delay())
        host.delay = std::max(min_delay, std::chrono::milliseconds(static_cast<long long>(std::min(*delay, max_wait_seconds) * 1000)));
    host.robots = HostState::Robots::known;
}

}  // namespace ppid
