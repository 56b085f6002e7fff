#include <ppid/robots.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ppid;

namespace {

constexpr const char* kAgent = "ppid-crawl/0.2 (+https://github.com/example/ppid-tools)";

// Returns the rules of a robots.txt with one "*" group holding `rules`.
RobotsRules star(const std::string& rules) {
    return RobotsRules::parse("User-agent: *\n" + rules, kAgent);
}

}  // namespace

TEST_CASE("Google's path matching examples", "[robots]") {
    struct Case {
        const char* rule;
        std::vector<const char*> matching;
        std::vector<const char*> not_matching;
    };
    const std::vector<Case> cases = {
        {"/", {"/", "/fish", "/a/b?c"}, {}},
        {"/*", {"/", "/fish", "/a/b?c"}, {}},
        {"/$", {"/"}, {"/index.html", "/?lang=en"}},
        {"/fish",
         {"/fish", "/fish.html", "/fish/salmon.html", "/fishheads", "/fishheads/yummy.html", "/fish.php?id=anything"},
         {"/Fish.asp", "/catfish", "/?id=fish", "/desert/fish"}},
        {"/fish*",
         {"/fish", "/fish.html", "/fish/salmon.html", "/fishheads", "/fishheads/yummy.html", "/fish.php?id=anything"},
         {"/Fish.asp", "/catfish", "/?id=fish", "/desert/fish"}},
        {"/fish/",
         {"/fish/", "/fish/?id=anything", "/fish/salmon.htm"},
         {"/fish", "/fish.html", "/animals/fish/", "/Fish/Salmon.asp"}},
        {"/*.php",
         {"/index.php", "/filename.php", "/folder/filename.php", "/folder/filename.php?parameters",
          "/folder/any.php.file.html", "/filename.php/"},
         {"/", "/windows.PHP"}},
        {"/*.php$",
         {"/filename.php", "/folder/filename.php"},
         {"/filename.php?parameters", "/filename.php/", "/filename.php5", "/windows.PHP"}},
        {"/fish*.php", {"/fish.php", "/fishheads/catfish.php?parameters"}, {"/Fish.PHP"}},
    };
    for (const Case& c : cases) {
        const auto rules = star(std::string("Disallow: ") + c.rule + "\n");
        for (const char* path : c.matching) {
            INFO(c.rule << " matches " << path);
            CHECK_FALSE(rules.allows(path));
        }
        for (const char* path : c.not_matching) {
            INFO(c.rule << " does not match " << path);
            CHECK(rules.allows(path));
        }
    }
}

TEST_CASE("Google's order of precedence examples", "[robots]") {
    CHECK(star("Allow: /p\nDisallow: /\n").allows("/page"));
    CHECK(star("Allow: /folder\nDisallow: /folder\n").allows("/folder/page"));  // a tie: the least restrictive
    CHECK(star("Disallow: /folder\nAllow: /folder\n").allows("/folder/page"));
    CHECK_FALSE(star("Allow: /page\nDisallow: /*.htm\n").allows("/page.htm"));  // the longer pattern, '*' counted
    CHECK(star("Allow: /page\nDisallow: /*.ph\n").allows("/page.php5"));
    CHECK(star("Allow: /$\nDisallow: /\n").allows("/"));
    CHECK_FALSE(star("Allow: /$\nDisallow: /\n").allows("/page.htm"));
}

TEST_CASE("a path no rule matches is allowed", "[robots]") {
    const auto rules = star("Disallow: /admin/\nDisallow: /cgi-bin\n");
    CHECK(rules.allows("/"));
    CHECK(rules.allows("/ppid/dokumen.pdf"));
    CHECK(rules.allows("/administrasi"));
    CHECK_FALSE(rules.allows("/admin/"));
    CHECK_FALSE(rules.allows("/cgi-bin/x?y"));
    CHECK(rules.allows(""));  // the empty path is "/"
}

TEST_CASE("an empty Disallow disallows nothing", "[robots]") {
    CHECK(star("Disallow:\n").allows("/anything"));
    CHECK(star("Disallow:   # nothing\n").allows("/anything"));
}

TEST_CASE("the group naming the crawler's product token wins over *", "[robots]") {
    const std::string text =
        "User-agent: *\n"
        "Disallow: /\n"
        "\n"
        "User-agent: PPID-Crawl\n"
        "Disallow: /private/\n";
    const auto ours = RobotsRules::parse(text, kAgent);
    CHECK(ours.allows("/ppid/"));
    CHECK_FALSE(ours.allows("/private/x"));
    const auto other = RobotsRules::parse(text, "wget/1.21");
    CHECK_FALSE(other.allows("/ppid/"));
}

