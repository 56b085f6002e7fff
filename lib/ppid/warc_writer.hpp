// ppid-crawl's web archive (--warc FILE): every response kept as WARC 1.1 records, each its own
// gzip member (.warc.gz), so that an office can show what its site published on a given night.
// An unchanged response (a 304 to the cache's question, or the same payload as a copy archived
// before) becomes a small `revisit` record pointing at that copy. The file is written under a
// temporary name and renamed at commit(): a crawl that is killed leaves no half archive under
// the final name.
#pragma once

#include <ppid/http_fetcher.hpp>
#include <ppid/warc_format.hpp>
#include <ppid/warc_place.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

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

    // Writes the records of `capture`: a `request` and a `response` (or, for a file: URL, a
    // `resource`), or a `revisit` when the payload is one archived before (`earlier`, or an
    // earlier response of this archive). Returns where the payload's bytes are. Throws Error
    // when the archive cannot be written.
    WarcRef write(WarcCapture capture);

    // Flushes the archive and renames it to its path. Throws Error when that fails.
    void commit();

private:
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
};

}  // namespace ppid
