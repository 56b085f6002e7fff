// The text report: what a PPID officer reads in a terminal or a mail body.
#include <ppid/report_render.hpp>
#include <ppid/util/display_width.hpp>

#include <algorithm>
#include <numeric>
#include <optional>

namespace ppid {

namespace {

constexpr std::size_t gap = 2;  // spaces between columns

class TextWriter {
public:
    explicit TextWriter(const TextStyle& style) : style_(style) {}

    std::string colored(const std::string& text, Tone tone) const {
        if (!style_.color || tone == Tone::plain || text.empty()) return text;
        const char* code = tone == Tone::bad ? "\x1b[31m" : tone == Tone::warn ? "\x1b[33m" : "\x1b[32m";
        return code + text + "\x1b[0m";
    }

    std::string bold(const std::string& text) const { return style_.color ? "\x1b[1m" + text + "\x1b[0m" : text; }

    void heading(const std::string& title, char underline) {
        const std::string clean = util::printable_text(title);
        for (const auto& line : util::wrap_to_width(clean, width())) {
            out_ += bold(line) + '\n';
        }
        const std::size_t wide = std::min(util::display_width(clean), width());
        out_ += std::string(wide, underline) + '\n';
    }

    void paragraph(const std::string& text, Tone tone, const std::string& bullet = "") {
        const std::string indent(bullet.size(), ' ');
        bool first = true;
        for (const auto& line : util::wrap_to_width(util::printable_text(text), width() - bullet.size())) {
            out_ += (first ? bullet : indent) + colored(line, tone) + '\n';
            first = false;
        }
    }

    void table(const ReportTable& table) {
        const std::size_t count = table.columns.size();
        if (count == 0) return;
        std::vector<std::string> headers;
        std::vector<std::vector<std::string>> cells;
        for (const auto& column : table.columns) headers.push_back(util::printable_text(column.title));
        for (const auto& row : table.rows) {
            std::vector<std::string> texts;
            for (std::size_t i = 0; i < count; ++i)
                texts.push_back(i < row.size() ? util::printable_text(row[i].text) : "");
            cells.push_back(std::move(texts));
        }
        const auto fitted = column_widths(table, headers, cells);
        if (!fitted) {
            records(table, headers, cells);
            return;
        }
        const auto& widths = *fitted;

        std::vector<ReportCell> header_cells;
        for (const auto& header : headers) header_cells.push_back({header});
        write_row(table, header_cells, headers, widths, true);
        std::string rule;
        for (std::size_t i = 0; i < count; ++i) rule += (i ? std::string(gap, ' ') : "") + std::string(widths[i], '-');
        out_ += rule + '\n';
        for (std::size_t r = 0; r < table.rows.size(); ++r) write_row(table, table.rows[r], cells[r], widths, false);
    }

    void blank() { out_ += '\n'; }
    std::string take() { return std::move(out_); }

private:
    std::size_t width() const { return std::max<std::size_t>(style_.width, 20); }

    // Returns the column widths: the natural ones when they fit; else fixed columns as wide as their
    // content (their headers wrap) and the wrapping columns sharing the rest, the narrow ones getting
    // all they need first. Returns nothing when a wrapping column would get fewer than
    // `narrowest_wrap` columns: such a table reads better as a list of records.
    std::optional<std::vector<std::size_t>> column_widths(const ReportTable& table,
                                                          const std::vector<std::string>& headers,
                                                          const std::vector<std::vector<std::string>>& cells) const {
        constexpr std::size_t narrowest_wrap = 20;
        const std::size_t count = headers.size();
        std::vector<std::size_t> natural(count), fixed_width(count);
        for (std::size_t i = 0; i < count; ++i) {
            std::size_t content = 0;
            for (const auto& row : cells) content = std::max(content, util::display_width(row[i]));
            std::size_t longest_word = 0;
            const std::string& header = headers[i];
            for (std::size_t start = 0; start <= header.size();) {
                const std::size_t end = std::min(header.find(' ', start), header.size());
                longest_word = std::max(longest_word, util::display_width(header.substr(start, end - start)));
                start = end + 1;
            }
            natural[i] = std::max({content, util::display_width(header), std::size_t{1}});
            fixed_width[i] = std::max({content, longest_word, std::size_t{1}});
        }
        const std::size_t gaps = gap * (count - 1);
        if (std::accumulate(natural.begin(), natural.end(), gaps) <= width()) return natural;

        std::vector<std::size_t> widths(count, 0);
        std::size_t used = gaps;
        std::vector<std::size_t> wrapping;
        for (std::size_t i = 0; i < count; ++i) {
            if (table.columns[i].wrap) {
                wrapping.push_back(i);
            } else {
                widths[i] = fixed_width[i];
                used += widths[i];
            }
        }
        std::size_t need = 0;
        for (const std::size_t i : wrapping) need += std::min(natural[i], narrowest_wrap);
        if (used + need > width()) return std::nullopt;
        std::size_t extra = width() - used;
        std::sort(wrapping.begin(), wrapping.end(),
                  [&](std::size_t a, std::size_t b) { return natural[a] < natural[b]; });
        for (std::size_t k = 0; k < wrapping.size(); ++k) {
            const std::size_t i = wrapping[k];
            widths[i] = std::min(natural[i], extra / (wrapping.size() - k));
            extra -= widths[i];
        }
        return widths;
    }

