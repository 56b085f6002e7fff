#include <ppid/streamed_html.hpp>

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <vector>

namespace ppid {

namespace {

constexpr std::size_t piece_bytes = 256 * 1024;
constexpr std::size_t nodes_ahead = 32768;  // see the top of streamed_html.hpp
constexpr std::size_t nodes_behind = 8192;
// Past this depth an element that starts closes, in the tree, the one open at this depth, so the
// tree grows no deeper (browsers do the same past 512 levels); the parser's own stack of open
// names still matches every end tag. Without it a hostile page of 780,000 nested divs held 250 MB
// of open elements (some 320 bytes a level): the cap bounds that to about 16 MB, and is far past
// any real page's nesting.
constexpr int max_tree_depth = 50000;

}  // namespace

// Every node the parser adds to the tree is stamped, in its _private field (libxml2 leaves it to the
// application), with its place in the order of creation, which is document order (libxml2's HTML
// parser only ever appends to the element open last), and, for an element, whether it is still open.
struct StreamedHtml::Parsing {
    std::size_t created = 0;
    bool finished = false;
    // For each element the parser has open, in its order: whether it is still open in the tree
    // (false: closed early at max_tree_depth).
    std::vector<bool> in_tree;

    static Parsing& of(void* context) { return *static_cast<Parsing*>(static_cast<xmlParserCtxtPtr>(context)->_private); }

    void stamp(xmlNode* node, bool is_open) {
        if (node == nullptr || node->_private != nullptr) return;  // text added to a text node: no new node
        ++created;
        node->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>((created << 1) | (is_open ? 1 : 0)));
    }

    static std::size_t place(const xmlNode* node) { return reinterpret_cast<std::uintptr_t>(node->_private) >> 1; }
    static bool marked_open(const xmlNode* node) { return (reinterpret_cast<std::uintptr_t>(node->_private) & 1) != 0; }

    // What a callback that may add a node to the open element leaves as its last child.
    static void stamp_last(void* context) {
        const xmlParserCtxtPtr parser = static_cast<xmlParserCtxtPtr>(context);
        if (parser->node != nullptr) of(context).stamp(parser->node->last, false);
    }

    static void start_element(void* context, const xmlChar* name, const xmlChar** attributes) {
        const xmlParserCtxtPtr parser = static_cast<xmlParserCtxtPtr>(context);
        Parsing& parsing = of(context);
        if (parser->nodeNr >= max_tree_depth && parser->node != nullptr && !parsing.in_tree.empty() &&
            parsing.in_tree.back()) {
            close_in_tree(nodePop(parser));
            parsing.in_tree.back() = false;
        }
        xmlSAX2StartElement(context, name, attributes);
        parsing.stamp(parser->node, true);
        parsing.in_tree.push_back(true);
    }

    static void end_element(void* context, const xmlChar* name) {
        Parsing& parsing = of(context);
        const bool in_tree = parsing.in_tree.empty() || parsing.in_tree.back();
        if (!parsing.in_tree.empty()) parsing.in_tree.pop_back();
        if (!in_tree) return;  // closed early: its end tag changes nothing in the tree
        xmlNode* closing = static_cast<xmlParserCtxtPtr>(context)->node;  // the one libxml2 pops
        xmlSAX2EndElement(context, name);
        close_in_tree(closing);
    }

    // Marks `element` closed: no child will be added to it any more.
    static void close_in_tree(xmlNode* element) {
        if (element != nullptr && element->_private != nullptr)
            element->_private = reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(element->_private) & ~std::uintptr_t(1));
    }

    static void characters(void* context, const xmlChar* text, int length) {
        xmlSAX2Characters(context, text, length);
        stamp_last(context);
    }

    static void cdata(void* context, const xmlChar* text, int length) {
        xmlSAX2CDataBlock(context, text, length);
        stamp_last(context);
    }

    static void comment(void* context, const xmlChar* text) {
        xmlSAX2Comment(context, text);
        stamp_last(context);
    }

    static void instruction(void* context, const xmlChar* target, const xmlChar* data) {
        xmlSAX2ProcessingInstruction(context, target, data);
        stamp_last(context);
    }
};

StreamedHtml::StreamedHtml(std::string_view text) : text_(text), parsing_(std::make_unique<Parsing>()) {
    xmlSAXHandler handler{};
    xmlSAX2InitHtmlDefaultSAXHandler(&handler);
    handler.startElement = &Parsing::start_element;
    handler.endElement = &Parsing::end_element;
    handler.characters = &Parsing::characters;
    handler.cdataBlock = &Parsing::cdata;
    handler.comment = &Parsing::comment;
    handler.processingInstruction = &Parsing::instruction;
    context_ = htmlCreatePushParserCtxt(&handler, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
    if (context_ == nullptr) throw std::bad_alloc();
    context_->_private = parsing_.get();
    // XML_PARSE_HUGE lifts the nesting limit of 256 past which libxml2 drops the rest of the page:
    // unclosed divs and fonts pile up that deep on real sites.
    htmlCtxtUseOptions(context_, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                                     HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
}

StreamedHtml::~StreamedHtml() {
    if (context_ != nullptr) {
        if (context_->myDoc != nullptr) xmlFreeDoc(context_->myDoc);
        htmlFreeParserCtxt(context_);
    }
}

bool StreamedHtml::parse_more() {
    if (parsing_->finished) return false;
    std::size_t end = std::min(text_.size(), parsed_ + piece_bytes);
    if (end < text_.size()) {
        // Pieces end before a tag, where one is near, else between two characters.
        const std::size_t tag = text_.rfind('<', end - 1);
        if (tag != std::string_view::npos && tag > parsed_ + piece_bytes / 2) {
            end = tag;
        } else {
            while (end > parsed_ + 1 && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) --end;
        }
    }
    const bool last = end == text_.size();
    htmlParseChunk(context_, text_.data() + parsed_, static_cast<int>(end - parsed_), last ? 1 : 0);
    parsed_ = end;
    parsing_->finished = last;
    return true;
}

const xmlNode* StreamedHtml::root() const {
    return context_->myDoc != nullptr ? xmlDocGetRootElement(context_->myDoc) : nullptr;
}

bool StreamedHtml::ready(const xmlNode* node) const {
    return parsing_->finished || Parsing::place(node) + nodes_ahead <= parsing_->created;
}

bool StreamedHtml::open(const xmlNode* node) const {
    return !parsing_->finished && node->type == XML_ELEMENT_NODE && Parsing::marked_open(node);
}

void StreamedHtml::leave(const xmlNode* node, bool weighed) {
    if (open(node)) return;  // never freed under the parser's feet
    xmlNode* left = const_cast<xmlNode*>(node);
    if (weighed)
        behind_.emplace_back(left, ++weighed_);
    else
        free_now_.push_back(left);
}

bool StreamedHtml::frees_due() const {
    return !free_now_.empty() || (!behind_.empty() && behind_.front().second + nodes_behind <= weighed_);
}

void StreamedHtml::free_due() {
    // Inside navigation first: their navigation element, if due too, is left after them.
    for (xmlNode* node : free_now_) {
        xmlUnlinkNode(node);
        xmlFreeNode(node);
    }
    free_now_.clear();
    while (!behind_.empty() && behind_.front().second + nodes_behind <= weighed_) {
        xmlUnlinkNode(behind_.front().first);
        xmlFreeNode(behind_.front().first);
        behind_.pop_front();
    }
}

}  // namespace ppid
