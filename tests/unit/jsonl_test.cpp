#include <ppid/jsonl.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace ppid;

namespace {

struct Collected {
    std::vector<std::string> messages;
    std::vector<std::size_t> lines;
};

Collected read_all(const std::string& text, bool strict = false) {
    Collected collected;
    Diagnostics diag([&](const std::string& message) { collected.messages.push_back(message); }, strict);
    std::istringstream in(text);
    read_records(in, "in.jsonl", diag, [&](Record&, const Location& where) { collected.lines.push_back(where.line); });
    return collected;
}

}  // namespace

TEST_CASE("bad lines are reported with file and line, the rest still read", "[jsonl]") {
    const auto got = read_all("{\"type\":\"request\"}\nnot json\n\n[1,2]\r\n{\"type\":\"page\"}\r\n{\"a\":\"\xff\"}\n");
    CHECK(got.lines == std::vector<std::size_t>{1, 5});
    REQUIRE(got.messages.size() == 3);
    CHECK_THAT(got.messages[0], Catch::StartsWith("in.jsonl:2: invalid JSON: parse error"));
    CHECK(got.messages[1] == "in.jsonl:4: expected a JSON object, found array");
    CHECK_THAT(got.messages[2], Catch::StartsWith("in.jsonl:6: invalid JSON"));  // invalid UTF-8
}

TEST_CASE("strict mode stops at the first bad record", "[jsonl]") {
    CHECK_THROWS_WITH(read_all("{}\n{\n{}\n", true), Catch::StartsWith("invalid JSON"));
}

TEST_CASE("the writer keeps key order and writes one line per record", "[jsonl]") {
    std::ostringstream out;
    JsonlWriter writer(out);
    Record record = Record::parse(R"({"type":"request","id":"0012","b":1,"a":"é"})");
    record["deadline"] = Record::object();
    writer.write(record);
    CHECK(out.str() == "{\"type\":\"request\",\"id\":\"0012\",\"b\":1,\"a\":\"é\",\"deadline\":{}}\n");
}

TEST_CASE("the writer throws when the stream fails", "[jsonl]") {
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    JsonlWriter writer(out);
    CHECK_THROWS_AS(writer.write(Record::object()), Error);
}

TEST_CASE("string fields are read with their type checked", "[jsonl]") {
    const Record record = Record::parse(R"({"id":"7","n":7,"z":null})");
    const Location where{"f", 3};
    CHECK(optional_string(record, "id", where) == "7");
    CHECK(optional_string(record, "z", where).empty());
    CHECK(optional_string(record, "missing", where).empty());
    CHECK_THROWS_WITH(optional_string(record, "n", where), "field \"n\" must be a string, found number");
}
