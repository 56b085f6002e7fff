#include <ppid/page_links.hpp>

#include <ppid/html_reading.hpp>
#include <ppid/link_context.hpp>
#include <ppid/script_links.hpp>
#include <ppid/streamed_html.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/one_of.hpp>
#include <ppid/util/text_collector.hpp>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <climits>
#include <memory>
#include <optional>

namespace ppid {

namespace {

constexpr std::size_t context_chars = 400;
constexpr std::size_t group_chars = 200;
// Nodes a walk inside one element may pass (a row's links, a link's images) before it gives up, so
// that a page nesting tables 100,000 deep is read in time linear in its size.
constexpr int max_nodes_walked = 16384;

// ---- Text of elements ----------------------------------------------------------------------------

std::string_view name_of(const xmlNode* node) {
    return element_name(node);
}

bool is_element(const xmlNode* node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

// Returns the attribute's value, or nothing when the element does not have it.
std::optional<std::string> attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return std::nullopt;
    std::string result(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return result;
}

using Text = ElementText;

Text text_of(const xmlNode* root, std::size_t limit, bool without_lists = false) {
    return element_text(root, limit, without_lists);
}

// ---- Links ---------------------------------------------------------------------------------------

std::string cleaned_href(std::string_view value) {
    std::string href;
    for (const char c : trim_html_space(value))
        if (c != '\t' && c != '\n' && c != '\r') href += c;
    return href;
}

bool has_token(std::string_view list, std::string_view token) {
    const std::string lower = util::ascii_lowercase(list);
    for (std::size_t at = lower.find(token); at != std::string::npos; at = lower.find(token, at + 1)) {
        const std::size_t end = at + token.size();
        const auto separator = [](char c) { return is_html_space(c) || c == ','; };
        if ((at == 0 || separator(lower[at - 1])) && (end == lower.size() || separator(lower[end]))) return true;
    }
    return false;
}

// Returns the URL a refresh <meta>'s content names ("0; url='x'"), as the HTML standard reads it.
std::string refresh_url(std::string_view content) {
    content = trim_html_space(content);
    std::size_t at = 0;
    while (at < content.size() && (util::is_ascii_digit(content[at]) || content[at] == '.')) ++at;
    if (at == 0) return "";
    std::string_view rest = trim_html_space(content.substr(at));
    if (!rest.empty() && (rest.front() == ';' || rest.front() == ',')) rest = trim_html_space(rest.substr(1));
    if (util::ascii_lowercase(rest.substr(0, 3)) == "url") {
        std::string_view after = trim_html_space(rest.substr(3));
        if (!after.empty() && after.front() == '=') rest = trim_html_space(after.substr(1));
    }
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
        const std::size_t close = rest.find(rest.front(), 1);
        rest = rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
    }
    return cleaned_href(rest);
}

// The attribute that makes an element a link, or nullptr when it is none.
const char* link_attribute(std::string_view name) {
    if (name == "a" || name == "area") return "href";
    if (name == "iframe" || name == "frame" || name == "embed" || name == "source") return "src";
    if (name == "object") return "data";
    return nullptr;
}

// Returns whether `row` holds a link that leads somewhere off the page: group rows hold none, or only
// accordion toggles ("#keuangan"); a row too big to search holds one, as far as groups go.
bool has_real_link(const xmlNode* row) {
    int passed = 0;
    for (const xmlNode* node = row->children; node != nullptr; ++passed) {
        if (passed == max_nodes_walked) return true;
        if (node->type == XML_ELEMENT_NODE) {
            if (const char* key = link_attribute(name_of(node))) {
                const std::optional<std::string> href = attribute(node, key);
                if (href && !is_placeholder_href(*href) && cleaned_href(*href).front() != '#') return true;
            }
            if (node->children != nullptr) {
                node = node->children;
                continue;
            }
        }
        while (node != row && node->next == nullptr) node = node->parent;
        node = node == row ? nullptr : node->next;
    }
    return false;
}

bool is_cell(const xmlNode* node) {
    return is_element(node, "td") || is_element(node, "th");
}

// Returns the text of `row` when it is a group row (see page_links.hpp), else nothing.
std::optional<std::string> group_row_text(const xmlNode* row) {
    const xmlNode* only = nullptr;
    for (const xmlNode* cell = row->children; cell != nullptr; cell = cell->next) {
        if (!is_cell(cell)) continue;
        if (text_of(cell, 1).text.empty()) continue;
        if (only != nullptr) return std::nullopt;
        only = cell;
    }
    if (only == nullptr) return std::nullopt;
    // A long single-cell row is a note or a layout cell, not a group: testing the text first also keeps
    // the link search off the huge single-cell rows of layout tables.
    Text text = text_of(only, group_chars);
    if (text.cut || has_real_link(row)) return std::nullopt;
    return std::move(text.text);
}

bool is_block(std::string_view name) {
    static constexpr std::array<std::string_view, 21> names{
        "div", "section", "article", "main",       "aside",  "header",     "footer",
        "nav", "td",      "th",      "blockquote", "figure", "figcaption", "dd",
        "dt",  "address", "center",  "fieldset",   "form",   "details",    "caption"};
    return util::is_one_of(name, names);
}

// One open element of the walk, with the stack positions of its nearest enclosing elements of each kind
// (itself included), so that a link finds its context in constant time however deep the page nests.
struct Enclosing {
    int row = -1, item = -1, paragraph = -1, block = -1, table = -1;
    int outer_item = -1;  // for li frames: the next one out
    int grouped_table = -1;  // for table frames: the nearest enclosing table with a group row, so that a
                             // link finds its group without walking out through every nested table
    int navigation = -1;                    // the outermost navigation element (see link_context.hpp)
    bool in_svg = false, in_form = false;
    bool in_link_or_title = false;  // its text is not the page's own (see PageAnalysis::text_chars)
};

// The texts of an element a link may take as its context or group, read once for all its links.
struct ElementTexts {
    std::optional<ElementText> text;
    std::optional<std::string> own;  // a list item's text without its sub-lists
};

struct Frame {
    const xmlNode* node = nullptr;
    Enclosing at;
    std::string group;  // for table frames: the text of the last group row seen
    bool context = false;  // a row, list item, paragraph or block: its texts may be asked for
    std::unique_ptr<ElementTexts> texts;  // once asked for
};

class PageReader {
public:
    PageReader(PageAnalysis& out, std::size_t max_links, StreamedHtml& tree)
        : out_(out), max_links_(max_links), tree_(tree) {}

