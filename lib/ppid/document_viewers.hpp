// Documents published inside an online viewer: the URL a person clicks opens Google's viewer or a
// pdf.js page, and the document itself is a parameter of that URL. The crawler records and fetches
// the document, and keeps the viewer's URL beside it.
//
// Viewers recognised (host and path compared exactly, parameter names case-sensitive as the viewers
// read them):
// - Google Docs viewer: docs.google.com/viewer?url=U, docs.google.com/gview?url=U (also with
//   embedded=true and other parameters, and under /a/DOMAIN/viewer);
// - Google Drive viewer: drive.google.com/viewerng/viewer?url=U;
// - pdf.js on any host, and in a site exported to disk (file:): a path whose last segment is
//   viewer.html (or viewer.php), with file=U.
// U is percent-decoded once (as the viewer decodes its parameter) and may be relative: pdf.js
// resolves it against the viewer page's own URL, which is what the caller does.
#pragma once

#include <ppid/util/url.hpp>

#include <optional>
#include <string>

namespace ppid {

// Returns the document `viewer` wraps, decoded but not resolved, or nothing when `viewer` is not a
// viewer URL or names no document (an empty or missing parameter).
std::optional<std::string> viewed_document(const util::Url& viewer);

}  // namespace ppid
