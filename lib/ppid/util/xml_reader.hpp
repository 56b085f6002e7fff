// A streaming pass over one part of an office file's XML with libxml2's xmlTextReader. No DTD is
// accepted (OOXML and ODF parts never have one), so no entity can be declared, let alone expanded
// or fetched; XML_PARSE_NONET guards the rest.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

struct _xmlTextReader;  // libxml2's reader, kept out of this header

namespace ppid::util {

struct XmlAttribute {
    std::string_view name;   // local name
    std::string_view value;
    bool qualified = false;  // it has a namespace prefix (r:id)
};

class XmlReader {
public:
    // Fills up to `size` bytes of `buffer` with the part's next bytes and returns how many, 0 at
    // the end; throws std::runtime_error, whose message the reader then throws.
    using Input = std::function<std::size_t(char* buffer, std::size_t size)>;

    // Starts reading the part named `part` from `input`; `format` names the file format in the
    // message refusing a DTD. Throws std::runtime_error when the input fails or libxml2 cannot start.
    XmlReader(std::string part, Input input, std::string format);
    ~XmlReader();
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    // Moves to the next node and returns true, or returns false at the end of the part. Throws
    // std::runtime_error: the input's message, "malformed XML in P line 7: ...", or "part P has a
    // DTD, which XLSX forbids" (checked before libxml2 reads the DTD, which it would act on first).
    bool next();

    // The current node. name() is its local name; value() the text of a text node.
    bool is_element() const { return node_ == Node::element; }
    bool is_start(std::string_view local) const { return node_ == Node::element && name_ == local; }
    bool is_end(std::string_view local) const { return node_ == Node::end_element && name_ == local; }
    bool is_text() const { return node_ == Node::text; }  // text, CDATA or whitespace
    bool is_empty_element() const;                        // <x/>, with no end node to follow
    int depth() const;                                    // the root element is at 0
    std::string_view name() const { return name_; }
    std::string_view value() const;

    // Returns the current element's next attribute, skipping namespace declarations, or nullopt
    // after the last one (back on the element). The views last until the reader moves.
    std::optional<XmlAttribute> next_attribute();

    // Calls visit(local_name, value, qualified) for each attribute of the current element.
    template <typename Visit>
    void for_each_attribute(Visit&& visit) {
        while (const auto attribute = next_attribute()) visit(attribute->name, attribute->value, attribute->qualified);
    }

    // Throws std::runtime_error("P line N: `message`") for the current line.
    [[noreturn]] void fail_here(const std::string& message) const;

private:
    struct Callbacks;  // libxml2's, defined with the reader
    enum class Node { element, end_element, text, other };

    std::string part_;
    Input input_;
    std::string format_;
    _xmlTextReader* reader_ = nullptr;
    Node node_ = Node::other;  // of the current node, asked for many times per node
    std::string_view name_;    // interned by libxml2: valid as long as the reader
    std::string parse_error_;  // libxml2's first error, kept for the exception
    std::string input_error_;  // the input's error or a refused DTD, which ends the reading
    bool in_prolog_ = true;    // no root element seen yet
    std::string prolog_tail_;  // the end of the prolog read so far, where "<!DOCTYPE" may begin
};

}  // namespace ppid::util
