// The XLSX report, with libxlsxwriter: what office heads and the Komisi Informasi open in Excel. A summary
// sheet (title, facts, highlights, notes), then one sheet per section with its parts: tables with a bold,
// frozen header row, set column widths, dates as date cells, counts as numbers, and every text as a
// string cell, never a formula, whatever it starts with.
#include <ppid/error.hpp>
#include <ppid/report_render.hpp>
#include <ppid/util/display_width.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/temp_folder.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

namespace ppid {

namespace {

// Excel's limits: a cell holds at most 32,767 characters, a sheet name 31 and none of []:*?/\.
constexpr std::size_t max_cell_bytes = 32767;
constexpr std::size_t max_sheet_name = 31;

// Returns the bytes of `text` up to `limit` code points, not cutting a UTF-8 sequence.
std::string utf8_prefix(const std::string& text, std::size_t limit) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && points++ == limit) return text.substr(0, i);
    }
    return text;
}

std::size_t utf8_length(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Returns `text` cut to what a cell holds (counted in bytes, which is stricter than Excel's UTF-16 units),
// with no control or bidirectional override character that would mislead whoever opens the sheet.
std::string cell_text(const std::string& text) {
    std::string cut = util::cell_safe_text(text);
    if (cut.size() <= max_cell_bytes) return cut;
    cut.resize(max_cell_bytes);
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    return cut;
}

// A number as a report writes it in `language` ("14,3" in Indonesian, "14.3" in English, "85%"), or nothing
// for any other text: only these become number cells.
struct CellNumber {
    double value = 0;
    bool percent = false;
};

std::optional<CellNumber> number_in(std::string text, const std::string& language) {
    CellNumber number;
    if (!text.empty() && text.back() == '%') {
        number.percent = true;
        text.pop_back();
    }
    const char decimal = language == "id" ? ',' : '.';
    std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
    const std::size_t digits_from = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == digits_from || i - digits_from > 15) return std::nullopt;
    if (i < text.size() && text[i] == decimal) {
        const std::size_t after = ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        if (i == after) return std::nullopt;
    }
    if (i != text.size()) return std::nullopt;
    std::replace(text.begin(), text.end(), ',', '.');
    number.value = std::stod(text) / (number.percent ? 100.0 : 1.0);
    return number;
}

lxw_color_t tone_color(Tone tone) {
    switch (tone) {
        case Tone::good:
            return 0x1E7B34;
        case Tone::warn:
            return 0x9A5B00;
        case Tone::bad:
            return 0xB3261E;
        case Tone::plain:
            break;
    }
    return LXW_COLOR_UNSET;
}

lxw_color_t heat_fill(Tone tone) {
    switch (tone) {
        case Tone::good:
            return 0xD7F0DC;
        case Tone::warn:
            return 0xFCEBC4;
        case Tone::bad:
            return 0xF8D4D1;
        case Tone::plain:
            break;
    }
    return LXW_COLOR_UNSET;
}

enum class Kind { text, bold, title, date, number, decimal, percent };

class Workbook {
public:
    Workbook(const std::string& path, const ReportDocument& report) : language_(report.language) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        workbook_ = workbook_new_opt(path.c_str(), &options);
        if (!workbook_) throw Error("cannot create the XLSX workbook " + path);
        // A fixed creation time, the report's date: the same records give the same bytes.
        lxw_doc_properties properties{};
        title_ = cell_text(report.title);
        properties.title = title_.data();
        properties.created = created_time(report.date);
        workbook_set_properties(workbook_, &properties);
    }
    ~Workbook() {
        if (workbook_) workbook_close(workbook_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    // Returns a new sheet named after `title`, shortened and made unique as Excel requires.
    lxw_worksheet* sheet(const std::string& title) {
        std::string name;
        for (const char c : title) name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : ' ';
        if (name.empty()) name = "Sheet";
        std::string unique = utf8_prefix(name, max_sheet_name);
        for (int n = 2; names_.count(lowercase(unique)); ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            unique = utf8_prefix(name, max_sheet_name - suffix.size()) + suffix;
        }
        names_.insert(lowercase(unique));
        lxw_worksheet* sheet = workbook_add_worksheet(workbook_, unique.c_str());
        if (!sheet) throw Error("cannot add the sheet \"" + unique + "\" to the XLSX workbook");
        return sheet;
    }

    lxw_format* format(Kind kind, Tone tone = Tone::plain, bool wrap = false, bool heat = false) {
        const auto key = std::make_tuple(kind, tone, wrap, heat);
        if (const auto found = formats_.find(key); found != formats_.end()) return found->second;
        lxw_format* format = workbook_add_format(workbook_);
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
        if (wrap) format_set_text_wrap(format);
        if (kind == Kind::bold || kind == Kind::title) format_set_bold(format);
        if (kind == Kind::title) format_set_font_size(format, 14);
        // Indonesian month names through the locale code 421 (Bahasa Indonesia): "29 Agustus 2023".
        if (kind == Kind::date) format_set_num_format(format, language_ == "id" ? "[$-421]d mmmm yyyy" : "d mmmm yyyy");
        if (kind == Kind::number) format_set_num_format(format, "0");
        if (kind == Kind::decimal) format_set_num_format(format, "0.0");
        if (kind == Kind::percent) format_set_num_format(format, "0%");
        if (tone != Tone::plain) format_set_font_color(format, tone_color(tone));
        if (heat && tone != Tone::plain) {
            format_set_pattern(format, LXW_PATTERN_SOLID);
            format_set_bg_color(format, heat_fill(tone));
        }
        formats_.emplace(key, format);
        return format;
    }

    // Writes `text` as a string cell: libxlsxwriter's write_string never makes a formula of "=...".
    void text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const std::string& text, lxw_format* format) {
        if (text.empty()) return;
        check(worksheet_write_string(sheet, row, column, cell_text(text).c_str(), format));
    }

    // Writes a table cell: a date cell, a number (in a column of numbers only: an id such as "0012" stays
    // text), an http(s) link with its text, or text.
    void cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const ReportCell& cell, bool wrap, bool heat,
              bool numeric) {
        if (const auto day = util::parse_iso_date(cell.date)) {
            const date::year_month_day ymd{*day};
            lxw_datetime when{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                              static_cast<int>(static_cast<unsigned>(ymd.day())), 0, 0, 0};
            check(worksheet_write_datetime(sheet, row, column, &when, format(Kind::date, cell.tone, wrap, heat)));
            return;
        }
        if (const auto number = numeric ? number_in(cell.text, language_) : std::nullopt) {
            const Kind kind = number->percent                           ? Kind::percent
                              : number->value == std::floor(number->value) ? Kind::number
                                                                           : Kind::decimal;
            check(worksheet_write_number(sheet, row, column, number->value, format(kind, cell.tone, wrap, heat)));
            return;
        }
        lxw_format* style = format(Kind::text, cell.tone, wrap, heat);
        const bool web = cell.link.rfind("http://", 0) == 0 || cell.link.rfind("https://", 0) == 0;
        // Excel refuses links longer than 2,079 characters; such a cell keeps its text only.
        if (web && cell.link.size() < 2000 && !cell.text.empty() &&
            worksheet_write_url_opt(sheet, row, column, cell.link.c_str(), style, cell_text(cell.text).c_str(),
                                    nullptr) == LXW_NO_ERROR)
            return;
        text(sheet, row, column, cell.text, style);
    }

    // Closes the workbook, writing the file. Throws Error when libxlsxwriter cannot.
    void close() {
        const lxw_error status = workbook_close(workbook_);
        workbook_ = nullptr;
        if (status != LXW_NO_ERROR) throw Error(std::string("cannot write the XLSX workbook: ") + lxw_strerror(status));
    }

private:
    static void check(lxw_error status) {
        if (status != LXW_NO_ERROR) throw Error(std::string("cannot write an XLSX cell: ") + lxw_strerror(status));
    }

    static std::string lowercase(std::string text) {
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    }

    static time_t created_time(const std::string& iso) {
        const auto day = util::parse_iso_date(iso);
        // libxlsxwriter takes 0 for "now"; a report without a date is dated 1 January 2000 instead.
        const date::sys_days when = day ? *day : date::sys_days{date::year{2000} / 1 / 1};
        return static_cast<time_t>(std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count());
    }

    lxw_workbook* workbook_ = nullptr;
    std::string language_;
    std::string title_;
    std::set<std::string> names_;
    std::map<std::tuple<Kind, Tone, bool, bool>, lxw_format*> formats_;
};

