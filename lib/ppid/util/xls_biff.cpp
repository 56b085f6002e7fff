#include <ppid/util/xls_biff.hpp>

#include <ppid/util/text_encoding.hpp>
#include <ppid/util/xlsx.hpp>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>

namespace ppid::util::xls_detail {

namespace {

[[noreturn]] void fail(const std::string& message) {
    throw std::runtime_error(message);
}

std::uint32_t u16(const std::string& bytes, std::size_t at) {
    if (at + 2 > bytes.size()) fail("a damaged .xls workbook (a record runs past its end)");
    return static_cast<unsigned char>(bytes[at]) | static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
}

std::uint32_t u32(const std::string& bytes, std::size_t at) {
    return u16(bytes, at) | u16(bytes, at + 2) << 16;
}

// The Workbook stream of a compound file (MS-CFB): its sectors followed through the FAT, or
// through the mini FAT when the stream is smaller than the cut-off.
class CompoundFile {
public:
    explicit CompoundFile(std::string bytes) : bytes_(std::move(bytes)) {
        if (bytes_.size() < 512 || bytes_.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
            fail("not an .xls workbook (not a compound file)");
        const std::uint32_t shift = u16(bytes_, 0x1E);
        if (shift != 9 && shift != 12) fail("a damaged .xls workbook (sector size)");
        sector_ = std::size_t{1} << shift;
        // The FAT's sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        std::vector<std::uint32_t> fat_sectors;
        const std::uint32_t fat_count = u32(bytes_, 0x2C);
        for (std::size_t i = 0; i < 109 && fat_sectors.size() < fat_count; ++i) fat_sectors.push_back(u32(bytes_, 0x4C + 4 * i));
        for (std::uint32_t difat = u32(bytes_, 0x44), hops = 0; difat < end_of_chain && fat_sectors.size() < fat_count;
             difat = u32(bytes_, offset(difat) + sector_ - 4)) {
            if (++hops > bytes_.size() / sector_) fail("a damaged .xls workbook (a DIFAT loop)");
            for (std::size_t i = 0; i + 1 < sector_ / 4 && fat_sectors.size() < fat_count; ++i)
                fat_sectors.push_back(u32(bytes_, offset(difat) + 4 * i));
        }
        for (const auto sector : fat_sectors)
            for (std::size_t i = 0; i < sector_ / 4; ++i) fat_.push_back(u32(bytes_, offset(sector) + 4 * i));
    }

    // Returns the stream named `wanted` ("Workbook"), or "" when there is none.
    std::string stream(const std::string& wanted) const {
        const std::string directory = follow(fat_, u32(bytes_, 0x30), std::string::npos);
        std::string root_stream;
        for (std::size_t at = 0; at + 128 <= directory.size(); at += 128) {
            const std::size_t name_bytes = std::min<std::size_t>(u16(directory, at + 64), 64);
            std::string name;
            for (std::size_t i = 0; i + 2 < name_bytes; i += 2) name += directory[at + i];  // ASCII names
            const auto type = static_cast<unsigned char>(directory[at + 66]);
            const std::uint32_t start = u32(directory, at + 0x74);
            const std::size_t size = u32(directory, at + 0x78);
            if (type == 5) root_stream = follow(fat_, start, size);
            if (type != 2 || name != wanted) continue;
            if (size >= u32(bytes_, 0x38)) return follow(fat_, start, size);
            std::vector<std::uint32_t> mini_fat;
            const std::string table = follow(fat_, u32(bytes_, 0x3C), std::string::npos);
            for (std::size_t i = 0; i + 4 <= table.size(); i += 4) mini_fat.push_back(u32(table, i));
            return follow_mini(mini_fat, root_stream, start, size);
        }
        return {};
    }

private:
    static constexpr std::uint32_t end_of_chain = 0xFFFFFFFA;  // and the other markers above it

    std::size_t offset(std::uint32_t sector) const {
        const std::size_t at = (static_cast<std::size_t>(sector) + 1) * sector_;
        if (at + sector_ > bytes_.size()) fail("a damaged .xls workbook (a sector past the end of the file)");
        return at;
    }

    std::string follow(const std::vector<std::uint32_t>& fat, std::uint32_t sector, std::size_t size) const {
        std::string out;
        for (std::size_t hops = 0; sector < end_of_chain && out.size() < size; sector = fat[sector]) {
            if (sector >= fat.size() || ++hops > fat.size()) fail("a damaged .xls workbook (a broken sector chain)");
            out.append(bytes_, offset(sector), sector_);
        }
        if (size != std::string::npos) {
            if (out.size() < size) fail("a damaged .xls workbook (a stream shorter than its size)");
            out.resize(size);
        }
        return out;
    }

    static std::string follow_mini(const std::vector<std::uint32_t>& mini_fat, const std::string& container,
                                   std::uint32_t sector, std::size_t size) {
        constexpr std::size_t mini_sector = 64;
        std::string out;
        for (std::size_t hops = 0; sector < end_of_chain && out.size() < size; sector = mini_fat[sector]) {
            if (sector >= mini_fat.size() || ++hops > mini_fat.size() || (sector + 1) * mini_sector > container.size())
                fail("a damaged .xls workbook (a broken mini sector chain)");
            out.append(container, sector * mini_sector, mini_sector);
        }
        if (out.size() < size) fail("a damaged .xls workbook (a stream shorter than its size)");
        out.resize(size);
        return out;
    }

    std::string bytes_;
    std::size_t sector_ = 512;
    std::vector<std::uint32_t> fat_;
};

// Returns the characters of a BIFF8 string at `at` (after its length): one byte each, or UTF-16LE
// when the flags say so, as UTF-8.
std::string biff_text(const std::string& data, std::size_t at, std::size_t count, bool wide) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t pos = at + (wide ? 2 * i : i);
        if (pos + (wide ? 2 : 1) > data.size()) break;  // the rest is in a CONTINUE record: kept short
        append_utf8(out, wide ? u16(data, pos) : static_cast<unsigned char>(data[pos]));
    }
    return out;
}

bool builtin_date_format(std::uint32_t id) {
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

}  // namespace

std::vector<SheetExtras> read_biff_extras(const std::filesystem::path& path, const WorkbookLimits& limits) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot open the file");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() > limits.max_part_bytes) fail("the .xls file is larger than the limit of a workbook part");
    const std::string book = CompoundFile(std::move(bytes)).stream("Workbook");
    if (book.empty()) return {};

