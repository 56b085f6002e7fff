#include <ppid/util/json_scan.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace ppid::util;

namespace {

std::string describe(const ScannedObject& object) {
    std::string text;
    for (const auto& [key, value] : object.members)
        text += "[" + key + "|" + value.type_name() + "|" + value.text + "]";
    return text;
}

// The fast reading may give up on any line, but when it reads one it must agree with nlohmann:
// the line is valid, and the members, kinds and texts are the same.
void check_agrees(const std::string& line) {
    ScannedObject fast, slow;
    fast.members.resize(3);  // left over from an earlier line: must not show through
    const bool read = detail::scan_object_fast(line, fast);
    const std::string error = detail::scan_object_with_nlohmann(line, slow);
    INFO("line: " << line);
    if (read) {
        CHECK(error.empty());
        CHECK(describe(fast) == describe(slow));
    }
}

std::vector<std::string> samples() {
    return {
        R"({"type":"request","id":"007","received":"2024-05-02T09:00:00+07:00","n":12,"f":1.50,"neg":-3,"z":-0,"e":1e5})",
        R"(  {"deep":{"id":"inner","a":[1,{"b":[true,false,null]}],"s":"x\"y\\z\/\b\f\n\r\t"},"id":"008","id":"009"} )",
        "{\"name\":\"Dewi Lestari \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\",\"u\":\"\\u00e9\\ud83d\\ude00\"}",
        R"({"big":123456789012345678901234567890,"max":18446744073709551615,"min":-9223372036854775808,"x":0.0})",
        R"({})",
        "{ \"a\" : [ ] , \"b\" : { } , \"c\" : [ 1 , 2 ] }\r",
    };
}

}  // namespace

TEST_CASE("the fast reading agrees with nlohmann on valid records", "[json_scan]") {
    for (const auto& line : samples()) {
        check_agrees(line);
        ScannedObject object;
        CHECK(scan_object(line, object).empty());
    }
    ScannedObject object;
    REQUIRE(detail::scan_object_fast(samples()[0].substr(0, samples()[0].find(",\"e\"")) + "}", object));
    CHECK(describe(object) ==
          "[type|string|request][id|string|007][received|string|2024-05-02T09:00:00+07:00][n|number|12][f|number|1.50]"
          "[neg|number|-3][z|number|0]");
}

TEST_CASE("the fast reading never accepts what nlohmann rejects", "[json_scan]") {
    const std::vector<std::string> bad = {
        "", "{", "}", "[]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":.5}",
        "{\"a\":tru}", "{\"a\":truex}", "{\"a\":\"x\ty\"}", "{\"a\":\"\\x\"}", "{\"a\":\"open}", "{a:1}",
        "{\"a\":1} x", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":{\"b\"}}", "{\"a\":\"\xC0\xAF\"}",
        "{\"a\":\"\xED\xA0\x80\"}", "{\"a\":\"\xF4\x90\x80\x80\"}", "{\"a\":\"\xE2\x82\"}", "{\"a\":\"\x80\"}",
        "{\"a\":1}{\"b\":2}", std::string("{\"a\":\"x\0y\"}", 12), "{\"a\":1e999}",
    };
    for (const auto& line : bad) {
        ScannedObject fast, slow;
        INFO("line: " << line);
        CHECK_FALSE(detail::scan_object_fast(line, fast));
        CHECK_FALSE(detail::scan_object_with_nlohmann(line, slow).empty());
        CHECK_FALSE(scan_object(line, slow).empty());
    }
}

TEST_CASE("the fast reading agrees with nlohmann on mutated records", "[json_scan]") {
    // Every line is a sample with a few bytes changed, removed or repeated, from a fixed seed: the
    // mistakes a broken export or a hand edit makes, and valid lines the scanner must read alike.
    const std::string alphabet = "{}[]\":,.-+0123456789eE tfnul\\/\"x\xC3\xA9\x80\xFF\t\n";
    std::uint32_t seed = 20261207;
    const auto next = [&seed](std::uint32_t bound) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % bound;
    };
    int read = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string line = samples()[next(static_cast<std::uint32_t>(samples().size()))];
        const int changes = 1 + static_cast<int>(next(3));
        for (int i = 0; i < changes && !line.empty(); ++i) {
            const auto at = next(static_cast<std::uint32_t>(line.size()));
            switch (next(3)) {
                case 0: line[at] = alphabet[next(static_cast<std::uint32_t>(alphabet.size()))]; break;
                case 1: line.erase(at, 1); break;
                default: line.insert(at, 1, line[at]); break;
            }
        }
        check_agrees(line);
        ScannedObject object;
        read += detail::scan_object_fast(line, object) ? 1 : 0;
    }
    CHECK(read > 1000);  // the mutations leave many lines valid: the comparison is not empty
}
