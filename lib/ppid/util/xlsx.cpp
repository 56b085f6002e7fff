#include <ppid/util/xlsx.hpp>

#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>

namespace ppid::util {

namespace {

constexpr std::size_t last_excel_row = 1'048'576;

[[noreturn]] void fail(const std::string& message) {
    throw std::runtime_error(message);
}

bool ends_with(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

template <typename Number>
std::optional<Number> parse_number(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

std::string size_text(std::uint64_t bytes) {
    if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

struct Budget {
    const XlsxLimits& limits;
    std::uint64_t used = 0;  // uncompressed bytes of every part read so far

    std::string part_error(const std::string& part) const {
        return "part " + part + " would be larger than " + size_text(limits.max_part_bytes) +
               " uncompressed (a zip bomb?)";
    }
    std::string total_error(const std::string& part) const {
        return "reading part " + part + " would take the workbook past " + size_text(limits.max_total_bytes) +
               " uncompressed (a zip bomb?)";
    }
};

std::string open_error(const std::filesystem::path& path, int code, int system_error) {
    if (code == ZIP_ER_NOENT) return "no such file";
    if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
        return std::string("cannot read the file: ") + std::strerror(system_error);
    if (code == ZIP_ER_NOZIP) {
        std::ifstream in(path, std::ios::binary);
        char magic[4] = {};
        // An encrypted .xlsx is an OLE compound file, like a legacy .xls: worth telling apart.
        if (in.read(magic, sizeof magic) && std::memcmp(magic, "\xD0\xCF\x11\xE0", sizeof magic) == 0)
            return "not an XLSX file (an old .xls workbook or a password-protected one: save it as .xlsx "
                   "without a password)";
        return "not an XLSX file (not a zip archive)";
    }
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = std::string("not an XLSX file (a damaged zip archive: ") + zip_error_strerror(&error) + ")";
    zip_error_fini(&error);
    return message;
}

class ZipArchive {
public:
    explicit ZipArchive(const std::filesystem::path& path) {
        std::error_code ignored;
        if (std::filesystem::is_directory(path, ignored)) fail("is a directory, not an XLSX file");
        if (std::filesystem::exists(path, ignored) && std::filesystem::file_size(path, ignored) == 0)
            fail("not an XLSX file (the file is empty)");
        int code = 0;
        zip_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
        if (zip_ == nullptr) fail(open_error(path, code, errno));
    }
    ~ZipArchive() { zip_discard(zip_); }
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Part names are matched ignoring case, as Excel does.
    std::optional<zip_uint64_t> find(const std::string& name) const {
        const zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
        if (index < 0) return std::nullopt;
        return static_cast<zip_uint64_t>(index);
    }
    zip_t* get() const { return zip_; }

private:
    zip_t* zip_ = nullptr;
};

// One part's uncompressed bytes, refused past the limits whatever the zip directory declares.
class PartStream {
public:
    PartStream(const ZipArchive& zip, std::string name, Budget& budget) : name_(std::move(name)), budget_(budget) {
        const auto index = zip.find(name_);
        if (!index) fail("missing part " + name_);
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(zip.get(), *index, 0, &stat) != 0)
            fail("cannot read part " + name_ + ": " + zip_strerror(zip.get()));
        if ((stat.valid & ZIP_STAT_SIZE) != 0) {
            if (stat.size > budget_.limits.max_part_bytes) fail(budget_.part_error(name_));
            if (budget_.used + stat.size > budget_.limits.max_total_bytes) fail(budget_.total_error(name_));
        }
        if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE)
            fail("part " + name_ + " is encrypted");
        file_ = zip_fopen_index(zip.get(), *index, 0);
        if (file_ == nullptr) fail("cannot read part " + name_ + ": " + zip_strerror(zip.get()));
    }
    ~PartStream() { zip_fclose(file_); }
    PartStream(const PartStream&) = delete;
    PartStream& operator=(const PartStream&) = delete;

    const std::string& name() const { return name_; }

    // Called by libxml2, so it reports failure through `error` and never throws.
    int read(char* buffer, int length) noexcept try {
        if (!error.empty()) return -1;
        const zip_int64_t count = zip_fread(file_, buffer, static_cast<zip_uint64_t>(length));
        if (count < 0) {
            error = "cannot read part " + name_ + ": " + zip_file_strerror(file_);
            return -1;
        }
        if (in_prolog_) check_prolog(std::string_view(buffer, static_cast<std::size_t>(count)));
        bytes_ += static_cast<std::uint64_t>(count);
        budget_.used += static_cast<std::uint64_t>(count);
        if (bytes_ > budget_.limits.max_part_bytes)
            error = budget_.part_error(name_);
        else if (budget_.used > budget_.limits.max_total_bytes)
            error = budget_.total_error(name_);
        return error.empty() ? static_cast<int>(count) : -1;
    } catch (...) {
        if (error.empty()) error = "cannot read part " + name_;
        return -1;
    }

    std::string error;

private:
    // A DTD is refused before libxml2 sees it: its parser reads ahead and would handle entity
    // declarations and references before reporting the doctype node. Scans until the root element.
    void check_prolog(std::string_view chunk) {
        prolog_tail_ += chunk;
        std::size_t root = std::string::npos;
        for (std::size_t at = prolog_tail_.find('<'); at != std::string::npos && root == std::string::npos;
             at = prolog_tail_.find('<', at + 1))
            if (at + 1 < prolog_tail_.size() && prolog_tail_[at + 1] != '?' && prolog_tail_[at + 1] != '!') root = at;
        if (std::string_view(prolog_tail_).substr(0, root).find("<!DOCTYPE") != std::string_view::npos)
            error = "part " + name_ + " has a DTD, which XLSX forbids";
        in_prolog_ = root == std::string::npos;
        if (!in_prolog_)
            prolog_tail_.clear();
        else if (prolog_tail_.size() > 8)
            prolog_tail_.erase(0, prolog_tail_.size() - 8);  // "<!DOCTYP" may go on
    }

    std::string name_;
    Budget& budget_;
    zip_file_t* file_ = nullptr;
    std::uint64_t bytes_ = 0;
    bool in_prolog_ = true;
    std::string prolog_tail_;
};

void init_libxml2() {
    static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialized;
}

// A streaming pass over one XML part. No DTD is accepted (OOXML parts never have one), so no
// entity can be declared, let alone expanded or fetched; XML_PARSE_NONET guards the rest.
class XmlPart {
public:
    XmlPart(const ZipArchive& zip, std::string name, Budget& budget) : stream_(zip, std::move(name), budget) {
        init_libxml2();
        reader_ = xmlReaderForIO(&XmlPart::read_callback, &XmlPart::close_callback, &stream_, stream_.name().c_str(),
                                 nullptr, XML_PARSE_NONET);
        if (reader_ == nullptr) fail(stream_.error.empty() ? "cannot parse part " + stream_.name() : stream_.error);
        xmlTextReaderSetErrorHandler(reader_, &XmlPart::error_callback, this);
    }
    ~XmlPart() { xmlFreeTextReader(reader_); }
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;

    // Returns false at the end of the part; throws on malformed XML or a refused read.
    bool next() {
        const int status = xmlTextReaderRead(reader_);
        if (!stream_.error.empty()) fail(stream_.error);
        if (status == 0) return false;
        if (status < 0) fail("malformed XML in " + stream_.name() + (error_.empty() ? "" : " " + error_));
        type_ = xmlTextReaderNodeType(reader_);
        name_ = text_of(xmlTextReaderConstLocalName(reader_));  // interned: valid as long as the reader
        if (type_ == XML_READER_TYPE_DOCUMENT_TYPE) fail("part " + stream_.name() + " has a DTD, which XLSX forbids");
        return true;
    }

    int type() const { return type_; }
    int depth() const { return xmlTextReaderDepth(reader_); }
    std::string_view name() const { return name_; }
    std::string_view value() const { return text_of(xmlTextReaderConstValue(reader_)); }
    bool is_start(std::string_view local) const { return type() == XML_READER_TYPE_ELEMENT && name() == local; }
    bool is_end(std::string_view local) const { return type() == XML_READER_TYPE_END_ELEMENT && name() == local; }
    bool is_empty_element() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
    bool is_text() const {
        const int t = type();
        return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA || t == XML_READER_TYPE_WHITESPACE ||
               t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
    }

    // Calls visit(local_name, value, qualified) for each attribute except namespace declarations.
    template <typename Visit>
    void for_each_attribute(Visit&& visit) {
        if (xmlTextReaderHasAttributes(reader_) != 1) return;
        while (xmlTextReaderMoveToNextAttribute(reader_) == 1) {
            if (xmlTextReaderIsNamespaceDecl(reader_) == 1) continue;
            visit(text_of(xmlTextReaderConstLocalName(reader_)), value(),
                  xmlTextReaderConstNamespaceUri(reader_) != nullptr);
        }
        xmlTextReaderMoveToElement(reader_);
    }

    [[noreturn]] void fail_here(const std::string& message) const {
        fail(stream_.name() + " line " + std::to_string(xmlTextReaderGetParserLineNumber(reader_)) + ": " + message);
    }

private:
    static std::string_view text_of(const xmlChar* text) {
        return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
    }
    static int read_callback(void* context, char* buffer, int length) {
        return static_cast<PartStream*>(context)->read(buffer, length);
    }
    static int close_callback(void*) { return 0; }  // the PartStream member owns the zip entry
    static void error_callback(void* self, const char* message, xmlParserSeverities severity,
                               xmlTextReaderLocatorPtr locator) noexcept try {
        auto& part = *static_cast<XmlPart*>(self);
        if (severity == XML_PARSER_SEVERITY_WARNING || severity == XML_PARSER_SEVERITY_VALIDITY_WARNING) return;
        if (!part.error_.empty() || message == nullptr) return;
        std::string text = message;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        std::replace(text.begin(), text.end(), '\n', ' ');  // "Input is not proper UTF-8 ...\nBytes: 0xFF"
        const int line = xmlTextReaderLocatorLineNumber(locator);
        part.error_ = (line > 0 ? "line " + std::to_string(line) + ": " : "") + text;
    } catch (...) {
    }

    PartStream stream_;
    xmlTextReaderPtr reader_ = nullptr;
    int type_ = 0;  // of the current node, asked for many times per node
    std::string_view name_;
    std::string error_;  // libxml2's first error, kept for the exception
};

// Returns the part name a relationship target points to: "/xl/x.xml" is absolute, "worksheets/
// sheet1.xml" and "../x.xml" are relative to the source part's folder.
std::string resolve_target(const std::string& folder, std::string_view target) {
    const std::string joined =
        !target.empty() && target.front() == '/' ? std::string(target) : folder + "/" + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const std::size_t end = std::min(joined.find('/', start), joined.size());
        const std::string segment = joined.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string name;
    for (const auto& segment : segments) name += (name.empty() ? "" : "/") + segment;
    return name;
}

std::string folder_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash);
}

struct Relationship {
    std::string id, type, part;
};

// Returns the relationships of `part` ("" for the package), or none when it has no .rels part.
std::vector<Relationship> read_relationships(const ZipArchive& zip, const std::string& part, Budget& budget) {
    const std::string folder = folder_of(part);
    const std::string file = part.substr(part.empty() ? 0 : folder.size() + (folder.empty() ? 0 : 1));
    const std::string rels = (folder.empty() ? "" : folder + "/") + "_rels/" + file + ".rels";
    std::vector<Relationship> relationships;
    if (!zip.find(rels)) return relationships;
    XmlPart xml(zip, rels, budget);
    while (xml.next()) {
        if (!xml.is_start("Relationship")) continue;
        Relationship relationship;
        std::string target;
        bool external = false;
        xml.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
            if (name == "Id") relationship.id = value;
            if (name == "Type") relationship.type = value;
            if (name == "Target") target = value;
            if (name == "TargetMode") external = value == "External";
        });
        if (external) continue;
        relationship.part = resolve_target(folder, target);
        relationships.push_back(std::move(relationship));
    }
    return relationships;
}

