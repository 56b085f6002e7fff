// Media types as headers and libmagic write them ("Text/HTML; charset=UTF-8"), reduced to the part
// that names the type.
#pragma once

#include <ppid/util/ascii.hpp>

#include <string>
#include <string_view>

namespace ppid::util {

// Returns the type/subtype of `media_type`, lower case, without parameters or white space:
// "text/html" for "Text/HTML ; charset=UTF-8"; "" for "".
inline std::string bare_media_type(std::string_view media_type) {
    std::string type;
    for (const char c : media_type.substr(0, media_type.find(';')))
        if (c != ' ' && c != '\t') type += ascii_lower(c);
    return type;
}

}  // namespace ppid::util
