#include <ppid/file_walk.hpp>
#include <ppid/ignore_rules.hpp>
#include <ppid/util/glob.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace ppid;
namespace fs = std::filesystem;

namespace {

// A scratch folder tree, removed when the test ends.
struct Tree : test::TempDir {
    const fs::path& root = path();
    Tree() : test::TempDir("ppid-walk-") {}
    void file(const std::string& relative, const std::string& content = "x") const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << content;
    }
};

std::vector<std::string> walk(const Tree& tree, const WalkOptions& options = {}) {
    std::vector<std::string> messages;
    Diagnostics diag([&](const std::string& m) { messages.push_back(m); });
    std::vector<std::string> paths;
    for (const auto& file : walk_root(tree.root.string(), options, diag)) paths.push_back(file.path);
    return paths;
}

}  // namespace

TEST_CASE("glob patterns keep * within a segment and let ** cross them", "[walk]") {
    CHECK(util::glob_match("*.pdf", "laporan.pdf"));
    CHECK_FALSE(util::glob_match("*.pdf", "arsip/laporan.pdf"));
    CHECK(util::glob_match("**/*.pdf", "arsip/2023/laporan.pdf"));
    CHECK(util::glob_match("**/*.pdf", "laporan.pdf"));
    CHECK(util::glob_match("arsip/**", "arsip/2023/x.pdf"));
    CHECK(util::glob_match("a/**/b", "a/b"));
    CHECK(util::glob_match("a/**/b", "a/x/y/b"));
    CHECK(util::glob_match("draft?.docx", "draft1.docx"));
    CHECK_FALSE(util::glob_match("draft?.docx", "draft12.docx"));
    CHECK(util::glob_match("[Tt]emp*", "Temp file"));
    CHECK(util::glob_match("[!a-c]*", "draft"));
    CHECK_FALSE(util::glob_match("[!a-c]*", "arsip"));
    CHECK(util::glob_match("\\*literal", "*literal"));
}

TEST_CASE("ignore rules follow gitignore: anchoring, folders only, negation, last match wins", "[walk]") {
    IgnoreRules rules;
    rules.add_file_text("# comment\n*.tmp\n/build\narsip/\n!penting.tmp\n\n", "");
    rules.add("*.bak", "sub");
    CHECK(rules.ignored("a.tmp", false));
    CHECK(rules.ignored("x/y/a.tmp", false));
    CHECK_FALSE(rules.ignored("penting.tmp", false));
    CHECK(rules.ignored("build", true));
    CHECK_FALSE(rules.ignored("x/build", true));  // anchored to the root
    CHECK(rules.ignored("x/arsip", true));
    CHECK_FALSE(rules.ignored("x/arsip", false));  // a file named arsip is not a folder
    CHECK(rules.ignored("sub/a.bak", false));
    CHECK_FALSE(rules.ignored("a.bak", false));  // the rule belongs to sub/
}

TEST_CASE("the walk honours .ppidignore, --exclude and hidden names, sorted by path", "[walk]") {
    Tree tree;
    tree.file("b.pdf");
    tree.file("a/laporan.pdf");
    tree.file("a/draft.tmp");
    tree.file(".git/config");
    tree.file("a/.hidden.pdf");
    tree.file("arsip/lama/x.pdf");
    tree.file("a/.ppidignore", "*.tmp\n");
    tree.file(".ppidignore", "arsip/\n");
    CHECK(walk(tree) == std::vector<std::string>{"a/laporan.pdf", "b.pdf"});
    WalkOptions hidden;
    hidden.hidden = true;
    hidden.excludes = {".git/"};
    CHECK(walk(tree, hidden) == std::vector<std::string>{"a/.hidden.pdf", "a/laporan.pdf", "b.pdf"});
    WalkOptions exclude;
    exclude.excludes = {"b.*"};
    CHECK(walk(tree, exclude) == std::vector<std::string>{"a/laporan.pdf"});
}

TEST_CASE("symbolic links are followed only on request, never in a loop or out of the root", "[walk]") {
    Tree tree;
    Tree outside;
    tree.file("docs/a.pdf");
    outside.file("secret.pdf");
    fs::create_directory_symlink(tree.root / "docs", tree.root / "docs" / "loop");
    fs::create_directory_symlink(outside.root, tree.root / "escape");
    fs::create_symlink(tree.root / "docs" / "a.pdf", tree.root / "alias.pdf");
    CHECK(walk(tree) == std::vector<std::string>{"docs/a.pdf"});
    WalkOptions follow;
    follow.follow = true;
    std::vector<std::string> messages;
    Diagnostics diag([&](const std::string& m) { messages.push_back(m); });
    std::vector<std::string> paths;
    for (const auto& file : walk_root(tree.root.string(), follow, diag)) paths.push_back(file.path);
    CHECK(paths == std::vector<std::string>{"alias.pdf", "docs/a.pdf"});
    CHECK(diag.error_count() == 0);
    CHECK(messages.size() == 2);  // the loop and the escape, each said once as a warning
}

TEST_CASE("a name that is not UTF-8 is kept byte for byte", "[walk]") {
    Tree tree;
    tree.file("laporan\xE9.pdf");
    const auto paths = walk(tree);
    REQUIRE(paths.size() == 1);
    CHECK(paths[0] == "laporan\xE9.pdf");
}
