// Reading a file:// URL as a web server would serve it, so that an admin can check a site exported
// to disk with the same crawler: a folder URL gives its index.html (and a folder named without
// its slash a redirect to it), the type comes from the extension, Last-Modified from the mtime
// and a conditional request whose file has not changed gets 304.
#pragma once

#include <ppid/http_fetcher.hpp>

namespace ppid {

// Returns the response a server would give for `request.url` (a file: URL). Never throws: a
// missing file is a 404, an unreadable one a 403.
FetchResponse fetch_file_url(const FetchRequest& request);

}  // namespace ppid
