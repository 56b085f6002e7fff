// What one fetched HTML page offers a crawler: its title and headings, and every link with the text a
// person would use to recognise what it points to (the table row, list item or paragraph around it).
//
// How the text around a link is chosen, because KPU sites publish documents in a few set ways:
// - Text is white space collapsed (no-break and other Unicode spaces too); inline elements (a, b, span,
//   strong, ...) join their text to the words around them, every other element (td, li, p, div, br, ...)
//   ends a word, so a row's cells come out joined by a single space. script, style and template hold no
//   text and no links. noscript is read as ordinary content: the crawler runs no scripts, so what a
//   browser without scripts shows (often a plain fallback link to the document) is what it sees.
// - Navigation (nav, aside, footer, menus, dropdowns, sidebars: see link_context.hpp) is no link's
//   context: a link inside it has none, and its text is left out of every other link's context.
// - context: the nearest enclosing table row or list item, whichever is nearer ("1 Laporan Keuangan
//   2022 29 Agustus 2023 Unduh"). When that row or item is longer than the cut (a layout table holding
//   the whole page, a list of whole news posts), the nearest paragraph inside it, else the nearest
//   div-like block inside it (not a bare cell), unless its text is just the link's. Without a row or
//   item: the nearest paragraph, else the nearest div, section, article, td, th, header, main,
//   blockquote, figure, dd, dt, form or the like (kind block); else none. A link a script opens on a
//   row or a card (data-href) has that row or card as its context.
//   A text of at most 400 characters is the context whole; a longer one gives a window of about 400
//   characters around the link (text_around in link_context.hpp): the words before it, its own text
//   and the words after it, cut at word boundaries on both sides.
// - heading: the last non-empty h1-h6 outside navigation whose start tag comes before the link, including a heading that
//   holds the link itself (a news list's <h3><a>Judul</a></h3>); strong and b are never headings.
// - group, for a link in a table row: the text of the nearest earlier row of the same table that has
//   exactly one non-empty cell (td or th, with or without colspan) of at most 200 characters and no
//   link but placeholders and in-page "#x" toggles (accordion group rows), e.g. "KEUANGAN". A header
//   row with several non-empty cells ("No Judul Tanggal Unduh") is a column header, not a group. A
//   nested table without a group row of its own takes the enclosing table's. For a link in a nested
//   list (a menu's <li>PPID<ul><li><a>Profil PPID</a>...), the parent li's own text without its
//   sub-lists: "PPID".
// libxml2's parser is not an HTML5 one: an unclosed <a> swallows the table rows after it, and a <p>
// is not closed by a <table> or <ul>; the rest of broken markup comes out as browsers show it.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// What the context of a link is the text of.
enum class ContextKind { none, table_row, list_item, paragraph, block };

// Returns "", "table_row", "list_item", "paragraph" or "block".
std::string_view to_string(ContextKind kind);

// One link of a page: a or area with an href (placeholders included), iframe, frame, embed or
// source with a src, object with a data attribute; and any element's link that a script opens
// (onclick, data-href, data-url: see script_links.hpp), after the element's own href if any. An a
// whose href is a placeholder ("#", "javascript:") but whose onclick opens a URL is that URL only; one
// with a data-toggle or data-bs-toggle attribute (Bootstrap's dropdowns, tabs, collapses) is a
// control, not a link.
struct PageLink {
    std::string href;         // the attribute, entities decoded, tabs and line breaks removed as browsers
                              // do, trimmed; resolving it against the page and <base> is the caller's job
    std::string element;      // "a", "area", "iframe", "embed", "object", "frame", "source"; for a link a
                              // script opens, the element that carries it ("button", "tr", "div"...)
    std::string attribute;    // where the URL was read: "href", "src", "data", or for a link a script
                              // opens "onclick", "data-href", "data-url" (see script_links.hpp)
    std::string anchor_text;  // the link's text; else its images' alt texts; else aria-label; else title
                              // (area: alt, aria-label, title; the other elements: title, aria-label)
    std::string heading;      // see the top of this file
    std::string group;        // see the top of this file; "" when none
    std::string context;      // see the top of this file; "" when kind is none
    ContextKind context_kind = ContextKind::none;
    bool placeholder = false;  // the link goes nowhere: see is_placeholder_href
    bool nofollow = false;     // rel holds the token "nofollow"
};

struct PageAnalysis {
    std::string title;                  // <title> (not an inline SVG's), collapsed; else main_heading
    std::string main_heading;           // the first non-empty h1 outside navigation, collapsed; "" if none
    std::vector<std::string> headings;  // every non-empty h1-h6 text outside navigation, in document
                                        // order, collapsed
    std::size_t form_fields = 0;        // fields a person fills in (input but hidden, submit, button,
                                        // image and reset; textarea; select) inside <form>s outside
                                        // navigation: a search box is 1, a request form many
    std::size_t text_chars = 0;         // characters of the page's own text: outside navigation, link
                                        // texts and <title>, white space collapsed; what tells a page
                                        // that is the information (an e-PPID /maklumat) from a list of links
    std::vector<PageLink> links;        // in document order, at most max_links of them
    std::size_t links_dropped = 0;      // links past max_links, not kept
    std::string base_href;              // the first <base href>, trimmed; "" if none
    std::string charset;                // what the body was decoded as, lower case: "utf-8", "windows-1252"
                                        // (also for pages declared iso-8859-1 or us-ascii, as browsers
                                        // read them), "utf-16le", or another label iconv knows
    std::string meta_refresh;           // the URL of the first <meta http-equiv="refresh">, any delay; ""
                                        // if none or if it only reloads the page
    bool robots_noindex = false;        // <meta name="robots"> says noindex (or none)
    bool robots_nofollow = false;       // <meta name="robots"> says nofollow (or none)
    bool incomplete = false;            // reading was given up (analyse_page's give_up): the rest is
                                        // what the page's beginning held
};

// Reads `body` as HTML with libxml2's tolerant HTML parser (no network, no DTD, errors suppressed) in
// one walk of the tree, a window of it at a time (streamed_html.hpp: memory bounded whatever the
// page's size), and returns what it offers; never throws for bad HTML or bad bytes (only
// std::bad_alloc), and every text in the result is valid UTF-8. The charset is, first to apply: a
// byte-order mark; the charset parameter of `content_type` ("text/html; charset=windows-1252"); a
// <meta charset> or http-equiv Content-Type <meta> in the first 64 KB, before <body>; UTF-8 when the
// bytes are valid UTF-8;
// else Windows-1252. A label no decoder knows is passed over; bytes invalid in the chosen charset
// become U+FFFD. Links past `max_links` are counted in links_dropped, not kept. When `give_up` turns
// true (a crawl's --deadline), reading stops within one piece of about 256 KB, marked incomplete.
constexpr std::size_t max_page_links = 20000;
PageAnalysis analyse_page(std::string_view body, std::string_view content_type, std::size_t max_links = max_page_links,
                          const std::atomic<bool>* give_up = nullptr);

// Returns whether `href` leads nowhere: empty or blank, "#", a javascript: URL (any case, white space
// anywhere: "  JAVASCRIPT :void(0)"), or about:blank. In-page fragments ("#top") are real links.
bool is_placeholder_href(std::string_view href);

}  // namespace ppid
