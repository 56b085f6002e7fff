// The crawl's rules against a fake network: order, retries, redirects, robots.txt, bounds.
#include <ppid/crawler.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>

namespace {

using ppid::FetchRequest;
using ppid::FetchResponse;

FetchResponse html(const std::string& body) {
    FetchResponse response;
    response.status = 200;
    response.content_type = "text/html; charset=utf-8";
    response.body = body;
    return response;
}

FetchResponse status(long code, const std::string& location = "") {
    FetchResponse response;
    response.status = code;
    response.location = location;
    return response;
}

FetchResponse document(const std::string& bytes, const std::string& type) {
    FetchResponse response = status(200);
    response.content_type = type;
    response.body = bytes;  // written to a body file when served
    return response;
}

// A web site in memory. Transfers complete in the order `reverse` says: the crawl's records must
// not depend on it.
class FakeFetcher final : public ppid::Fetcher {
public:
    std::map<std::string, std::vector<FetchResponse>> site;  // URL -> answers, the last one repeated
    std::map<std::string, int> asked;
    std::vector<FetchRequest> requests;
    bool reverse = false;

    void start(FetchRequest request) override {
        requests.push_back(request);
        const int n = asked[request.url]++;
        FetchResponse response = status(404);
        if (const auto found = site.find(request.url); found != site.end())
            response = found->second[std::min<std::size_t>(static_cast<std::size_t>(n), found->second.size() - 1)];
        response.id = request.id;
        if (response.status == 200 && response.content_type.find("html") == std::string::npos && !response.body.empty()) {
            response.body_path = request.body_dir + "/fake-" + std::to_string(request.id) + "-" + std::to_string(n);
            std::ofstream(response.body_path, std::ios::binary) << response.body;
            response.body_bytes = response.body.size();
            response.body.clear();
        } else {
            response.body_bytes = response.body.size();
        }
        pending_.push_back(std::move(response));
    }

    std::vector<FetchResponse> wait(std::chrono::milliseconds) override {
        std::vector<FetchResponse> done;
        done.swap(pending_);
        if (reverse) std::reverse(done.begin(), done.end());
        return done;
    }

    void wake() override {}
    std::size_t in_flight() const override { return pending_.size(); }

private:
    std::vector<FetchResponse> pending_;
};

struct CrawlRun {
    std::vector<nlohmann::json> records;
    std::string text;
    std::vector<std::string> warnings;
};

CrawlRun crawl(FakeFetcher& fetcher, ppid::CrawlOptions options) {
    options.user_agent = "ppid-crawl/test";
    options.as_of = date::sys_days{date::year{2024} / 6 / 30};
    CrawlRun run;
    ppid::Diagnostics diag([&](const std::string& message) { run.warnings.push_back(message); });
    ppid::crawl_site(options, *date::locate_zone("Asia/Jakarta"), fetcher, nullptr, diag,
                     [&](std::string_view record, bool) {
                         run.text.append(record).append("\n");
                         run.records.push_back(nlohmann::json::parse(record));
                     },
                     nullptr);
    return run;
}

const nlohmann::json* record_for(const CrawlRun& run, const std::string& url) {
    for (const auto& record : run.records)
        if (record.value("url", "") == url) return &record;
    return nullptr;
}

ppid::CrawlOptions options_for(const std::string& start) {
    ppid::CrawlOptions options;
    options.start_urls = {start};
    options.ignore_robots = true;
    return options;
}

const std::string site = "http://kpu.test";

}  // namespace

