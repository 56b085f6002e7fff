#include <ppid/crawl_scope.hpp>

#include <ppid/error.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace ppid;

namespace {

util::Url url_of(std::string_view text) {
    auto url = util::parse_url(text);
    if (!url) throw std::invalid_argument("bad test URL " + std::string(text));
    return *url;
}

// Returns `reference` resolved on `base` as the crawl spells it, or "<none>".
std::string resolved(const CrawlScope& scope, std::string_view base, std::string_view reference) {
    const auto url = scope.resolve(url_of(base), reference);
    return url ? url->text() : "<none>";
}

}  // namespace

TEST_CASE("the start hosts and the allowed hosts are in scope, in either scheme, and no other host",
          "[crawl_scope]") {
    const CrawlScope scope({"https://kab-contoh.kpu.go.id/ppid/"}, {"ContohKabPPID.kpu.go.id", "127.0.0.1:8080"}, {});
    CHECK(scope.contains(url_of("https://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf")));
    CHECK(scope.contains(url_of("http://kab-contoh.kpu.go.id/")));
    CHECK(scope.contains(url_of("https://contohkabppid.kpu.go.id/regulasi")));
    CHECK(scope.contains(url_of("http://127.0.0.1:8080/index.html")));
    CHECK_FALSE(scope.contains(url_of("http://127.0.0.1:8081/index.html")));
    CHECK_FALSE(scope.contains(url_of("http://127.0.0.1/index.html")));
    CHECK_FALSE(scope.contains(url_of("https://kab-contoh.kpu.go.id:8443/")));
    CHECK_FALSE(scope.contains(url_of("https://www.kab-contoh.kpu.go.id/")));
    CHECK_FALSE(scope.contains(url_of("https://jdih.kpu.go.id/x.pdf")));
    CHECK_FALSE(scope.contains(url_of("mailto:ppid@kab-contoh.kpu.go.id")));
}

TEST_CASE("a file crawl stays inside the folder of each start file", "[crawl_scope]") {
    const CrawlScope scope({"file:///srv/ekspor/situs/index.html", "file:///srv/ekspor/eppid/"}, {}, {});
    CHECK(scope.contains(url_of("file:///srv/ekspor/situs/index.html")));
    CHECK(scope.contains(url_of("file:///srv/ekspor/situs/dokumen/lk-2022.pdf")));
    CHECK(scope.contains(url_of("file:///srv/ekspor/eppid/regulasi.html")));
    CHECK_FALSE(scope.contains(url_of("file:///srv/ekspor/rahasia.pdf")));
    CHECK_FALSE(scope.contains(url_of("file:///srv/ekspor/situs-lama/index.html")));
    CHECK_FALSE(scope.contains(url_of("file:///srv/ekspor/situs/../rahasia.pdf")));
    CHECK_FALSE(scope.contains(url_of("file:///srv/ekspor/situs/..%2Frahasia.pdf")));
    CHECK_FALSE(scope.contains(url_of("file:///srv/ekspor/situs/dokumen/%2E%2E%2F..%2Frahasia.pdf")));
    CHECK_FALSE(scope.contains(url_of("file:///srv/ekspor/situs/a%00.pdf")));
    CHECK_FALSE(scope.contains(url_of("file:///etc/passwd")));
    CHECK_FALSE(scope.contains(url_of("https://kab-contoh.kpu.go.id/")));  // no host is a start host
}

TEST_CASE("a file link is never in scope of a crawl that starts on the web", "[crawl_scope]") {
    const CrawlScope scope({"https://kab-contoh.kpu.go.id/"}, {"contohkabppid.kpu.go.id"}, {});
    CHECK_FALSE(scope.contains(url_of("file:///etc/passwd")));
    CHECK_FALSE(scope.contains(url_of("file:///")));
    CHECK_FALSE(scope.contains(url_of("file://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf")));
}

TEST_CASE("a start URL that is not an absolute http, https or file URL is a usage error", "[crawl_scope]") {
    CHECK_THROWS_AS(CrawlScope({"ftp://kab-contoh.kpu.go.id/"}, {}, {}), UsageError);
    CHECK_THROWS_AS(CrawlScope({"kab-contoh.kpu.go.id"}, {}, {}), UsageError);
    CHECK_THROWS_AS(CrawlScope({"/srv/ekspor/situs/index.html"}, {}, {}), UsageError);
    CHECK_THROWS_AS(CrawlScope({"https://kab-contoh.kpu.go.id/", "mailto:ppid@kpu.go.id"}, {}, {}), UsageError);
    CHECK_NOTHROW(CrawlScope({"HTTPS://Kab-Contoh.KPU.go.id"}, {}, {}));
}

