// Writes genuine small PDF files for tests, byte by byte with a correct cross-reference table:
// pages of text in the standard Helvetica font (a text layer poppler extracts), pages that only
// paint an image (a scan), an Info dictionary, and a locked file that asks for a password.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ppid::test {

class PdfWriter {
public:
    // Adds an Info dictionary entry ("Title", "CreationDate"); text beyond ASCII is written as
    // UTF-16BE with a byte-order mark, as PDF producers write it.
    PdfWriter& info(const std::string& key, const std::string& value);

    // Adds an A4 page drawing `lines` (ASCII) top-down in 12-point Helvetica.
    PdfWriter& add_text_page(const std::vector<std::string>& lines);

    // Adds an A4 page that only paints a tiny grey image XObject stretched over the page: a scan.
    PdfWriter& add_image_page();

    // Adds an Encrypt dictionary (standard handler, RC4 40-bit) whose password hashes match no
    // password, so a reader finds the file locked; the content itself is left unencrypted.
    PdfWriter& lock() {
        locked_ = true;
        return *this;
    }

    // Returns the file's bytes: header, objects, xref table, trailer and %%EOF.
    std::string bytes() const;

    // Writes bytes() to `path`; throws std::runtime_error when it cannot.
    void save(const std::filesystem::path& path) const;

private:
    struct Page {
        std::vector<std::string> lines;
        bool image = false;
    };

    std::vector<std::pair<std::string, std::string>> info_;
    std::vector<Page> pages_;
    bool locked_ = false;
};

// Writes `bytes` to `path`; throws std::runtime_error when it cannot.
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace ppid::test