TEST_CASE("records come in discovery order whatever order transfers finish in", "[crawler]") {
    const auto make = [](bool reverse) {
        FakeFetcher fetcher;
        fetcher.reverse = reverse;
        fetcher.site[site + "/"] = {html(R"(<a href="/a">A</a> <a href="/b">B</a> <a href="/lk-2022.pdf">Laporan Keuangan 2022</a>)")};
        fetcher.site[site + "/a"] = {html(R"(<a href="/c">C</a> <a href="/lk-2022.pdf">Unduh</a>)")};
        fetcher.site[site + "/b"] = {html("<title>B</title>")};
        fetcher.site[site + "/c"] = {html("<title>C</title>")};
        fetcher.site[site + "/lk-2022.pdf"] = {document("%PDF-1.4 not really", "application/pdf")};
        return crawl(fetcher, options_for(site + "/"));
    };
    const CrawlRun forward = make(false);
    const CrawlRun backward = make(true);
    CHECK(forward.text == backward.text);
    std::vector<std::string> urls;
    for (const auto& record : forward.records) urls.push_back(record.value("url", record.value("type", "")));
    CHECK(urls == std::vector<std::string>{site + "/", site + "/a", site + "/b", site + "/lk-2022.pdf", site + "/c",
                                           "crawl_summary"});
    const auto* pdf = record_for(forward, site + "/lk-2022.pdf");
    REQUIRE(pdf);
    CHECK((*pdf)["title"] == "Laporan Keuangan 2022");
    CHECK((*pdf)["found_on"].size() == 2);  // both pages come before the document
}

TEST_CASE("a transient failure is retried, a lasting one recorded with its attempts", "[crawler]") {
    FakeFetcher fetcher;
    FetchResponse busy = status(503);
    busy.retry_after_seconds = 0;
    fetcher.site[site + "/"] = {html(R"(<a href="/flaky">x</a> <a href="/down">y</a>)")};
    fetcher.site[site + "/flaky"] = {busy, html("<title>ok</title>")};
    fetcher.site[site + "/down"] = {busy};
    auto options = options_for(site + "/");
    options.retries = 2;
    const CrawlRun run = crawl(fetcher, options);
    CHECK(fetcher.asked[site + "/flaky"] == 2);
    CHECK(record_for(run, site + "/flaky")->at("problems").empty());
    CHECK(fetcher.asked[site + "/down"] == 3);
    const auto& down = *record_for(run, site + "/down");
    CHECK(down["failure"]["class"] == "http_5xx");
    CHECK(down["failure"]["attempts"] == 3);
    CHECK(fetcher.requests.back().fresh_connection);
}

TEST_CASE("redirects are followed and recorded; loops and exits from the site are not", "[crawler]") {
    FakeFetcher fetcher;
    fetcher.site[site + "/"] = {html(R"(<a href="/old">1</a> <a href="/loop-a">2</a> <a href="/away">3</a>)")};
    fetcher.site[site + "/old"] = {status(301, "/new")};
    fetcher.site[site + "/new"] = {html("<title>New</title>")};
    fetcher.site[site + "/loop-a"] = {status(302, "/loop-b")};
    fetcher.site[site + "/loop-b"] = {status(302, "/loop-a")};
    fetcher.site[site + "/away"] = {status(302, "https://elsewhere.test/x")};
    const CrawlRun run = crawl(fetcher, options_for(site + "/"));
    const auto& moved = *record_for(run, site + "/old");
    CHECK(moved["final_url"] == site + "/new");
    CHECK(moved["title"] == "New");
    CHECK(moved["redirects"][0]["status"] == 301);
    CHECK(record_for(run, site + "/loop-a")->at("failure")["class"] == "redirect_loop");
    const auto* away = record_for(run, site + "/away");
    REQUIRE(away);
    CHECK((*away)["type"] == "link");
    CHECK((*away)["reason"] == "redirect_out_of_scope");
    CHECK((*away)["final_url"] == "https://elsewhere.test/x");
    CHECK(fetcher.asked.count("https://elsewhere.test/x") == 0);
}

TEST_CASE("robots.txt keeps pages out and names sitemaps", "[crawler]") {
    FakeFetcher fetcher;
    FetchResponse robots = document("User-agent: *\nDisallow: /private/\nSitemap: http://kpu.test/peta.xml\n", "text/plain");
    fetcher.site[site + "/robots.txt"] = {robots};
    fetcher.site[site + "/"] = {html(R"(<a href="/private/x">secret</a>)")};
    fetcher.site[site + "/peta.xml"] = {document(
        R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://kpu.test/hidden</loc></url></urlset>)",
        "application/xml")};
    fetcher.site[site + "/hidden"] = {html("<title>Only in the sitemap</title>")};
    auto options = options_for(site + "/");
    options.ignore_robots = false;
    const CrawlRun run = crawl(fetcher, options);
    CHECK(fetcher.asked.count(site + "/private/x") == 0);
    CHECK(record_for(run, site + "/private/x")->at("failure")["class"] == "robots");
    CHECK(record_for(run, site + "/hidden")->at("title") == "Only in the sitemap");
    CHECK(run.records.back()["not_fetched"]["robots"] == 1);
}