    // Walks on in document order as far as the tree is known (see streamed_html.hpp), then frees
    // what is left behind; called after every piece parsed, and once more after the last.
    void walk_on() {
        if (!started_) {
            root_ = tree_.root();
            if (root_ == nullptr) return;
            node_ = root_;
            started_ = true;
        }
        while (node_ != nullptr && (visited_ || tree_.ready(node_))) {
            if (!visited_) {
                if (node_->type == XML_TEXT_NODE && !frames_.empty()) count_own_text(node_);
                const bool descend = node_->type == XML_ELEMENT_NODE && enter(node_);
                visited_ = true;
                if (descend && node_->children != nullptr) {
                    node_ = node_->children;
                    visited_ = false;
                    continue;
                }
                if (descend) leave_frame();
                else left_ = {node_, !in_navigation()};
            }
            if (!move_on()) break;
        }
        if (tree_.frees_due()) {
            settle_open_elements();
            tree_.free_due();
        }
    }

    void finish() {
        if (out_.title.empty()) out_.title = out_.main_heading;
    }

private:
    // From the node done with (`node_`, its frame closed) to the next in document order, climbing out
    // of the elements it ends; returns false where the tree is not known that far yet.
    bool move_on() {
        for (;;) {
            if (node_ == root_) {
                node_ = nullptr;
                return false;
            }
            if (node_->next != nullptr) {
                const xmlNode* next = node_->next;
                tree_.leave(left_.first, left_.second);
                node_ = next;
                visited_ = false;
                return true;
            }
            if (tree_.open(node_->parent)) return false;  // its next sibling is still to come
            tree_.leave(left_.first, left_.second);
            node_ = node_->parent;
            leave_frame();
        }
    }

    // Closes the frame of `node_`, whose content is done; it is left once the walk moves past it.
    void leave_frame() {
        const int here = static_cast<int>(frames_.size()) - 1;
        const int navigation = frames_.back().at.navigation;
        left_ = {node_, navigation < 0 || navigation == here};
        frames_.pop_back();
        settled_ = std::min(settled_, frames_.size());
    }

    bool in_navigation() const {
        return !frames_.empty() && frames_.back().at.navigation >= 0;
    }

