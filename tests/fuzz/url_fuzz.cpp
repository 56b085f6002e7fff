// URL normalisation as the crawler applies it to every link: parse_url and resolve_url give the
// normal form, which parses back to itself; percent_encode_unprintable round-trips any bytes.
#include "fuzz_support.hpp"

#include <ppid/util/url.hpp>

namespace {

using ppid::util::Url;

bool same(const Url& a, const Url& b) {
    return a.scheme == b.scheme && a.userinfo == b.userinfo && a.host == b.host && a.port == b.port && a.path == b.path &&
           a.query == b.query && a.has_authority == b.has_authority;
}

void check_normal_form(const Url& url) {
    const auto again = ppid::util::parse_url(url.text());
    ppid::fuzz::check(again.has_value() && same(*again, url), "parse_url(u.text()) == u");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ppid::util;
    static const Url base = *parse_url("https://kpu-contoh.go.id/ppid/informasi-berkala.html?tahun=2023");
    const std::string_view text = ppid::fuzz::text_of(data, size);
    if (const auto url = parse_url(text)) check_normal_form(*url);
    if (const auto url = resolve_url(base, text)) check_normal_form(*url);
    ppid::fuzz::check(percent_decode(percent_encode_unprintable(text)) == text, "percent-encoding round trip");
    return 0;
}
