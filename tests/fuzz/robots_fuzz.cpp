// A site's robots.txt as ppid-crawl reads it, and the paths it is then asked about: the start of
// the file itself as a path stresses the '*' and '$' pattern matcher with what the rules hold.
#include "fuzz_support.hpp"

#include <ppid/robots.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = ppid::fuzz::text_of(data, size);
    const auto rules = ppid::RobotsRules::parse(text, "ppid-crawl/0.2 (+https://example.org/ppid)");
    ppid::fuzz::check(rules.allows("/robots.txt"), "/robots.txt is always allowed");
    for (const std::string_view path : {std::string_view("/"), std::string_view("/dokumen/a%2Fb.pdf?x=1"), text.substr(0, 256)})
        (void)rules.allows(path);
    if (const auto delay = rules.crawl_delay()) ppid::fuzz::check(*delay >= 0, "no negative crawl delay");
    return 0;
}
