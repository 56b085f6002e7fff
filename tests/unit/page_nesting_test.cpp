// Page reading stays linear in the page's size however deep its tables nest (issue 18): 16,000
// nested tables took 42 s and 100,000 never finished when every row's text was read from its
// whole subtree. The budgets are generous for a debug or sanitizer build; the quadratic reading
// took minutes.
#include <ppid/page_links.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace ppid;

namespace {

// `depth` tables each in the one cell of the last, a link at the bottom; with `text`, every cell
// also holds a few words and a link of its own, as a layout table's cells do.
std::string nested_tables(std::size_t depth, bool text) {
    std::string page = "<html><head><title>Bertingkat</title></head><body>";
    for (std::size_t i = 0; i < depth; ++i) {
        page += "<table><tr><td>";
        if (text) page += "kata " + std::to_string(i) + " <a href=\"/d" + std::to_string(i) + ".pdf\">d</a> ";
    }
    page += "<a href=\"/dasar.pdf\">Dokumen Dasar</a>";
    for (std::size_t i = 0; i < depth; ++i) page += "</td></tr></table>";
    return page + "</body></html>";
}

// The bound only tells linear from the old behaviour (16,000 nested tables took 42 s, 100,000 never
// ended): a release build reads them in about a second, a sanitizer build on a busy machine in several.
constexpr double seconds_allowed = 30.0;

double seconds_to_read(const std::string& page, PageAnalysis& out) {
    const auto start = std::chrono::steady_clock::now();
    out = analyse_page(page, "text/html");
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("page reading: 16,000 and 100,000 nested tables are read in linear time") {
    for (const std::size_t depth : {std::size_t{16000}, std::size_t{100000}}) {
        PageAnalysis page;
        const double took = seconds_to_read(nested_tables(depth, false), page);
        INFO(depth << " nested tables: " << took << " s");
        CHECK(took < seconds_allowed);
        CHECK(page.title == "Bertingkat");
        REQUIRE(page.links.size() == 1);
        CHECK(page.links[0].href == "/dasar.pdf");
        CHECK(page.links[0].anchor_text == "Dokumen Dasar");
        CHECK(page.links[0].context == "Dokumen Dasar");
    }
}

TEST_CASE("page reading: nested tables with words and a link in every cell stay linear") {
    PageAnalysis page;
    const double took = seconds_to_read(nested_tables(16000, true), page);
    INFO("16,000 nested tables with text: " << took << " s");
    CHECK(took < seconds_allowed);
    REQUIRE(page.links.size() == 16001);
    CHECK(page.links[0].href == "/d0.pdf");
    // The deepest cell's words are near enough to be its link's context; an outer row's words are
    // read only as far as its text budget goes.
    CHECK(page.links.back().context == "kata 15999 d Dokumen Dasar");
    CHECK(page.links[15999].context.find("kata 15999") != std::string::npos);
}

TEST_CASE("page reading: text more than 32 levels below an element is left out of its text") {
    const auto grouped = [](std::size_t divs) {
        const std::string open = [&] { std::string t; for (std::size_t i = 0; i < divs; ++i) t += "<div>"; return t; }();
        const std::string close = [&] { std::string t; for (std::size_t i = 0; i < divs; ++i) t += "</div>"; return t; }();
        return analyse_page("<table><tr><td>" + open + "KEUANGAN" + close + "</td></tr>"
                            "<tr><td>Laporan Keuangan</td><td><a href=\"/lk.pdf\">Unduh</a></td></tr></table>",
                            "text/html");
    };
    const PageAnalysis shallow = grouped(3);
    REQUIRE(shallow.links.size() == 1);
    CHECK(shallow.links[0].group == "KEUANGAN");
    // 40 levels down: the cell's text is not read, so the row is no group row (no guessing).
    const PageAnalysis deep = grouped(40);
    REQUIRE(deep.links.size() == 1);
    CHECK(deep.links[0].group.empty());
    CHECK(deep.links[0].context == "Laporan Keuangan Unduh");
}
