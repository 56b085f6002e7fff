#include "support/pdf_writer.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace ppid::test {

namespace {

// A literal string "(...)": parentheses and backslashes escaped.
std::string literal(const std::string& text) {
    std::string out = "(";
    for (const char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

// Returns `text` as a hex string of UTF-16BE with a byte-order mark; `text` must be valid UTF-8.
std::string utf16_hex(const std::string& text) {
    std::string out = "<FEFF";
    const auto unit = [&out](unsigned value) {
        char buffer[5];
        std::snprintf(buffer, sizeof buffer, "%04X", value & 0xFFFFu);
        out += buffer;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        unsigned code = length == 1 ? byte : byte & (0xFFu >> (length + 1));
        for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        if (code >= 0x10000) {
            unit(0xD800 + ((code - 0x10000) >> 10));
            unit(0xDC00 + ((code - 0x10000) & 0x3FF));
        } else {
            unit(code);
        }
        i += length;
    }
    return out + ">";
}

bool is_ascii(const std::string& text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

std::string stream_object(const std::string& dictionary_entries, const std::string& data) {
    return "<< " + dictionary_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
           "\nendstream";
}

}  // namespace

PdfWriter& PdfWriter::info(const std::string& key, const std::string& value) {
    info_.emplace_back(key, value);
    return *this;
}

PdfWriter& PdfWriter::add_text_page(const std::vector<std::string>& lines) {
    pages_.push_back({lines, false});
    return *this;
}

PdfWriter& PdfWriter::add_image_page() {
    pages_.push_back({{}, true});
    return *this;
}

std::string PdfWriter::bytes() const {
    // Objects 1: catalog, 2: page tree, 3: font, 4: image, then per page its page and content
    // stream, then the Info and Encrypt dictionaries.
    std::vector<std::string> objects(4);
    std::string kids;
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        const std::size_t page = 5 + 2 * i;
        kids += std::to_string(page) + " 0 R ";
        std::string content;
        if (pages_[i].image) {
            content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        } else {
            content = "BT /F1 12 Tf 14 TL 72 770 Td";
            for (const auto& line : pages_[i].lines) content += " " + literal(line) + " Tj T*";
            content += " ET";
        }
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
            "/XObject << /Im1 4 0 R >> >> /Contents " +
            std::to_string(page + 1) + " 0 R >>");
        objects.push_back(stream_object("", content));
    }
    objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages_.size()) + " >>";
    objects[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    objects[3] = stream_object(
        "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8",
        "\x40\x80\xC0\x60");
    std::string trailer_extra;
    if (!info_.empty()) {
        std::string dictionary = "<<";
        for (const auto& [key, value] : info_)
            dictionary += " /" + key + " " + (is_ascii(value) ? literal(value) : utf16_hex(value));
        objects.push_back(dictionary + " >>");
        trailer_extra += " /Info " + std::to_string(objects.size()) + " 0 R";
    }
    if (locked_) {
        const std::string hash = "<" + std::string(64, 'A') + ">";
        objects.push_back("<< /Filter /Standard /V 1 /R 2 /O " + hash + " /U " + hash + " /P -4 >>");
        trailer_extra += " /Encrypt " + std::to_string(objects.size()) +
                         " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
    }

    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";  // the binary comment marks the file as binary
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);  // each entry exactly 20 bytes
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" + trailer_extra +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

void PdfWriter::save(const std::filesystem::path& path) const {
    write_file(path, bytes());
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace ppid::test
