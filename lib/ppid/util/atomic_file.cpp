#include <ppid/util/atomic_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace ppid::util {

namespace {

mode_t current_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    const auto fail = [&](int error) {
        throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(error));
    };
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
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            give_up(errno);
        }
        written += static_cast<std::size_t>(n);
    }
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
