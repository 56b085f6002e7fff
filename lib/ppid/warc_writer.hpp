// ppid-crawl's web archive (--warc FILE): every response kept as WARC 1.1 records, each its own
// gzip member (.warc.gz), so that an office can show what its site published on a given night.
// An unchanged response (a 304 to the cache's question, or the same payload as a copy archived
// before) becomes a small `revisit` record pointing at that copy. The file is written under a
// temporary name and renamed at commit(): a crawl that is killed leaves no half archive under
// the final name.
#pragma once

#include <ppid/http_fetcher.hpp>
#include <ppid/util/serial_work.hpp>
#include <ppid/warc_format.hpp>
#include <ppid/warc_place.hpp>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ppid {

// What one fetch gives the archive.
struct WarcCapture {
    std::string url;
    long status = 0;  // the HTTP status; for a file: URL, what fetch_file_url answered
    std::string content_type;
    std::shared_ptr<const FetchExchange> exchange;  // the heads; for a file: URL, no heads
    std::string body;       // a 2xx body in memory, or
    std::string body_path;  // a 2xx body in this file, which write() removes
    std::optional<WarcRef> earlier;  // this URL's copy archived on an earlier night (from the cache)
    bool not_modified = false;       // a 304 answering the cache's question about `earlier`
};

// The costly part of archiving one response, done ahead on another thread: its body read, both
// digests computed and its response (or resource) record compressed, so that the thread writing
// the archive only decides whether it is a revisit and appends. Holds its share of the writer's
// memory budget until dropped.
struct PreparedResponse {
    std::string record_id, date;
    std::string head;  // the archived HTTP head
    std::string payload_digest, block_digest;
    std::uint64_t size = 0;  // the body's
    std::string member;      // the whole record as its gzip member, when prepared ahead
    std::uint64_t held = 0;
    std::atomic<std::uint64_t>* budget = nullptr;  // gives `held` back
    PreparedResponse() = default;
    PreparedResponse(const PreparedResponse&) = delete;
    PreparedResponse& operator=(const PreparedResponse&) = delete;
    ~PreparedResponse() {
        if (budget) *budget -= held;
    }
};

class WarcWriter {
public:
    // Opens a temporary file next to `path` and writes the `warcinfo` record with `info` (software,
    // office, format...). Throws Error when the folder cannot be written.
    WarcWriter(const std::string& path, const warc::Fields& info);
    // Removes the temporary file unless commit() renamed it.
    ~WarcWriter();
    WarcWriter(const WarcWriter&) = delete;
    WarcWriter& operator=(const WarcWriter&) = delete;

    // Returns the archive's absolute path, as records name it.
    const std::string& path() const { return path_; }

    // Returns whether a revisit may point at `ref`: it exists, is in another file than this one
    // (which replaces any earlier archive of the same name) and that file is still there.
    bool can_refer_to(const std::optional<WarcRef>& ref) const;

    // Starts preparing `capture`'s response on one of the writer's preparing threads; the future
    // gives null when there is nothing costly to do ahead (a revisit of a 304), when the body
    // would take the prepared records past their memory budget, or when preparing failed: write()
    // then does it all.
    std::shared_future<std::shared_ptr<const PreparedResponse>> prepare_ahead(std::shared_ptr<const WarcCapture> capture);

    // Writes the records of `capture`: a `request` and a `response` (or, for a file: URL, a
    // `resource`), or a `revisit` when the payload is one archived before (`earlier`, or an
    // earlier response of this archive). `prepared`, when given, is what prepare_ahead() made of
    // this capture. Returns where the payload's bytes are. Throws Error when the archive cannot
    // be written.
    WarcRef write(const WarcCapture& capture, const PreparedResponse* prepared = nullptr);

    // Flushes the archive and renames it to its path. Throws Error when that fails.
    void commit();

private:
    std::shared_ptr<const PreparedResponse> prepare(const WarcCapture& capture);
    warc::Fields response_fields(const WarcCapture& capture, const PreparedResponse& response) const;
    void append(std::string_view member);
    void put(const warc::Fields& fields, std::string_view block_head, const std::string& body_path,
             std::string_view body);
    void put_request(const WarcCapture& capture, const std::string& concurrent_to, const std::string& date);
    WarcRef write_revisit(const WarcCapture& capture, const WarcRef& earlier, const std::string& head,
                          const std::string& date);

    std::string path_, temporary_;
    std::FILE* file_ = nullptr;
    std::string info_id_;
    std::unordered_map<std::string, WarcRef> payloads_;  // payload digest -> its first response here
    std::string out_;                                    // compressed bytes waiting for fwrite
    std::string piece_;                                  // a body file's bytes, read a piece at a time
    warc::GzipMember member_;                            // each record's member in turn

    // Bytes of bodies prepared ahead and not yet written: bounded, so that a thread writing the
    // archive more slowly than documents arrive holds back memory, not the crawl.
    std::atomic<std::uint64_t> prepared_bytes_{0};
    std::size_t next_preparer_ = 0;  // prepare_ahead() takes the preparers in turn
    std::vector<std::unique_ptr<util::SerialWork>> preparers_;  // last: ended first, before what their jobs use
};

}  // namespace ppid
