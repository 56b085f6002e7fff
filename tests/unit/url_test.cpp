#include <ppid/util/url.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace ppid;

namespace {

// Returns text() of the parsed URL, or "<none>" when it does not parse.
std::string normal(std::string_view text) {
    const auto url = util::parse_url(text);
    return url ? url->text() : "<none>";
}

// Returns text() of `reference` resolved against `base`, or "<none>".
std::string resolved(std::string_view base, std::string_view reference) {
    const auto base_url = util::parse_url(base);
    if (!base_url) throw std::invalid_argument("bad test base " + std::string(base));
    const auto url = util::resolve_url(*base_url, reference);
    return url ? url->text() : "<none>";
}

util::Url url_of(std::string_view text) {
    auto url = util::parse_url(text);
    if (!url) throw std::invalid_argument("bad test URL " + std::string(text));
    return *url;
}

using Cases = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("the parts of a parsed http URL", "[url]") {
    const auto url = url_of("HTTPS://Kab-Boyolali.KPU.go.id:8443/PPID/Dokumen?Tahun=2023#unduh");
    CHECK(url.scheme == "https");
    CHECK(url.host == "kab-boyolali.kpu.go.id");
    CHECK(url.port == 8443);
    CHECK(url.path == "/PPID/Dokumen");  // paths are case-sensitive
    CHECK(url.query == std::optional<std::string>("Tahun=2023"));
    CHECK(url.text() == "https://kab-boyolali.kpu.go.id:8443/PPID/Dokumen?Tahun=2023");
    CHECK(url.host_key() == "kab-boyolali.kpu.go.id:8443");
    CHECK(url.path_and_query() == "/PPID/Dokumen?Tahun=2023");
}

TEST_CASE("an http URL without a path has the path /", "[url]") {
    const auto url = url_of("http://Example.COM");
    CHECK(url.path == "/");
    CHECK_FALSE(url.query);
    CHECK(url.text() == "http://example.com/");
    CHECK(url.host_key() == "example.com");
    CHECK(url.path_and_query() == "/");
}

TEST_CASE("default ports are dropped, others kept", "[url]") {
    CHECK(url_of("http://example.com:80/a").port == 0);
    CHECK(normal("http://example.com:80/a") == "http://example.com/a");
    CHECK(normal("https://example.com:443/") == "https://example.com/");
    CHECK(normal("http://example.com:443/") == "http://example.com:443/");
    CHECK(normal("https://example.com:80/") == "https://example.com:80/");
    CHECK(normal("http://example.com:0080/") == "http://example.com/");
    CHECK(normal("http://example.com:/") == "http://example.com/");
    CHECK(url_of("http://127.0.0.1:8080/").host_key() == "127.0.0.1:8080");
}

TEST_CASE("what is not an absolute URL", "[url]") {
    for (const char* text : {"",
                             "   ",
                             "example.com/ppid",
                             "/ppid/index.html",
                             "//example.com/x",
                             "1http://x/",
                             ":foo",
                             "http://exa mple.com/",
                             "http://exa<mple.com/",
                             "http://example.com:99999/",
                             "http://example.com:8o/",
                             "http://example.com:0/",
                             "http://example.com:-1/",
                             "http://",
                             "https:///",
                             "http://[::1/",
                             "http://[zz]/",
                             "http://[::1]x/",
                             "http://ex%2Fample.com/",
                             "http://ex%zzample.com/",
                             "http://a|b/"}) {
        INFO(text);
        CHECK_FALSE(util::parse_url(text));
    }
}

TEST_CASE("the fragment is dropped and a lone ? is no query", "[url]") {
    CHECK(normal("http://x/a#b") == "http://x/a");
    CHECK(normal("http://x/a?#") == "http://x/a");
    CHECK_FALSE(url_of("http://x/a?").query);
    CHECK(url_of("http://x/a?b").query == std::optional<std::string>("b"));
    CHECK(normal("http://x/a?b=1#c?d") == "http://x/a?b=1");
    CHECK(normal("http://x/a?b#") == "http://x/a?b");
}

TEST_CASE("percent-encoding is normalised", "[url]") {
    CHECK(normal("http://x/%7euser/%41%62%2f%2a%3a") == "http://x/~user/Ab%2F%2A%3A");
    CHECK(normal("http://x/a%2Db%2E%5Fc%7E") == "http://x/a-b._c~");
    CHECK(normal("http://x/?q=%2d%2B%26") == "http://x/?q=-%2B%26");  // '+' and '&' keep their escapes
    CHECK(normal("http://x/a b/Pemilu 2024/ü") == "http://x/a%20b/Pemilu%202024/%C3%BC");
    CHECK(normal("http://x/?q=a b&r=\"<>\"") == "http://x/?q=a%20b&r=%22%3C%3E%22");
    CHECK(normal("http://x/{a}|^`") == "http://x/%7Ba%7D%7C%5E%60");
    CHECK(normal("http://x/a\x01"
                 "b\x7f") == "http://x/a%01b%7F");
    CHECK(normal("http://x/a+b;c=d,e!$'()*@:") == "http://x/a+b;c=d,e!$'()*@:");  // reserved stay as written
}

TEST_CASE("a % that starts no escape is encoded so the text reads back the same", "[url]") {
    CHECK(normal("http://x/100%/a%zz/b%4") == "http://x/100%25/a%25zz/b%254");
    CHECK(normal("http://x/%4%41") == "http://x/%254A");
    CHECK(normal(normal("http://x/%4%41")) == "http://x/%254A");
}

TEST_CASE("dot segments are removed, also when escaped", "[url]") {
    CHECK(normal("http://x/a/./b/../c") == "http://x/a/c");
    CHECK(normal("http://x/../../a") == "http://x/a");
    CHECK(normal("http://x/a/..") == "http://x/");
    CHECK(normal("http://x/a/%2e%2E/b") == "http://x/b");
    CHECK(normal("http://x/a/.%2e") == "http://x/");
    CHECK(normal("http://x/a/b?c=./../d") == "http://x/a/b?c=./../d");  // not in the query
    CHECK(normal("http://x/a//b/") == "http://x/a//b/");                // empty segments are kept
}

TEST_CASE("a jsessionid path parameter is removed", "[url]") {
    CHECK(normal("http://x/informasi.jsp;jsessionid=0A1B2C3D4E?id=7") == "http://x/informasi.jsp?id=7");
    CHECK(normal("http://x/a;JSESSIONID=1F/b") == "http://x/a/b");
    CHECK(normal("http://x/a;jsessionid=1;v=2") == "http://x/a;v=2");
    CHECK(normal("http://x/a;version=2") == "http://x/a;version=2");
}

TEST_CASE("query parameters keep their order", "[url]") {
    CHECK(normal("http://x/?tahun=2023&b=2&a=1&a=0") == "http://x/?tahun=2023&b=2&a=1&a=0");
}

TEST_CASE("backslashes, stray whitespace and missing slashes in http URLs, as browsers read them", "[url]") {
    CHECK(normal("http:\\\\x\\a\\b?q=\\") == "http://x/a/b?q=%5C");
    CHECK(normal("  http://x/ppid/\ndoku\tmen.html\t\r\n ") == "http://x/ppid/dokumen.html");
    CHECK(normal("http://x/ppid/\n  dokumen.html") == "http://x/ppid/%20%20dokumen.html");  // spaces inside stay
    CHECK(normal("http:x/a") == "http://x/a");
    CHECK(normal("https:///x/a") == "https://x/a");
    CHECK(normal("mailto:a\\b") == "mailto:a%5Cb");  // only http(s) is special
}

TEST_CASE("the same document has the same text", "[url]") {
    const std::string expected = "http://example.com/a/~c%20d?x=%2F";
    for (const char* text : {"HTTP://EXAMPLE.com:80/a/./b/../%7Ec%20d?x=%2f#top", "http://example.com/a/~c d?x=%2F",
                             "http:\\\\Example.com\\a\\%7ec%20d?x=%2F", " http://example.com/a/b/../~c%20d?x=%2f "}) {
        INFO(text);
        CHECK(normal(text) == expected);
    }
}

TEST_CASE("parse_url reads its own text back unchanged", "[url]") {
    for (const char* text : {"http://x/%4%41", "http://x/a b/ü?q=é", "file:///srv/site/a b.html",
                             "mailto:ppid@kpu.go.id?subject=Permohonan", "http://user:p%40ss@x:8080/a?b",
                             "http://[::1]:8080/a", "foo:/..//x", "javascript:void(0)", "http://x/%2e%2E%2f",
                             "http://Bücher.example/Ä", "ftp://ftp.example.org:21/pub/"}) {
        INFO(text);
        const auto once = util::parse_url(text);
        REQUIRE(once);
        const auto twice = util::parse_url(once->text());
        REQUIRE(twice);
        CHECK(twice->text() == once->text());
        CHECK(twice->host_key() == once->host_key());
        CHECK(twice->path == once->path);
    }
}

TEST_CASE("file URLs", "[url]") {
    const auto url = url_of("file:///srv/site/index.html");
    CHECK(url.scheme == "file");
    CHECK(url.host == "");
    CHECK(url.path == "/srv/site/index.html");
    CHECK(url.text() == "file:///srv/site/index.html");
    CHECK(normal("file://localhost/srv/site/") == "file:///srv/site/");
    CHECK(normal("FILE:/srv/site/a%20b.pdf") == "file:///srv/site/a%20b.pdf");
    CHECK(normal("file:///srv/site/ppid/../index.html") == "file:///srv/site/index.html");
    CHECK(url_of("file://server/share/x").host == "server");
    CHECK(normal("file:///etc/passwd") == "file:///etc/passwd");
}

TEST_CASE("URLs without an authority keep their path as written", "[url]") {
    const auto mail = url_of("MAILTO:PPID@Example.go.id?subject=Permohonan%20Informasi");
    CHECK(mail.scheme == "mailto");
    CHECK(mail.host == "");
    CHECK(mail.path == "PPID@Example.go.id");
    CHECK(mail.text() == "mailto:PPID@Example.go.id?subject=Permohonan%20Informasi");
    CHECK(normal("javascript:void(0)") == "javascript:void(0)");
    CHECK(normal("tel:+62-21-123") == "tel:+62-21-123");
    CHECK(normal("g:h") == "g:h");
}

TEST_CASE("IPv6 hosts, user information and hosts written in other scripts", "[url]") {
    const auto v6 = url_of("http://[::1]:8080/x");
    CHECK(v6.host == "[::1]");
    CHECK(v6.port == 8080);
    CHECK(v6.host_key() == "[::1]:8080");
    CHECK(normal("http://[2001:DB8::1]:80/") == "http://[2001:db8::1]/");

    const auto user = url_of("http://Admin:Rahasia@Example.com/ppid");
    CHECK(user.userinfo == "Admin:Rahasia");
    CHECK(user.host == "example.com");
    CHECK(user.host_key() == "example.com");
    CHECK(user.text() == "http://Admin:Rahasia@example.com/ppid");

    CHECK(url_of("http://Bücher.Example/").host == "bücher.example");
    CHECK(url_of("http://ex%41mple.com/").host == "example.com");
    CHECK(url_of("http://xn--bcher-kva.example/").host == "xn--bcher-kva.example");
}

TEST_CASE("RFC 3986 section 5.4.1: normal examples", "[url]") {
    const Cases cases = {
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g/"},  // "http://g" normalised
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q"},  // fragments are dropped
        {"g#s", "http://a/b/c/g"},
        {"g?y#s", "http://a/b/c/g?y"},
        {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../", "http://a/"},
        {"../../g", "http://a/g"},
    };
    for (const auto& [reference, expected] : cases) {
        INFO(reference);
        CHECK(resolved("http://a/b/c/d;p?q", reference) == expected);
    }
}

TEST_CASE("RFC 3986 section 5.4.2: abnormal examples", "[url]") {
    const Cases cases = {
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"g#s/./x", "http://a/b/c/g"},
        {"g#s/../x", "http://a/b/c/g"},
        {"http:g", "http://a/b/c/g"},  // the "backward compatibility" reading, as browsers do
    };
    for (const auto& [reference, expected] : cases) {
        INFO(reference);
        CHECK(resolved("http://a/b/c/d;p?q", reference) == expected);
    }
}

TEST_CASE("links as they are written on office websites", "[url]") {
    const std::string base = "https://kab-contoh.kpu.go.id/ppid/index.html?menu=2";
    const Cases cases = {
        {"dokumen/LK 2022.pdf", "https://kab-contoh.kpu.go.id/ppid/dokumen/LK%202022.pdf"},
        {"  /unduh?id=12 \n", "https://kab-contoh.kpu.go.id/unduh?id=12"},
        {"/wp-content/uploads/2023/08/\nSK-PPID.pdf",
         "https://kab-contoh.kpu.go.id/wp-content/uploads/2023/08/SK-PPID.pdf"},
        {"\\dokumen\\a.pdf", "https://kab-contoh.kpu.go.id/dokumen/a.pdf"},
        {"..\\a.pdf", "https://kab-contoh.kpu.go.id/a.pdf"},
        {"//e-ppid.kpu.go.id/x", "https://e-ppid.kpu.go.id/x"},
        {"\\\\e-ppid.kpu.go.id\\x", "https://e-ppid.kpu.go.id/x"},
        {"HTTP://JDIH.kpu.go.id:80/Peraturan", "http://jdih.kpu.go.id/Peraturan"},
        {"https:/berita/1", "https://kab-contoh.kpu.go.id/berita/1"},
        {"HTTPS:berita/1", "https://kab-contoh.kpu.go.id/ppid/berita/1"},
        {"http:berita", "http://berita/"},  // another scheme: an absolute URL, as browsers read it
        {"#", "https://kab-contoh.kpu.go.id/ppid/index.html?menu=2"},
        {"#top", "https://kab-contoh.kpu.go.id/ppid/index.html?menu=2"},
        {"?", "https://kab-contoh.kpu.go.id/ppid/index.html"},
        {"?menu=3", "https://kab-contoh.kpu.go.id/ppid/index.html?menu=3"},
        {"mailto:ppid@kpu.go.id", "mailto:ppid@kpu.go.id"},
        {"javascript:void(0)", "javascript:void(0)"},
        {"file:///etc/passwd", "file:///etc/passwd"},
        {"http://exa mple.com/", "<none>"},
        {"https://[::1", "<none>"},
    };
    for (const auto& [reference, expected] : cases) {
        INFO(reference);
        CHECK(resolved(base, reference) == expected);
    }
}

TEST_CASE("resolving against bases of other shapes", "[url]") {
    CHECK(resolved("http://a", "g") == "http://a/g");
    CHECK(resolved("http://a:8080", "../g?x") == "http://a:8080/g?x");
    CHECK(resolved("http://u:p@a/b/", "c") == "http://u:p@a/b/c");
    CHECK(resolved("file:///srv/site/ppid/index.html", "../dokumen/a b.pdf") == "file:///srv/site/dokumen/a%20b.pdf");
    CHECK(resolved("file:///srv/site/ppid/index.html", "/etc/passwd") == "file:///etc/passwd");
    CHECK(resolved("file:///srv/site/ppid/index.html", "http://x/") == "http://x/");
    CHECK(resolved("mailto:ppid@kpu.go.id", "g") == "<none>");
    CHECK(resolved("mailto:ppid@kpu.go.id", "#a") == "mailto:ppid@kpu.go.id");
    CHECK(resolved("foo://h/a/b", "c") == "foo://h/a/c");
    CHECK(resolved("foo://h/a/b", "foo:c") == "foo:c");  // strict for other schemes
}

TEST_CASE("a resolved URL is parsed as its text reads", "[url]") {
    const auto base = url_of("http://a/b/c/d;p?q");
    for (const char* reference : {"../x y", "?a=%7e", "g;jsessionid=9/h", "%2e%2e/z", "ü"}) {
        INFO(reference);
        const auto url = util::resolve_url(base, reference);
        REQUIRE(url);
        CHECK(normal(url->text()) == url->text());
    }
    CHECK(resolved("http://a/b/c/d;p?q", "g;jsessionid=9/h") == "http://a/b/c/g/h");
}

TEST_CASE("named query parameters are stripped", "[url]") {
    auto url = url_of("http://x/berita?utm_source=fb&id=3&UTM_Medium=social&ref=home&referrer=a");
    util::strip_query_parameters(url, {"utm_*", "REF"});
    CHECK(url.query == std::optional<std::string>("id=3&referrer=a"));
    CHECK(url.text() == "http://x/berita?id=3&referrer=a");

    auto bare = url_of("http://x/?print&id=1&print=1");
    util::strip_query_parameters(bare, {"print"});
    CHECK(bare.text() == "http://x/?id=1");

    auto all = url_of("http://x/a?utm_source=fb&utm_campaign=x");
    util::strip_query_parameters(all, {"utm_*"});
    CHECK_FALSE(all.query);
    CHECK(all.text() == "http://x/a");

    auto none = url_of("http://x/a?b=1&&c=2");
    util::strip_query_parameters(none, {"d", "utm_*"});
    CHECK(none.query == std::optional<std::string>("b=1&&c=2"));

    auto no_query = url_of("http://x/a");
    util::strip_query_parameters(no_query, {"a"});
    CHECK(no_query.text() == "http://x/a");

    auto value_only = url_of("http://x/a?id=utm_source");
    util::strip_query_parameters(value_only, {"utm_*"});
    CHECK(value_only.query == std::optional<std::string>("id=utm_source"));
}

TEST_CASE("session parameters", "[url]") {
    for (const char* name : {"PHPSESSID", "phpsessid", "JSESSIONID", "ASPSESSIONIDQACTSBQA", "ASP.NET_SessionId", "sid",
                             "SID", "sessionid", "SessionID", "session_id", "sessid", "CFID", "CFTOKEN", "osCsid"}) {
        INFO(name);
        CHECK(util::is_session_parameter(name));
    }
    for (const char* name : {"s", "page", "id", "side", "session", "tahun", "", "sidang"}) {
        INFO(name);
        CHECK_FALSE(util::is_session_parameter(name));
    }
    auto url = url_of("http://x/kalender?PHPSESSID=a1b2&page=2&s=ppid&ASPSESSIONIDQACTSBQA=x&sid=9");
    util::strip_session_parameters(url);
    CHECK(url.text() == "http://x/kalender?page=2&s=ppid");
}

TEST_CASE("percent-encoding as robots.txt patterns are compared", "[url]") {
    CHECK(util::normalize_percent_encoding("/a%7eb/%e2%82%ac/€/*$") == "/a~b/%E2%82%AC/%E2%82%AC/*$");
    CHECK(util::normalize_percent_encoding("") == "");
}
