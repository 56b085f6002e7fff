#include <ppid/util/atomic_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ppid::util {

namespace {

mode_t current_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

// Returns false, errno set, when a write fails.
bool write_all(int fd, std::string_view content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    const auto fail = [&](int error) {
        throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(error));
    };
    std::error_code unknown;
    const auto existing = std::filesystem::status(path, unknown);
    if (!unknown && std::filesystem::exists(existing) && !std::filesystem::is_regular_file(existing) &&
        !std::filesystem::is_directory(existing)) {
        // /dev/stdout, /dev/full, a fifo: a place to write to, not a file to replace. Renaming
        // over it would replace the device itself when run as root.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) fail(errno);
        if (!write_all(fd, content)) {
            const int error = errno;
            ::close(fd);
            fail(error);
        }
        if (::close(fd) != 0) fail(errno);
        return;
    }
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temporary = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) fail(errno);
    const auto give_up = [&](int error) {
        ::close(fd);
        std::remove(temporary.c_str());
        fail(error);
    };
    if (::fchmod(fd, 0666 & ~current_umask()) != 0) give_up(errno);
    if (!write_all(fd, content)) give_up(errno);
    if (::fsync(fd) != 0) give_up(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        std::remove(temporary.c_str());
        fail(error);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        std::remove(temporary.c_str());
        fail(error);
    }
}

}  // namespace ppid::util