    // Reads, before anything is freed, the texts a later link may ask of the open elements: their
    // first children may be freed before the walk leaves them.
    void settle_open_elements() {
        for (; settled_ < frames_.size(); ++settled_) {
            if (!frames_[settled_].context) continue;
            cached_text(static_cast<int>(settled_));
            if (element_name(frames_[settled_].node) == "li") own_text(static_cast<int>(settled_));
        }
    }

    // Reads the element and opens its frame; returns false (no frame) for one whose content is skipped.
    bool enter(const xmlNode* node) {
        const std::string_view name = name_of(node);
        if (is_textless_element(name)) return false;
        Frame frame{node, frames_.empty() ? Enclosing() : frames_.back().at, {}, false, nullptr};
        Enclosing& at = frame.at;
        const int here = static_cast<int>(frames_.size());
        if (at.navigation < 0 && is_navigation(node)) at.navigation = here;
        // A link that only a script opens is read after the element's frame is open: a clickable row or
        // card is its own context.
        std::optional<ScriptLink> scripted = node->properties != nullptr ? script_link(node) : std::nullopt;
        if (const char* key = link_attribute(name))
            if (std::optional<std::string> href = attribute(node, key)) {
                std::string cleaned = cleaned_href(*href);
                // A "#" that opens a script's link, or a Bootstrap toggle (a dropdown, a tab, a collapse),
                // is a control, not a link that goes nowhere.
                const bool control = is_placeholder_href(cleaned) && (scripted || is_toggle(node));
                if (!control) add_link(node, name, std::move(cleaned), key);
            }
        if (name == "a" || name == "title") at.in_link_or_title = true;
        if (name == "form") at.in_form = at.navigation < 0;
        else if (at.in_form && is_form_field(node, name)) ++out_.form_fields;
        if (name == "tr") {
            if (at.table >= 0)
                if (std::optional<std::string> group = group_row_text(node))
                    frames_[static_cast<std::size_t>(at.table)].group = std::move(*group);
            at.row = here;
            frame.context = true;
        } else if (name == "li") {
            at.outer_item = at.item;
            at.item = here;
            frame.context = true;
        } else if (name == "table") {
            // An outer table's group cannot change while this one is open: its rows are not in here.
            if (at.table >= 0) {
                const Frame& outer = frames_[static_cast<std::size_t>(at.table)];
                at.grouped_table = outer.group.empty() ? outer.at.grouped_table : at.table;
            }
            at.table = here;
        } else if (name == "p") {
            at.paragraph = here;
            frame.context = true;
        } else if (is_block(name)) {
            at.block = here;
            frame.context = true;
        } else if (name == "svg") {
            at.in_svg = true;
        } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
            if (at.navigation < 0) read_heading(node, name);
        } else if (name == "title" && !at.in_svg && !title_seen_) {
            title_seen_ = true;
            out_.title = text_of(node, context_chars).text;
        } else if (name == "meta") {
            read_meta(node);
        } else if (name == "base" && !base_seen_) {
            if (std::optional<std::string> href = attribute(node, "href")) {
                base_seen_ = true;
                out_.base_href = cleaned_href(*href);
            }
        }
        frames_.push_back(std::move(frame));
        if (scripted) add_link(node, name, std::move(scripted->href), scripted->attribute);
        return true;
    }

    struct ScriptLink {
        std::string href;
        const char* attribute;
    };

    // Returns the URL a script attribute of the element opens (see script_links.hpp), or nothing.
    static std::optional<ScriptLink> script_link(const xmlNode* node) {
        for (const char* key : {"data-href", "data-url"}) {
            const std::string_view value = attribute_text(node, key);
            if (!trim_html_space(value).empty()) return ScriptLink{cleaned_href(value), key};
        }
        const std::string_view onclick = attribute_text(node, "onclick");
        if (onclick.empty()) return std::nullopt;
        std::optional<std::string> target = script_link_target(onclick);
        if (!target || trim_html_space(*target).empty()) return std::nullopt;
        return ScriptLink{cleaned_href(*target), "onclick"};
    }

    static bool is_toggle(const xmlNode* node) {
        return !attribute_text(node, "data-toggle").empty() || !attribute_text(node, "data-bs-toggle").empty();
    }

    // Adds the text node's characters (code points, runs of white space as one) to the page's own text
    // when it is neither navigation, nor a link's text, nor the title.
    void count_own_text(const xmlNode* node) {
        const Enclosing& at = frames_.back().at;
        if (at.navigation >= 0 || at.in_link_or_title || node->content == nullptr) return;
        for (const xmlChar* byte = node->content; *byte != 0; ++byte) {
            if (is_html_space(static_cast<char>(*byte))) {
                if (!after_space_) ++out_.text_chars;
                after_space_ = true;
            } else if ((*byte & 0xC0) != 0x80) {  // a UTF-8 sequence's first byte: one character
                ++out_.text_chars;
                after_space_ = false;
            }
        }
    }

