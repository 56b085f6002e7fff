#include "support/xlsx_writer.hpp"

#include <ppid/util/xlsx.hpp>

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <tuple>

namespace ppid::test {

namespace {

constexpr const char* main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* relationships_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

std::string escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Excel marks text whose edge spaces or line breaks must survive.
std::string text_element(const std::string& text) {
    const bool preserve = !text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) ||
                                            std::isspace(static_cast<unsigned char>(text.back())));
    return std::string(preserve ? "<t xml:space=\"preserve\">" : "<t>") + escape(text) + "</t>";
}

std::string number_text(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string reference(std::size_t row, std::size_t column) {
    return util::column_name(column) + std::to_string(row);
}

// Streams a ZipEntry to libzip without building it in memory.
class EntrySource {
public:
    explicit EntrySource(const ZipEntry& entry) : entry_(entry) { zip_error_init(&error_); }
    ~EntrySource() { zip_error_fini(&error_); }

    static zip_int64_t callback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
        auto& self = *static_cast<EntrySource*>(state);
        switch (command) {
            case ZIP_SOURCE_OPEN:
                self.position_ = 0;
                return 0;
            case ZIP_SOURCE_READ:
                return static_cast<zip_int64_t>(self.read(static_cast<char*>(data), length));
            case ZIP_SOURCE_CLOSE:
                return 0;
            case ZIP_SOURCE_STAT: {
                if (length < sizeof(zip_stat_t)) return -1;
                auto* stat = static_cast<zip_stat_t*>(data);
                zip_stat_init(stat);
                stat->size = self.size();
                stat->mtime = 1693267200;  // 2023-08-29: fixed, so archives are reproducible
                stat->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
                return sizeof(zip_stat_t);
            }
            case ZIP_SOURCE_ERROR:
                return zip_error_to_data(&self.error_, data, length);
            case ZIP_SOURCE_FREE:
                delete &self;
                return 0;
            case ZIP_SOURCE_SUPPORTS:
                return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                                      ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
            default:
                zip_error_set(&self.error_, ZIP_ER_OPNOTSUPP, 0);
                return -1;
        }
    }

private:
    std::uint64_t size() const { return entry_.head.size() + entry_.fill_count + entry_.tail.size(); }

    std::uint64_t read(char* out, std::uint64_t length) {
        const std::uint64_t head = entry_.head.size(), body = head + entry_.fill_count;
        std::uint64_t written = 0;
        while (written < length && position_ < size()) {
            std::uint64_t count = 0;
            if (position_ < head) {
                count = std::min(length - written, head - position_);
                std::memcpy(out + written, entry_.head.data() + position_, count);
            } else if (position_ < body) {
                count = std::min(length - written, body - position_);
                std::memset(out + written, entry_.fill, count);
            } else {
                count = std::min(length - written, size() - position_);
                std::memcpy(out + written, entry_.tail.data() + (position_ - body), count);
            }
            written += count;
            position_ += count;
        }
        return written;
    }

    const ZipEntry& entry_;
    std::uint64_t position_ = 0;
    zip_error_t error_;
};

}  // namespace

void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (archive == nullptr) throw std::runtime_error("cannot create " + path.string());
    for (const auto& entry : entries) {
        auto* state = new EntrySource(entry);
        zip_source_t* source = zip_source_function(archive, &EntrySource::callback, state);
        if (source == nullptr) {
            delete state;
            zip_discard(archive);
            throw std::runtime_error("cannot add " + entry.name);
        }
        const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            zip_discard(archive);
            throw std::runtime_error("cannot add " + entry.name);
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6);
    }
    if (zip_close(archive) != 0) {
        const std::string message = zip_strerror(archive);
        zip_discard(archive);
        throw std::runtime_error("cannot write " + path.string() + ": " + message);
    }
}

void patch_declared_size(const std::filesystem::path& path, const std::string& entry, std::uint32_t size) {
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto put32 = [&](std::size_t at, std::uint32_t value) {
        for (int i = 0; i < 4; ++i)
            bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFF);
    };
    const auto get16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at])) |
               static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
    };
    // Local header: size at 22, name length at 26, name at 30. Central: 24, 28 and 46.
    int patched = 0;
    for (const auto& [signature, size_at, name_length_at, name_at] :
         {std::tuple<std::string, std::size_t, std::size_t, std::size_t>{std::string("PK\x03\x04", 4), 22, 26, 30},
          std::tuple<std::string, std::size_t, std::size_t, std::size_t>{std::string("PK\x01\x02", 4), 24, 28, 46}}) {
        for (std::size_t at = bytes.find(signature); at != std::string::npos; at = bytes.find(signature, at + 1)) {
            if (at + name_at > bytes.size()) break;
            if (bytes.compare(at + name_at, get16(at + name_length_at), entry) != 0 ||
                get16(at + name_length_at) != entry.size())
                continue;
            put32(at + size_at, size);
            ++patched;
        }
    }
    if (patched != 2) throw std::runtime_error("cannot patch " + entry + " in " + path.string());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

