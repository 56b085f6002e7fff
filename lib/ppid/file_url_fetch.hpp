// Reading a file:// URL as a web server would serve it, so that an admin can check a site exported
// to disk with the same crawler: a folder URL gives its index.html (and a folder named without
// its slash a redirect to it), the type comes from the extension, Last-Modified from the mtime
// and a conditional request whose file has not changed gets 304. Files are opened without blocking
// and their type read from the open descriptor (a FIFO is a 404, never a wait); a symbolic link
// whose target, resolved, leaves request.file_root is a 403, as a server not following links out
// of its document root answers.
#pragma once

#include <ppid/http_fetcher.hpp>

namespace ppid {

// Returns the response a server would give for `request.url` (a file: URL). Never throws: a
// missing file or one not regular is a 404, an unreadable one or a link out of the root a 403.
FetchResponse fetch_file_url(const FetchRequest& request);

}  // namespace ppid
