// The CSV report: for a spreadsheet, to paste the tables into the annual report. Every row has the same
// number of fields (RFC 4180), blocks are separated by an empty row, and nothing in a cell runs as a formula.
#include <ppid/report_render.hpp>
#include <ppid/util/csv_write.hpp>
#include <ppid/util/display_width.hpp>

#include <algorithm>

namespace ppid {

std::string render_csv(const ReportDocument& report, bool bom) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({report.title});
    for (const auto& fact : report.facts) rows.push_back({fact.label, fact.value});
    rows.emplace_back();
    for (const auto& highlight : report.highlights) rows.push_back({highlight.text});
    for (const auto& section : report.sections) {
        rows.emplace_back();
        rows.push_back({section.title});
        for (const auto& block : section.blocks) {
            if (const auto* paragraph = std::get_if<ReportParagraph>(&block)) {
                rows.push_back({paragraph->text});
            } else if (const auto* table = std::get_if<ReportTable>(&block)) {
                std::vector<std::string> header;
                for (const auto& column : table->columns) header.push_back(column.title);
                rows.push_back(std::move(header));
                for (const auto& row : table->rows) {
                    std::vector<std::string> cells;
                    for (const auto& cell : row) cells.push_back(cell.text);
                    rows.push_back(std::move(cells));
                }
            }
        }
    }
    if (!report.notes.empty()) {
        rows.emplace_back();
        for (const auto& note : report.notes) rows.push_back({note});
    }

    std::size_t fields = 1;
    for (const auto& row : rows) fields = std::max(fields, row.size());
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    for (auto& row : rows) {
        row.resize(fields);
        for (auto& field : row) field = util::cell_safe_text(field);  // no escape sequence, no reordering
        util::append_csv_record(out, row);
    }
    return out;
}

}  // namespace ppid
