#include <ppid/util/xml_reader.hpp>

#include <libxml/xmlreader.h>

#include <algorithm>
#include <stdexcept>

namespace ppid::util {

namespace {

void init_libxml2() {
    static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialized;
}

std::string_view text_of(const xmlChar* text) {
    return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

}  // namespace

// Called by libxml2, so they report failure through the reader's members and never throw.
struct XmlReader::Callbacks {
    static int read(void* context, char* buffer, int length) noexcept {
        auto& self = *static_cast<XmlReader*>(context);
        if (!self.input_error_.empty()) return -1;
        try {
            const std::size_t count = self.input_(buffer, static_cast<std::size_t>(length));
            if (self.in_prolog_) check_prolog(self, std::string_view(buffer, count));
            return self.input_error_.empty() ? static_cast<int>(count) : -1;
        } catch (const std::runtime_error& failure) {
            self.input_error_ = failure.what();
        } catch (...) {
            if (self.input_error_.empty()) self.input_error_ = "cannot read part " + self.part_;
        }
        return -1;
    }

    static int close(void*) noexcept { return 0; }  // the input belongs to the caller

    static void error(void* context, const char* message, xmlParserSeverities severity,
                      xmlTextReaderLocatorPtr locator) noexcept try {
        auto& self = *static_cast<XmlReader*>(context);
        if (severity == XML_PARSER_SEVERITY_WARNING || severity == XML_PARSER_SEVERITY_VALIDITY_WARNING) return;
        if (!self.parse_error_.empty() || message == nullptr) return;
        std::string text = message;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        std::replace(text.begin(), text.end(), '\n', ' ');  // "Input is not proper UTF-8 ...\nBytes: 0xFF"
        const int line = xmlTextReaderLocatorLineNumber(locator);
        self.parse_error_ = (line > 0 ? "line " + std::to_string(line) + ": " : "") + text;
    } catch (...) {
    }

    // A DTD is refused before libxml2 sees it: its parser reads ahead and would handle entity
    // declarations and references before reporting the doctype node. Scans until the root element.
    static void check_prolog(XmlReader& self, std::string_view chunk) {
        std::string& tail = self.prolog_tail_;
        tail += chunk;
        std::size_t root = std::string::npos;
        for (std::size_t at = tail.find('<'); at != std::string::npos && root == std::string::npos;
             at = tail.find('<', at + 1))
            if (at + 1 < tail.size() && tail[at + 1] != '?' && tail[at + 1] != '!') root = at;
        if (std::string_view(tail).substr(0, root).find("<!DOCTYPE") != std::string_view::npos)
            self.input_error_ = dtd_error(self);
        self.in_prolog_ = root == std::string::npos;
        if (!self.in_prolog_)
            tail.clear();
        else if (tail.size() > 8)
            tail.erase(0, tail.size() - 8);  // "<!DOCTYP" may go on
    }

    static std::string dtd_error(const XmlReader& self) {
        return "part " + self.part_ + " has a DTD, which " + self.format_ + " forbids";
    }
};

XmlReader::XmlReader(std::string part, Input input, std::string format)
    : part_(std::move(part)), input_(std::move(input)), format_(std::move(format)) {
    init_libxml2();
    reader_ = xmlReaderForIO(&Callbacks::read, &Callbacks::close, this, part_.c_str(), nullptr, XML_PARSE_NONET);
    if (reader_ == nullptr) throw std::runtime_error(input_error_.empty() ? "cannot parse part " + part_ : input_error_);
    xmlTextReaderSetErrorHandler(reader_, &Callbacks::error, this);
}

XmlReader::~XmlReader() {
    xmlFreeTextReader(reader_);
}

bool XmlReader::next() {
    const int status = xmlTextReaderRead(reader_);
    if (!input_error_.empty()) throw std::runtime_error(input_error_);
    if (status == 0) return false;
    if (status < 0)
        throw std::runtime_error("malformed XML in " + part_ + (parse_error_.empty() ? "" : " " + parse_error_));
    const int type = xmlTextReaderNodeType(reader_);
    name_ = text_of(xmlTextReaderConstLocalName(reader_));
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) throw std::runtime_error(Callbacks::dtd_error(*this));
    switch (type) {
        case XML_READER_TYPE_ELEMENT: node_ = Node::element; break;
        case XML_READER_TYPE_END_ELEMENT: node_ = Node::end_element; break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: node_ = Node::text; break;
        default: node_ = Node::other; break;
    }
    return true;
}

bool XmlReader::is_empty_element() const {
    return xmlTextReaderIsEmptyElement(reader_) == 1;
}

int XmlReader::depth() const {
    return xmlTextReaderDepth(reader_);
}

std::string_view XmlReader::value() const {
    return text_of(xmlTextReaderConstValue(reader_));
}

std::optional<XmlAttribute> XmlReader::next_attribute() {
    while (xmlTextReaderMoveToNextAttribute(reader_) == 1)
        if (xmlTextReaderIsNamespaceDecl(reader_) != 1)
            return XmlAttribute{text_of(xmlTextReaderConstLocalName(reader_)), value(),
                                xmlTextReaderConstNamespaceUri(reader_) != nullptr};
    xmlTextReaderMoveToElement(reader_);
    return std::nullopt;
}

void XmlReader::fail_here(const std::string& message) const {
    throw std::runtime_error(part_ + " line " + std::to_string(xmlTextReaderGetParserLineNumber(reader_)) + ": " +
                             message);
}

}  // namespace ppid::util