const Relationship* find_relationship(const std::vector<Relationship>& relationships, std::string_view type_tail) {
    for (const auto& relationship : relationships)
        if (ends_with(relationship.type, type_tail)) return &relationship;
    return nullptr;
}

struct Workbook {
    std::string part;
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    std::vector<Relationship> relationships;
};

Workbook open_workbook(const ZipArchive& zip, Budget& budget) {
    Workbook book;
    const auto package = read_relationships(zip, "", budget);
    const Relationship* main = find_relationship(package, "/officeDocument");
    book.part = main != nullptr && !main->part.empty() ? main->part : "xl/workbook.xml";
    if (!zip.find(book.part)) {
        if (zip.find("content.xml")) fail("not an XLSX workbook (an OpenDocument file such as .ods? save it as .xlsx)");
        fail("not an XLSX workbook (no " + book.part + " in the zip archive)");
    }
    XmlPart xml(zip, book.part, budget);
    bool root = true;
    while (xml.next()) {
        if (xml.type() != XML_READER_TYPE_ELEMENT) continue;
        if (root && xml.name() != "workbook")
            fail("not an XLSX workbook (its main part " + book.part + " is not a workbook)");
        root = false;
        if (xml.depth() != 2 || xml.name() != "sheet") continue;
        std::pair<std::string, std::string> sheet;
        xml.for_each_attribute([&](std::string_view name, std::string_view value, bool qualified) {
            if (name == "name" && !qualified) sheet.first = value;
            if (name == "id" && qualified) sheet.second = value;  // r:id
        });
        book.sheets.push_back(std::move(sheet));
    }
    if (book.sheets.empty()) fail("the workbook lists no sheets");
    book.relationships = read_relationships(zip, book.part, budget);
    return book;
}

