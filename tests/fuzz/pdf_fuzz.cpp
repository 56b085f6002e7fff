// A PDF's metadata and first text, read in-process as ppid-index's worker does: extract_content
// never throws for a bad document, it reports "unreadable".
#include "fuzz_support.hpp"

#include <ppid/content_extract.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ppid;
    const std::string path = fuzz::scratch_file(fuzz::text_of(data, size), ".pdf");
    ExtractionLimits limits;
    limits.max_pdf_pages_checked = 2;
    const ExtractedContent content = extract_content(path, ContentKind::pdf, limits);
    fuzz::check(content.title.size() <= 4 * limits.field_chars && content.author.size() <= 4 * limits.field_chars,
                "title and author cut at field_chars");
    fuzz::check(content.text_sample.size() <= 4 * limits.sample_chars, "text sample cut at sample_chars");
    (void)pdf_date_to_iso(content.created);
    return 0;
}
