// White space as spreadsheet cells carry it: besides ASCII, the no-break space a copied web page
// leaves ("Diterima\u00A0"), the other Unicode spaces, and the zero-width space and BOM that
// pasting brings along.
#pragma once

#include <cstddef>
#include <string_view>

namespace ppid::util {

// Returns `text` without the white space at either end: ASCII spaces, tabs and line breaks,
// U+0085, U+00A0, U+1680, U+2000 to U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF
// in UTF-8. Never fails; other bytes are left as they are.
std::string_view trim_unicode_spaces(std::string_view text);

// Returns the length (2 or 3) when `character`, one whole UTF-8 character, is one of the non-ASCII
// spaces above, else 0.
std::size_t unicode_space_length(std::string_view character);

}  // namespace ppid::util
