#include <ppid/warc_writer.hpp>

#include <ppid/error.hpp>
#include <ppid/util/gzip.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace ppid;

namespace {

struct TempDir : test::TempDir {
    TempDir() : test::TempDir("ppid-warc-writer-") {}
};

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

std::shared_ptr<FetchExchange> exchange(const std::string& response_head) {
    auto made = std::make_shared<FetchExchange>();
    made->request_head = "GET /ppid/ HTTP/1.1\r\nHost: kab-contoh.kpu.go.id\r\nAccept: */*\r\n\r\n";
    made->response_head = response_head;
    made->ip = "127.0.0.1";
    made->at = std::chrono::system_clock::time_point(std::chrono::seconds(1741770000));  // 2025-03-12T09:00:00Z
    return made;
}

WarcCapture page(const std::string& url, const std::string& body) {
    WarcCapture capture;
    capture.url = url;
    capture.status = 200;
    capture.content_type = "text/html";
    capture.exchange = exchange("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\n\r\n");
    capture.body = body;
    return capture;
}

}  // namespace

TEST_CASE("an archive appears under its name only once committed", "[warc]") {
    TempDir temp;
    const auto path = temp / "night.warc.gz";
    {
        WarcWriter writer(path.string(), {{"software", "ppid-crawl/test"}});
        CHECK(writer.path() == path.string());
        writer.write(page("https://kab-contoh.kpu.go.id/ppid/", "<title>PPID</title>"));
        CHECK_FALSE(std::filesystem::exists(path));
    }
    CHECK(std::filesystem::is_empty(temp.path()));  // not committed: no half archive, no temporary file

    WarcWriter writer(path.string(), {{"software", "ppid-crawl/test"}, {"office", "kab-contoh"}});
    const WarcRef ref = writer.write(page("https://kab-contoh.kpu.go.id/ppid/", "<title>PPID</title>"));
    writer.commit();
    const std::string text = util::gunzip(read_all(path), 1 << 20);
    CHECK(text.rfind("WARC/1.1\r\nWARC-Type: warcinfo\r\n", 0) == 0);
    CHECK(count(text, "office: kab-contoh\r\n") == 1);
    CHECK(count(text, "WARC-Type: request\r\n") == 1);
    CHECK(count(text, "WARC-Type: response\r\n") == 1);
    CHECK(count(text, "WARC-Concurrent-To: " + ref.place.record_id + "\r\n") == 1);
    CHECK(count(text, "WARC-Record-ID: " + ref.place.record_id + "\r\n") == 1);
    CHECK(count(text, "WARC-IP-Address: 127.0.0.1\r\n") == 2);
    CHECK(ref.place.file == path.string());
    CHECK(ref.place.date == "2025-03-12T09:00:00Z");
    CHECK(ref.target_uri == "https://kab-contoh.kpu.go.id/ppid/");
    warc::Sha1 payload;
    payload.update("<title>PPID</title>");
    CHECK(ref.payload_digest == payload.finish());
    CHECK(count(text, "WARC-Payload-Digest: " + ref.payload_digest + "\r\n") == 1);
}

TEST_CASE("a document's file is archived as a resource of a file: URL and then removed", "[warc]") {
    TempDir temp;
    const auto body = temp / "body-1";
    std::ofstream(body, std::ios::binary) << std::string(3 << 20, 'p');  // several pieces of a body
    WarcWriter writer((temp / "a.warc.gz").string(), {});
    WarcCapture capture;
    capture.url = "file:///srv/situs/dokumen/dipa-2023.pdf";
    capture.status = 200;
    capture.content_type = "application/pdf";
    capture.exchange = std::make_shared<FetchExchange>();
    capture.body_path = body.string();
    const WarcRef ref = writer.write(capture);
    writer.commit();
    CHECK_FALSE(std::filesystem::exists(body));
    const std::string text = util::gunzip(read_all(temp / "a.warc.gz"), 8 << 20);
    CHECK(count(text, "WARC-Type: resource\r\n") == 1);
    CHECK(count(text, "WARC-Type: request\r\n") == 0);
    CHECK(count(text, "Content-Type: application/pdf\r\nContent-Length: " + std::to_string(3 << 20) + "\r\n\r\n") == 1);
    warc::Sha1 payload;
    payload.update(std::string(3 << 20, 'p'));
    CHECK(ref.payload_digest == payload.finish());
}

