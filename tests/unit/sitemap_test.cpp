#include <ppid/error.hpp>
#include <ppid/sitemap.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ppid;

namespace {

std::vector<std::string> locs(const Sitemap& sitemap) {
    std::vector<std::string> result;
    for (const SitemapEntry& entry : sitemap.pages) result.push_back(entry.loc);
    return result;
}

// Returns the message parse_sitemap throws for `body`, or "" when it does not throw.
std::string failure(std::string_view body) {
    try {
        parse_sitemap(body);
    } catch (const Error& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a urlset with the sitemaps.org namespace", "[sitemap]") {
    const auto sitemap = parse_sitemap(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url>\n"
        "    <loc>https://kab-contoh.kpu.go.id/ppid/</loc>\n"
        "    <lastmod>2023-08-29T10:00:00+07:00</lastmod>\n"
        "    <changefreq>weekly</changefreq>\n"
        "  </url>\n"
        "  <url><loc>\n   https://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf\n  </loc></url>\n"
        "</urlset>\n");
    REQUIRE(sitemap.pages.size() == 2);
    CHECK(sitemap.pages[0].loc == "https://kab-contoh.kpu.go.id/ppid/");
    CHECK(sitemap.pages[0].lastmod == "2023-08-29T10:00:00+07:00");
    CHECK(sitemap.pages[1].loc == "https://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf");
    CHECK(sitemap.pages[1].lastmod == "");
    CHECK(sitemap.child_sitemaps.empty());
    CHECK_FALSE(sitemap.truncated);
}

TEST_CASE("a urlset without a namespace, with entities and CDATA", "[sitemap]") {
    const auto sitemap = parse_sitemap(
        "<urlset><url><loc>http://x.example/?a=1&amp;b=2</loc></url>"
        "<url><loc><![CDATA[http://x.example/?c=3&d=4]]></loc></url></urlset>");
    CHECK(locs(sitemap) == std::vector<std::string>{"http://x.example/?a=1&b=2", "http://x.example/?c=3&d=4"});
}

TEST_CASE("a sitemapindex", "[sitemap]") {
    const auto sitemap = parse_sitemap(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        "<sitemap><loc>https://x.example/post-sitemap.xml</loc><lastmod>2024-01-02</lastmod></sitemap>"
        "<sitemap><loc>https://x.example/page-sitemap.xml</loc></sitemap>"
        "<sitemap><loc>  </loc></sitemap>"
        "</sitemapindex>");
    CHECK(sitemap.pages.empty());
    CHECK(sitemap.child_sitemaps ==
          std::vector<std::string>{"https://x.example/post-sitemap.xml", "https://x.example/page-sitemap.xml"});
}

TEST_CASE("extensions' loc elements are not pages", "[sitemap]") {
    const auto sitemap = parse_sitemap(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
        "<url><loc>https://x.example/berita/1</loc>"
        "<image:image><image:loc>https://x.example/foto.jpg</image:loc></image:image>"
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://x.example/en/news/1\"/>"
        "</url><url/><url><lastmod>2024-01-01</lastmod></url><loc>https://x.example/stray</loc></urlset>");
    CHECK(locs(sitemap) == std::vector<std::string>{"https://x.example/berita/1"});
}

TEST_CASE("a BOM and blank lines before the XML declaration", "[sitemap]") {
    const auto sitemap =
        parse_sitemap("\xEF\xBB\xBF\n\n  <?xml version=\"1.0\"?><urlset><url><loc>http://x/</loc></url></urlset>\n");
    CHECK(locs(sitemap) == std::vector<std::string>{"http://x/"});
}

TEST_CASE("at most max_entries entries are kept", "[sitemap]") {
    std::string body = "<urlset>";
    for (int i = 0; i < 10; ++i) body += "<url><loc>http://x/" + std::to_string(i) + "</loc></url>";
    body += "</urlset>";
    const auto sitemap = parse_sitemap(body, 3);
    CHECK(locs(sitemap) == std::vector<std::string>{"http://x/0", "http://x/1", "http://x/2"});
    CHECK(sitemap.truncated);
    CHECK_FALSE(parse_sitemap(body, 10).truncated);
    CHECK(parse_sitemap(body, 10).pages.size() == 10);

    const auto index = parse_sitemap(
        "<sitemapindex><sitemap><loc>http://x/a.xml</loc></sitemap>"
        "<sitemap><loc>http://x/b.xml</loc></sitemap></sitemapindex>",
        1);
    CHECK(index.child_sitemaps == std::vector<std::string>{"http://x/a.xml"});
    CHECK(index.truncated);

    const auto text = parse_sitemap("http://x/1\nhttp://x/2\nhttp://x/3\n", 2);
    CHECK(locs(text) == std::vector<std::string>{"http://x/1", "http://x/2"});
    CHECK(text.truncated);
}

TEST_CASE("the stop at max_entries comes before malformed XML further on", "[sitemap]") {
    const auto sitemap =
        parse_sitemap("<urlset><url><loc>http://x/1</loc></url><url><loc>http://x/2</loc></url><url><", 1);
    CHECK(locs(sitemap) == std::vector<std::string>{"http://x/1"});
}

TEST_CASE("a text sitemap", "[sitemap]") {
    const auto sitemap = parse_sitemap(
        "https://kab-contoh.kpu.go.id/ppid/\r\n"
        "\r\n"
        "   https://kab-contoh.kpu.go.id/dokumen/lk 2022.pdf  \r\n"
        "# not a URL\n"
        "ftp://kab-contoh.kpu.go.id/arsip/\n"
        "http://kab-contoh.kpu.go.id/berita?id=1");
    CHECK(locs(sitemap) == std::vector<std::string>{"https://kab-contoh.kpu.go.id/ppid/",
                                                    "https://kab-contoh.kpu.go.id/dokumen/lk 2022.pdf",
                                                    "http://kab-contoh.kpu.go.id/berita?id=1"});
    CHECK(sitemap.pages[0].lastmod == "");
}

TEST_CASE("a billion laughs is refused, not expanded", "[sitemap]") {
    const std::string body =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE lolz [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n"
        "<urlset><url><loc>http://x/&lol9;</loc></url></urlset>\n";
    const std::string message = failure(body);
    CHECK(message.rfind("not a sitemap: ", 0) == 0);
    CHECK(message.find("DTD") != std::string::npos);
}

TEST_CASE("an external entity is refused, not fetched", "[sitemap]") {
    const std::string message = failure(
        "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        "<urlset><url><loc>&xxe;</loc></url></urlset>");
    CHECK(message.find("DTD") != std::string::npos);
    CHECK(message.find("root:") == std::string::npos);
}

TEST_CASE("an undeclared entity is malformed XML", "[sitemap]") {
    CHECK(failure("<urlset><url><loc>http://x/&lol9;</loc></url></urlset>").rfind("not a sitemap: malformed XML", 0) ==
          0);
}

TEST_CASE("garbage is not a sitemap", "[sitemap]") {
    CHECK(failure("<urlset><url><loc>http://x/</loc></url>").rfind("not a sitemap: malformed XML", 0) == 0);
    CHECK(failure("<urlset><url><loc>http://x/</lo></url></urlset>").rfind("not a sitemap: malformed XML", 0) == 0);
    CHECK(failure("<html><head><title>404</title></head><body>Not Found</body></html>") ==
          "not a sitemap: the root element is <html>");
    CHECK(failure("<!DOCTYPE html><html><body>Halaman tidak ditemukan</body></html>").rfind("not a sitemap: ", 0) == 0);
    CHECK(failure("<rss version=\"2.0\"><channel><link>http://x/</link></channel></rss>") ==
          "not a sitemap: the root element is <rss>");
    CHECK(failure("404 Not Found\nThe requested URL was not found on this server.\n") ==
          "not a sitemap: neither XML nor a line with a URL");
    CHECK(failure("") == "not a sitemap: it is empty");
    CHECK(failure(" \r\n\t") == "not a sitemap: it is empty");
    CHECK(failure(std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8)) == "not a sitemap: it is gzip-compressed");
    CHECK(failure(std::string("<urlset>\xFF\xFE</urlset>")).rfind("not a sitemap: malformed XML", 0) == 0);
}

TEST_CASE("an empty urlset is a sitemap with nothing in it", "[sitemap]") {
    const auto sitemap = parse_sitemap("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>");
    CHECK(sitemap.pages.empty());
    CHECK(sitemap.child_sitemaps.empty());
    CHECK_FALSE(sitemap.truncated);
}
