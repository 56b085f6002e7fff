// What a document says about itself, read in-process: the title, author and dates of its own
// metadata, its page count and a sample of its first text (for dates and periods written in it),
// and whether a PDF has a text layer at all. PDFs are read with poppler-cpp, DOCX, XLSX, ODT and
// ODS packages through the bounded zip reader, HTML with libxml2's HTML parser, streamed.
//
// A hostile file can still make poppler slow or greedy: callers that read untrusted files run this
// in a worker process with time and memory limits (extract_worker.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

enum class ContentKind { pdf, docx, xlsx, odt, ods, html, other };

// Returns the kind whose extractor fits `media_type`, libmagic's MIME type ("application/pdf",
// "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
// "application/vnd.oasis.opendocument.text", "text/html"; case and parameters such as
// "; charset=utf-8" ignored, templates taken as their documents); other for anything else.
ContentKind content_kind_for(std::string_view media_type);

// Returns the kind's name: "pdf", "docx", "xlsx", "odt", "ods", "html" or "other".
std::string_view to_string(ContentKind kind);

// Returns the kind named `name` as to_string writes it, or nullopt.
std::optional<ContentKind> parse_content_kind(std::string_view name);

// Every string is valid UTF-8, trimmed, with each run of white space (line breaks, tabs, no-break
// spaces, control characters) collapsed to one space; "" when the document has no such value.
struct ExtractedContent {
    std::string title;         // PDF Info Title, dc:title of docProps/core.xml or ODF meta.xml, HTML <title>
    std::string author;        // PDF Info Author, dc:creator (OOXML), meta:initial-creator or else dc:creator (ODF)
    std::string created;       // ISO 8601: PDF CreationDate "D:20230331101500+07'00'" becomes
                               // "2023-03-31T10:15:00+07:00"; dcterms:created and meta:creation-date as found
    std::string modified;      // PDF ModDate, dcterms:modified, ODF dc:date
    std::optional<int> pages;  // PDF page count; for DOCX (docProps/app.xml) and ODT (meta.xml) the
                               // count the editor last saved
    // The first text, cut at ExtractionLimits::sample_chars characters: the PDF's first page that
    // has text (of those checked), the DOCX body's <w:t> runs, the XLSX shared strings, the ODF
    // office:body text, the HTML <body> text outside <script>, <style> and <template>.
    std::string text_sample;
    bool no_text_layer = false;  // a PDF whose checked pages carry no text: a scan, unreadable by
                                 // screen readers and search
    // "unreadable": the document cannot be opened (corrupt, locked with a password, not a package
    // of its kind) or part of it is damaged; what could be read before the damage is kept.
    std::vector<std::string> problems;
};

struct ExtractionLimits {
    std::size_t sample_chars = 1000;             // characters (code points) of text_sample
    std::size_t field_chars = 500;               // characters of title, author and the dates: a hostile file may
                                                 // carry megabytes there
    std::uint64_t max_part_bytes = 50ull << 20;  // uncompressed bytes of one package part, or of an
                                                 // HTML file read; a package reads at most twice that
    int max_pdf_pages_checked = 5;               // pages searched for text before no_text_layer
};

// Returns what can be read from `path` as a document of `kind` (nothing for other). Never throws
// for a bad document, which gets "unreadable" in problems instead; throws Error (a
// std::runtime_error) for I/O failures: "no such file", "is a directory", "cannot read the file:
// Permission denied".
ExtractedContent extract_content(const std::string& path, ContentKind kind, const ExtractionLimits& limits = {});

// Returns a PDF date ("D:YYYYMMDDHHmmSSOHH'mm'", any suffix after the year left out, "D:" optional)
// in ISO 8601: "2023-03-31T10:15:00+07:00", "2023-03-31T10:15:00Z", "2023-03-31T10:15:00" (no
// offset given), "2023-03-31", "2023-03" or "2023"; "" for anything else.
std::string pdf_date_to_iso(std::string_view pdf_date);

}  // namespace ppid
