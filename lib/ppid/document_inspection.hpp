// What a document file is and what is wrong with it, judged the same way for a file in the
// office's folders (ppid-index) and a file downloaded from its website (ppid-crawl): its hash and
// type by content, whether its name or the server lies about that type, whether it is empty,
// unreadable or a scan without text, and what its content says about itself.
#pragma once

#include <ppid/content_extract.hpp>
#include <ppid/extract_worker.hpp>
#include <ppid/file_facts.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

struct DocumentInspection {
    FileFacts facts;
    ContentKind kind = ContentKind::other;  // the extractor that fits the content's type
    ExtractedContent content;               // empty unless extracted
    // In this order: "unreadable", "empty", "type_mismatch", an extraction failure
    // ("extraction_timeout", "extraction_failed"), "no_text_layer", the content's own problems.
    std::vector<std::string> problems;

    // Whether the name or the server says another type than the content has: then the
    // document's own title ("404 Not Found") says what went wrong, not what the document is.
    bool misnamed() const;
};

// Returns the inspection of the file at `path` (`size` bytes) named `name` (a file name or a
// URL's last segment, for its extension) and served as `declared_media_type` (an HTTP
// Content-Type; "" for a local file). Content is read through `pool`, a worker process with time
// and memory limits, unless `pool` is null. Never throws: what cannot be done is a problem.
DocumentInspection inspect_document(const std::string& path, std::uint64_t size, std::string_view name,
                                    std::string_view declared_media_type, ExtractionPool* pool);

// Returns whether a server that declares `declared` (a Content-Type) for content libmagic reads
// as `sniffed` misleads its readers: an HTML error page served as application/pdf. Generic
// types (application/octet-stream, binary data) never mislead.
bool declared_type_mismatch(std::string_view declared, std::string_view sniffed);

// Returns the lower-case extension of the last segment of `name` ("pdf"), or "".
std::string lower_extension(std::string_view name);

// The worker's side of content extraction: turns one request line ({"path", "kind"}) into the
// reply line inspect_document reads back.
std::string answer_extraction_request(const std::string& request);

}  // namespace ppid