    std::vector<SheetExtras> sheets;
    std::map<std::uint32_t, std::size_t> sheet_at;  // a worksheet's BOF offset -> its index
    std::vector<std::uint32_t> xf_formats;          // per XF: its number format id
    std::map<std::uint32_t, bool> custom_dates;     // custom format id -> shows a date
    double date_shift = 0;                          // 1462 days in the 1904 date system
    SheetExtras* sheet = nullptr;                   // set only once every BOUNDSHEET8 has been read
    PlacedCell* pending_text = nullptr;             // a formula whose text is in the next STRING record
    std::size_t cells = 0;
    for (std::size_t at = 0; at + 4 <= book.size();) {
        const std::uint32_t type = u16(book, at), length = u16(book, at + 2);
        const std::size_t start = at + 4;
        if (start + length > book.size()) break;  // a truncated stream: what was read stands
        const std::string data = book.substr(start, length);
        if (type == 0x0809) {  // BOF: a worksheet's substream starts here, or another kind's
            const auto found = sheet_at.find(static_cast<std::uint32_t>(at));
            sheet = found == sheet_at.end() ? nullptr : &sheets[found->second];
        } else if (type == 0x0085 && length >= 8) {  // BOUNDSHEET8: a sheet's name and where it starts
            if (sheet != nullptr) fail("a damaged .xls workbook (a sheet listed inside a sheet)");
            if (data[5] == 0) {  // a worksheet, not a chart or macro sheet
                sheet_at[u32(data, 0)] = sheets.size();
                sheets.push_back({biff_text(data, 8, static_cast<unsigned char>(data[6]), (data[7] & 1) != 0), {}, {}});
            }
        } else if (type == 0x0022 && length >= 2) {  // DATEMODE
            date_shift = u16(data, 0) == 1 ? 1462 : 0;
        } else if (type == 0x041E && length >= 5) {  // FORMAT: a custom number format
            custom_dates[u16(data, 0)] =
                is_date_number_format(biff_text(data, 5, u16(data, 2), (data[4] & 1) != 0));
        } else if (type == 0x00E0 && length >= 4) {  // XF: a cell format, by index
            xf_formats.push_back(u16(data, 2));
        } else if (sheet != nullptr && type == 0x0006 && length >= 20) {  // FORMULA with its cached result
            PlacedCell placed{u16(data, 0) + 1u, u16(data, 2), {}};
            SheetCell& cell = placed.cell;
            const bool special = u16(data, 12) == 0xFFFF;
            if (!special) {
                double value = 0;
                std::memcpy(&value, data.data() + 6, sizeof value);
                const std::uint32_t xf = u16(data, 4);
                const std::uint32_t format = xf < xf_formats.size() ? xf_formats[xf] : 0;
                const auto custom = custom_dates.find(format);
                cell.kind = SheetCell::Kind::number;
                cell.date_format = builtin_date_format(format) || (custom != custom_dates.end() && custom->second);
                cell.number = cell.date_format ? value + date_shift : value;  // the text is the reader's to write
            } else if (data[6] == 1) {
                cell.kind = SheetCell::Kind::boolean;
                cell.number = data[8] != 0 ? 1 : 0;
                cell.text = data[8] != 0 ? "TRUE" : "FALSE";
            }  // else text (in the STRING record that follows), an error or an empty string
            if (++cells > limits.max_cells) fail("sheet has more than " + std::to_string(limits.max_cells) + " cells");
            sheet->formulas.push_back(std::move(placed));
            pending_text = special && data[6] == 0 ? &sheet->formulas.back() : nullptr;
        } else if (pending_text != nullptr && type == 0x0207 && length >= 3) {  // STRING: the text result
            SheetCell& cell = pending_text->cell;
            append_up_to(cell.text, biff_text(data, 3, u16(data, 0), (data[2] & 1) != 0), limits.max_cell_bytes);
            finish_cell_text(cell, limits.max_cell_bytes);
            cell.kind = cell.text.empty() ? SheetCell::Kind::empty : SheetCell::Kind::text;
            pending_text = nullptr;
        } else if (sheet != nullptr && type == 0x00E5 && length >= 2) {  // MERGEDCELLS
            const std::size_t count = u16(data, 0);
            for (std::size_t i = 0; i < count && 2 + 8 * (i + 1) <= data.size(); ++i) {
                const std::size_t ref = 2 + 8 * i;
                sheet->merged.push_back({u16(data, ref) + 1u, u16(data, ref + 4), u16(data, ref + 2) + 1u, u16(data, ref + 6)});
            }
        }
        // SHRFMLA, ARRAY and TABLE may stand between a FORMULA and its STRING.
        if (type != 0x0006 && type != 0x0207 && type != 0x04BC && type != 0x0221 && type != 0x0236) pending_text = nullptr;
        at = start + length;
    }
    return sheets;
}

}  // namespace ppid::util::xls_detail