    // A table too wide for the terminal: each row a bullet with its first cell, then the other cells
    // that are not empty as "Header: value", the short ones run together on wrapped lines.
    void records(const ReportTable& table, const std::vector<std::string>& headers,
                 const std::vector<std::vector<std::string>>& cells) {
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto& row = table.rows[r];
            paragraph(cells[r][0], row.empty() ? Tone::plain : row[0].tone, "* ");
            std::string run;
            for (std::size_t i = 1; i < headers.size(); ++i) {
                if (cells[r][i].empty()) continue;
                const std::string pair = headers[i] + ": " + cells[r][i];
                if (!table.columns[i].wrap) {
                    run += (run.empty() ? "" : "; ") + pair;
                    continue;
                }
                if (!run.empty()) paragraph(run, Tone::plain, "  ");
                run.clear();
                paragraph(pair, Tone::plain, "  ");
            }
            if (!run.empty()) paragraph(run, Tone::plain, "  ");
        }
    }

    void write_row(const ReportTable& table, const std::vector<ReportCell>& row, const std::vector<std::string>& texts,
                   const std::vector<std::size_t>& widths, bool header) {
        const std::size_t count = widths.size();
        std::vector<std::vector<std::string>> lines(count);
        std::size_t height = 1;
        for (std::size_t i = 0; i < count; ++i) {
            lines[i] = util::wrap_to_width(texts[i], widths[i]);
            height = std::max(height, lines[i].size());
        }
        for (std::size_t l = 0; l < height; ++l) {
            std::string line;
            for (std::size_t i = 0; i < count; ++i) {
                const std::string text = l < lines[i].size() ? lines[i][l] : "";
                const std::size_t padding = widths[i] - std::min(widths[i], util::display_width(text));
                const Tone tone = i < row.size() ? row[i].tone : Tone::plain;
                const std::string shown = header ? bold(text) : colored(text, tone);
                if (i > 0) line += std::string(gap, ' ');
                if (table.columns[i].align == Align::right)
                    line += std::string(padding, ' ') + shown;
                else
                    line += shown + std::string(padding, ' ');
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out_ += line + '\n';
        }
    }

    const TextStyle& style_;
    std::string out_;
};

}  // namespace

std::string render_text(const ReportDocument& report, const TextStyle& style) {
    TextWriter writer(style);
    writer.heading(report.title, '=');
    for (const auto& fact : report.facts) writer.paragraph(fact.label + ": " + fact.value, Tone::plain);
    writer.blank();
    for (const auto& highlight : report.highlights) writer.paragraph(highlight.text, highlight.tone, "* ");
    for (const auto& section : report.sections) {
        writer.blank();
        writer.heading(section.title, section.level == 1 ? '-' : '~');
        for (const auto& block : section.blocks) {
            if (const auto* paragraph = std::get_if<ReportParagraph>(&block)) {
                writer.paragraph(paragraph->text, paragraph->tone);
            } else if (const auto* table = std::get_if<ReportTable>(&block)) {
                writer.blank();
                writer.table(*table);
                writer.blank();
            }
            // Charts repeat a table's numbers for the eye; text shows the table only.
        }
    }
    if (!report.notes.empty()) {
        writer.blank();
        for (const auto& note : report.notes) writer.paragraph(note, Tone::plain, "- ");
    }
    std::string text = writer.take();
    // Tables end with a blank line and so may sections; one blank line between blocks is enough.
    std::string squeezed;
    for (const char c : text) {
        if (c == '\n' && squeezed.size() >= 2 && squeezed[squeezed.size() - 1] == '\n' &&
            squeezed[squeezed.size() - 2] == '\n')
            continue;
        squeezed += c;
    }
    while (squeezed.size() >= 2 && squeezed[squeezed.size() - 2] == '\n' && squeezed.back() == '\n')
        squeezed.pop_back();
    return squeezed;
}

}  // namespace ppid
