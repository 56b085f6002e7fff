// Bringing text files to UTF-8 the way spreadsheet exports arrive: with or without a byte-order
// mark, as UTF-16 ("Unicode text"), or in the Windows ANSI code page.
#pragma once

#include <string>
#include <string_view>

namespace ppid::util {

// What a file was before convert_to_utf8 made it UTF-8.
enum class SourceEncoding { utf8, utf8_bom, utf16le_bom, utf16be_bom, windows1252 };

// Returns a name for messages: "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM",
// "UTF-16BE with BOM" or "Windows-1252".
std::string_view to_string(SourceEncoding encoding);

// Converts `text` in place to UTF-8 without a BOM and returns what it was; never fails, and the
// result is always valid UTF-8. A UTF-8 BOM is dropped; UTF-16 with a BOM is converted; valid
// UTF-8 is left alone (no copy); anything else is decoded as Windows-1252, including 0x80-0x9F
// (€ ‘ ’ “ ” – — …). What cannot be decoded becomes U+FFFD: the five bytes Windows-1252 leaves
// undefined (0x81 0x8D 0x8F 0x90 0x9D), invalid sequences after a UTF-8 BOM, unpaired UTF-16
// surrogates and an odd final UTF-16 byte.
//
// Text that is valid UTF-8 is taken as UTF-8 even if it was meant as Windows-1252 ("Ã©"): in
// real files that coincidence is rare, and guessing against valid UTF-8 would be worse. UTF-16
// without a BOM is not recognised.
SourceEncoding convert_to_utf8(std::string& text);

// Returns whether `text` is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF,
// no truncated sequence, no stray continuation byte).
bool is_valid_utf8(std::string_view text);

// Returns `text` with each invalid UTF-8 sequence replaced by U+FFFD (valid text is unchanged).
std::string repair_utf8(std::string_view text);

// Returns `text` decoded as Windows-1252, in UTF-8 (the undefined bytes become U+FFFD).
std::string windows1252_to_utf8(std::string_view text);

// Appends the UTF-8 form of `code_point`; a surrogate or a value above U+10FFFF appends U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace ppid::util