XlsxWriter::Sheet& XlsxWriter::Sheet::put(std::size_t row, std::size_t column, Cell cell) {
    rows_[row][column] = std::move(cell);
    return *this;
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set(std::size_t row, std::size_t column, const std::string& text) {
    if (inline_strings_) return set_inline(row, column, text);
    return put(row, column, Cell{"s", 0, text_element(text), ""});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_inline(std::size_t row, std::size_t column, const std::string& text) {
    return put(row, column, Cell{"inlineStr", 0, "", "<is>" + text_element(text) + "</is>"});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_rich(std::size_t row, std::size_t column,
                                               const std::vector<std::string>& runs, const std::string& phonetic) {
    std::string xml;
    bool bold = true;
    for (const auto& run : runs) {
        xml += std::string("<r><rPr>") + (bold ? "<b/>" : "") +
               "<sz val=\"11\"/><rFont val=\"Calibri\"/><family val=\"2\"/></rPr>" + text_element(run) + "</r>";
        bold = !bold;
    }
    if (!phonetic.empty())
        xml += "<rPh sb=\"0\" eb=\"1\">" + text_element(phonetic) + "</rPh><phoneticPr fontId=\"1\"/>";
    return put(row, column, Cell{"s", 0, xml, ""});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_number(std::size_t row, std::size_t column, double value, bool date_style) {
    return set_number(row, column, value, date_style ? NumberStyle::date : NumberStyle::general);
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_number(std::size_t row, std::size_t column, double value, NumberStyle style) {
    return put(row, column, Cell{"", static_cast<std::size_t>(style), "", "<v>" + number_text(value) + "</v>"});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_boolean(std::size_t row, std::size_t column, bool value) {
    return put(row, column, Cell{"b", 0, "", value ? "<v>1</v>" : "<v>0</v>"});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_error(std::size_t row, std::size_t column, const std::string& error) {
    return put(row, column, Cell{"e", 0, "", "<v>" + escape(error) + "</v>"});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_formula(std::size_t row, std::size_t column, const std::string& formula,
                                                  const std::string& cached, NumberStyle style) {
    return put(
        row, column,
        Cell{"", static_cast<std::size_t>(style), "", "<f>" + escape(formula) + "</f><v>" + escape(cached) + "</v>"});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_text_formula(std::size_t row, std::size_t column, const std::string& formula,
                                                       const std::string& cached) {
    return put(row, column, Cell{"str", 0, "", "<f>" + escape(formula) + "</f><v>" + escape(cached) + "</v>"});
}

XlsxWriter::Sheet& XlsxWriter::Sheet::merge(std::size_t first_row, std::size_t first_column, std::size_t last_row,
                                            std::size_t last_column) {
    merges_.push_back(reference(first_row, first_column) + ":" + reference(last_row, last_column));
    return *this;
}

XlsxWriter::Sheet& XlsxWriter::add_sheet(const std::string& name) {
    sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(name, inline_strings_)));
    return *sheets_.back();
}

std::vector<ZipEntry> XlsxWriter::parts() const {
    const std::string sheet_count = std::to_string(sheets_.size());
    std::string content_types =
        std::string(xml_declaration) +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
    std::string workbook = std::string(xml_declaration) + "<workbook xmlns=\"" + main_ns + "\" xmlns:r=\"" +
                           relationships_ns +
                           "\"><bookViews><workbookView xWindow=\"0\" yWindow=\"0\" "
                           "windowWidth=\"28800\" windowHeight=\"12300\"/></bookViews><sheets>";
    std::string workbook_rels =
        std::string(xml_declaration) +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    const std::string rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    const std::string target_folder = absolute_targets_ ? "/xl/" : "";

    std::vector<ZipEntry> sheet_parts;
    std::vector<std::string> shared;  // <si> contents in first-use order
    std::map<std::string, std::size_t> shared_index;
    std::size_t shared_uses = 0;
    for (std::size_t i = 0; i < sheets_.size(); ++i) {
        const Sheet& sheet = *sheets_[i];
        const std::string n = std::to_string(i + 1);
        content_types += "<Override PartName=\"/xl/worksheets/sheet" + n +
                         ".xml\" "
                         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
        workbook += "<sheet name=\"" + escape(sheet.name_) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        workbook_rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_type + "worksheet\" Target=\"" +
                         target_folder + "worksheets/sheet" + n + ".xml\"/>";

        std::string data;
        std::size_t last_row = 1, last_column = 0;
        for (const auto& [row, cells] : sheet.rows_) {
            const std::size_t width = cells.rbegin()->first + 1;
            last_row = std::max(last_row, row);
            last_column = std::max(last_column, width - 1);
            data += "<row r=\"" + std::to_string(row) + "\" spans=\"" + std::to_string(cells.begin()->first + 1) + ":" +
                    std::to_string(width) + "\">";
            for (const auto& [column, cell] : cells) {
                data += "<c";
                if (!omit_references_) data += " r=\"" + reference(row, column) + "\"";
                if (cell.style != 0) data += " s=\"" + std::to_string(cell.style) + "\"";
                if (!cell.type.empty()) data += " t=\"" + cell.type + "\"";
                data += ">";
                if (!cell.shared_xml.empty()) {
                    const auto [found, added] = shared_index.emplace(cell.shared_xml, shared.size());
                    if (added) shared.push_back(cell.shared_xml);
                    ++shared_uses;
                    data += "<v>" + std::to_string(found->second) + "</v>";
                } else {
                    data += cell.inner_xml;
                }
                data += "</c>";
            }
            data += "</row>";
        }
        std::string xml = std::string(xml_declaration) + "<worksheet xmlns=\"" + main_ns + "\" xmlns:r=\"" +
                          relationships_ns + "\"><dimension ref=\"A1:" + reference(last_row, last_column) + "\"/>" +
                          "<sheetViews><sheetView " + (i == 0 ? "tabSelected=\"1\" " : "") +
                          "workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData>" +
                          data + "</sheetData>";
        if (!sheet.merges_.empty()) {
            xml += "<mergeCells count=\"" + std::to_string(sheet.merges_.size()) + "\">";
            for (const auto& merge : sheet.merges_) xml += "<mergeCell ref=\"" + merge + "\"/>";
            xml += "</mergeCells>";
        }
        xml +=
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            "</worksheet>";
        sheet_parts.push_back(ZipEntry{"xl/worksheets/sheet" + n + ".xml", std::move(xml)});
    }

    const std::string styles_id = "rId" + std::to_string(sheets_.size() + 1);
    const std::string strings_id = "rId" + std::to_string(sheets_.size() + 2);
    content_types +=
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
    workbook_rels += "<Relationship Id=\"" + styles_id + "\" Type=\"" + rel_type + "styles\" Target=\"" +
                     target_folder + "styles.xml\"/>";
    if (!shared.empty()) {
        content_types +=
            "<Override PartName=\"/xl/sharedStrings.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
        workbook_rels += "<Relationship Id=\"" + strings_id + "\" Type=\"" + rel_type + "sharedStrings\" Target=\"" +
                         target_folder + "sharedStrings.xml\"/>";
    }
    content_types += "</Types>";
    workbook += "</sheets><calcPr calcId=\"191029\"/></workbook>";
    workbook_rels += "</Relationships>";

    // cellXfs follow NumberStyle: General, built-in 14 (d/m/yyyy), two custom formats, 10 (0.00%),
    // 46 ([h]:mm:ss).
    const std::string styles =
        std::string(xml_declaration) + "<styleSheet xmlns=\"" + main_ns +
        "\">"
        "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ hh:mm\"/>"
        "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/></numFmts>"
        "<fonts count=\"1\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/>"
        "<scheme val=\"minor\"/></font></fonts>"
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"46\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" "
        "defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>";

    std::vector<ZipEntry> parts;
    parts.push_back({"[Content_Types].xml", content_types});
    parts.push_back(
        {"_rels/.rels", std::string(xml_declaration) +
                            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            "<Relationship Id=\"rId1\" Type=\"" +
                            rel_type +
                            "officeDocument\" Target=\"xl/workbook.xml\"/>"
                            "</Relationships>"});
    parts.push_back({"xl/workbook.xml", workbook});
    parts.push_back({"xl/_rels/workbook.xml.rels", workbook_rels});
    parts.push_back({"xl/styles.xml", styles});
    if (!shared.empty()) {
        std::string sst = std::string(xml_declaration) + "<sst xmlns=\"" + main_ns + "\" count=\"" +
                          std::to_string(shared_uses) + "\" uniqueCount=\"" + std::to_string(shared.size()) + "\">";
        for (const auto& item : shared) sst += "<si>" + item + "</si>";
        parts.push_back({"xl/sharedStrings.xml", sst + "</sst>"});
    }
    std::move(sheet_parts.begin(), sheet_parts.end(), std::back_inserter(parts));
    return parts;
}

}  // namespace ppid::test
