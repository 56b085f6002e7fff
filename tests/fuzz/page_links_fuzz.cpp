// A fetched HTML page as ppid-crawl reads it: analyse_page's title, headings and links with their
// context. The last byte picks the Content-Type the server is taken to have sent.
#include "fuzz_support.hpp"

#include <ppid/page_links.hpp>

#include <fuzzer/FuzzedDataProvider.h>

namespace {

// Returns whether `text` is valid UTF-8 (the result promises nothing else).
bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider input(data, size);
    const char* content_type = input.PickValueInArray(
        {"text/html", "", "text/html; charset=windows-1252", "text/html; charset=utf-16", "text/html; charset=bogus"});
    const std::string body = input.ConsumeRemainingBytesAsString();
    const ppid::PageAnalysis page = ppid::analyse_page(body, content_type, 500);
    ppid::fuzz::check(valid_utf8(page.title), "the title is valid UTF-8");
    for (const ppid::PageLink& link : page.links) {
        ppid::fuzz::check(valid_utf8(link.href) && valid_utf8(link.anchor_text) && valid_utf8(link.context) &&
                              valid_utf8(link.heading) && valid_utf8(link.group),
                          "link texts are valid UTF-8");
        ppid::fuzz::check(link.placeholder == ppid::is_placeholder_href(link.href), "placeholder as its href says");
    }
    ppid::fuzz::check(page.links.size() <= 500, "at most max_links links");
    return 0;
}
