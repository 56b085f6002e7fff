#include <ppid/crawl_cache.hpp>

#include <ppid/error.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace ppid;

namespace {

struct TempDir : test::TempDir {
    TempDir() : test::TempDir("ppid-crawl-cache-") {}
};

CacheEntry page_entry(const std::string& url) {
    CacheEntry entry;
    entry.url = url;
    entry.etag = "\"5f3a-64edc2b0\"";
    entry.last_modified = "Tue, 29 Aug 2023 10:00:00 GMT";
    entry.content_type = "text/html; charset=utf-8";
    entry.size = 5123;
    PageAnalysis page;
    page.title = "PPID KPU Kabupaten Contoh";
    page.headings = {"Informasi Berkala", "Keuangan"};
    PageLink link;
    link.href = "../dokumen/lk-2022.pdf";
    link.element = "a";
    link.anchor_text = "Unduh";
    link.heading = "Informasi Berkala";
    link.group = "Keuangan";
    link.context = "1 Laporan Keuangan Tahun 2022 29 Agustus 2023 Unduh";
    link.context_kind = ContextKind::table_row;
    page.links.push_back(link);
    PageLink placeholder;
    placeholder.href = "#";
    placeholder.element = "a";
    placeholder.anchor_text = "Unduh";
    placeholder.placeholder = true;
    placeholder.nofollow = true;
    page.links.push_back(placeholder);
    page.links_dropped = 2;
    page.base_href = "https://kab-contoh.kpu.go.id/ppid/";
    page.charset = "utf-8";
    page.meta_refresh = "baru.html";
    page.robots_nofollow = true;
    entry.page = page;
    return entry;
}

CacheEntry document_entry(const std::string& url) {
    CacheEntry entry;
    entry.url = url;
    entry.last_modified = "Tue, 29 Aug 2023 10:00:00 GMT";
    entry.content_type = "application/pdf";
    entry.size = 12345;
    DocumentInspection document;
    document.facts.sha256 = std::string(64, 'a');
    document.facts.media_type = "application/pdf";
    document.kind = ContentKind::pdf;
    document.content.title = "Laporan Keuangan Tahun 2022";
    document.content.author = "Subbagian Keuangan";
    document.content.created = "2023-03-31T10:15:00+07:00";
    document.content.modified = "2023-04-03T08:00:00+07:00";
    document.content.pages = 3;
    document.content.text_sample = "LAPORAN KEUANGAN TAHUN ANGGARAN 2022";
    document.content.no_text_layer = true;
    document.content.problems = {"unreadable"};
    document.problems = {"no_text_layer", "unreadable"};
    entry.document = document;
    return entry;
}

// Returns the entry files under `folder`.
std::vector<std::filesystem::path> entry_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::recursive_directory_iterator(folder))
        if (item.is_regular_file()) files.push_back(item.path());
    return files;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("a page's entry is found again as it was stored", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    const std::string url = "https://kab-contoh.kpu.go.id/ppid/";
    REQUIRE(cache.store(page_entry(url)));

    const auto found = cache.find(url);
    REQUIRE(found);
    CHECK(found->url == url);
    CHECK(found->etag == "\"5f3a-64edc2b0\"");
    CHECK(found->last_modified == "Tue, 29 Aug 2023 10:00:00 GMT");
    CHECK(found->content_type == "text/html; charset=utf-8");
    CHECK(found->size == 5123);
    CHECK_FALSE(found->document);
    REQUIRE(found->page);
    const PageAnalysis& page = *found->page;
    CHECK(page.title == "PPID KPU Kabupaten Contoh");
    CHECK(page.headings == std::vector<std::string>{"Informasi Berkala", "Keuangan"});
    CHECK(page.links_dropped == 2);
    CHECK(page.base_href == "https://kab-contoh.kpu.go.id/ppid/");
    CHECK(page.charset == "utf-8");
    CHECK(page.meta_refresh == "baru.html");
    CHECK_FALSE(page.robots_noindex);
    CHECK(page.robots_nofollow);
    REQUIRE(page.links.size() == 2);
    const PageLink& link = page.links[0];
    CHECK(link.href == "../dokumen/lk-2022.pdf");
    CHECK(link.element == "a");
    CHECK(link.anchor_text == "Unduh");
    CHECK(link.heading == "Informasi Berkala");
    CHECK(link.group == "Keuangan");
    CHECK(link.context == "1 Laporan Keuangan Tahun 2022 29 Agustus 2023 Unduh");
    CHECK(link.context_kind == ContextKind::table_row);
    CHECK_FALSE(link.placeholder);
    CHECK_FALSE(link.nofollow);
    CHECK(page.links[1].href == "#");
    CHECK(page.links[1].context_kind == ContextKind::none);
    CHECK(page.links[1].placeholder);
    CHECK(page.links[1].nofollow);
}

