// The Markdown report: for a wiki, an issue tracker or a mail that is rendered; the tables paste into
// documents that read GFM.
#include <ppid/report_render.hpp>
#include <ppid/util/display_width.hpp>
#include <ppid/util/html_text.hpp>

namespace ppid {

namespace {

// Backslash-escapes the characters that would make text markup (emphasis, links, HTML, table cells,
// entities, headings); CommonMark turns each escape back into the plain character.
std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : util::printable_text(text)) {
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '|':
            case '&':
            case '~':
            case '#':
            case '!':
                out += '\\';
                out += c;
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Returns a URL as a link destination: parentheses would end it early, so they are percent-encoded.
std::string destination(const std::string& url) {
    std::string out;
    for (const char c : url) {
        if (c == '(')
            out += "%28";
        else if (c == ')')
            out += "%29";
        else
            out += c;
    }
    return out;
}

std::string cell_text(const ReportCell& cell) {
    if (!cell.link.empty() && util::is_linkable_url(cell.link))
        return "[" + escaped(cell.text) + "](" + destination(cell.link) + ")";
    return escaped(cell.text);
}

void write_table(std::string& out, const ReportTable& table) {
    out += '|';
    for (const auto& column : table.columns) out += ' ' + escaped(column.title) + " |";
    out += "\n|";
    for (const auto& column : table.columns) out += column.align == Align::right ? " ---: |" : " --- |";
    out += '\n';
    for (const auto& row : table.rows) {
        out += '|';
        for (const auto& cell : row) out += ' ' + cell_text(cell) + " |";
        out += '\n';
    }
}

}  // namespace

std::string render_markdown(const ReportDocument& report) {
    std::string out = "# " + escaped(report.title) + "\n\n";
    for (const auto& fact : report.facts) out += "**" + escaped(fact.label) + ":** " + escaped(fact.value) + "  \n";
    out += '\n';
    for (const auto& highlight : report.highlights) out += "- " + escaped(highlight.text) + '\n';
    for (const auto& section : report.sections) {
        out += '\n' + std::string(section.level == 1 ? "## " : "### ") + escaped(section.title) + "\n";
        for (const auto& block : section.blocks) {
            if (const auto* paragraph = std::get_if<ReportParagraph>(&block)) {
                out += '\n' + escaped(paragraph->text) + '\n';
            } else if (const auto* table = std::get_if<ReportTable>(&block)) {
                out += '\n';
                write_table(out, *table);
            }
        }
    }
    if (!report.notes.empty()) {
        out += '\n';
        for (const auto& note : report.notes) out += "- *" + escaped(note) + "*\n";
    }
    return out;
}

}  // namespace ppid
