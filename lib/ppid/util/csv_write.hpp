// Writing CSV that spreadsheets open safely: RFC 4180 quoting, CRLF line ends, and cells that Excel or
// LibreOffice would run as formulas (a title "=HYPERLINK(...)" read from a website) made plain text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

// Returns `text` made inert for a spreadsheet: when it starts with '=', '+', '-', '@', a tab or a CR,
// an apostrophe is put before it, so that it shows as text instead of being evaluated (the OWASP
// advice). A plain number ("-4", "+62", "-2.5", "-2,5") is left alone: a spreadsheet reads it as a
// number and runs nothing.
std::string neutralize_formula(std::string_view text);

// Returns `text` as one RFC 4180 field: in double quotes, with quotes doubled, when it holds
// `delimiter`, a quote, CR or LF or starts or ends with a space; otherwise as it is. The text is not
// neutralised: call neutralize_formula first for values from outside.
std::string csv_field(std::string_view text, char delimiter = ',');

// Appends `fields`, each neutralised and quoted as needed, separated by `delimiter` and ended with CRLF.
void append_csv_record(std::string& out, const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace ppid::util