// Returns the part of `relationship_type`, else the usual name next to the workbook if present.
std::optional<std::string> workbook_part(const ZipArchive& zip, const Workbook& book, std::string_view type_tail,
                                         const std::string& usual_name) {
    if (const Relationship* relationship = find_relationship(book.relationships, type_tail))
        if (zip.find(relationship->part)) return relationship->part;
    const std::string usual = resolve_target(folder_of(book.part), usual_name);
    if (zip.find(usual)) return usual;
    return std::nullopt;
}

// Built-in formats 14-22 and 45-47 show dates and times, except 46, "[h]:mm:ss": a duration.
bool is_date_format_id(unsigned id) {
    return (id >= 14 && id <= 22) || id == 45 || id == 47;
}

// Returns, for each cell format (cellXfs) in order, whether it shows numbers as dates or times.
std::vector<bool> read_date_styles(const ZipArchive& zip, const std::string& part, Budget& budget) {
    std::map<unsigned, bool> custom;  // numFmtId -> shows a date
    std::vector<unsigned> format_ids;
    bool in_cell_formats = false;
    XmlPart xml(zip, part, budget);
    while (xml.next()) {
        if (xml.is_end("cellXfs")) in_cell_formats = false;
        if (xml.type() != XML_READER_TYPE_ELEMENT) continue;
        if (xml.name() == "cellXfs") in_cell_formats = !xml.is_empty_element();
        // Depth 2 only: <dxfs> (conditional formats) hold numFmts too, <cellStyleXfs> xfs.
        const bool custom_format = xml.depth() == 2 && xml.name() == "numFmt";
        if (!custom_format && !(in_cell_formats && xml.depth() == 2 && xml.name() == "xf")) continue;
        unsigned id = 0;
        std::string code;
        xml.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
            if (name == "numFmtId") id = parse_number<unsigned>(value).value_or(0);
            if (name == "formatCode") code = value;
        });
        if (custom_format)
            custom[id] = is_date_number_format(code);
        else
            format_ids.push_back(id);
    }
    std::vector<bool> dates;
    for (const unsigned id : format_ids) {
        const auto found = custom.find(id);
        dates.push_back(found != custom.end() ? found->second : is_date_format_id(id));
    }
    return dates;
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Excel writes characters XML cannot hold as _xHHHH_ (UTF-16 units: "_x000D_" is a carriage
// return) and a literal "_x" as "_x005F_x"; returns the text with those decoded.
std::string decode_escapes(std::string text) {
    if (text.find("_x") == std::string::npos) return text;
    const auto unit_at = [&](std::size_t i) -> std::optional<std::uint32_t> {
        if (i + 7 > text.size() || text.compare(i, 2, "_x") != 0 || text[i + 6] != '_') return std::nullopt;
        std::uint32_t unit = 0;
        const auto [end, error] = std::from_chars(text.data() + i + 2, text.data() + i + 6, unit, 16);
        if (error != std::errc() || end != text.data() + i + 6) return std::nullopt;
        return unit;
    };
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        auto unit = unit_at(i);
        if (!unit) {
            out += text[i++];
            continue;
        }
        i += 7;
        if (*unit >= 0xD800 && *unit <= 0xDBFF) {
            const auto low = unit_at(i);
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                unit = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
                i += 7;
            }
        }
        append_utf8(out, *unit >= 0xD800 && *unit <= 0xDFFF ? 0xFFFD : *unit);
    }
    return out;
}

