// Writes genuine minimal .xlsx workbooks for tests: the parts and markup Excel writes, deflated
// into a zip with libzip, plus raw zip entries for the files a reader must refuse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ppid::test {

// One zip entry: `head`, then `fill` repeated `fill_count` times, then `tail`, streamed to libzip
// so that a part of hundreds of megabytes is never held in memory.
struct ZipEntry {
    ZipEntry(std::string entry_name, std::string content) : name(std::move(entry_name)), head(std::move(content)) {}

    std::string name;
    std::string head;
    char fill = ' ';
    std::uint64_t fill_count = 0;
    std::string tail;
};

// Writes `entries` in order as a deflated zip archive at `path`; throws std::runtime_error.
void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries);

// Rewrites the uncompressed size the archive at `path` declares for `entry` (local and central
// headers), as a zip bomb lies about its size; throws std::runtime_error if the entry is absent.
void patch_declared_size(const std::filesystem::path& path, const std::string& entry, std::uint32_t size);

// The cell formats the writer's styles.xml offers, in cellXfs order.
// builtin_elapsed is numFmtId 46 ("[h]:mm:ss"), which openpyxl gives a timedelta.
enum class NumberStyle { general, date, date_time, elapsed, percent, builtin_elapsed };

class XlsxWriter {
public:
    // Rows are 1-based and columns 0-based (A = 0), as in ppid::util::Sheet.
    class Sheet {
    public:
        Sheet& set(std::size_t row, std::size_t column, const std::string& text);  // shared, or inline
        Sheet& set_inline(std::size_t row, std::size_t column, const std::string& text);
        // A shared string of formatted runs; `phonetic` adds an <rPh> reading a reader must skip.
        Sheet& set_rich(std::size_t row, std::size_t column, const std::vector<std::string>& runs,
                        const std::string& phonetic = "");
        Sheet& set_number(std::size_t row, std::size_t column, double value, bool date_style = false);
        Sheet& set_number(std::size_t row, std::size_t column, double value, NumberStyle style);
        Sheet& set_boolean(std::size_t row, std::size_t column, bool value);
        Sheet& set_error(std::size_t row, std::size_t column, const std::string& error);
        // A formula with its cached number ("45168"), as Excel saves it.
        Sheet& set_formula(std::size_t row, std::size_t column, const std::string& formula, const std::string& cached,
                           NumberStyle style = NumberStyle::general);
        // A formula whose cached result is text (t="str").
        Sheet& set_text_formula(std::size_t row, std::size_t column, const std::string& formula,
                                const std::string& cached);
        Sheet& merge(std::size_t first_row, std::size_t first_column, std::size_t last_row, std::size_t last_column);

    private:
        friend class XlsxWriter;
        struct Cell {
            std::string type;        // the t="" attribute
            std::size_t style = 0;   // the s="" attribute
            std::string shared_xml;  // an <si>'s content; the index is given when the file is written
            std::string inner_xml;   // the cell's content otherwise
        };
        Sheet(std::string name, const bool& inline_strings) : name_(std::move(name)), inline_strings_(inline_strings) {}
        Sheet& put(std::size_t row, std::size_t column, Cell cell);

        std::string name_;
        const bool& inline_strings_;
        std::map<std::size_t, std::map<std::size_t, Cell>> rows_;
        std::vector<std::string> merges_;
    };

    XlsxWriter() = default;
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    // Returns the new sheet, valid as long as the writer.
    Sheet& add_sheet(const std::string& name);

    // Text set with Sheet::set is written inline (t="inlineStr") instead of to sharedStrings.xml.
    void use_inline_strings(bool on) { inline_strings_ = on; }
    // Cells are written without their r="" reference, each following the one before.
    void omit_cell_references(bool on) { omit_references_ = on; }
    // Workbook relationships name their targets "/xl/worksheets/sheet1.xml" rather than relatively.
    void use_absolute_targets(bool on) { absolute_targets_ = on; }

    // Returns the workbook's zip entries, for a test to alter before write_zip.
    std::vector<ZipEntry> parts() const;
    void save(const std::filesystem::path& path) const { write_zip(path, parts()); }

private:
    std::vector<std::unique_ptr<Sheet>> sheets_;
    bool inline_strings_ = false;
    bool omit_references_ = false;
    bool absolute_targets_ = false;
};

}  // namespace ppid::test
