#include <ppid/util/html_text.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

TEST_CASE("HTML escaping leaves no markup", "[html-text]") {
    CHECK(util::escape_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(util::escape_html("A & B \"q\" 'a'") == "A &amp; B &quot;q&quot; &#39;a&#39;");
    CHECK(util::escape_html("&amp;") == "&amp;amp;");
    CHECK(util::escape_html("Laporan — 29 Agustus 2023") == "Laporan — 29 Agustus 2023");
    CHECK(util::escape_html("a\x01"
                            "b\nc\td\r") ==
          "a\xEF\xBF\xBD"
          "b\nc d");
    CHECK(util::escape_html("\xC0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // an overlong NUL
}

TEST_CASE("only web addresses become links", "[html-text]") {
    CHECK(util::is_linkable_url("https://kab-boyolali.kpu.go.id/ppid/dip-2024.pdf"));
    CHECK(util::is_linkable_url("HTTP://example.go.id/a?b=1&c=2"));
    CHECK(util::is_linkable_url("https://example.go.id/LAPORAN%20LAYANAN.pdf"));
    CHECK_FALSE(util::is_linkable_url("javascript:alert(1)"));
    CHECK_FALSE(util::is_linkable_url(" javascript:alert(1)"));
    CHECK_FALSE(util::is_linkable_url("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(util::is_linkable_url("data:text/html,<script>"));
    CHECK_FALSE(util::is_linkable_url("file:///srv/ppid/dokumen/a.pdf"));
    CHECK_FALSE(util::is_linkable_url("/relative/path"));
    CHECK_FALSE(util::is_linkable_url("#"));
    CHECK_FALSE(util::is_linkable_url("https://"));
    CHECK_FALSE(util::is_linkable_url("https:///no-host"));
    CHECK_FALSE(util::is_linkable_url("https://a.go.id/\"onmouseover=\"x"));
    CHECK_FALSE(util::is_linkable_url("https://a.go.id/ space"));
    CHECK_FALSE(util::is_linkable_url("https://a.go.id/\nx"));
}