TEST_CASE("a response prepared ahead is archived as the same records as one written whole", "[warc]") {
    TempDir temp;
    const std::string pdf = "%PDF-1.4\n" + std::string(200000, 'q');
    auto document = [&](const std::string& name) {
        std::ofstream(temp / name, std::ios::binary) << pdf;
        WarcCapture capture;
        capture.url = "https://kab-contoh.kpu.go.id/dokumen/" + name + ".pdf";
        capture.status = 200;
        capture.content_type = "application/pdf";
        capture.exchange = exchange("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n");
        capture.body_path = (temp / name).string();
        return capture;
    };
    WarcWriter writer((temp / "a.warc.gz").string(), {});
    const WarcRef whole = writer.write(document("whole"));
    auto ahead = std::make_shared<const WarcCapture>(document("ahead"));
    const auto prepared = writer.prepare_ahead(ahead).get();
    REQUIRE(prepared);
    CHECK(prepared->payload_digest == whole.payload_digest);
    // The same bytes at a second URL are a revisit, whatever was prepared: the decision stays in order.
    const WarcRef second = writer.write(*ahead, prepared.get());
    CHECK(second.place.record_id == whole.place.record_id);
    CHECK_FALSE(std::filesystem::exists(temp / "ahead"));

    auto other = document("other");
    std::ofstream(temp / "other", std::ios::binary) << pdf << "changed";
    auto changed = std::make_shared<const WarcCapture>(other);
    const auto prepared_changed = writer.prepare_ahead(changed).get();
    REQUIRE(prepared_changed);
    const WarcRef third = writer.write(*changed, prepared_changed.get());
    writer.commit();
    const std::string text = util::gunzip(read_all(temp / "a.warc.gz"), 8 << 20);
    CHECK(count(text, "WARC-Type: response\r\n") == 2);
    CHECK(count(text, "WARC-Type: revisit\r\n") == 1);
    CHECK(count(text, "WARC-Type: request\r\n") == 3);
    CHECK(count(text, "WARC-Record-ID: " + third.place.record_id + "\r\n") == 1);
    CHECK(count(text, "WARC-Concurrent-To: " + third.place.record_id + "\r\n") == 1);
    CHECK(count(text, pdf + "changed\r\n\r\n") == 1);
    warc::Sha1 payload;
    payload.update(pdf + "changed");
    CHECK(third.payload_digest == payload.finish());
}

TEST_CASE("a body past the memory budget of responses prepared ahead is written whole on the archive's thread", "[warc]") {
    TempDir temp;
    const auto body = temp / "big";
    std::ofstream(body, std::ios::binary) << std::string((64 << 20) + 1, 'b');
    WarcWriter writer((temp / "a.warc.gz").string(), {});
    WarcCapture capture;
    capture.url = "https://kab-contoh.kpu.go.id/dokumen/big.pdf";
    capture.status = 200;
    capture.exchange = exchange("HTTP/1.1 200 OK\r\n\r\n");
    capture.body_path = body.string();
    auto shared = std::make_shared<const WarcCapture>(capture);
    CHECK(writer.prepare_ahead(shared).get() == nullptr);
    const WarcRef ref = writer.write(*shared);
    writer.commit();
    CHECK_FALSE(std::filesystem::exists(body));
    const std::string text = util::gunzip(read_all(temp / "a.warc.gz"), 80 << 20);
    CHECK(count(text, "WARC-Record-ID: " + ref.place.record_id + "\r\n") == 1);
    CHECK(count(text, "\r\n\r\n" + std::string((64 << 20) + 1, 'b') + "\r\n\r\n") == 1);
}

