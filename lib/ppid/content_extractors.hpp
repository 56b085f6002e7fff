// The readers behind extract_content, one per family of formats: PDF (pdf_extract.cpp), OOXML and ODF
// packages (package_extract.cpp) and HTML (html_extract.cpp). Internal to content_extract.cpp; each fills in
// what its format holds and leaves the rest of ExtractedContent as it was.
#pragma once

#include <ppid/content_extract.hpp>

#include <string>

namespace ppid::extractors {

// Adds `problem` to content.problems unless it is there already.
void add_problem(ExtractedContent& content, const std::string& problem);

// Reads the PDF at `path` with poppler-cpp into `out`; a file poppler cannot open, a locked one and a damaged
// page tree add "unreadable". Never throws for a bad document.
void extract_pdf(const std::string& path, const ExtractionLimits& limits, ExtractedContent& out);

// Reads the docx, xlsx, odt or ods package at `path` into `out`, each part on its own: a file that is no such
// package, or a damaged or missing part, adds "unreadable" and keeps what the other parts gave. Throws Error
// when the file cannot be read at all.
void extract_package(const std::string& path, ContentKind kind, const ExtractionLimits& limits, ExtractedContent& out);

// Reads the title and text_sample of the HTML file at `path`, its first limits.max_part_bytes, into `out`;
// malformed markup is read as browsers would. Throws Error when the file cannot be read.
void extract_html(const std::string& path, const ExtractionLimits& limits, ExtractedContent& out);

}  // namespace ppid::extractors