TEST_CASE("start URLs are kept in normal form without session parameters", "[crawl_scope]") {
    const CrawlScope scope({"HTTPS://Kab-Contoh.KPU.go.id:443/ppid/?PHPSESSID=8f2a&tab=berkala"}, {}, {"tab"});
    REQUIRE(scope.starts().size() == 1);
    CHECK(scope.starts()[0].text() == "https://kab-contoh.kpu.go.id/ppid/");
}

TEST_CASE("a resolved link loses session and --strip-query parameters, and keeps the others in order",
          "[crawl_scope]") {
    const CrawlScope scope({"https://kab-contoh.kpu.go.id/"}, {}, {"utm_*", "FBCLID"});
    const std::string page = "https://kab-contoh.kpu.go.id/berita/index.html";
    CHECK(resolved(scope, page, "baca.php?id=7&PHPSESSID=8f2a") == "https://kab-contoh.kpu.go.id/berita/baca.php?id=7");
    CHECK(resolved(scope, page, "baca.php?sid=1&id=7&tahun=2023") ==
          "https://kab-contoh.kpu.go.id/berita/baca.php?id=7&tahun=2023");
    CHECK(resolved(scope, page, "baca.php?utm_source=fb&id=7&utm_medium=social&fbclid=IwAR0") ==
          "https://kab-contoh.kpu.go.id/berita/baca.php?id=7");
    CHECK(resolved(scope, page, "../unduh.php?utm_source=wa") == "https://kab-contoh.kpu.go.id/unduh.php");
    CHECK(resolved(scope, page, "/dokumen/sk.pdf;jsessionid=1A2B#hal-2") == "https://kab-contoh.kpu.go.id/dokumen/sk.pdf");
    // Only the named parameters go: "s" is WordPress's search, not a session.
    CHECK(resolved(scope, page, "/?s=laporan&utm=x") == "https://kab-contoh.kpu.go.id/?s=laporan&utm=x");
}

TEST_CASE("a reference that makes no URL resolves to nothing", "[crawl_scope]") {
    const CrawlScope scope({"https://kab-contoh.kpu.go.id/"}, {}, {});
    CHECK(resolved(scope, "https://kab-contoh.kpu.go.id/", "http://%zz/") == "<none>");
    CHECK(resolved(scope, "https://kab-contoh.kpu.go.id/", "http://kab-contoh.kpu.go.id:99999/") == "<none>");
}

TEST_CASE("only http, https and file URLs are fetchable", "[crawl_scope]") {
    CHECK(CrawlScope::fetchable(url_of("http://kab-contoh.kpu.go.id/")));
    CHECK(CrawlScope::fetchable(url_of("https://kab-contoh.kpu.go.id/")));
    CHECK(CrawlScope::fetchable(url_of("file:///srv/ekspor/situs/index.html")));
    CHECK_FALSE(CrawlScope::fetchable(url_of("mailto:ppid@kab-contoh.kpu.go.id")));
    CHECK_FALSE(CrawlScope::fetchable(url_of("tel:+62271321")));
    CHECK_FALSE(CrawlScope::fetchable(url_of("ftp://kab-contoh.kpu.go.id/dokumen/")));
}

TEST_CASE("a URL whose last segment has a document's extension is fetched as a document", "[crawl_scope]") {
    for (const char* text : {"https://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf", "https://kab-contoh.kpu.go.id/LK-2022.PDF",
                             "https://kab-contoh.kpu.go.id/dip.xlsx?v=2", "https://kab-contoh.kpu.go.id/sop.docx",
                             "https://kab-contoh.kpu.go.id/foto/rapat.jpg", "file:///srv/ekspor/situs/arsip.zip"}) {
        INFO(text);
        CHECK(looks_like_document(url_of(text)));
    }
    for (const char* text : {"https://kab-contoh.kpu.go.id/", "https://kab-contoh.kpu.go.id/ppid/index.html",
                             "https://kab-contoh.kpu.go.id/unduh.php?file=lk-2022.pdf",
                             "https://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf/", "https://kab-contoh.kpu.go.id/berita/pdf",
                             "https://kab-contoh.kpu.go.id/laporan.2023"}) {
        INFO(text);
        CHECK_FALSE(looks_like_document(url_of(text)));
    }
}