// All shared strings in one buffer: a sharedStrings part of tiny <si/> items must not cost a
// std::string each.
class SharedStrings {
public:
    void add(const std::string& text) {
        pool_ += decode_escapes(text);
        ends_.push_back(pool_.size());
    }
    std::size_t size() const { return ends_.size(); }
    std::string_view operator[](std::size_t i) const {
        const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(pool_).substr(begin, ends_[i] - begin);
    }

private:
    std::string pool_;
    std::vector<std::size_t> ends_;
};

// Collects the text of <t> elements under the current element, skipping phonetic runs (<rPh>),
// until the element named `end` closes; used for <si> and <is>.
std::string read_string_item(XmlPart& xml, std::string_view end) {
    std::string text;
    if (xml.is_empty_element()) return text;
    bool in_text = false;
    int phonetic_depth = 0;
    while (xml.next()) {
        if (xml.is_end(end)) break;
        if (xml.is_start("rPh") && !xml.is_empty_element())
            ++phonetic_depth;
        else if (xml.is_end("rPh"))
            --phonetic_depth;
        else if (xml.is_start("t"))
            in_text = !xml.is_empty_element();
        else if (xml.is_end("t"))
            in_text = false;
        else if (in_text && phonetic_depth == 0 && xml.is_text())
            text += xml.value();
    }
    return text;
}

