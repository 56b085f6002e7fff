#include <ppid/util/zip_archive.hpp>

#include <zip.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace ppid::util {

namespace {

std::string size_text(std::uint64_t bytes) {
    if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

ZipOpenError open_error(const std::filesystem::path& path, int code, int system_error) {
    if (code == ZIP_ER_NOENT) return {ZipOpenProblem::no_such_file, "no such file"};
    if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
        return {ZipOpenProblem::unreadable, std::string("cannot read the file: ") + std::strerror(system_error)};
    if (code == ZIP_ER_NOZIP) {
        std::ifstream in(path, std::ios::binary);
        char magic[4] = {};
        if (in.read(magic, sizeof magic) && std::memcmp(magic, "\xD0\xCF\x11\xE0", sizeof magic) == 0)
            return {ZipOpenProblem::ole_compound, "not a zip archive but an OLE compound file"};
        return {ZipOpenProblem::not_zip, "not a zip archive"};
    }
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    ZipOpenError result(ZipOpenProblem::damaged, std::string("a damaged zip archive: ") + zip_error_strerror(&error));
    zip_error_fini(&error);
    return result;
}

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path, const ZipLimits& limits, std::string document)
    : limits_(limits), document_(std::move(document)) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) throw ZipOpenError(ZipOpenProblem::directory, "is a directory");
    if (std::filesystem::exists(path, ignored) && std::filesystem::file_size(path, ignored) == 0)
        throw ZipOpenError(ZipOpenProblem::empty, "the file is empty");
    int code = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (zip_ == nullptr) throw open_error(path, code, errno);
}

ZipArchive::~ZipArchive() {
    zip_discard(zip_);
}

bool ZipArchive::contains(const std::string& name) const {
    return zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

void ZipArchive::check_limits(const std::string& entry, std::uint64_t entry_bytes, std::uint64_t total_bytes) const {
    if (entry_bytes > limits_.max_entry_bytes)
        throw std::runtime_error("part " + entry + " would be larger than " + size_text(limits_.max_entry_bytes) +
                                 " uncompressed (a zip bomb?)");
    if (total_bytes > limits_.max_total_bytes)
        throw std::runtime_error("reading part " + entry + " would take the " + document_ + " past " +
                                 size_text(limits_.max_total_bytes) + " uncompressed (a zip bomb?)");
}

ZipEntryReader::ZipEntryReader(ZipArchive& archive, std::string name) : archive_(archive), name_(std::move(name)) {
    zip_t* const handle = archive_.zip_;
    const zip_int64_t index = zip_name_locate(handle, name_.c_str(), ZIP_FL_NOCASE);
    if (index < 0) throw std::runtime_error("missing part " + name_);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(handle, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
        throw std::runtime_error("cannot read part " + name_ + ": " + zip_strerror(handle));
    if ((stat.valid & ZIP_STAT_SIZE) != 0) archive_.check_limits(name_, stat.size, archive_.used_ + stat.size);
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE)
        throw std::runtime_error("part " + name_ + " is encrypted");
    file_ = zip_fopen_index(handle, static_cast<zip_uint64_t>(index), 0);
    if (file_ == nullptr) throw std::runtime_error("cannot read part " + name_ + ": " + zip_strerror(handle));
}

ZipEntryReader::~ZipEntryReader() {
    zip_fclose(file_);
}

std::size_t ZipEntryReader::read(char* buffer, std::size_t size) {
    const zip_int64_t count = zip_fread(file_, buffer, size);
    if (count < 0) throw std::runtime_error("cannot read part " + name_ + ": " + zip_file_strerror(file_));
    bytes_ += static_cast<std::uint64_t>(count);
    archive_.used_ += static_cast<std::uint64_t>(count);
    archive_.check_limits(name_, bytes_, archive_.used_);
    return static_cast<std::size_t>(count);
}

}  // namespace ppid::util