TEST_CASE("an answer archived before becomes a revisit pointing at it", "[warc]") {
    TempDir temp;
    const std::string url = "https://kab-contoh.kpu.go.id/dokumen/dipa-2023.pdf";
    WarcRef first;
    {
        WarcWriter night1((temp / "night1.warc.gz").string(), {});
        first = night1.write(page(url, "%PDF-1.4 DIPA"));
        // The same bytes at another URL the same night: an identical payload.
        const WarcRef copy = night1.write(page("https://kab-contoh.kpu.go.id/salinan.pdf", "%PDF-1.4 DIPA"));
        CHECK(copy.place.record_id == first.place.record_id);
        night1.commit();
        const std::string text = util::gunzip(read_all(temp / "night1.warc.gz"), 1 << 20);
        CHECK(count(text, "WARC-Type: revisit\r\n") == 1);
        CHECK(count(text, "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n") == 1);
    }
    WarcWriter night2((temp / "night2.warc.gz").string(), {});
    CHECK(night2.can_refer_to(first));
    CHECK_FALSE(night2.can_refer_to(std::nullopt));
    WarcRef gone = first;
    gone.place.file = (temp / "deleted.warc.gz").string();
    CHECK_FALSE(night2.can_refer_to(gone));  // its night is past the retention
    WarcRef same_file = first;
    same_file.place.file = night2.path();
    CHECK_FALSE(night2.can_refer_to(same_file));  // the archive being replaced tonight

    WarcCapture not_modified = page(url, "");
    not_modified.status = 304;
    not_modified.exchange = exchange("HTTP/1.1 304 Not Modified\r\nETag: \"1\"\r\n\r\n");
    not_modified.earlier = first;
    not_modified.not_modified = true;
    CHECK(night2.write(not_modified).place.record_id == first.place.record_id);

    WarcCapture same_bytes = page(url, "%PDF-1.4 DIPA");  // answered 200, but nothing changed
    same_bytes.earlier = first;
    CHECK(night2.write(same_bytes).place.date == first.place.date);

    WarcCapture changed = page(url, "%PDF-1.4 DIPA revisi");
    changed.earlier = first;
    const WarcRef fresh = night2.write(changed);
    CHECK(fresh.place.file == night2.path());
    CHECK(fresh.place.record_id != first.place.record_id);
    night2.commit();

    const std::string text = util::gunzip(read_all(temp / "night2.warc.gz"), 1 << 20);
    CHECK(count(text, "WARC-Type: revisit\r\n") == 2);
    CHECK(count(text, "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/server-not-modified\r\n") == 1);
    CHECK(count(text, "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n") == 1);
    CHECK(count(text, "WARC-Refers-To: " + first.place.record_id + "\r\n") == 2);
    CHECK(count(text, "WARC-Refers-To-Target-URI: " + url + "\r\n") == 2);
    CHECK(count(text, "WARC-Refers-To-Date: " + first.place.date + "\r\n") == 2);
    CHECK(count(text, "WARC-Type: response\r\n") == 1);
    CHECK(count(text, "%PDF-1.4 DIPA revisi") == 1);
}

TEST_CASE("an error page is archived with the body the fetcher kept aside", "[warc]") {
    TempDir temp;
    WarcWriter writer((temp / "a.warc.gz").string(), {});
    WarcCapture capture;
    capture.url = "https://kab-contoh.kpu.go.id/dokumen/hilang.pdf";
    capture.status = 404;
    auto made = exchange("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\n");
    made->error_body = "not found";
    capture.exchange = made;
    const WarcRef ref = writer.write(capture);
    writer.commit();
    warc::Sha1 payload;
    payload.update("not found");
    CHECK(ref.payload_digest == payload.finish());
    CHECK(count(util::gunzip(read_all(temp / "a.warc.gz"), 1 << 20), "404 Not Found\r\nContent-Length: 9\r\n\r\nnot found") == 1);
}

TEST_CASE("an archive that cannot be made is an error", "[warc]") {
    TempDir temp;
    CHECK_THROWS_AS(WarcWriter((temp / "no-such-folder" / "a.warc.gz").string(), {}), Error);
}
