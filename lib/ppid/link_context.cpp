#include <ppid/link_context.hpp>

#include <ppid/html_reading.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/text_collector.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace ppid {

namespace {

constexpr int max_nodes_passed = 4096;  // elements and texts one side of a window may walk over
constexpr int max_nodes_read = 16384;   // nodes an element's text is read from
constexpr int max_depth_read = 32;      // levels below an element its text is read from

bool is_list(std::string_view name) {
    return name == "ul" || name == "ol" || name == "menu" || name == "dl";
}

// Whether `text` lower-cased is `lower` (compared without a copy: this runs for every element).
bool equals_lowered(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (util::ascii_lower(text[i]) != lower[i]) return false;
    return true;
}

bool is_navigation_class(std::string_view token) {
    static constexpr std::array<std::string_view, 8> tokens{"navbar",  "nav",     "navigation", "menu",
                                                            "dropdown-menu", "sidebar", "footer", "breadcrumb"};
    for (const std::string_view known : tokens)
        if (equals_lowered(token, known)) return true;
    for (const std::string_view prefix : {std::string_view("navbar-"), std::string_view("menu-")})
        if (token.size() > prefix.size() && equals_lowered(token.substr(0, prefix.size()), prefix)) return true;
    return false;
}

// Whether a walk reads into the element: scripts and navigation hold no text for a context.
bool is_read(const xmlNode* node) {
    return !is_textless_element(element_name(node)) && !is_navigation(node);
}

bool ends_word(const xmlNode* node) {
    return node->type == XML_ELEMENT_NODE && !is_inline_element(element_name(node));
}

std::size_t count_chars(std::string_view text) {
    std::size_t chars = 0;
    for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return chars;
}

// Returns the byte offset of character number `n` in `text` (its size when shorter).
std::size_t offset_of_char(std::string_view text, std::size_t n) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && n-- == 0) return i;
    return text.size();
}

// `text` cut to its first `chars` characters, at the last word boundary that keeps them.
std::string first_chars(std::string text, std::size_t chars) {
    const std::size_t cut = offset_of_char(text, chars);
    if (cut >= text.size()) return text;
    const std::size_t space = text.rfind(' ', cut);
    text.resize(space != std::string::npos && space > 0 ? space : cut);
    return text;
}

// `text` cut to its last `chars` characters, at the first word boundary that keeps them.
std::string last_chars(const std::string& text, std::size_t chars) {
    const std::size_t total = count_chars(text);
    if (total <= chars) return text;
    const std::size_t cut = offset_of_char(text, total - chars);
    // From the first word that starts at or after the cut; inside one overlong word, from the cut.
    const std::size_t space = text.find(' ', cut > 0 ? cut - 1 : 0);
    return space == std::string::npos ? text.substr(cut) : text.substr(space + 1);
}

// The collapsed text before `link` inside `block`, about `limit` characters at most, read backwards.
std::string text_before(const xmlNode* block, const xmlNode* link, std::size_t limit) {
    std::vector<std::string_view> pieces;  // in reverse order; " " ends a word
    std::size_t bytes = 0;
    const std::size_t byte_limit = 8 * limit + 8;
    const xmlNode* node = link;
    for (int passed = 0; passed < max_nodes_passed && bytes < byte_limit; ++passed) {
        if (node->prev != nullptr) {
            node = node->prev;
            for (; passed < max_nodes_passed; ++passed) {  // into the previous node from its end, down to its last text
                if (node->type == XML_TEXT_NODE && node->content != nullptr) {
                    std::string_view text = reinterpret_cast<const char*>(node->content);
                    if (text.size() > byte_limit) text = text.substr(text.size() - byte_limit);
                    pieces.push_back(text);
                    bytes += text.size();
                    break;
                }
                if (node->type != XML_ELEMENT_NODE) break;
                if (ends_word(node)) pieces.emplace_back(" ");
                if (!is_read(node) || node->last == nullptr) break;
                node = node->last;
            }
        } else {
            node = node->parent;
            if (node == nullptr || node == block) break;
            if (ends_word(node)) pieces.emplace_back(" ");
        }
    }
    std::string raw;
    for (auto piece = pieces.rbegin(); piece != pieces.rend(); ++piece) raw.append(piece->data(), piece->size());
    // Collapsed whole: cutting it to its first characters would cut off the words next to the link.
    return last_chars(util::collapse_whitespace(raw, raw.size()), limit);
}

