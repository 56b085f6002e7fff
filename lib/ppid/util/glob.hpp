// Shell-style patterns as gitignore writes them: `*` and `?` stay within one path segment,
// `[...]` is a character class, `**` crosses segments ("**/draft", "arsip/**", "a/**/b").
#pragma once

#include <string_view>

namespace ppid::util {

// Returns whether `pattern` matches the whole of `path` (segments separated by '/').
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace ppid::util