TEST_CASE("a user-agent line's product token is compared, not the whole value", "[robots]") {
    CHECK_FALSE(RobotsRules::parse("User-agent: ppid-crawl/1.0\nDisallow: /\n", kAgent).allows("/a"));
    CHECK(RobotsRules::parse("User-agent: ppid-crawler\nDisallow: /\n", kAgent).allows("/a"));
    CHECK(RobotsRules::parse("User-agent: ppid\nDisallow: /\n", kAgent).allows("/a"));
    CHECK_FALSE(RobotsRules::parse("User-agent: PPID-CRAWL\nDisallow: /\n", "ppid-crawl").allows("/a"));
}

TEST_CASE("consecutive user-agent lines share a group", "[robots]") {
    const std::string text =
        "user-agent: a\n"
        "disallow: /c\n"
        "\n"
        "user-agent: b\n"
        "disallow: /d\n"
        "\n"
        "user-agent: e\n"
        "user-agent: f\n"
        "disallow: /g\n"
        "\n"
        "user-agent: h\n";
    CHECK_FALSE(RobotsRules::parse(text, "a").allows("/c"));
    CHECK(RobotsRules::parse(text, "a").allows("/d"));
    CHECK_FALSE(RobotsRules::parse(text, "b").allows("/d"));
    CHECK_FALSE(RobotsRules::parse(text, "e").allows("/g"));
    CHECK_FALSE(RobotsRules::parse(text, "f").allows("/g"));
    CHECK(RobotsRules::parse(text, "f").allows("/c"));
    CHECK(RobotsRules::parse(text, "h").allows("/g"));  // its group is empty: everything
    CHECK(RobotsRules::parse(text, "z").allows("/c"));  // no group and no "*"
}

TEST_CASE("groups naming the same crawler are merged", "[robots]") {
    const std::string text =
        "user-agent: googlebot-news\n"
        "disallow: /fish\n"
        "\n"
        "user-agent: *\n"
        "disallow: /carrots\n"
        "\n"
        "user-agent: googlebot-news\n"
        "disallow: /shrimp\n";
    const auto news = RobotsRules::parse(text, "Googlebot-News");
    CHECK_FALSE(news.allows("/fish"));
    CHECK_FALSE(news.allows("/shrimp"));
    CHECK(news.allows("/carrots"));
    const auto other = RobotsRules::parse(text, kAgent);
    CHECK_FALSE(other.allows("/carrots"));
    CHECK(other.allows("/fish"));
}

TEST_CASE("sitemap and unknown lines neither end nor belong to a group", "[robots]") {
    const std::string text =
        "User-agent: ppid-crawl\n"
        "Sitemap: https://x.example/sitemap.xml\n"
        "Host: x.example\n"
        "User-agent: other\n"
        "Disallow: /a\n"
        "Noindex: /b\n"
        "Disallow: /c\n"
        "Sitemap: https://x.example/sitemap-berita.xml\n";
    const auto rules = RobotsRules::parse(text, kAgent);
    CHECK_FALSE(rules.allows("/a"));
    CHECK(rules.allows("/b"));
    CHECK_FALSE(rules.allows("/c"));
    CHECK(rules.sitemaps() ==
          std::vector<std::string>{"https://x.example/sitemap.xml", "https://x.example/sitemap-berita.xml"});
}

TEST_CASE("every Sitemap line is kept, whichever group it is in", "[robots]") {
    const std::string text =
        "Sitemap: https://kab-contoh.kpu.go.id/sitemap.xml\n"
        "User-agent: Googlebot\n"
        "Disallow: /x\n"
        "sitemap:https://kab-contoh.kpu.go.id/sitemap_index.xml   # the index\n"
        "SITEMAP :  https://e-ppid.kpu.go.id/sitemap.txt\n"
        "Sitemap:\n";
    CHECK(RobotsRules::parse(text, kAgent).sitemaps() ==
          std::vector<std::string>{"https://kab-contoh.kpu.go.id/sitemap.xml",
                                   "https://kab-contoh.kpu.go.id/sitemap_index.xml",
                                   "https://e-ppid.kpu.go.id/sitemap.txt"});
    CHECK(RobotsRules::allow_all().sitemaps().empty());
}

TEST_CASE("rules before any user-agent line are ignored", "[robots]") {
    const auto rules = RobotsRules::parse("Disallow: /\nUser-agent: *\nDisallow: /tmp\n", kAgent);
    CHECK(rules.allows("/ppid"));
    CHECK_FALSE(rules.allows("/tmp/a"));
}

TEST_CASE("a BOM, CRLF and lone CR line ends, comments, spacing and case are tolerated", "[robots]") {
    const std::string text =
        "\xEF\xBB\xBF# robots.txt KPU\r\n"
        "USER-AGENT :  *   # all\r\n"
        "  DisAllow\t:\t/Arsip/   \r"
        "allow: /Arsip/publik\r\n";
    const auto rules = RobotsRules::parse(text, kAgent);
    CHECK_FALSE(rules.allows("/Arsip/rahasia"));
    CHECK(rules.allows("/Arsip/publik/a.pdf"));
    CHECK(rules.allows("/arsip/rahasia"));  // paths are case-sensitive
}