TEST_CASE("a URL's pattern masks every run of digits in its path and query values, not in its host",
          "[crawl_scope]") {
    CHECK(url_pattern(url_of("http://127.0.0.1:8080/kalender?bulan=8&tahun=2023")) ==
          "127.0.0.1:8080/kalender?bulan=#&tahun=#");
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/agenda/2023/08/29/")) == "kab-contoh.kpu.go.id/agenda/#/#/#/");
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/berita/page/12")) == "kab-contoh.kpu.go.id/berita/page/#");
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/kalender?tanggal=2023-08-29&cetak")) ==
          "kab-contoh.kpu.go.id/kalender?tanggal=#-#-#&cetak");
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/ppid/")) == "kab-contoh.kpu.go.id/ppid/");
}

TEST_CASE("the pages of an endless calendar or a pagination share one pattern, other pages do not",
          "[crawl_scope]") {
    const auto calendar = url_pattern(url_of("https://kab-contoh.kpu.go.id/kalender?bulan=1&tahun=2023"));
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/kalender?bulan=12&tahun=1999")) == calendar);
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/kalender?bulan=12&tahun=99999")) == calendar);
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/berita/page/2")) ==
          url_pattern(url_of("https://kab-contoh.kpu.go.id/berita/page/317")));
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/kalender?tahun=2023&bulan=1")) != calendar);
    CHECK(url_pattern(url_of("https://kab-contoh.kpu.go.id/agenda?bulan=1&tahun=2023")) != calendar);
    CHECK(url_pattern(url_of("https://contohkabppid.kpu.go.id/kalender?bulan=1&tahun=2023")) != calendar);
}

TEST_CASE("url_template: a listing's pages and a CMS's posts are one template each", "[crawl_scope]") {
    const auto listing = url_template(url_of("https://kab-kudus.kpu.go.id/blog/category/104?page=2"));
    CHECK(listing == "kab-kudus.kpu.go.id/blog/category/#?page");
    CHECK(url_template(url_of("https://kab-kudus.kpu.go.id/index.php/blog/category/104?page=57")) == listing);
    CHECK(url_template(url_of("https://kab-kudus.kpu.go.id/blog/category/29")) == "kab-kudus.kpu.go.id/blog/category/#");
    const auto post = url_template(url_of("https://kab-grobogan.kpu.go.id/blog/read/9297_kpu-kabupaten-grobogan-mengikuti"));
    CHECK(post == "kab-grobogan.kpu.go.id/blog/read/#");
    CHECK(url_template(url_of("https://kab-grobogan.kpu.go.id/index.php/blog/read/12-rapat-pleno")) == post);
    CHECK(url_template(url_of("https://kab-grobogan.kpu.go.id/blog/read/rapat-pleno")) != post);
    CHECK(url_template(url_of("https://cilacapkabppid.kpu.go.id/regulasi/25354/undefined")) ==
          "cilacapkabppid.kpu.go.id/regulasi/#/undefined");
    CHECK(url_template(url_of("http://127.0.0.1:8080/kalender?bulan=2024-06")) ==
          url_template(url_of("http://127.0.0.1:8080/kalender?bulan=99999-01")));
}

TEST_CASE("same_page_key: /index.php/x and /x are one page", "[crawl_scope]") {
    CHECK(same_page_key(url_of("https://kab-pati.kpu.go.id/index.php/blog/read/1_a")) == "https://kab-pati.kpu.go.id/blog/read/1_a");
    CHECK(same_page_key(url_of("https://kab-pati.kpu.go.id/blog/read/1_a")) == "https://kab-pati.kpu.go.id/blog/read/1_a");
    CHECK(same_page_key(url_of("https://kab-pati.kpu.go.id/index.php")) == "https://kab-pati.kpu.go.id/index.php");
    CHECK(same_page_key(url_of("https://kab-pati.kpu.go.id/index.php?x=1")) == "https://kab-pati.kpu.go.id/index.php?x=1");
}

TEST_CASE("TrapWatch: a template is a trap after pages in a row that yield nothing new", "[crawl_scope]") {
    TrapWatch watch(3);
    for (int i = 0; i < 10; ++i) watch.page_read("listing", true);
    CHECK_FALSE(watch.is_trap("listing"));
    watch.page_read("kalender", false);
    watch.page_read("kalender", false);
    watch.page_read("kalender", true);  // a month with an event: the count starts again
    watch.page_read("kalender", false);
    watch.page_read("kalender", false);
    CHECK_FALSE(watch.is_trap("kalender"));
    watch.page_read("kalender", false);
    CHECK(watch.is_trap("kalender"));
    CHECK_FALSE(watch.is_trap("other"));
}
