// What a file is by its bytes: its SHA-256 and its media type as libmagic reads the content,
// and whether its name's extension lies about that type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ppid {

struct FileFacts {
    std::string sha256;      // lower-case hex; "" when the file could not be read
    std::string media_type;  // e.g. "application/pdf"; "" when unknown
    std::string read_error;  // why the file could not be read, or ""
    std::uint64_t size = 0;  // the bytes read and hashed
    bool changed = false;    // the file grew, shrank or was written while it was read: the hash is of no one version
};

// Returns the hash and content type of the file at `path`, reading it once. Never throws: a
// file that cannot be read gives read_error. Safe to call from several threads.
FileFacts read_file_facts(const std::string& path);

// Returns whether libmagic and its database can be loaded; without them no media type is known
// and no type mismatch can be seen, so ppid-index refuses to run.
bool media_types_available();

// Returns whether a file named with `extension` (lower case, no dot: "pdf") holding content
// of `media_type` is misnamed: an HTML error page saved as .pdf, a .docx that is not a zip.
// Unknown extensions are never a mismatch.
bool extension_mismatch(std::string_view extension, std::string_view media_type);

}  // namespace ppid