    // A field a person fills in: a form of a search box alone is told apart by the count.
    static bool is_form_field(const xmlNode* node, std::string_view name) {
        if (name == "textarea" || name == "select") return true;
        if (name != "input") return false;
        const std::string type = util::ascii_lowercase(trim_html_space(attribute_text(node, "type")));
        return !util::is_one_of(std::string_view(type), std::array<std::string_view, 5>{"hidden", "submit", "button",
                                                                                        "image", "reset"});
    }

    void read_heading(const xmlNode* node, std::string_view name) {
        std::string text = text_of(node, context_chars).text;
        if (text.empty()) return;
        if (name == "h1" && out_.main_heading.empty()) out_.main_heading = text;
        out_.headings.push_back(text);
        heading_ = std::move(text);
    }

    void read_meta(const xmlNode* node) {
        const std::string equiv = util::ascii_lowercase(attribute(node, "http-equiv").value_or(""));
        const std::string name = util::ascii_lowercase(attribute(node, "name").value_or(""));
        const std::string content = attribute(node, "content").value_or("");
        if (trim_html_space(equiv) == "refresh" && !refresh_seen_) {
            refresh_seen_ = true;
            out_.meta_refresh = refresh_url(content);
        } else if (trim_html_space(name) == "robots") {
            const bool none = has_token(content, "none");
            out_.robots_noindex = out_.robots_noindex || none || has_token(content, "noindex");
            out_.robots_nofollow = out_.robots_nofollow || none || has_token(content, "nofollow");
        }
    }

    void add_link(const xmlNode* node, std::string_view name, std::string href, std::string_view attribute_name) {
        if (out_.links.size() >= max_links_) {
            ++out_.links_dropped;
            return;
        }
        PageLink link;
        link.placeholder = is_placeholder_href(href);
        link.href = std::move(href);
        link.element = std::string(name);
        link.attribute = std::string(attribute_name);
        link.anchor_text = anchor_text(node, name);
        link.heading = heading_;
        link.nofollow = has_token(attribute(node, "rel").value_or(""), "nofollow");
        if (!frames_.empty()) place(link, node);
        out_.links.push_back(std::move(link));
    }

    static std::string anchor_text(const xmlNode* node, std::string_view name) {
        std::string text;
        if (name == "a" || !link_attribute(name)) text = text_of(node, context_chars).text;
        if (text.empty() && name == "a") text = image_alts(node);
        if (text.empty() && name == "area")
            text = util::collapse_whitespace(attribute(node, "alt").value_or(""), context_chars);
        for (const char* key : {"aria-label", "title"})
            if (text.empty()) text = util::collapse_whitespace(attribute(node, key).value_or(""), context_chars);
        return text;
    }

    static std::string image_alts(const xmlNode* link) {
        std::string alts;
        int passed = 0;
        for (const xmlNode* node = link->children; node != nullptr && passed < max_nodes_walked; ++passed) {
            if (is_element(node, "img")) alts += ' ' + attribute(node, "alt").value_or("");
            if (node->type == XML_ELEMENT_NODE && node->children != nullptr) {
                node = node->children;
                continue;
            }
            while (node != link && node->next == nullptr) node = node->parent;
            node = node == link ? nullptr : node->next;
        }
        return util::collapse_whitespace(alts, context_chars);
    }