SharedStrings read_shared_strings(const ZipArchive& zip, const std::string& part, Budget& budget) {
    SharedStrings strings;
    XmlPart xml(zip, part, budget);
    while (xml.next())
        if (xml.is_start("si")) strings.add(read_string_item(xml, "si"));
    return strings;
}

struct CellReference {
    std::size_t row = 0, column = 0;
};

std::optional<CellReference> parse_reference(std::string_view text) {
    std::size_t letters = 0;
    while (letters < text.size() &&
           ((text[letters] >= 'A' && text[letters] <= 'Z') || (text[letters] >= 'a' && text[letters] <= 'z')))
        ++letters;
    const auto column = column_index(text.substr(0, letters));
    const auto row = parse_number<std::size_t>(text.substr(letters));
    if (!column || !row || *row == 0 || *row > last_excel_row) return std::nullopt;
    return CellReference{*row, *column};
}

// Reads <sheetData> and <mergeCells> of a worksheet part into `sheet`.
class SheetReader {
public:
    SheetReader(XmlPart& xml, const SharedStrings& strings, const std::vector<bool>& date_styles,
                const XlsxLimits& limits)
        : xml_(xml), strings_(strings), date_styles_(date_styles), limits_(limits) {}

    void read(Sheet& sheet) {
        bool in_row = false, out_of_order = false;
        std::size_t last_row = 0;
        SheetRow row;
        while (xml_.next()) {
            if (xml_.is_start("row")) {
                row = SheetRow{};
                row.number = last_row + 1;
                xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool qualified) {
                    if (name != "r" || qualified) return;
                    const auto number = parse_number<std::size_t>(value);
                    if (!number || *number == 0 || *number > last_excel_row)
                        xml_.fail_here("bad row number \"" + std::string(value) + "\"");
                    row.number = *number;
                });
                out_of_order = out_of_order || row.number <= last_row;
                last_row = row.number;
                next_column_ = 0;
                in_row = !xml_.is_empty_element();
            } else if (xml_.is_end("row")) {
                in_row = false;
                while (!row.cells.empty() && row.cells.back().kind == SheetCell::Kind::empty) row.cells.pop_back();
                if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
            } else if (xml_.is_start("c")) {
                if (!in_row) xml_.fail_here("a cell outside a row");
                read_cell(row);
            } else if (xml_.is_start("mergeCell")) {
                xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
                    if (name == "ref") sheet.merged.push_back(parse_range(value));
                });
            }
        }
        if (out_of_order) order_rows(sheet.rows);
    }

