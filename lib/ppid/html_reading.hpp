// What every reader of HTML here agrees on: how a page's bytes become UTF-8 text, as browsers
// decide its charset, and which elements join the words around them or hold no text at all.
// Used by the crawler's page reader (page_links) and by ppid-index's HTML extraction.
#pragma once

#include <string>
#include <string_view>

namespace ppid {

// Returns whether `c` is HTML white space (space, tab, line feed, form feed, carriage return).
bool is_html_space(char c);

// Returns `text` without HTML white space at either end.
std::string_view trim_html_space(std::string_view text);

struct DecodedHtml {
    std::string text;     // valid UTF-8
    std::string charset;  // what the bytes were decoded as, lower case: "utf-8", "windows-1252"
                          // (also for labels of Latin-1 and ASCII, as browsers read them),
                          // "utf-16le", or another label iconv knows
};

// Returns `bytes` decoded by the first rule that applies: a byte-order mark; the charset parameter
// of `content_type` (an HTTP header, "" for a file); an XML declaration's encoding or a <meta
// charset> or http-equiv Content-Type <meta> before <body>; UTF-8 when the bytes are valid UTF-8;
// else Windows-1252. A label no decoder knows is passed over; bytes invalid in the chosen charset
// become U+FFFD. Never throws but std::bad_alloc.
DecodedHtml decode_html(std::string_view bytes, std::string_view content_type = {});

// Returns whether the element named `name` (lower case) sits inside a line of text: its edges are
// no word boundary (a, b, span, strong...).
bool is_inline_element(std::string_view name);

// Returns whether the element holds no text and no links for a reader (script, style, template).
bool is_textless_element(std::string_view name);

}  // namespace ppid