TEST_CASE("a document's entry is found again as it was stored", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    const std::string url = "https://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf";
    REQUIRE(cache.store(document_entry(url)));

    const auto found = cache.find(url);
    REQUIRE(found);
    CHECK(found->etag.empty());
    CHECK(found->last_modified == "Tue, 29 Aug 2023 10:00:00 GMT");
    CHECK(found->content_type == "application/pdf");
    CHECK(found->size == 12345);
    CHECK_FALSE(found->page);
    REQUIRE(found->document);
    const DocumentInspection& document = *found->document;
    CHECK(document.facts.sha256 == std::string(64, 'a'));
    CHECK(document.facts.media_type == "application/pdf");
    CHECK(document.kind == ContentKind::pdf);
    CHECK(document.content.title == "Laporan Keuangan Tahun 2022");
    CHECK(document.content.author == "Subbagian Keuangan");
    CHECK(document.content.created == "2023-03-31T10:15:00+07:00");
    CHECK(document.content.modified == "2023-04-03T08:00:00+07:00");
    CHECK(document.content.pages == 3);
    CHECK(document.content.text_sample == "LAPORAN KEUANGAN TAHUN ANGGARAN 2022");
    CHECK(document.content.no_text_layer);
    CHECK(document.content.problems == std::vector<std::string>{"unreadable"});
    CHECK(document.problems == std::vector<std::string>{"no_text_layer", "unreadable"});
}

TEST_CASE("a document without a page count stays without one", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    CacheEntry entry = document_entry("https://kab-contoh.kpu.go.id/dokumen/dip.xlsx");
    entry.document->content.pages.reset();
    REQUIRE(cache.store(entry));
    const auto found = cache.find(entry.url);
    REQUIRE(found);
    REQUIRE(found->document);
    CHECK_FALSE(found->document->content.pages);
}

TEST_CASE("a URL stored again keeps only its newer entry", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    const std::string url = "https://kab-contoh.kpu.go.id/ppid/";
    REQUIRE(cache.store(page_entry(url)));
    CacheEntry newer = page_entry(url);
    newer.etag = "\"6a01-650b3f00\"";
    newer.page->title = "PPID (diperbarui)";
    REQUIRE(cache.store(newer));

    const auto found = cache.find(url);
    REQUIRE(found);
    CHECK(found->etag == "\"6a01-650b3f00\"");
    CHECK(found->page->title == "PPID (diperbarui)");
    CHECK(entry_files(temp / "cache").size() == 1);  // no temporary file left behind
}

TEST_CASE("a URL never stored has no entry, even when other URLs have one", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    REQUIRE(cache.store(page_entry("https://kab-contoh.kpu.go.id/ppid/")));
    CHECK_FALSE(cache.find("https://kab-contoh.kpu.go.id/ppid"));
    CHECK_FALSE(cache.find("http://kab-contoh.kpu.go.id/ppid/"));
    CHECK_FALSE(cache.find("https://kab-contoh.kpu.go.id/"));
}