private:
    void read_cell(SheetRow& row) {
        std::size_t column = next_column_, style = 0;
        type_.clear();
        value_.clear();
        xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool qualified) {
            if (qualified) return;
            if (name == "r") {
                const auto reference = parse_reference(value);
                if (!reference) xml_.fail_here("bad cell reference \"" + std::string(value) + "\"");
                column = reference->column;
            } else if (name == "s") {
                style = parse_number<std::size_t>(value).value_or(0);
            } else if (name == "t") {
                type_ = value;
            }
        });
        next_column_ = column + 1;
        if (!xml_.is_empty_element()) {
            bool in_value = false;
            while (xml_.next() && !xml_.is_end("c")) {
                if (xml_.is_start("v"))
                    in_value = !xml_.is_empty_element();
                else if (xml_.is_end("v"))
                    in_value = false;
                else if (xml_.is_start("is"))
                    value_ = read_string_item(xml_, "is");
                else if (in_value && xml_.is_text())
                    value_ += xml_.value();
            }
        }
        SheetCell cell = make_cell(column, row.number);
        if (cell.kind == SheetCell::Kind::empty) return;
        cell.date_format = style < date_styles_.size() && date_styles_[style];
        if (row.cells.size() <= column) {
            cells_ += column + 1 - row.cells.size();
            if (cells_ > limits_.max_cells) fail("sheet has more than " + std::to_string(limits_.max_cells) + " cells");
            row.cells.resize(column + 1);
        }
        row.cells[column] = std::move(cell);
    }

    SheetCell make_cell(std::size_t column, std::size_t row) const {
        using Kind = SheetCell::Kind;
        const auto where = [&] { return "cell " + column_name(column) + std::to_string(row) + ": "; };
        SheetCell cell;
        if (type_ == "s") {
            if (value_.empty()) return cell;
            const auto index = parse_number<std::size_t>(value_);
            if (!index || *index >= strings_.size())
                xml_.fail_here(where() + "no shared string \"" + value_ + "\" (the workbook has " +
                               std::to_string(strings_.size()) + ")");
            cell.text = strings_[*index];
        } else if (type_ == "inlineStr") {
            cell.text = decode_escapes(value_);
        } else if (type_ == "str") {  // a formula's text
            cell.text = decode_escapes(value_);
        } else if (type_ == "d") {  // an ISO 8601 date, written by some tools instead of a number
            cell.text = value_;
        } else if (type_ == "b") {
            if (value_.empty()) return cell;
            if (value_ != "0" && value_ != "1") xml_.fail_here(where() + "bad boolean \"" + value_ + "\"");
            cell.kind = Kind::boolean;
            cell.number = value_ == "1" ? 1 : 0;
            cell.text = value_ == "1" ? "TRUE" : "FALSE";
            return cell;
        } else if (type_ == "e") {
            cell.kind = value_.empty() ? Kind::empty : Kind::error;
            cell.text = value_;
            return cell;
        } else if (type_.empty() || type_ == "n") {
            if (value_.empty()) return cell;
            const auto number = parse_number<double>(value_);
            if (!number) xml_.fail_here(where() + "bad number \"" + value_ + "\"");
            cell.kind = Kind::number;
            cell.number = *number;
            cell.text = value_;
            return cell;
        } else {
            xml_.fail_here(where() + "unknown cell type \"" + type_ + "\"");
        }
        cell.kind = cell.text.empty() ? Kind::empty : Kind::text;
        return cell;
    }

    MergedRange parse_range(std::string_view text) const {
        const auto colon = text.find(':');
        const auto first = parse_reference(text.substr(0, colon));
        const auto last = colon == std::string_view::npos ? first : parse_reference(text.substr(colon + 1));
        if (!first || !last) xml_.fail_here("bad merged range \"" + std::string(text) + "\"");
        return MergedRange{std::min(first->row, last->row), std::min(first->column, last->column),
                           std::max(first->row, last->row), std::max(first->column, last->column)};
    }

    // Rows written out of order or twice are sorted, a repeated row's later cells winning.
    static void order_rows(std::vector<SheetRow>& rows) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const SheetRow& a, const SheetRow& b) { return a.number < b.number; });
        std::vector<SheetRow> merged;
        for (auto& row : rows) {
            if (merged.empty() || merged.back().number != row.number) {
                merged.push_back(std::move(row));
                continue;
            }
            auto& target = merged.back().cells;
            if (target.size() < row.cells.size()) target.resize(row.cells.size());
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                if (row.cells[c].kind != SheetCell::Kind::empty) target[c] = std::move(row.cells[c]);
        }
        rows = std::move(merged);
    }

    XmlPart& xml_;
    const SharedStrings& strings_;
    const std::vector<bool>& date_styles_;
    const XlsxLimits& limits_;
    std::size_t next_column_ = 0;  // a cell without r="" follows the previous one
    std::size_t cells_ = 0;
    std::string type_, value_;  // of the cell being read, reused to spare allocations
};

