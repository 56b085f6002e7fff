#include <ppid/error.hpp>
#include <ppid/file_walk.hpp>
#include <ppid/ignore_rules.hpp>
#include <ppid/regular_file.hpp>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <cstdlib>
#include <cstring>
#include <set>
#include <utility>

namespace ppid {

namespace {

constexpr const char* ignore_file_name = ".ppidignore";

std::string real_path(const std::string& path) {
    char buffer[PATH_MAX];
    return ::realpath(path.c_str(), buffer) ? std::string(buffer) : std::string();
}

class Walker {
public:
    Walker(const std::string& root, const WalkOptions& options, Diagnostics& diag)
        : root_(root), options_(options), diag_(diag), real_root_(real_path(root)) {
        for (const auto& pattern : options.excludes) excludes_.add(pattern, "");
    }

    std::vector<FoundFile> run() {
        struct stat info {};
        if (::stat(root_.c_str(), &info) != 0)
            throw Error(std::string("cannot read document root: ") + std::strerror(errno), Location{root_, 0});
        if (!S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode))
            throw Error("not a folder or a regular file (a device, pipe or socket)", Location{root_, 0});
        if (S_ISREG(info.st_mode)) {  // a single file named as a root
            const auto slash = root_.find_last_of('/');
            const std::string folder = slash == std::string::npos ? "." : root_.substr(0, slash);
            add_file(folder, root_.substr(slash + 1), root_, info);
        } else {
            visit_folder("", info);
        }
        std::sort(files_.begin(), files_.end(), [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
        return std::move(files_);
    }

private:
    std::string full(const std::string& relative) const { return relative.empty() ? root_ : root_ + "/" + relative; }

    void add_file(const std::string& root, const std::string& relative, const std::string& full_path,
                  const struct stat& info) {
        FoundFile file;
        file.root = root;
        file.path = relative;
        file.full_path = full_path;
        file.size = static_cast<std::uint64_t>(info.st_size);
        file.mtime_seconds = info.st_mtim.tv_sec;
        file.mtime_nanoseconds = info.st_mtim.tv_nsec;
        files_.push_back(std::move(file));
    }

    void read_ignore_file(const std::string& relative) {
        const std::string path = full(relative.empty() ? ignore_file_name : relative + "/" + ignore_file_name);
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0) return;  // none, the usual case
        // Opened without blocking: a FIFO in its place is said, not waited on.
        RegularFile file(path);
        if (!file.is_open()) {
            diag_.warning(Location{path, 0}, "cannot read it (" + file.error() + "); its rules are not applied");
            return;
        }
        std::string text;
        char buffer[4096];
        long got = 0;
        while ((got = file.read(buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(got));
        rules_.add_file_text(text, relative);
    }

    // Returns whether a link's target stays inside the root; says why not otherwise.
    bool inside_root(const std::string& relative) {
        const std::string target = real_path(full(relative));
        if (target.empty()) {
            diag_.warning(Location{full(relative), 0}, "symbolic link leads nowhere; skipped");
            return false;
        }
        if (!target.empty() && target.size() > real_root_.size() && target.compare(0, real_root_.size(), real_root_) == 0 &&
            target[real_root_.size()] == '/')
            return true;
        diag_.warning(Location{full(relative), 0}, "symbolic link leads out of the document root; not followed");
        return false;
    }

    void visit_folder(const std::string& relative, const struct stat& info) {
        const auto identity = std::make_pair(info.st_dev, info.st_ino);
        if (!visited_.insert(identity).second) {
            diag_.warning(Location{full(relative), 0}, "folder already indexed (a symbolic link loop?); skipped");
            return;
        }
        read_ignore_file(relative);
        DIR* dir = ::opendir(full(relative).c_str());
        if (!dir) {
            diag_.error(Location{full(relative), 0}, std::string("cannot read folder: ") + std::strerror(errno));
            return;
        }
        std::vector<std::string> names;
        while (const dirent* entry = ::readdir(dir)) {
            const std::string name = entry->d_name;
            if (name == "." || name == ".." || name == ignore_file_name) continue;
            if (!options_.hidden && name[0] == '.') continue;
            names.push_back(name);
        }
        ::closedir(dir);
        std::sort(names.begin(), names.end());
        // Real entries first, links after: a link must never take the place of the folder it
        // points to, whatever their names, or paths would change with --follow.
        std::vector<std::string> links;
        for (const auto& name : names) {
            const std::string path = relative.empty() ? name : relative + "/" + name;
            struct stat entry {};
            if (::lstat(full(path).c_str(), &entry) == 0 && S_ISLNK(entry.st_mode)) links.push_back(path);
            else visit_entry(path);
        }
        for (const auto& path : links) visit_entry(path);
    }

    void visit_entry(const std::string& relative) {
        struct stat info {};
        if (::lstat(full(relative).c_str(), &info) != 0) {
            diag_.error(Location{full(relative), 0}, std::string("cannot read: ") + std::strerror(errno));
            return;
        }
        if (S_ISLNK(info.st_mode)) {
            if (!options_.follow || !inside_root(relative)) return;
            if (::stat(full(relative).c_str(), &info) != 0) return;  // a dangling link: nothing to index
        }
        const bool is_folder = S_ISDIR(info.st_mode);
        // --exclude has the last word: a '!' line in a .ppidignore cannot take back what it leaves out.
        if (rules_.ignored(relative, is_folder) || excludes_.ignored(relative, is_folder)) return;
        if (is_folder) visit_folder(relative, info);
        else if (S_ISREG(info.st_mode)) add_file(root_, relative, full(relative), info);
    }

    std::string root_;
    const WalkOptions& options_;
    Diagnostics& diag_;
    std::string real_root_;
    IgnoreRules rules_;     // from .ppidignore files
    IgnoreRules excludes_;  // from --exclude
    std::set<std::pair<dev_t, ino_t>> visited_;
    std::vector<FoundFile> files_;
};

}  // namespace

std::string normal_root(const std::string& root) {
    std::string normal = std::filesystem::path(root).lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal.empty() ? "." : normal;
}

std::vector<FoundFile> walk_root(const std::string& root, const WalkOptions& options, Diagnostics& diag) {
    return Walker(normal_root(root), options, diag).run();
}

}  // namespace ppid
