#include <ppid/util/temp_folder.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace ppid::util {

namespace {

std::string temp_dir() {
    const char* tmp = std::getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

// Whether `entry` is NAME- followed by mkdtemp's six characters.
bool is_temp_name(const std::string& entry, const std::string& name) {
    return entry.size() == name.size() + 7 && entry.compare(0, name.size(), name) == 0 && entry[name.size()] == '-';
}

int open_folder(const std::string& path) {
    return ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

}  // namespace

int remove_abandoned_temp_folders(const std::string& dir, const std::string& name) {
    std::vector<std::string> candidates;
    if (DIR* listing = ::opendir(dir.c_str())) {
        while (const dirent* entry = ::readdir(listing))
            if (is_temp_name(entry->d_name, name)) candidates.push_back(dir + "/" + entry->d_name);
        ::closedir(listing);
    }
    int removed = 0;
    for (const auto& folder : candidates) {
        const int lock = open_folder(folder);
        if (lock < 0) continue;
        struct stat facts {};
        // The owner's lock died with it; holding it now keeps two sweeping runs from racing.
        if (::fstat(lock, &facts) == 0 && facts.st_uid == ::geteuid() && ::flock(lock, LOCK_EX | LOCK_NB) == 0) {
            std::error_code ignored;
            if (std::filesystem::remove_all(folder, ignored) > 0) ++removed;
        }
        ::close(lock);
    }
    return removed;
}

TempFolder::TempFolder(const std::string& name) {
    const std::string dir = temp_dir();
    remove_abandoned_temp_folders(dir, name);
    // Made under another name, locked, then renamed into place: no run ever sees a folder of this
    // name whose lock is not held yet. The rename never replaces a folder (one of the same suffix
    // may exist, however unlikely): another name is drawn then.
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string making = dir + "/" + name + ".new-XXXXXX";
        if (!::mkdtemp(making.data())) throw std::runtime_error("cannot create a temporary folder " + making);
        lock_ = open_folder(making);
        path_ = dir + "/" + name + "-" + making.substr(making.size() - 6);
        if (lock_ >= 0 && ::flock(lock_, LOCK_EX) == 0 &&
            ::renameat2(AT_FDCWD, making.c_str(), AT_FDCWD, path_.c_str(), RENAME_NOREPLACE) == 0)
            return;
        const int error = errno;
        if (lock_ >= 0) ::close(lock_);
        ::rmdir(making.c_str());
        if (error != EEXIST) throw std::runtime_error("cannot create a temporary folder " + path_ + ": " + std::strerror(error));
    }
    throw std::runtime_error("cannot create a temporary folder " + path_ + ": every name taken");
}

TempFolder::~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
    ::close(lock_);
}

}  // namespace ppid::util