TEST_CASE("lines without a colon and garbage allow everything", "[robots]") {
    CHECK(RobotsRules::parse("<html><body>404 Not Found</body></html>", kAgent).allows("/a"));
    CHECK(RobotsRules::parse("User-agent *\nDisallow /\n", kAgent).allows("/a"));
    CHECK(RobotsRules::parse("", kAgent).allows("/a"));
    const auto nul = RobotsRules::parse(std::string("User-agent: *\nDisallow: /\0x\n", 28), kAgent);
    CHECK(nul.allows("/a"));
    CHECK_FALSE(nul.allows("/%00x"));
}

TEST_CASE("percent-encoding is compared in normal form", "[robots]") {
    const auto rules =
        star("Disallow: /%7ejoe/\nDisallow: /dokumen%2Frahasia\nDisallow: /berkas/ü\nDisallow: /a%3cb\n");
    CHECK_FALSE(rules.allows("/~joe/index.html"));
    CHECK_FALSE(rules.allows("/%7Ejoe/index.html"));
    CHECK_FALSE(rules.allows("/dokumen%2frahasia"));
    CHECK(rules.allows("/dokumen/rahasia"));  // an encoded '/' is another path
    CHECK_FALSE(rules.allows("/berkas/%C3%BC.pdf"));
    CHECK_FALSE(rules.allows("/berkas/%c3%bc.pdf"));
    CHECK_FALSE(rules.allows("/a<b"));
}

TEST_CASE("queries are matched as part of the path", "[robots]") {
    const auto rules = star("Disallow: /*?*sort=\nDisallow: /kalender?\nAllow: /kalender?bulan=1$\n");
    CHECK_FALSE(rules.allows("/berita?page=2&sort=asc"));
    CHECK(rules.allows("/berita?page=2"));
    CHECK_FALSE(rules.allows("/kalender?bulan=2"));
    CHECK(rules.allows("/kalender?bulan=1"));
    CHECK(rules.allows("/kalender"));
}

TEST_CASE("a $ that does not end the pattern is a plain character", "[robots]") {
    const auto rules = star("Disallow: /harga$murah\n");
    CHECK_FALSE(rules.allows("/harga$murah/x"));
    CHECK(rules.allows("/harga"));
}

TEST_CASE("many wildcards against a long path stay correct", "[robots]") {
    const auto rules = star("Disallow: /*a*a*a*a*a*a*a*a*a*b$\n");
    const std::string path = "/" + std::string(2000, 'a');
    CHECK(rules.allows(path));
    CHECK_FALSE(rules.allows(path + "b"));
}

TEST_CASE("/robots.txt is always allowed", "[robots]") {
    CHECK(star("Disallow: /\n").allows("/robots.txt"));
    CHECK_FALSE(star("Disallow: /\n").allows("/robots.txt.bak"));
    CHECK(RobotsRules::disallow_all().allows("/robots.txt"));
}

TEST_CASE("allow_all and disallow_all", "[robots]") {
    CHECK(RobotsRules::allow_all().allows("/"));
    CHECK(RobotsRules::allow_all().allows("/admin?x=1"));
    CHECK_FALSE(RobotsRules::allow_all().crawl_delay());
    CHECK_FALSE(RobotsRules::disallow_all().allows("/"));
    CHECK_FALSE(RobotsRules::disallow_all().allows("/ppid/index.html"));
}

TEST_CASE("Crawl-delay comes from the chosen group", "[robots]") {
    const std::string text =
        "User-agent: *\n"
        "Crawl-delay: 10\n"
        "\n"
        "User-agent: ppid-crawl\n"
        "Crawl-delay: 0.5\n"
        "Disallow: /x\n";
    CHECK(RobotsRules::parse(text, kAgent).crawl_delay() == Approx(0.5));
    CHECK(RobotsRules::parse(text, "wget").crawl_delay() == Approx(10.0));
    CHECK_FALSE(RobotsRules::parse("User-agent: *\nCrawl-delay: soon\n", kAgent).crawl_delay());
    CHECK_FALSE(RobotsRules::parse("User-agent: *\nCrawl-delay: -1\n", kAgent).crawl_delay());
    CHECK_FALSE(RobotsRules::parse("User-agent: *\nDisallow: /\n", kAgent).crawl_delay());
    CHECK(RobotsRules::parse("User-agent: *\nCrawl-delay: 2 # seconds\nCrawl-delay: 5\n", kAgent).crawl_delay() ==
          Approx(2.0));
}

TEST_CASE("nothing past 500 KiB is read", "[robots]") {
    std::string text = "User-agent: *\nDisallow: /early\n";
    text += std::string(RobotsRules::kMaxBytes, '\n');
    text += "Disallow: /late\nSitemap: https://x.example/late.xml\n";
    const auto rules = RobotsRules::parse(text, kAgent);
    CHECK_FALSE(rules.allows("/early"));
    CHECK(rules.allows("/late"));
    CHECK(rules.sitemaps().empty());
}
