// A page's HTML tree for a reader that walks it once in document order: libxml2's tolerant HTML
// parser is fed the text a piece at a time, the reader is let onto a node once the tree is known far
// enough past it, and what the reader has left far enough behind is freed. A page of any size is
// then read holding a window of its tree, not all of it: a 25 MB page of a million links would
// otherwise hold some 600 MB of nodes.
//
// How far is far enough comes from what reading one node may look at around it (link_context.hpp,
// page_links.cpp): the text of an element passes at most 16,384 nodes into it, the window of text
// after a link at most 4,096 after it, and the window before a link at most 4,096 backwards, never
// into navigation, scripts or styles. So:
// - ahead: a node is ready once 32,768 nodes were parsed after it (or the whole page is), so a read
//   that starts there ends inside the known tree; only a read that steps over more than some 28,000
//   nodes of navigation in one go (a menu of 10,000 entries right after a link, inside its block)
//   can find the tree ending early, and then reads less text than it would in the whole tree;
// - behind: a node the reader is done with is freed once 8,192 weighed nodes were left after it,
//   past what a window before a later link can reach. Nodes inside navigation weigh nothing and are
//   freed at once: no window reads into navigation.
// The reader settles, before each round of freeing, whatever it may still need from the open
// elements (page_links.cpp: their texts), since their first children may go.
// Open elements cannot be freed, so the tree is kept from growing deeper than 50,000 levels (an
// element starting past that closes, in the tree, the one open there, as browsers do past 512):
// a hostile pile of a million unclosed divs is then read in a bounded tree.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <string_view>
#include <vector>

namespace ppid {

class StreamedHtml {
public:
    // Parses nothing yet. `text` is UTF-8 without NUL bytes and must outlive the object.
    explicit StreamedHtml(std::string_view text);
    ~StreamedHtml();
    StreamedHtml(const StreamedHtml&) = delete;
    StreamedHtml& operator=(const StreamedHtml&) = delete;

    // Parses the next piece of the text (about 256 KB, ending before a '<' where there is one);
    // returns false once there was nothing left to parse.
    bool parse_more();

    // Returns the root element, nullptr while none is parsed (or the text holds none).
    const xmlNode* root() const;

    // Returns whether the reader may visit `node`: enough of the tree after it is known.
    bool ready(const xmlNode* node) const;

    // Returns whether `node` is an element still open in the parser: children may still come.
    bool open(const xmlNode* node) const;

    // Notes that the reader is done with `node` and all inside it (and will not touch it again but
    // through windows, see the top of this file). `weighed`: false for nodes inside navigation.
    void leave(const xmlNode* node, bool weighed);

    // Returns whether leaving has made nodes due to be freed.
    bool frees_due() const;

    // Frees the nodes that are due; the reader has settled what it needs from the open elements.
    void free_due();

    struct Parsing;  // what the parser's callbacks update

private:
    std::string_view text_;
    std::size_t parsed_ = 0;  // bytes of text_ handed to the parser
    htmlParserCtxtPtr context_ = nullptr;
    std::unique_ptr<Parsing> parsing_;
    std::vector<xmlNode*> free_now_;                      // left inside navigation
    std::deque<std::pair<xmlNode*, std::size_t>> behind_;  // left elsewhere, with weighed_ when left
    std::size_t weighed_ = 0;                              // weighed nodes left so far
};

}  // namespace ppid
