// The offices file of a multi-office crawl: JSON Lines or CSV, bad lines reported and left out.
#include <ppid/error.hpp>
#include <ppid/offices.hpp>

#include <support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <fstream>

namespace {

struct Read {
    std::vector<ppid::Office> offices;
    std::vector<std::string> messages;
};

Read read(const std::string& text) {
    ppid::test::TempDir dir;
    const auto path = (dir / "offices").string();
    std::ofstream(path, std::ios::binary) << text;
    Read result;
    ppid::Diagnostics diag([&](const std::string& message) { result.messages.push_back(message); });
    result.offices = ppid::read_offices(path, diag);
    for (auto& message : result.messages) message = message.substr(message.find(':') + 1);  // drop the temp path
    return result;
}

}  // namespace

TEST_CASE("an offices CSV gives each office its website, e-PPID and details", "[offices]") {
    const Read result = read(
        "\xEF\xBB\xBFid;name;level;province;website;eppid;note\r\n"
        "kab-boyolali;KPU Kabupaten Boyolali;kabupaten;Jawa Tengah;https://kab-boyolali.kpu.go.id/;"
        "https://ppid.kab-boyolali.kpu.go.id/;\r\n"
        "kota-semarang;KPU Kota Semarang;kota;Jawa Tengah;https://kota-semarang.kpu.go.id/ https://old.example/;;"
        "host not confirmed\r\n");
    CHECK(result.messages.empty());
    REQUIRE(result.offices.size() == 2);
    CHECK(result.offices[0].id == "kab-boyolali");
    CHECK(result.offices[0].eppid == std::vector<std::string>{"https://ppid.kab-boyolali.kpu.go.id/"});
    CHECK(result.offices[1].websites.size() == 2);
    CHECK(result.offices[1].note == "host not confirmed");
    CHECK(result.offices[1].level == "kota");
}

TEST_CASE("an offices JSON Lines file takes a list or a single URL", "[offices]") {
    const Read result = read(
        R"({"id":"prov-jateng","name":"KPU Provinsi Jawa Tengah","websites":["https://jateng.kpu.go.id/"],"time_zone":"Asia/Jakarta"})"
        "\n"
        R"({"id":"kab-klaten","website":"https://kab-klaten.kpu.go.id/","eppid":"https://eppid.kab-klaten.kpu.go.id/"})"
        "\n");
    CHECK(result.messages.empty());
    REQUIRE(result.offices.size() == 2);
    CHECK(result.offices[0].time_zone == "Asia/Jakarta");
    CHECK(result.offices[1].websites == std::vector<std::string>{"https://kab-klaten.kpu.go.id/"});
    CHECK(result.offices[1].eppid.size() == 1);
}

TEST_CASE("an office without an id or a website, or listed twice, is reported on its line and left out", "[offices]") {
    const Read result = read(
        "id,name,website\n"
        "kab-a,A,https://a.example/\n"
        ",B,https://b.example/\n"
        "kab-c,C,\n"
        "kab-a,A again,https://a2.example/\n"
        "kab-d,D,https://d.example/\n");
    REQUIRE(result.offices.size() == 2);
    CHECK(result.offices[1].id == "kab-d");
    REQUIRE(result.messages.size() == 3);
    CHECK(result.messages[0] == "3: an office needs an \"id\"");
    CHECK(result.messages[1] == "4: office kab-c has no website");
    CHECK(result.messages[2] == "5: office kab-a is listed twice");
}

TEST_CASE("a wrong type in an offices JSON line is reported and the others kept", "[offices]") {
    const Read result = read(R"({"id":"kab-a","websites":[1]})"
                             "\n"
                             R"({"id":"kab-b","websites":"https://b.example/"})"
                             "\n");
    REQUIRE(result.offices.size() == 1);
    CHECK(result.offices[0].id == "kab-b");
    REQUIRE(result.messages.size() == 1);
    CHECK(result.messages[0].find("must list URLs as strings") != std::string::npos);
}

TEST_CASE("an offices file that cannot be read is an error", "[offices]") {
    ppid::Diagnostics diag([](const std::string&) {});
    CHECK_THROWS_AS(ppid::read_offices("/nonexistent/offices.csv", diag), ppid::Error);
}
