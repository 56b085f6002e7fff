#include <ppid/warc_format.hpp>

#include <ppid/util/gzip.hpp>

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

using namespace ppid;

TEST_CASE("base32 is RFC 4648's alphabet and padding", "[warc]") {
    // RFC 4648 section 10's test vectors.
    CHECK(warc::base32("") == "");
    CHECK(warc::base32("f") == "MY======");
    CHECK(warc::base32("fo") == "MZXQ====");
    CHECK(warc::base32("foo") == "MZXW6===");
    CHECK(warc::base32("foob") == "MZXW6YQ=");
    CHECK(warc::base32("fooba") == "MZXW6YTB");
    CHECK(warc::base32("foobar") == "MZXW6YTBOI======");
}

TEST_CASE("a SHA-1 digest is written as WARC tools write it", "[warc]") {
    warc::Sha1 empty;
    CHECK(empty.finish() == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");  // sha1 of nothing, da39a3ee...
    warc::Sha1 pieces;
    pieces.update("ab");
    pieces.update("c");
    CHECK(pieces.finish() == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");  // sha1("abc"), a9993e36...
}

TEST_CASE("record ids are fresh version-4 UUIDs in angle brackets", "[warc]") {
    const std::regex shape("<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>");
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string id = warc::new_record_id();
        CHECK(std::regex_match(id, shape));
        seen.insert(id);
    }
    CHECK(seen.size() == 100);
}

TEST_CASE("WARC-Date is UTC to the second", "[warc]") {
    const auto moment = std::chrono::system_clock::time_point(std::chrono::seconds(1741770000)) +
                        std::chrono::milliseconds(750);
    CHECK(warc::warc_date(moment) == "2025-03-12T09:00:00Z");
}

TEST_CASE("an archived HTTP head says the body is stored decoded", "[warc]") {
    SECTION("a head without encodings stays as received, with CRLF line ends") {
        CHECK(warc::archived_http_head("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 5\n\n", 5) ==
              "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n");
    }
    SECTION("gzip and chunked are kept under another name, with the true length") {
        const std::string head = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"
                                 "Content-Length: 99\r\nETag: \"x\"\r\n\r\n";
        CHECK(warc::archived_http_head(head, 1234) ==
              "HTTP/1.1 200 OK\r\nX-Archive-Orig-Content-Encoding: gzip\r\nX-Archive-Orig-Transfer-Encoding: chunked\r\n"
              "X-Archive-Orig-Content-Length: 99\r\nETag: \"x\"\r\nContent-Length: 1234\r\n\r\n");
    }
    SECTION("a head cut before its blank line gets one") {
        CHECK(warc::archived_http_head("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n", 0) ==
              "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n");
    }
}

TEST_CASE("a record's head ends with its Content-Length and a blank line", "[warc]") {
    CHECK(warc::record_head({{"WARC-Type", "resource"}, {"WARC-Target-URI", "file:///a.pdf"}}, 42) ==
          "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///a.pdf\r\nContent-Length: 42\r\n\r\n");
}

TEST_CASE("every record is a gzip member of its own, ending with two CRLFs", "[warc]") {
    std::string out;
    warc::GzipMember member;  // one zlib state, member after member
    member.add("WARC/1.1\r\n", out);
    member.add(std::string(100000, 'x'), out);
    member.finish(out);
    const std::size_t first_size = out.size();
    member.add("second", out);
    member.finish(out);
    CHECK(util::is_gzip(out));
    CHECK(util::is_gzip(std::string_view(out).substr(first_size)));
    CHECK(util::gunzip(std::string_view(out).substr(0, first_size), 1 << 20) ==
          "WARC/1.1\r\n" + std::string(100000, 'x') + "\r\n\r\n");
    CHECK(util::gunzip(out, 1 << 20) == "WARC/1.1\r\n" + std::string(100000, 'x') + "\r\n\r\nsecond\r\n\r\n");
}
