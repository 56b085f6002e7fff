#include "test_support.hpp"

#include <ppid/config.hpp>
#include <ppid/error.hpp>

#include <support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

using namespace ppid;
using Json = nlohmann::json;

TEST_CASE("the full configuration of DESIGN.md is accepted", "[config]") {
    const auto config = parse_config(Json::parse(R"({
        "office": "KPU Kabupaten Boyolali", "level": "kabupaten", "time_zone": "Asia/Makassar",
        "office_hours_cutoff": "16:00", "websites": ["https://kab-boyolali.kpu.go.id"],
        "document_roots": ["/srv/ppid/dokumen"], "registers": ["/srv/ppid/register-2024.xlsx"],
        "checklist": "kpu-kabkota", "closed_days": [{"date": "2024-07-01", "name": "Hari jadi"}],
        "election_stages": [{"from": "2022-06-14", "to": "2024-10-20", "name": "Pemilu 2024"}],
        "language": "id", "mail_to": ["ppid@example.go.id"], "state_dir": "/var/lib/ppid" })"),
                                     "office.json");
    CHECK(config.office == "KPU Kabupaten Boyolali");
    CHECK(config.time_zone == "Asia/Makassar");
    CHECK(config.office_hours_cutoff == std::chrono::minutes{960});
    REQUIRE(config.closed_days.size() == 1);
    CHECK(test::iso(config.closed_days[0].day) == "2024-07-01");
    REQUIRE(config.election_stages.size() == 1);
    CHECK(test::iso(config.election_stages[0].to) == "2024-10-20");
}

TEST_CASE("an empty configuration gives the defaults", "[config]") {
    const auto config = parse_config(Json::object(), "office.json");
    CHECK(config.time_zone == "Asia/Jakarta");
    CHECK_FALSE(config.office_hours_cutoff);
    CHECK(config.checklist == "kpu-kabkota");
}

TEST_CASE("a typo or a bad value is an error that names the key", "[config]") {
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"time_zon": "Asia/Jakarta"})"), "o.json"),
                      "\"time_zon\": unknown key (a typo?)");
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"time_zone": "Asia/Surabaya"})"), "o.json"),
                      Catch::StartsWith("\"time_zone\": \"Asia/Surabaya\" is not a known IANA time zone"));
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"office_hours_cutoff": "4pm"})"), "o.json"),
                      "\"office_hours_cutoff\": \"4pm\" is not a time HH:MM");
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"closed_days": [{"date": "2024-02-30"}]})"), "o.json"),
                      "\"closed_days.date\": \"2024-02-30\" is not a valid YYYY-MM-DD date");
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"election_stages": [{"from": "2024-10-20", "to": "2024-01-01"}]})"), "o.json"),
                      Catch::Contains("\"to\" is before \"from\""));
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"websites": "https://x"})"), "o.json"),
                      "\"websites\": must be a list of strings");
    try {
        parse_config(Json::parse(R"({"office": 7})"), "o.json");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().file == "o.json");
    }
}

TEST_CASE("waivers name a checklist item and say why", "[config]") {
    const auto config = parse_config(
        Json::parse(R"({"waivers": [{"item": "berkala.lhkpn", "reason": "LHKPN dilaporkan oleh KPU Provinsi"}]})"),
        "o.json");
    REQUIRE(config.waivers.size() == 1);
    CHECK(config.waivers[0].item == "berkala.lhkpn");
    CHECK(config.waivers[0].reason == "LHKPN dilaporkan oleh KPU Provinsi");

    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"waivers": [{"item": "berkala.lhkpn"}]})"), "o.json"),
                      "\"waivers\": needs a \"reason\"");
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"waivers": [{"item": "x", "reason": ""}]})"), "o.json"),
                      "\"waivers.reason\": must say why \"x\" is waived");
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"waivers": [{"item": "x", "reason": "r", "until": "2025"}]})"),
                                   "o.json"),
                      "\"waivers\": unknown key \"until\"");
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"waivers": {"item": "x"}})"), "o.json"),
                      "\"waivers\": must be a list of {\"item\", \"reason\"} objects");
}

