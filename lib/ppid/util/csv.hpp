// Reading CSV as spreadsheet exports really are: RFC 4180 quoting, CRLF or LF, the delimiter
// Excel's locale chose (';' on Indonesian Windows), and Excel's leniency with stray quotes.
// Run convert_to_utf8 (text_encoding.hpp) first: the reader splits bytes, it does not decode.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

// Returns the field delimiter of CSV `text`: ';', ',' or '\t', whichever splits the first
// records (up to 20, quotes respected) most consistently into the same number (more than one)
// of fields, without stray quotes; ',' when nothing splits. A tie goes to ';', then ',', as
// Excel on Indonesian Windows writes ';'. Never fails.
char detect_csv_delimiter(std::string_view text);

struct CsvRecord {
    std::size_t line = 0;  // the 1-based line where the record starts
    std::vector<std::string> fields;
};

// Returns whether every field of `record` is empty: the ";;;;" rows registers often end with.
bool is_empty_record(const CsvRecord& record);

// Reads RFC 4180 CSV from `text` (UTF-8; a leading UTF-8 BOM is skipped), which must outlive
// the reader. Quoted fields may hold the delimiter, doubled quotes and line breaks, kept as
// written (CRLF or LF); records end with CRLF or LF, the last one possibly with neither.
//
// Lenient where Excel is: a quote inside an unquoted field is kept literally, and so is text
// between a closing quote and the next delimiter ("a"b reads as ab). A blank line (nothing, or
// only CR, before its LF) is skipped, not read as a record of one empty field: it carries no
// data, and a record shorter than the header would only produce a spurious error. A line of
// bare delimiters (";;;") is a record of empty fields; see is_empty_record. A lone CR is data.
class CsvReader {
public:
    // Throws std::invalid_argument when `delimiter` is a quote, CR or LF. A field is held only up
    // to `max_field_bytes` + 1 bytes, so that one huge field costs no memory and the caller can
    // still tell that it was longer than the limit.
    CsvReader(std::string_view text, char delimiter, std::size_t max_field_bytes = std::string::npos - 1);

    // Fills `record` with the next record and returns true, or returns false at the end; the
    // record's vector and strings are reused, so pass the same one on every call. Throws
    // std::runtime_error("line N: unterminated quoted field"), N being the line of the opening
    // quote, for a quote never closed; the reader is then at the end.
    bool next(CsvRecord& record);

    // Returns how many quotes so far were read leniently (inside an unquoted field, or followed
    // by text before the delimiter): Excel never writes them, so they hint at a wrong delimiter.
    std::size_t stray_quotes() const { return stray_quotes_; }

private:
    // Reads one field into `field` and leaves the cursor on the delimiter, LF or end after it.
    void read_field(std::string& field);
    void read_quoted_field(std::string& field);
    // Returns the end of the unquoted run from `p`: the next delimiter, LF or the end.
    const char* scan_unquoted(const char* p);
    // Returns `stop`, or one byte less when the run ends with the CR of a CRLF (or of the text).
    const char* without_cr(const char* start, const char* stop) const;
    // Appends [first, last) to `field` up to the held bytes.
    void append_held(std::string& field, const char* first, const char* last) const;

    const char* cursor_;
    const char* end_;
    char delimiter_;
    std::size_t max_held_;
    std::size_t line_ = 1;
    std::size_t stray_quotes_ = 0;
    std::array<bool, 256> stops_{};  // the bytes that end an unquoted run: delimiter, LF, quote
};

}  // namespace ppid::util
