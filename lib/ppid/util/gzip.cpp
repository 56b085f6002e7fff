#include <ppid/util/gzip.hpp>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <stdexcept>

namespace ppid::util {

bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F && static_cast<unsigned char>(bytes[1]) == 0x8B;
}

std::string gunzip(std::string_view bytes, std::size_t limit) {
    z_stream stream{};
    // 15 + 32: the window size of any gzip or zlib stream, its header told apart automatically.
    if (inflateInit2(&stream, 15 + 32) != Z_OK) throw std::runtime_error("cannot start decompressing");
    const std::unique_ptr<z_stream, int (*)(z_stream*)> ender(&stream, &inflateEnd);
    std::string out;
    std::array<unsigned char, 64 * 1024> buffer;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));  // zlib does not write it
    stream.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size(), UINT_MAX));
    while (true) {
        stream.next_out = buffer.data();
        stream.avail_out = static_cast<uInt>(buffer.size());
        const int status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t produced = buffer.size() - stream.avail_out;
        if (out.size() + produced > limit)
            throw std::runtime_error("larger than " + std::to_string(limit) + " bytes once decompressed");
        out.append(reinterpret_cast<const char*>(buffer.data()), produced);
        if (status == Z_STREAM_END) {
            // Another gzip member may follow (concatenated files are valid gzip).
            if (stream.avail_in == 0 || !is_gzip(std::string_view(reinterpret_cast<const char*>(stream.next_in), stream.avail_in)))
                return out;
            if (inflateReset(&stream) != Z_OK) throw std::runtime_error("cannot go on decompressing");
            continue;
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0) throw std::runtime_error("the compressed data is cut short");
        if (status != Z_OK && status != Z_BUF_ERROR) throw std::runtime_error("the compressed data is corrupt");
    }
}

}  // namespace ppid::util
