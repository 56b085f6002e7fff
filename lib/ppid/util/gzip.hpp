// Reading gzip- and zlib-compressed bytes (a sitemap.xml.gz) with a bound on what they expand to,
// so a small body cannot become gigabytes (a gzip bomb).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ppid::util {

// Returns whether `bytes` start with the gzip magic number (1F 8B).
bool is_gzip(std::string_view bytes);

// Returns `bytes` (gzip, several members allowed, or zlib) decompressed. Throws
// std::runtime_error("... larger than N bytes once decompressed") when the result would exceed
// `limit` bytes (it stops there, never holding more), and std::runtime_error for corrupt or
// truncated data.
std::string gunzip(std::string_view bytes, std::size_t limit);

}  // namespace ppid::util
