// What a link to another site points at, judged from its URL alone. Offices publish many documents
// off their own site (a PDF on the KPU's national site, a file on Google Drive, a form on Google
// Forms, an s.id or bit.ly short link to either); ppid-crawl checks those links each night
// (--check-external-documents) and ppid-check takes a checked one as evidence, an unchecked one never.
#pragma once

#include <string_view>

namespace ppid {

enum class OffsiteTarget {
    page,         // a web page: never evidence by itself (it was not read)
    file,         // a URL naming a file type, as looks_like_document reads it: .pdf, .docx, .xlsx, .zip, ...
    shared_file,  // a file shared from Google Drive or Google Docs (no file type in the URL)
    form,         // an online form (Google Forms)
    short_link,   // a link shortener (s.id, bit.ly, ...): where it leads is known only by asking
    sign_in,      // a sign-in page: where a private Drive file or a members-only link leads
};

// Returns what `url` points at. A URL that is not http(s) or has no host is a page. Never fails.
OffsiteTarget offsite_target(std::string_view url);

// Returns whether a link to `target` is checked by a crawl that checks the documents only: files,
// shared files, forms and short links (which may lead to any of them).
bool is_checked_as_document(OffsiteTarget target);

}  // namespace ppid
