// The window of the tree a page is read in (streamed_html.hpp), seen through analyse_page: libxml2
// is the library's own, not the tests'.
#include <ppid/page_links.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <string>

using namespace ppid;

namespace {

// One stretch of a KPU page holding every kind of context: a heading, a table with a group row, a
// menu, a long paragraph around a link (a window of text), a nested list (a parent item's group).
std::string stretch(int number) {
    // Many small nodes around the link, so that a piece of the page often ends among them.
    std::string text;
    for (int i = 0; i < 60; ++i) text += "<span>kata" + std::to_string(i) + "</span> ";
    return "<h2>Bagian " + std::to_string(number) + "</h2>" +
           "<table><tr><td colspan=3>KEUANGAN</td></tr><tr><td>1</td><td>Laporan Keuangan 2022</td>"
           "<td><a href='lk.pdf'>Unduh</a></td></tr></table>"
           "<nav class='menu'><ul><li><a href='/profil'>Profil</a></li><li><a href='/kontak'>Kontak</a></li></ul></nav>"
           "<div class='konten'><p>" +
           text + "<a href='berkas.pdf'>Berkas</a> " + text +
           "</p></div><ul><li>PPID<ul><li><a href='/ppid/profil'>Profil PPID</a></li></ul></li></ul>";
}

std::string page_of(int stretches) {
    std::string page = "<html><head><title>Arsip</title></head><body>";
    for (int i = 0; i < stretches; ++i) page += stretch(i % 2);
    return page + "</body></html>";
}

}  // namespace

TEST_CASE("a page many windows long reads every link as the same page read whole does") {
    // 2,000 stretches of about 300 nodes each: far past the window of 32,768 nodes ahead and 8,192
    // behind, so the tree is parsed, read and freed piece by piece many times over.
    const PageAnalysis whole = analyse_page(page_of(2), "text/html");
    REQUIRE(whole.links.size() == 10);
    const int stretches = 2000;
    const PageAnalysis streamed = analyse_page(page_of(stretches), "text/html");
    REQUIRE(streamed.links.size() == 5u * stretches);
    CHECK(streamed.links_dropped == 0);
    CHECK(streamed.headings.size() == static_cast<std::size_t>(stretches));
    CHECK_FALSE(streamed.incomplete);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < streamed.links.size(); ++i) {
        const PageLink& got = streamed.links[i];
        const PageLink& expected = whole.links[i % 10];
        if (got.href != expected.href || got.anchor_text != expected.anchor_text || got.heading != expected.heading ||
            got.group != expected.group || got.context != expected.context || got.context_kind != expected.context_kind) {
            if (++differing <= 3) {
                INFO("link " << i << ": " << got.href << " context '" << got.context << "' group '" << got.group << "'");
                CHECK(got.context == expected.context);
            }
        }
    }
    CHECK(differing == 0);
    // The window around the link in the long paragraph: words on both sides, cut at word boundaries.
    CHECK(whole.links[3].context_kind == ContextKind::paragraph);
    CHECK(whole.links[3].context.find("Berkas") != std::string::npos);
    CHECK(whole.links[0].group == "KEUANGAN");
    CHECK(whole.links[4].group == "PPID");
}

TEST_CASE("reading given up stops at once and says so") {
    const std::atomic<bool> give_up{true};
    const PageAnalysis page = analyse_page(page_of(100), "text/html", 20000, &give_up);
    CHECK(page.incomplete);
    CHECK(page.links.empty());
    const std::atomic<bool> carry_on{false};
    const PageAnalysis read = analyse_page(page_of(100), "text/html", 20000, &carry_on);
    CHECK_FALSE(read.incomplete);
    CHECK(read.links.size() == 500);
}