TEST_CASE("an endless calendar stops at --max-per-pattern and is reported", "[crawler]") {
    FakeFetcher fetcher;
    for (int month = 1; month <= 60; ++month)
        fetcher.site[site + "/kalender?bulan=" + std::to_string(month)] = {
            html("<a href=\"/kalender?bulan=" + std::to_string(month + 1) + "\">next</a>")};
    auto options = options_for(site + "/kalender?bulan=1");
    options.max_per_pattern = 5;
    const CrawlRun run = crawl(fetcher, options);
    CHECK(std::count_if(fetcher.requests.begin(), fetcher.requests.end(), [](const FetchRequest& request) {
              return request.url.find("/kalender") != std::string::npos;
          }) == 6);  // the start URL, found on no page of its own pattern, and 5 more
    const auto& summary = run.records.back();
    CHECK(summary["not_fetched"]["trap"] == 1);
    CHECK(summary["traps"][0]["pattern"] == "kpu.test/kalender?bulan");
    REQUIRE(run.warnings.size() == 1);
    CHECK(run.warnings[0].find("--max-per-pattern") != std::string::npos);
}

TEST_CASE("the page and depth bounds leave out pages, not documents", "[crawler]") {
    FakeFetcher fetcher;
    fetcher.site[site + "/"] = {html(R"(<a href="/1">1</a><a href="/2">2</a><a href="/3">3</a><a href="/d.pdf">d</a>)")};
    for (const char* page : {"/1", "/2", "/3"}) fetcher.site[site + page] = {html(R"(<a href="/deeper">x</a>)")};
    fetcher.site[site + "/d.pdf"] = {document("%PDF-1.4", "application/pdf")};
    auto options = options_for(site + "/");
    options.max_pages = 3;
    options.max_depth = 1;
    const CrawlRun run = crawl(fetcher, options);
    CHECK(fetcher.asked.count(site + "/3") == 0);
    CHECK(fetcher.asked.count(site + "/deeper") == 0);
    CHECK(fetcher.asked[site + "/d.pdf"] == 1);
    CHECK(run.records.back()["not_fetched"]["max_pages"] == 1);
    CHECK(run.records.back()["not_fetched"]["max_depth"] == 1);
}

TEST_CASE("links off the site are recorded, checked by HEAD only when asked", "[crawler]") {
    const std::string page = R"(<a href="https://jdih.kpu.go.id/x.pdf">JDIH</a> <a href="file:///etc/passwd">p</a>)";
    FakeFetcher fetcher;
    fetcher.site[site + "/"] = {html(page)};
    const CrawlRun unchecked = crawl(fetcher, options_for(site + "/"));
    CHECK(fetcher.asked.count("https://jdih.kpu.go.id/x.pdf") == 0);
    CHECK(record_for(unchecked, "https://jdih.kpu.go.id/x.pdf")->at("checked") == false);
    CHECK(record_for(unchecked, "file:///etc/passwd")->at("reason") == "file_scheme");

    FakeFetcher checking;
    checking.site[site + "/"] = {html(page)};
    auto options = options_for(site + "/");
    options.check_external = true;
    const CrawlRun checked = crawl(checking, options);
    CHECK(checking.asked["https://jdih.kpu.go.id/x.pdf"] == 1);
    CHECK(checking.requests.back().method == ppid::FetchMethod::head);
    CHECK(record_for(checked, "https://jdih.kpu.go.id/x.pdf")->at("failure")["class"] == "http_4xx");
    CHECK(checking.asked.count("file:///etc/passwd") == 0);
}
