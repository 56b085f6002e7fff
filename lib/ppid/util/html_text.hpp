// Text and links put into HTML pages built from untrusted values (titles and URLs read from websites and
// registers): a value is always text, never markup, and only web addresses become links.
#pragma once

#include <string>
#include <string_view>

namespace ppid::util {

// Returns `text` safe as HTML element content and as a quoted attribute value: & < > " ' become
// character references; line feeds stay, tabs become spaces, CR is dropped, and other control
// characters and invalid UTF-8 become U+FFFD (an HTML parser rejects them). Never fails.
std::string escape_html(std::string_view text);

// Returns whether `url` may be a link's href: an absolute http: or https: URL with a host, and
// without spaces, quotes, angle brackets, backslashes or control characters. Everything else
// (javascript:, data:, file:, relative references) is for showing as text only.
bool is_linkable_url(std::string_view url);

}  // namespace ppid::util
