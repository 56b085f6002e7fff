#include <ppid/file_facts.hpp>
#include <ppid/regular_file.hpp>

#include <magic.h>
#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace ppid {

namespace {

// libmagic handles are not thread-safe: one per thread, loaded on first use.
class MagicHandle {
public:
    MagicHandle() : handle_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
        if (handle_ && magic_load(handle_, nullptr) != 0) {
            magic_close(handle_);
            handle_ = nullptr;
        }
    }
    ~MagicHandle() {
        if (handle_) magic_close(handle_);
    }
    MagicHandle(const MagicHandle&) = delete;
    MagicHandle& operator=(const MagicHandle&) = delete;

    bool loaded() const { return handle_ != nullptr; }

    std::string type_of(const std::vector<char>& head) const {
        if (!handle_) return {};
        const char* type = magic_buffer(handle_, head.data(), head.size());
        return type ? type : "";
    }

private:
    magic_t handle_;
};

// Enough of the start of a file for libmagic to recognise every format we care about.
constexpr std::size_t magic_head_bytes = 256 * 1024;
constexpr std::size_t read_chunk = 1 << 20;

struct ExtensionTypes {
    const char* extension;
    std::vector<const char*> types;  // a media type starting with one of these is correct
};

// What content each extension may hold. Office formats are zips or OLE files whatever libmagic
// version names them; text formats accept any text/ type since libmagic cannot tell CSV from plain text.
const std::vector<ExtensionTypes>& extension_table() {
    static const std::vector<ExtensionTypes> table{
        {"pdf", {"application/pdf"}},
        {"docx", {"application/vnd.openxmlformats-officedocument", "application/zip"}},
        {"xlsx", {"application/vnd.openxmlformats-officedocument", "application/zip"}},
        {"pptx", {"application/vnd.openxmlformats-officedocument", "application/zip"}},
        {"odt", {"application/vnd.oasis.opendocument", "application/zip"}},
        {"ods", {"application/vnd.oasis.opendocument", "application/zip"}},
        {"doc", {"application/msword", "application/x-ole-storage", "application/CDFV2", "application/vnd.ms-"}},
        {"xls", {"application/vnd.ms-excel", "application/x-ole-storage", "application/CDFV2", "application/vnd.ms-"}},
        {"ppt", {"application/vnd.ms-powerpoint", "application/x-ole-storage", "application/CDFV2", "application/vnd.ms-"}},
        {"html", {"text/html", "text/xml", "application/xhtml"}},
        {"htm", {"text/html", "text/xml", "application/xhtml"}},
        {"jpg", {"image/jpeg"}},
        {"jpeg", {"image/jpeg"}},
        {"png", {"image/png"}},
        {"zip", {"application/zip"}},
        {"rar", {"application/x-rar", "application/vnd.rar"}},
        {"csv", {"text/", "application/csv"}},
        {"txt", {"text/"}},
    };
    return table;
}

}  // namespace

FileFacts read_file_facts(const std::string& path) {
    thread_local MagicHandle magic;
    FileFacts facts;
    // Opened without blocking and typed on the descriptor: a name that became a FIFO after the
    // folder walk is an unreadable file, not a read that waits for ever.
    RegularFile file(path);
    if (!file.is_open()) {
        facts.read_error = file.error();
        return facts;
    }
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> hash(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_DigestInit_ex(hash.get(), EVP_sha256(), nullptr);
    // One read buffer a thread, not one a file: allocating and zeroing a megabyte per file was most of
    // the time on a folder of many small files (and minutes of it under AddressSanitizer).
    thread_local std::vector<char> buffer(read_chunk);
    std::vector<char> head;
    std::uint64_t hashed = 0;
    while (true) {
        const long got = file.read(buffer.data(), buffer.size());
        if (got < 0) {
            facts.read_error = std::strerror(errno ? errno : EIO);
            return facts;
        }
        if (got == 0) break;
        const auto bytes = static_cast<std::size_t>(got);
        hashed += bytes;
        EVP_DigestUpdate(hash.get(), buffer.data(), bytes);
        if (head.size() < magic_head_bytes)
            head.insert(head.end(), buffer.begin(), buffer.begin() + static_cast<long>(std::min(bytes, magic_head_bytes - head.size())));
    }
    // A file written while it was hashed (an upload still arriving, a log) has a hash that fits
    // neither its size before nor after: the size at opening and after hashing, and the
    // modification time, must all agree with what was read.
    struct stat after {};
    const struct stat& before = file.opened();
    facts.changed = !file.stat_now(after) || static_cast<std::uint64_t>(before.st_size) != hashed ||
                    static_cast<std::uint64_t>(after.st_size) != hashed || after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
                    after.st_mtim.tv_nsec != before.st_mtim.tv_nsec;
    facts.size = hashed;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(hash.get(), digest.data(), &length);
    static constexpr char hex[] = "0123456789abcdef";
    for (unsigned int i = 0; i < length; ++i) {
        facts.sha256 += hex[digest[i] >> 4];
        facts.sha256 += hex[digest[i] & 0xF];
    }
    if (!head.empty()) facts.media_type = magic.type_of(head);
    return facts;
}

bool media_types_available() {
    return MagicHandle().loaded();
}

bool extension_mismatch(std::string_view extension, std::string_view media_type) {
    if (media_type.empty()) return false;
    for (const auto& entry : extension_table()) {
        if (extension != entry.extension) continue;
        for (const char* type : entry.types)
            if (media_type.substr(0, std::strlen(type)) == type) return false;
        return true;
    }
    return false;
}

}  // namespace ppid