TEST_CASE("another URL's entry, found in a URL's place, is not returned for it", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    const std::string page_url = "https://kab-contoh.kpu.go.id/ppid/";
    const std::string document_url = "https://kab-contoh.kpu.go.id/dokumen/lk-2022.pdf";
    REQUIRE(cache.store(page_entry(page_url)));
    REQUIRE(cache.store(document_entry(document_url)));
    const auto files = entry_files(temp / "cache");
    REQUIRE(files.size() == 2);
    const bool first_is_page = read_text(files[0]).find(page_url + "\"") != std::string::npos;
    const auto& page_file = first_is_page ? files[0] : files[1];
    const auto& document_file = first_is_page ? files[1] : files[0];

    write_text(document_file, read_text(page_file));  // as if the files had been mixed up
    CHECK_FALSE(cache.find(document_url));
    const auto page = cache.find(page_url);
    REQUIRE(page);
    CHECK(page->url == page_url);
}

TEST_CASE("a damaged entry file is ignored", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    const std::string url = "https://kab-contoh.kpu.go.id/ppid/";
    REQUIRE(cache.store(page_entry(url)));
    const auto files = entry_files(temp / "cache");
    REQUIRE(files.size() == 1);
    const std::string whole = read_text(files[0]);
    REQUIRE(cache.find(url));

    SECTION("cut short, as by a full disk") {
        write_text(files[0], whole.substr(0, whole.size() / 2));
    }
    SECTION("empty") {
        write_text(files[0], "");
    }
    SECTION("not JSON at all") {
        write_text(files[0], "\x89PNG\r\n\x1a\n");
    }
    SECTION("a field missing") {
        write_text(files[0], "{\"version\":1,\"url\":\"" + url + "\",\"etag\":\"x\"}");
    }
    SECTION("a field of the wrong type") {
        std::string changed = whole;
        const auto at = changed.find("\"size\":5123");
        REQUIRE(at != std::string::npos);
        changed.replace(at, 11, "\"size\":\"5123\"");
        write_text(files[0], changed);
    }
    SECTION("written by another version of the cache") {
        std::string changed = whole;
        const auto at = changed.find("\"version\":3");
        REQUIRE(at != std::string::npos);
        changed.replace(at, 11, "\"version\":99");
        write_text(files[0], changed);
    }
    CHECK_FALSE(cache.find(url));
    // The next run stores the URL's entry anew.
    REQUIRE(cache.store(page_entry(url)));
    CHECK(cache.find(url));
}

TEST_CASE("the cache folder is made when missing, and a folder that cannot be made is an error", "[crawl_cache]") {
    TempDir temp;
    CHECK_NOTHROW(CrawlCache((temp / "a/b/cache").string()));
    CHECK(std::filesystem::is_directory(temp / "a/b/cache"));
    write_text(temp / "berkas", "bukan folder");
    CHECK_THROWS_AS(CrawlCache((temp / "berkas/cache").string()), Error);
    CHECK_THROWS_AS(CrawlCache((temp / "berkas").string()), Error);
}

TEST_CASE("where a URL's bytes were archived is kept in its entry", "[crawl_cache]") {
    TempDir temp;
    const CrawlCache cache((temp / "cache").string());
    const std::string url = "https://kab-contoh.kpu.go.id/dokumen/dipa-2023.pdf";
    REQUIRE(cache.store(document_entry(url)));
    CHECK_FALSE(cache.find(url)->warc);  // never archived: a night without --warc

    CacheEntry archived = document_entry(url);
    archived.warc = WarcRef{{"/srv/ppid/warc/2025-03-11.81.warc.gz", "<urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9>",
                             "2025-03-11T01:02:03Z"},
                            url, "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"};
    REQUIRE(cache.store(archived));
    const auto found = cache.find(url);
    REQUIRE(found);
    REQUIRE(found->warc);
    CHECK(found->warc->place.file == archived.warc->place.file);
    CHECK(found->warc->place.record_id == archived.warc->place.record_id);
    CHECK(found->warc->place.date == archived.warc->place.date);
    CHECK(found->warc->target_uri == url);
    CHECK(found->warc->payload_digest == archived.warc->payload_digest);
    CHECK(entry_files(temp / "cache").size() == 1);  // one file per URL, place included
}