// A section's sheet, written top to bottom; the first table's header row stays in view when scrolling.
class SheetWriter {
public:
    SheetWriter(Workbook& book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {}

    void title(const std::string& text) { book_.text(sheet_, row_++, 0, text, book_.format(Kind::title)); }

    void paragraph(const std::string& text, Tone tone = Tone::plain) {
        book_.text(sheet_, row_++, 0, text, book_.format(Kind::text, tone));
    }

    void gap() { ++row_; }

    // A label and its value side by side (the office, the date).
    void fact(const std::string& label, const ReportCell& value) {
        book_.text(sheet_, row_, 0, label, book_.format(Kind::bold));
        widen(0, label, false);
        book_.cell(sheet_, row_++, 1, value, false, false, false);
    }

    // Writes `table`, with `lead` as a first column when given (the part each row comes from).
    void table(const ReportTable& table, const std::string& lead_title = {},
               const std::vector<std::string>& lead = {}) {
        if (!table.caption.empty()) paragraph(table.caption);
        const lxw_col_t offset = lead.empty() ? 0 : 1;
        if (offset) header(0, lead_title);
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            header(static_cast<lxw_col_t>(c + offset), table.columns[c].title);
        if (!frozen_) {
            worksheet_freeze_panes(sheet_, row_ + 1, 0);
            frozen_ = true;
        }
        ++row_;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            if (offset) {
                book_.text(sheet_, row_, 0, lead[r], book_.format(Kind::text));
                widen(0, lead[r], false);
            }
            const auto& cells = table.rows[r];
            for (std::size_t c = 0; c < cells.size() && c < table.columns.size(); ++c) {
                const bool wrap = table.columns[c].wrap;
                book_.cell(sheet_, row_, static_cast<lxw_col_t>(c + offset), cells[c], wrap, table.heat,
                           table.columns[c].align == Align::right);
                widen(static_cast<lxw_col_t>(c + offset), cells[c].text, wrap);
            }
            ++row_;
        }
        gap();
    }

