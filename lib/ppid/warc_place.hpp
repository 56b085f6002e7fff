// Where a response's bytes are kept in a web archive (ppid-crawl --warc): what `page` and
// `document` records carry, and what the cache remembers so that a later night can point at it.
#pragma once

#include <optional>
#include <string>

namespace ppid {

// One record of one archive file.
struct WarcPlace {
    std::string file;       // the archive's absolute path
    std::string record_id;  // its WARC-Record-ID, "<urn:uuid:...>"
    std::string date;       // its WARC-Date, "2025-03-12T09:00:00Z": when the bytes were fetched
};

// An archived response as a later revisit record refers to it.
struct WarcRef {
    WarcPlace place;
    std::string target_uri;      // its WARC-Target-URI
    std::string payload_digest;  // its WARC-Payload-Digest, "sha1:..."
};

// Filled on the thread that writes the archive, read by the record and the cache entry written
// there after it.
struct WarcSlot {
    std::optional<WarcRef> ref;
};

}  // namespace ppid
