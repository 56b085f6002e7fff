// Shared by the unit tests of the page reader: finding one link of an analysed page.
#pragma once

#include <ppid/page_links.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace ppid::test {

// Returns the one link of `page` whose href is `href`; fails the test when there is none or several.
inline const PageLink& link_to(const PageAnalysis& page, const std::string& href) {
    const PageLink* found = nullptr;
    for (const PageLink& link : page.links) {
        if (link.href != href) continue;
        REQUIRE(found == nullptr);
        found = &link;
    }
    INFO("href " << href);
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace ppid::test