    // Sets the link's context and group from the open elements around it.
    void place(PageLink& link, const xmlNode* node) {
        const Enclosing& around = frames_.back().at;
        const int item = std::max(around.row, around.item);
        int chosen = item;
        if (around.navigation >= 0) {
            chosen = -1;  // a menu's text is no link's context
        } else if (item < 0) {
            chosen = around.paragraph >= 0 ? around.paragraph : around.block;
        } else if (cached_text(item).cut) {
            // A layout table's row or a list of whole posts: a paragraph or a div inside is nearer the
            // link, unless it says no more than the link itself. A cell alone is no better than its row.
            const bool cell = around.block > item && is_cell(frames_[static_cast<std::size_t>(around.block)].node);
            for (const int inner : {around.paragraph, cell ? -1 : around.block}) {
                if (inner <= item || cached_text(inner).text == link.anchor_text) continue;
                chosen = inner;
                break;
            }
        }
        if (chosen >= 0) {
            const Text& text = cached_text(chosen);
            link.context = text.cut ? text_around(frames_[static_cast<std::size_t>(chosen)].node, node, context_chars)
                                    : text.text;
            link.context_kind = chosen == around.row         ? ContextKind::table_row
                                : chosen == around.item      ? ContextKind::list_item
                                : chosen == around.paragraph ? ContextKind::paragraph
                                                             : ContextKind::block;
        }
        const int parent_item = around.item >= 0 ? frames_[static_cast<std::size_t>(around.item)].at.outer_item : -1;
        if (parent_item > around.row) {
            link.group = own_text(parent_item);
            return;
        }
        if (const int table = around.row >= 0 ? frames_[static_cast<std::size_t>(around.row)].at.table : -1; table >= 0) {
            const Frame& frame = frames_[static_cast<std::size_t>(table)];
            const int grouped = frame.group.empty() ? frame.at.grouped_table : table;
            if (grouped >= 0) {
                link.group = frames_[static_cast<std::size_t>(grouped)].group;
                return;
            }
        }
        if (parent_item >= 0) link.group = own_text(parent_item);
    }

    ElementTexts& texts_of(int frame) {
        Frame& open = frames_[static_cast<std::size_t>(frame)];
        if (!open.texts) open.texts = std::make_unique<ElementTexts>();
        return *open.texts;
    }

    // The text of an open element, computed once for all the links in it.
    const Text& cached_text(int frame) {
        ElementTexts& texts = texts_of(frame);
        if (!texts.text) texts.text = text_of(frames_[static_cast<std::size_t>(frame)].node, context_chars);
        return *texts.text;
    }

    const std::string& own_text(int frame) {
        ElementTexts& texts = texts_of(frame);
        if (!texts.own) texts.own = text_of(frames_[static_cast<std::size_t>(frame)].node, group_chars, true).text;
        return *texts.own;
    }

    PageAnalysis& out_;
    std::size_t max_links_;
    StreamedHtml& tree_;
    std::vector<Frame> frames_;
    std::size_t settled_ = 0;  // the first open elements whose texts are read (settle_open_elements)
    const xmlNode* root_ = nullptr;
    const xmlNode* node_ = nullptr;  // where the walk is
    bool started_ = false;
    bool visited_ = false;  // node_ is read (and its content, unless it has any): the walk moves on from it
    std::pair<const xmlNode*, bool> left_{nullptr, false};  // what moving on leaves, and whether it is weighed
    std::string heading_;
    bool title_seen_ = false, base_seen_ = false, refresh_seen_ = false;
    bool after_space_ = true;  // the own text counted so far ends in white space (or is empty)
};

}  // namespace

std::string_view to_string(ContextKind kind) {
    switch (kind) {
        case ContextKind::none:
            return "";
        case ContextKind::table_row:
            return "table_row";
        case ContextKind::list_item:
            return "list_item";
        case ContextKind::paragraph:
            return "paragraph";
        case ContextKind::block:
            return "block";
    }
    return "";
}

bool is_placeholder_href(std::string_view href) {
    std::string squeezed;
    for (const char c : href)
        if (!is_html_space(c) && static_cast<unsigned char>(c) > 0x1F) squeezed += util::ascii_lower(c);
    return squeezed.empty() || squeezed == "#" || squeezed.rfind("javascript:", 0) == 0 || squeezed == "about:blank";
}

PageAnalysis analyse_page(std::string_view body, std::string_view content_type, std::size_t max_links,
                          const std::atomic<bool>* give_up) {
    static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialized;
    PageAnalysis analysis;
    // Decoding may triple the size; libxml2 takes an int.
    DecodedHtml decoded = decode_html(body.substr(0, INT_MAX / 4), content_type);
    analysis.charset = std::move(decoded.charset);
    // A NUL would end libxml2's reading of the text early.
    for (char& c : decoded.text)
        if (c == '\0') c = ' ';
    StreamedHtml tree(decoded.text);
    PageReader reader(analysis, max_links, tree);
    while (tree.parse_more()) {
        if (give_up != nullptr && give_up->load(std::memory_order_relaxed)) {
            analysis.incomplete = true;
            return analysis;
        }
        reader.walk_on();
    }
    reader.walk_on();
    reader.finish();
    return analysis;
}

}  // namespace ppid