bool same_ignoring_case(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

std::string sheet_list(const Workbook& book) {
    std::string list;
    for (const auto& sheet : book.sheets) list += (list.empty() ? "" : ", ") + sheet.first;
    return list;
}

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::filesystem::path& path, const XlsxLimits& limits) {
    const ZipArchive zip(path);
    Budget budget{limits};
    std::vector<std::string> names;
    for (auto& sheet : open_workbook(zip, budget).sheets) names.push_back(std::move(sheet.first));
    return names;
}

Sheet read_xlsx_sheet(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                      const XlsxLimits& limits) {
    const ZipArchive zip(path);
    Budget budget{limits};
    const Workbook book = open_workbook(zip, budget);
    auto chosen = std::find_if(book.sheets.begin(), book.sheets.end(),
                               [&](const auto& sheet) { return !sheet_name || sheet.first == *sheet_name; });
    if (chosen == book.sheets.end())  // Excel's sheet names are unique ignoring case
        chosen = std::find_if(book.sheets.begin(), book.sheets.end(),
                              [&](const auto& sheet) { return same_ignoring_case(sheet.first, *sheet_name); });
    if (chosen == book.sheets.end()) fail("no sheet named \"" + *sheet_name + "\" (sheets: " + sheet_list(book) + ")");
    const auto relationship = std::find_if(book.relationships.begin(), book.relationships.end(),
                                           [&](const Relationship& r) { return r.id == chosen->second; });
    if (relationship == book.relationships.end()) fail("sheet \"" + chosen->first + "\" has no part in the workbook");
    if (!ends_with(relationship->type, "/worksheet"))
        fail("sheet \"" + chosen->first + "\" is a chart or dialog sheet, not a worksheet");
    if (!zip.find(relationship->part))
        fail("sheet \"" + chosen->first + "\": part " + relationship->part + " is missing");

    std::vector<bool> date_styles;
    if (const auto styles = workbook_part(zip, book, "/styles", "styles.xml"))
        date_styles = read_date_styles(zip, *styles, budget);
    SharedStrings strings;
    if (const auto shared = workbook_part(zip, book, "/sharedStrings", "sharedStrings.xml"))
        strings = read_shared_strings(zip, *shared, budget);

    Sheet sheet;
    sheet.name = chosen->first;
    XmlPart xml(zip, relationship->part, budget);
    SheetReader(xml, strings, date_styles, limits).read(sheet);
    return sheet;
}

