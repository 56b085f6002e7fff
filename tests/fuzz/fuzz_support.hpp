// What the libFuzzer targets share: a scratch file for parsers that read from a path, and a
// check that fails loudly (libFuzzer then keeps the input) when a promised property breaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace ppid::fuzz {

// Returns the bytes libFuzzer gives as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Returns the path of a file (one per process, so two targets never share it) that now holds
// exactly `bytes`; `suffix` is the extension a reader might look at (".csv", ".pdf").
inline std::string scratch_file(std::string_view bytes, const std::string& suffix) {
    const char* tmp = std::getenv("TMPDIR");
    const std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/ppid-fuzz-" + std::to_string(getpid()) + suffix;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) std::abort();
    return path;
}

// Aborts with `what` when `holds` is false: a broken promise is a finding like a crash.
inline void check(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "property failed: %s\n", what);
    std::abort();
}

}  // namespace ppid::fuzz
