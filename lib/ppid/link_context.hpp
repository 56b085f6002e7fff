// The text of a page's elements as a link's context reads it: white space collapsed, inline
// elements joined to the words around them, scripts and navigation left out, and, for a link deep
// in a long block, a window of text on both sides of the link rather than the block's first words.
//
// Navigation (menus, dropdowns, sidebars, footers) is what a page repeats around its content; its
// text says nothing about a link elsewhere on the page. An element is navigation when it is <nav>,
// <aside> or <footer>; when its role is navigation, menu, menubar or complementary; or when its class
// holds one of the tokens navbar, nav, navigation, menu, dropdown-menu, sidebar, footer, breadcrumb,
// or a token starting "navbar-" (Bootstrap's navbar-nav, navbar-collapse) or "menu-" (WordPress).
// Every function here does work bounded by the text it returns and a fixed number of elements it
// may pass over, so reading a page stays linear in its size however its links nest.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace ppid {

// Returns the element's name, or "" for a node that is not an element.
std::string_view element_name(const xmlNode* node);

// Returns the attribute's value without copying when it is plain text (as parsed HTML attributes
// are), "" when the element does not have it.
std::string_view attribute_text(const xmlNode* node, std::string_view name);

// Returns whether `element` is navigation (see the top of this file).
bool is_navigation(const xmlNode* element);

struct ElementText {
    std::string text;
    bool cut = false;  // the element had more text than was kept
};

// Returns the collapsed text of `root`'s content, at most `limit` characters, cut at a word
// boundary; navigation inside `root` left out, and nested lists too when `without_lists` (a menu
// item's own text). Text more than 32 levels below `root`, or past the first 16,384 nodes, is left
// unread and the result marked cut: a page nesting 100,000 tables is read in linear time.
ElementText element_text(const xmlNode* root, std::size_t limit, bool without_lists = false);

// Returns a window of about `limit` characters of `block`'s text centred on `link` (an element
// inside it): the words before the link, the link's own text, the words after it, each side cut at
// a word boundary and navigation left out; for a link whose block holds little text on one side, the
// other side gets the room.
std::string text_around(const xmlNode* block, const xmlNode* link, std::size_t limit);

}  // namespace ppid