    // A chart's numbers as a table: one row per bar, one column per series.
    void chart(const ReportChart& chart) {
        ReportTable table;
        table.caption = chart.title;
        table.columns.push_back({"", Align::left, false});
        for (const auto& series : chart.series) table.columns.push_back({series.name, Align::right, false});
        for (const auto& bar : chart.bars) {
            std::vector<ReportCell> cells{{bar.label}};
            for (const double value : bar.values) {
                ReportCell cell;
                std::ostringstream text;
                text << value;
                cell.text = text.str();
                cells.push_back(cell);
            }
            table.rows.push_back(std::move(cells));
        }
        if (table.columns.size() > 1) this->table(table);
    }

    // Sets the widths found, in characters: at least 8, long text wrapped at 60 (the titles, actions, URLs).
    void finish() {
        for (const auto& [column, width] : widths_)
            worksheet_set_column(sheet_, column, column, static_cast<double>(std::clamp<std::size_t>(width + 2, 8, 62)),
                                 nullptr);
    }

private:
    void header(lxw_col_t column, const std::string& text) {
        book_.text(sheet_, row_, column, text, book_.format(Kind::bold));
        widen(column, text, false);
    }

    void widen(lxw_col_t column, const std::string& text, bool wrap) {
        std::size_t& width = widths_[column];
        width = std::max(width, std::min<std::size_t>(utf8_length(text), wrap ? 60 : 80));
    }

