// Reading the entries of a zip archive (the package of an XLSX, DOCX or ODT file) within bounds
// on what they may inflate to: a few kilobytes of zip can declare, or lying contain, gigabytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

struct zip;  // libzip's archive and open entry, kept out of this header
struct zip_file;

namespace ppid::util {

// Why a file could not be opened as a zip archive.
enum class ZipOpenProblem {
    no_such_file,
    unreadable,    // the system refused to read it
    directory,
    empty,
    not_zip,
    ole_compound,  // an OLE compound file: a legacy .xls or .doc, or an encrypted OOXML file
    damaged,       // a zip archive libzip cannot read
};

// Thrown by ZipArchive; what() is plain, for callers to word for their format: "no such file",
// "cannot read the file: Permission denied", "is a directory", "the file is empty", "not a zip
// archive", "not a zip archive but an OLE compound file", "a damaged zip archive: ...".
class ZipOpenError : public std::runtime_error {
public:
    ZipOpenError(ZipOpenProblem problem, const std::string& message) : std::runtime_error(message), problem_(problem) {}
    ZipOpenProblem problem() const { return problem_; }

private:
    ZipOpenProblem problem_;
};

// Bounds on the uncompressed bytes read through one ZipArchive.
struct ZipLimits {
    std::uint64_t max_entry_bytes = 0;  // one entry
    std::uint64_t max_total_bytes = 0;  // all the entries read, together
};

class ZipArchive {
public:
    // Opens the archive at `path` for reading; `document` names it in messages ("workbook").
    // Throws ZipOpenError.
    ZipArchive(const std::filesystem::path& path, const ZipLimits& limits, std::string document);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Returns whether the archive has an entry named `name`, matched ignoring case as Office does.
    bool contains(const std::string& name) const;

private:
    friend class ZipEntryReader;

    // Throws std::runtime_error when `entry_bytes` of `entry`, or `total_bytes` in all, pass a limit.
    void check_limits(const std::string& entry, std::uint64_t entry_bytes, std::uint64_t total_bytes) const;

    ::zip* zip_ = nullptr;
    ZipLimits limits_;
    std::string document_;
    std::uint64_t used_ = 0;  // uncompressed bytes of every entry read so far
};

// One entry's uncompressed bytes, refused past the archive's limits whatever its directory declares.
// Entries are called parts in messages, as in the OOXML and ODF packages.
class ZipEntryReader {
public:
    // Opens the entry `name` (matched ignoring case) of `archive`, which must outlive the reader.
    // Throws std::runtime_error: "missing part P", "part P is encrypted", "cannot read part P: ...",
    // or a limit's message when the size the archive declares passes it.
    ZipEntryReader(ZipArchive& archive, std::string name);
    ~ZipEntryReader();
    ZipEntryReader(const ZipEntryReader&) = delete;
    ZipEntryReader& operator=(const ZipEntryReader&) = delete;

    const std::string& name() const { return name_; }

    // Reads up to `size` bytes into `buffer` and returns how many, 0 at the end. Throws
    // std::runtime_error: "cannot read part P: ...", "part P would be larger than 200 MB
    // uncompressed (a zip bomb?)", "reading part P would take the workbook past 400 MB uncompressed
    // (a zip bomb?)".
    std::size_t read(char* buffer, std::size_t size);

private:
    ZipArchive& archive_;
    std::string name_;
    ::zip_file* file_ = nullptr;
    std::uint64_t bytes_ = 0;  // read from this entry so far
};

}  // namespace ppid::util
