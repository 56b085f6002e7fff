#include <ppid/jsonl.hpp>
#include <ppid/util/json_scan.hpp>
#include <ppid/util/json_text.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

TEST_CASE("hand-written JSON strings match nlohmann's compact dump", "[json]") {
    for (const std::string& text : std::vector<std::string>{"", "plain", "quote \" and \\ backslash", "tab\tnew\nline\r", std::string("nul\0x", 5),
                                   "\x01\x1f control", "Pasal 22 ayat (7): paling lambat 10 (sepuluh) hari kerja",
                                   "UTF-8: Jum'at, 29 Agustus 2023 — é ✓", "slash / stays"}) {
        std::string ours;
        util::append_json_string(ours, text);
        CHECK(ours == nlohmann::json(text).dump());
    }
}

TEST_CASE("an object is written in call order", "[json]") {
    std::string out;
    util::JsonObjectText json(out);
    json.string("b", "x").number("a", -3).boolean("t", true).null("n");
    out += "[]";  // raw() hands the string back for a nested value
    json.close();
    CHECK(out == R"({"b":"x","a":-3,"t":true,"n":null[]})");
    std::string nested;
    util::JsonObjectText outer(nested);
    util::JsonObjectText inner(outer.raw("in"));
    inner.number("k", 1).close();
    outer.close();
    CHECK(nested == R"({"in":{"k":1}})");
}

TEST_CASE("the scanner lists top-level members and validates the rest", "[json]") {
    util::ScannedObject object;
    REQUIRE(util::scan_object(R"({"type":"request","id":"007","n":12,"f":1.50,"deep":{"id":"inner","a":[1,{"b":2}]},"z":null,"id":"008"})",
                              object) == "");
    REQUIRE(object.find("type"));
    CHECK(object.find("type")->text == "request");
    CHECK(object.find("id")->text == "008");  // a repeated key: the last one counts, as in a parse
    CHECK(object.find("n")->kind == util::ScannedValue::Kind::number);
    CHECK(object.find("f")->text == "1.50");
    CHECK(object.find("deep")->kind == util::ScannedValue::Kind::object);
    CHECK(object.find("z")->kind == util::ScannedValue::Kind::null);
    CHECK_FALSE(object.find("a"));  // nested members are not top-level
    CHECK(object.members.size() == 7);
}

TEST_CASE("the scanner rejects what the full parser rejects", "[json]") {
    util::ScannedObject object;
    CHECK(util::scan_object("[1,2]", object) == "expected a JSON object, found array");
    CHECK(util::scan_object("\"text\"", object) == "expected a JSON object, found string");
    for (const char* bad : {"{", "{\"a\":1} x", "{\"a\":\"\xff\"}", "{'a':1}", "{\"a\":1,}", ""}) {
        INFO(bad);
        const std::string error = util::scan_object(bad, object);
        CHECK_THAT(error, Catch::StartsWith("invalid JSON: parse error"));
        CHECK_THROWS(Record::parse(bad));
    }
}