Sheet fill_merged_cells(Sheet sheet, std::size_t max_cells) {
    if (sheet.rows.empty()) return sheet;
    const auto by_number = [](const SheetRow& row, std::size_t number) { return row.number < number; };
    const auto find_row = [&](std::size_t number) -> SheetRow* {
        const auto it = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), number, by_number);
        return it != sheet.rows.end() && it->number == number ? &*it : nullptr;
    };
    const auto top_left = [&](const MergedRange& range) -> const SheetCell* {
        const SheetRow* row = find_row(range.first_row);
        if (row == nullptr || range.first_column >= row->cells.size()) return nullptr;
        const SheetCell& cell = row->cells[range.first_column];
        return cell.kind == SheetCell::Kind::empty ? nullptr : &cell;
    };
    const std::size_t last_row = sheet.rows.back().number;
    std::size_t width = 0, cells = 0;
    for (const auto& row : sheet.rows) {
        width = std::max(width, row.cells.size());
        cells += row.cells.size();
    }
    const auto check = [&] {
        if (cells > max_cells) fail("merged ranges would fill the sheet past " + std::to_string(max_cells) + " cells");
    };

    // Rows missing inside a range are added first, so the fill below never shifts the rows.
    std::vector<SheetRow> added;
    for (const auto& range : sheet.merged) {
        if (top_left(range) == nullptr) continue;
        for (std::size_t number = range.first_row; number <= std::min(range.last_row, last_row); ++number) {
            if (find_row(number) != nullptr) continue;
            added.push_back(SheetRow{number, {}});
            ++cells;
            check();
        }
    }
    if (!added.empty()) {
        std::sort(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
        added.erase(
            std::unique(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.number == b.number; }),
            added.end());
        std::move(added.begin(), added.end(), std::back_inserter(sheet.rows));
        std::sort(sheet.rows.begin(), sheet.rows.end(),
                  [](const auto& a, const auto& b) { return a.number < b.number; });
    }

    for (const auto& range : sheet.merged) {
        const SheetCell* source = top_left(range);
        if (source == nullptr || range.first_column >= width) continue;
        const SheetCell value = *source;
        for (std::size_t number = range.first_row; number <= std::min(range.last_row, last_row); ++number) {
            SheetRow& row = *find_row(number);
            const std::size_t end = std::min(range.last_column, width - 1) + 1;
            if (row.cells.size() < end) {
                cells += end - row.cells.size();
                check();
                row.cells.resize(end);
            }
            for (std::size_t column = range.first_column; column < end; ++column)
                if (number != range.first_row || column != range.first_column) row.cells[column] = value;
        }
    }
    return sheet;
}

bool is_date_number_format(std::string_view code) {
    bool date = false, time = false, elapsed = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        switch (code[i]) {
            case '"':  // literal text
                i = std::min(code.find('"', i + 1), code.size());
                break;
            case '\\':  // an escaped character
            case '_':   // space as wide as the next character
            case '*':   // fill with the next character
                ++i;
                break;
            case '[': {  // colour, condition, locale ([$-421]) or elapsed time ([h], [mm], [ss])
                const std::size_t close = std::min(code.find(']', i), code.size());
                const std::string_view inside = code.substr(i + 1, close - i - 1);
                if (!inside.empty() && inside.find_first_not_of(inside.front()) == std::string_view::npos &&
                    std::string_view("hHmMsS").find(inside.front()) != std::string_view::npos)
                    elapsed = true;
                i = close;
                break;
            }
            case 'd':
            case 'D':
            case 'y':
            case 'Y':
                date = true;
                break;
            case 'h':
            case 'H':
            case 'm':
            case 'M':
                time = true;
                break;
            default:
                break;
        }
    }
    return date || (time && !elapsed);
}

std::optional<std::size_t> column_index(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return std::nullopt;
    std::size_t column = 0;
    for (const char c : letters) {
        const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        if (upper < 'A' || upper > 'Z') return std::nullopt;
        column = column * 26 + static_cast<std::size_t>(upper - 'A' + 1);
    }
    if (column > 16384) return std::nullopt;
    return column - 1;
}

std::string column_name(std::size_t column) {
    std::string name;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

}  // namespace ppid::util
