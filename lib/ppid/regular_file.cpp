#include <ppid/regular_file.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ppid {

RegularFile::RegularFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        errno_ = errno;
        error_ = std::strerror(errno_);
        return;
    }
    if (::fstat(fd, &opened_) != 0) {
        errno_ = errno;
        error_ = std::strerror(errno_);
        ::close(fd);
        return;
    }
    if (!S_ISREG(opened_.st_mode)) {
        error_ = file_kind(opened_.st_mode) + ", not a regular file";
        ::close(fd);
        return;
    }
    // Reads of a regular file never wait on O_NONBLOCK anyway; cleared so that nothing depends on it.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    fd_ = fd;
}

RegularFile::~RegularFile() {
    if (fd_ >= 0) ::close(fd_);
}

long RegularFile::read(char* buffer, std::size_t size) {
    while (true) {
        const ssize_t got = ::read(fd_, buffer, size);
        if (got >= 0 || errno != EINTR) return static_cast<long>(got);
    }
}

bool RegularFile::stat_now(struct stat& now) const {
    return ::fstat(fd_, &now) == 0;
}

std::string file_kind(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISREG(mode)) return "a regular file";
    return "a special file";
}

}  // namespace ppid
