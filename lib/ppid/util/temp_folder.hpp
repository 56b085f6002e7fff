// A private temporary folder, removed with everything in it when the owner is done, and by a later
// run of any tool when the owner was killed before it could.
#pragma once

#include <string>

namespace ppid::util {

class TempFolder {
public:
    // Creates "$TMPDIR/NAME-XXXXXX" (TMPDIR defaults to /tmp) and holds a lock on it for its life.
    // Folders of the same NAME whose owner died (kill -9, a power cut) are removed first: their
    // lock is free. Throws std::runtime_error when it cannot create the folder.
    explicit TempFolder(const std::string& name);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
    int lock_ = -1;  // the folder itself, open and locked (flock) while it is in use
};

// Removes the folders "DIR/NAME-XXXXXX" whose lock is free (their owner is dead); never another
// user's, nor one whose owner is alive. Returns how many.
int remove_abandoned_temp_folders(const std::string& dir, const std::string& name);

}  // namespace ppid::util
