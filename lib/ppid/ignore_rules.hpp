// Which files ppid-index leaves out: --exclude patterns and .ppidignore files, both in
// gitignore syntax (comments, `!` to take a file back, a trailing `/` for folders only, a
// pattern with a `/` anchored to the folder of its .ppidignore, `**`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ppid {

class IgnoreRules {
public:
    // Adds one line written in the folder `base` ("" for the root, else "a/b"), as from a
    // .ppidignore in that folder or --exclude (base "").
    void add(std::string_view line, const std::string& base);

    // Adds every line of a .ppidignore file's text found in folder `base`.
    void add_file_text(std::string_view text, const std::string& base);

    // Returns whether `path` (relative to the root, '/'-separated) is ignored; the last rule
    // that matches decides, as in git.
    bool ignored(const std::string& path, bool is_directory) const;

private:
    struct Rule {
        std::string base;
        std::string pattern;
        bool negated = false;
        bool directories_only = false;
        bool anchored = false;  // matched against the path from `base`, not just the last segment
    };
    std::vector<Rule> rules_;
};

}  // namespace ppid