// The collapsed text after `link` inside `block`, about `limit` characters at most.
std::string text_after(const xmlNode* block, const xmlNode* link, std::size_t limit) {
    util::TextCollector collector(limit + 1);
    const std::size_t byte_limit = 8 * limit + 8;
    const auto leave = [&](const xmlNode* node) -> const xmlNode* {  // the next node after `node`'s subtree
        while (node != block && node->next == nullptr) {
            node = node->parent;
            if (node != block && ends_word(node)) collector.separate();
        }
        return node == block ? nullptr : node->next;
    };
    if (ends_word(link)) collector.separate();
    const xmlNode* node = leave(link);
    for (int passed = 0; node != nullptr && passed < max_nodes_passed && !collector.full(); ++passed) {
        if (node->type == XML_TEXT_NODE && node->content != nullptr) {
            std::string_view text = reinterpret_cast<const char*>(node->content);
            collector.add(text.substr(0, byte_limit));
        } else if (node->type == XML_ELEMENT_NODE) {
            if (ends_word(node)) collector.separate();
            if (is_read(node) && node->children != nullptr) {
                node = node->children;
                continue;
            }
            if (ends_word(node)) collector.separate();
        }
        node = leave(node);
    }
    return first_chars(collector.take(), limit);
}

}  // namespace

std::string_view element_name(const xmlNode* node) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
    return reinterpret_cast<const char*>(node->name);
}

std::string_view attribute_text(const xmlNode* node, std::string_view name) {
    for (const xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
        if (reinterpret_cast<const char*>(attribute->name) != name) continue;
        const xmlNode* value = attribute->children;
        if (value == nullptr || value->content == nullptr) return "";
        if (value->next == nullptr && value->type == XML_TEXT_NODE) return reinterpret_cast<const char*>(value->content);
        return "";  // entity references in an attribute: not in parsed HTML
    }
    return "";
}

bool is_navigation(const xmlNode* element) {
    const std::string_view name = element_name(element);
    if (name.empty()) return false;
    if (name == "nav" || name == "aside" || name == "footer") return true;
    if (element->properties == nullptr) return false;
    const std::string_view role = attribute_text(element, "role");
    for (const std::string_view navigating : {"navigation", "menu", "menubar", "complementary"})
        if (equals_lowered(role, navigating)) return true;
    const std::string_view classes = attribute_text(element, "class");
    std::size_t at = 0;
    while (at < classes.size()) {
        while (at < classes.size() && is_html_space(classes[at])) ++at;
        std::size_t end = at;
        while (end < classes.size() && !is_html_space(classes[end])) ++end;
        if (end > at && is_navigation_class(classes.substr(at, end - at))) return true;
        at = end;
    }
    return false;
}

ElementText element_text(const xmlNode* root, std::size_t limit, bool without_lists) {
    util::TextCollector collector(limit + 1);
    const xmlNode* node = root->children;
    // Bounded like the windows: an element holding thousands of nested ones (a table in a table
    // 100,000 deep) costs a short walk, not its whole subtree, for every one of its ancestors.
    bool skipped = false;  // text too deep or too far was left unread
    int depth = 1;
    for (int passed = 0; node != nullptr && !collector.full(); ++passed) {
        if (passed == max_nodes_read) {
            skipped = true;
            break;
        }
        bool descend = false;
        if (node->type == XML_TEXT_NODE && node->content != nullptr) {
            collector.add(reinterpret_cast<const char*>(node->content));
        } else if (node->type == XML_ELEMENT_NODE) {
            const std::string_view name = element_name(node);
            descend = !(without_lists && is_list(name)) && is_read(node);
            if (!is_inline_element(name)) collector.separate();
        }
        if (descend && node->children != nullptr) {
            if (depth < max_depth_read) {
                node = node->children;
                ++depth;
                continue;
            }
            skipped = true;
        }
        while (node != root && node->next == nullptr) {
            node = node->parent;
            --depth;
            if (node != root && ends_word(node)) collector.separate();
        }
        node = node == root ? nullptr : node->next;
    }
    ElementText result{collector.take(), collector.full() || skipped};
    // Counting characters: one more than `limit` was kept only when the text runs on mid-word.
    if (count_chars(result.text) > limit) result.text = first_chars(std::move(result.text), limit);
    return result;
}

std::string text_around(const xmlNode* block, const xmlNode* link, std::size_t limit) {
    std::string own = element_name(link) == "a" ? element_text(link, limit / 2).text : "";
    const std::size_t taken = count_chars(own) + 2;  // the link's text and the spaces around it
    const std::size_t room = limit > taken ? limit - taken : 0;
    std::string before = text_before(block, link, room);
    std::string after = text_after(block, link, room);
    const std::size_t before_chars = count_chars(before), after_chars = count_chars(after);
    if (before_chars + after_chars > room) {
        // Half each, and the room one side does not use goes to the other.
        const std::size_t half = room / 2;
        const std::size_t keep_before = after_chars < half ? room - after_chars : std::min(before_chars, half);
        const std::size_t keep_after = room - std::min(before_chars, keep_before);
        before = last_chars(before, keep_before);
        after = first_chars(std::move(after), keep_after);
    }
    std::string text = std::move(before);
    for (std::string* part : {&own, &after}) {
        if (part->empty()) continue;
        if (!text.empty()) text += ' ';
        text += *part;
    }
    return text;
}

}  // namespace ppid