TEST_CASE("the configuration is looked up in order", "[config]") {
    const std::string path = "ppid-config-test.json";
    std::ofstream(path) << R"({"office": "KPU Kota Surakarta"})";
    CHECK(load_config({path, std::nullopt, "/nonexistent/office.json"}).office == "KPU Kota Surakarta");
    CHECK(load_config({std::nullopt, path, "/nonexistent/office.json"}).office == "KPU Kota Surakarta");
    CHECK(load_config({std::nullopt, std::nullopt, "/nonexistent/office.json"}).source.empty());
    CHECK_THROWS_WITH(load_config({std::string("/nonexistent/named.json"), std::nullopt, "/x"}),
                      Catch::StartsWith("cannot open configuration"));
    std::ofstream(path) << "{\"office\": ";
    CHECK_THROWS_WITH(load_config({path, std::nullopt, "/x"}), Catch::StartsWith("invalid JSON"));
    std::remove(path.c_str());
}

TEST_CASE("websites without a scheme are site exports beside the configuration, crawled as file: URLs", "[config]") {
    ppid::test::TempDir dir;
    std::filesystem::create_directories(dir / "situs 2025");
    std::filesystem::create_directories(dir / "ekspor");
    std::filesystem::create_directories(dir / "100%");
    std::ofstream((dir / "ekspor/index.html").string()) << "<html></html>";
    std::ofstream((dir / "100%/index.html").string()) << "<html></html>";
    ppid::OfficeConfig config;
    config.source = (dir / "office.json").string();
    config.websites = {"https://kab-boyolali.kpu.go.id/", "situs 2025", "ekspor/index.html", "file:///srv/situs/",
                       (dir / "100%/index.html").string()};
    const auto urls = ppid::website_urls(config);
    REQUIRE(urls.size() == 5);
    CHECK(urls[0] == "https://kab-boyolali.kpu.go.id/");
    CHECK(urls[1] == "file://" + (dir / "situs 2025").string() + "/");
    CHECK(urls[2] == "file://" + (dir / "ekspor/index.html").string());
    CHECK(urls[3] == "file:///srv/situs/");
    CHECK(urls[4] == "file://" + (dir / "100%25/index.html").string());
}

TEST_CASE("a configured path that does not exist is an error naming the key", "[config]") {
    ppid::test::TempDir dir;
    std::filesystem::create_directories(dir / "dokumen");
    ppid::OfficeConfig config;
    config.source = (dir / "office.json").string();
    CHECK(ppid::config_paths(config, "document_roots", {"dokumen", dir.path().string()}) ==
          std::vector<std::string>{(dir / "dokumen").string(), dir.path().string()});
    CHECK_THROWS_WITH(ppid::config_paths(config, "registers", {"register-2025.xlsx"}),
                      "\"registers\": " + (dir / "register-2025.xlsx").string() +
                          ": no such file or folder (\"register-2025.xlsx\" is relative to the configuration's folder)");
    try {
        ppid::config_paths(config, "document_roots", {"/nonexistent/dokumen"});
        FAIL("no error");
    } catch (const ppid::Error& e) {
        CHECK(std::string(e.what()) == "\"document_roots\": /nonexistent/dokumen: no such file or folder");
        CHECK(e.where().file == config.source);
    }
    config.websites = {"situs/index.html"};
    CHECK_THROWS_WITH(ppid::website_urls(config), Catch::StartsWith("\"websites\": "));
}

TEST_CASE("tls_errors says what ppid-crawl does with a refused certificate", "[config]") {
    CHECK(parse_config(Json::object(), "office.json").tls_errors == "fail");
    CHECK(parse_config(Json::parse(R"({"tls_errors": "report"})"), "office.json").tls_errors == "report");
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"tls_errors": "ignore"})"), "office.json"),
                      Catch::Contains("must be \"fail\" or \"report\""));
}

TEST_CASE("warc says whether ppid-daily keeps a web archive, on unless false", "[config]") {
    CHECK(parse_config(Json::object(), "o.json").warc);
    CHECK_FALSE(parse_config(Json::parse(R"({"warc": false})"), "o.json").warc);
    CHECK_THROWS_WITH(parse_config(Json::parse(R"({"warc": "yes"})"), "o.json"), "\"warc\": must be true or false");
}

TEST_CASE("daily_deadline is ppid-daily's night budget in whole seconds", "[config]") {
    CHECK_FALSE(parse_config(Json::object(), "o.json").daily_deadline);
    CHECK(parse_config(Json::parse(R"({"daily_deadline": 7200})"), "o.json").daily_deadline == 7200);
    for (const char* bad : {R"({"daily_deadline": 0})", R"({"daily_deadline": 604801})", R"({"daily_deadline": 1.5})",
                            R"({"daily_deadline": "2h"})"})
        CHECK_THROWS_WITH(parse_config(Json::parse(bad), "o.json"),
                          "\"daily_deadline\": must be a whole number of seconds from 1 to 604800 (a week)");
}
