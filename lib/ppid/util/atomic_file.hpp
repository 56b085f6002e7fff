// Replacing a file so that its readers (a mailer, a web server, a person opening it) see the old
// content or the new, never a half-written file.
#pragma once

#include <filesystem>
#include <string_view>

namespace ppid::util {

// Writes `content` to a temporary file in `path`'s folder, flushes it to disk and renames it over
// `path`, with the permissions a new file made by the shell gets (0666 less the umask). Throws
// std::runtime_error ("cannot write PATH: REASON") when any step fails, leaving `path` as it was and
// no temporary file behind. A `path` that is a device or a fifo (/dev/stdout) is written to
// directly instead, never replaced.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace ppid::util
