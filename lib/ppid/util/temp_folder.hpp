// A private temporary folder, removed with everything in it when the owner is done.
#pragma once

#include <string>

namespace ppid::util {

class TempFolder {
public:
    // Creates "$TMPDIR/NAME-XXXXXX" (TMPDIR defaults to /tmp). Throws std::runtime_error when it
    // cannot.
    explicit TempFolder(const std::string& name);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace ppid::util
