// The output formats of a report. Each returns the whole report as one string (reports are small) and,
// but for XLSX, never fails; every value from the records is escaped for its format.
#pragma once

#include <ppid/report_document.hpp>

#include <cstddef>
#include <string>

namespace ppid {

struct TextStyle {
    std::size_t width = 80;  // columns; long titles and actions wrap to fit, at least 20
    bool color = false;      // ANSI colours for tones and bold headers
};

// Returns the report as plain text for a terminal or a mail body: underlined headings, aligned columns
// that count wide and combining characters right, long cells wrapped; control characters from the
// records are replaced, so a record cannot move the cursor or recolour the terminal.
std::string render_text(const ReportDocument& report, const TextStyle& style);

// Returns the report as CommonMark with GFM pipe tables; every value is backslash-escaped, so it stays
// text when the Markdown is turned into HTML, and only http(s) URLs become links.
std::string render_markdown(const ReportDocument& report);

// Returns the report as one self-contained HTML page (inline CSS, inline SVG charts, no scripts, nothing
// loaded from elsewhere), readable on a phone, printable, and well-formed XML as well as HTML. Only
// http(s) URLs become links; everything else is escaped text.
std::string render_html(const ReportDocument& report);

// Returns `chart` as an inline SVG element: one horizontal stacked bar per label, the label above it,
// the total after it, and a legend; it scales to the width of its container.
std::string render_svg_chart(const ReportChart& chart);

// Returns the report as RFC 4180 CSV (UTF-8, CRLF): the header, highlights, paragraphs and tables one
// after another, every row padded to the same number of fields, cells safe against formula injection
// (util/csv_write.hpp). With `bom`, a UTF-8 byte-order mark comes first, which Excel needs to read UTF-8.
std::string render_csv(const ReportDocument& report, bool bom);

// Returns the report as an XLSX workbook (the file's bytes): a summary sheet, then one sheet per
// section with its parts, each table's header row bold and the first one frozen, columns sized to
// their text, dates as date cells, counts as numbers, text always as text (never a formula), http(s)
// links as links. Throws Error when libxlsxwriter cannot write it (a full temporary folder).
std::string render_xlsx(const ReportDocument& report);

}  // namespace ppid
