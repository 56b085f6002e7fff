#include <ppid/script_links.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

TEST_CASE("the URL a click handler opens is read from its string literal", "[script_links]") {
    CHECK(script_link_target("window.open('/uploads/sk.pdf')") == "/uploads/sk.pdf");
    CHECK(script_link_target("window.open(\"/uploads/sk.pdf\", '_blank'); return false;") == "/uploads/sk.pdf");
    CHECK(script_link_target("location.href='dip.xlsx'") == "dip.xlsx");
    CHECK(script_link_target("  window.location = \"https://x.kpu.go.id/a.pdf\" ;") == "https://x.kpu.go.id/a.pdf");
    CHECK(script_link_target("document.location.href = '/b'") == "/b");
    CHECK(script_link_target("window.location.assign('/c')") == "/c");
    CHECK(script_link_target("location.replace(`/d`)") == "/d");
    CHECK(script_link_target("WINDOW.OPEN('/e')") == "/e");
    CHECK(script_link_target(R"(window.open('\/uploads\/f.pdf'))") == "/uploads/f.pdf");
    CHECK(script_link_target(R"(window.open('/g\x20h.pdf'))") == "/g h.pdf");
}

TEST_CASE("scripts that build their URL or do not navigate give none", "[script_links]") {
    CHECK_FALSE(script_link_target("window.open('/doc?id=' + id)"));
    CHECK_FALSE(script_link_target("location.href = base + '/x'"));
    CHECK_FALSE(script_link_target("window.open(`/doc/${id}`)"));
    CHECK_FALSE(script_link_target("if (location == 'x') alert('y')"));
    CHECK_FALSE(script_link_target("toggle('menu')"));
    CHECK_FALSE(script_link_target("reopen('/x')"));
    CHECK_FALSE(script_link_target("window.open('/unterminated"));
    CHECK_FALSE(script_link_target(""));
}