    Workbook& book_;
    lxw_worksheet* sheet_;
    lxw_row_t row_ = 0;
    bool frozen_ = false;
    std::map<lxw_col_t, std::size_t> widths_;
};

// Returns the table of a part (a level-2 section) that is one table alone, for merging parts with the same
// columns (the checklist's categories) into one table with the part as its first column.
const ReportTable* sole_table(const ReportSection& section) {
    if (section.blocks.size() != 1) return nullptr;
    return std::get_if<ReportTable>(&section.blocks.front());
}

bool same_columns(const ReportTable& a, const ReportTable& b) {
    return a.heat == b.heat && a.columns.size() == b.columns.size() &&
           std::equal(a.columns.begin(), a.columns.end(), b.columns.begin(),
                      [](const ReportColumn& x, const ReportColumn& y) { return x.title == y.title; });
}

void write_blocks(SheetWriter& sheet, const std::vector<ReportBlock>& blocks) {
    for (const auto& block : blocks) {
        if (const auto* paragraph = std::get_if<ReportParagraph>(&block)) sheet.paragraph(paragraph->text, paragraph->tone);
        else if (const auto* table = std::get_if<ReportTable>(&block)) sheet.table(*table);
        else if (const auto* chart = std::get_if<ReportChart>(&block)) sheet.chart(*chart);
    }
}

void write_workbook(const ReportDocument& report, const std::string& path) {
    Workbook book(path, report);
    const bool id = report.language == "id";

    SheetWriter summary(book, book.sheet(id ? "Ringkasan" : "Summary"));
    summary.title(report.title);
    for (const auto& fact : report.facts) {
        ReportCell value{fact.value};
        value.date = fact.date;
        summary.fact(fact.label, value);
    }
    summary.gap();
    ReportTable highlights;
    highlights.columns = {{id ? "Yang perlu perhatian" : "What needs attention", Align::left, true}};
    for (const auto& highlight : report.highlights) highlights.rows.push_back({{highlight.text, "", highlight.tone}});
    summary.table(highlights);
    for (const auto& note : report.notes) summary.paragraph(note);
    summary.finish();

    const auto& sections = report.sections;
    for (std::size_t i = 0; i < sections.size();) {
        SheetWriter sheet(book, book.sheet(sections[i].title));
        sheet.title(sections[i].title);
        write_blocks(sheet, sections[i].blocks);
        std::size_t next = i + 1;
        while (next < sections.size() && sections[next].level > 1) {
            // Consecutive parts that are one table each with the same columns become one table.
            const ReportTable* first = sole_table(sections[next]);
            std::size_t end = next;
            ReportTable merged;
            std::vector<std::string> lead;
            while (first && end < sections.size() && sections[end].level > 1 && sole_table(sections[end]) &&
                   same_columns(*first, *sole_table(sections[end]))) {
                const ReportTable& part = *sole_table(sections[end]);
                if (merged.columns.empty()) merged = ReportTable{"", part.columns, {}, part.heat};
                for (const auto& row : part.rows) {
                    merged.rows.push_back(row);
                    lead.push_back(sections[end].title);
                }
                ++end;
            }
            if (end - next > 1) {
                sheet.table(merged, id ? "Bagian" : "Part", lead);
                next = end;
                continue;
            }
            sheet.paragraph(sections[next].title, Tone::plain);
            write_blocks(sheet, sections[next].blocks);
            ++next;
        }
        sheet.finish();
        i = next;
    }
    book.close();
}

}  // namespace

std::string render_xlsx(const ReportDocument& report) {
    // libxlsxwriter writes to a file; the report is read back from a private temporary folder.
    std::optional<util::TempFolder> folder;
    try {
        folder.emplace("ppid-report");
    } catch (const std::runtime_error& e) {
        throw Error(std::string("cannot write the XLSX workbook: ") + e.what());
    }
    const std::string path = folder->path() + "/report.xlsx";
    write_workbook(report, path);
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw Error("cannot read back the XLSX workbook " + path);
    return bytes;
}

}  // namespace ppid
