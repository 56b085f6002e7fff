// The HTML report: one file to open, mail or print. Self-contained and inert: inline CSS, inline SVG, no
// script, nothing fetched from elsewhere, every value escaped. It is written as polyglot markup (well-formed
// XML too), so that both an HTML and an XML parser can check it.
#include <ppid/report_render.hpp>
#include <ppid/util/html_text.hpp>

namespace ppid {

namespace {

using util::escape_html;

constexpr const char* style_sheet = R"(
:root { color-scheme: light; --bad: #b3261e; --warn: #8a5300; --good: #1e6b32; --line: #d0d4d9; --muted: #5b6470; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1f24; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.facts { margin: 0 0 1rem; color: var(--muted); }
.facts span { margin-right: 1.5rem; display: inline-block; }
.highlights { padding: .75rem 1rem .75rem 2rem; background: #f4f6f8; border-radius: 6px; }
.bad { color: var(--bad); }
.warn { color: var(--warn); }
.good { color: var(--good); }
td.bad, td.warn, td.good { font-weight: 600; overflow-wrap: normal; }  /* a status word is never cut inside */
.table { margin: .75rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: #f4f6f8; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #0b57d0; }
.chart { margin: .75rem 0; max-width: 40rem; }
.chart svg { width: 100%; height: auto; display: block; }
.notes { color: var(--muted); font-size: .9rem; margin-top: 2rem; }
@media (max-width: 40rem) {
  body { padding: .75rem; font-size: 14px; }
  table, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .6rem; padding: .25rem 0; }
  td { border: 0; padding: .15rem .6rem; }
  td.num { text-align: left; }
  td::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
}
@media print {
  body { max-width: none; font-size: 10pt; padding: 0; }
  a { color: inherit; text-decoration: none; }
  tr, .chart { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
)";

// Only for reports with a heat map, so that other reports stay as they were.
constexpr const char* heat_style_sheet = R"(table.heat td { text-align: center; font-weight: 600; }
table.heat td:first-child { text-align: left; font-weight: 400; }
table.heat td.good { background: #d7efdc; }
table.heat td.warn { background: #fbe6c2; }
table.heat td.bad { background: #f6d3cf; }
@media print { table.heat td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
)";

bool has_heat_map(const ReportDocument& report) {
    for (const auto& section : report.sections)
        for (const auto& block : section.blocks)
            if (const auto* table = std::get_if<ReportTable>(&block); table && table->heat) return true;
    return false;
}

const char* tone_class(Tone tone) {
    switch (tone) {
        case Tone::bad:
            return "bad";
        case Tone::warn:
            return "warn";
        case Tone::good:
            return "good";
        case Tone::plain:
            break;
    }
    return "";
}

std::string class_attribute(const std::string& classes) {
    return classes.empty() ? "" : " class=\"" + classes + "\"";
}

std::string joined_classes(const char* first, const char* second) {
    std::string classes = first;
    if (*second) classes += (classes.empty() ? "" : " ") + std::string(second);
    return classes;
}

// Returns text with line feeds as <br/>, already escaped.
std::string escaped_lines(const std::string& text) {
    std::string out;
    for (const char c : escape_html(text)) {
        if (c == '\n')
            out += "<br/>";
        else
            out += c;
    }
    return out;
}

void write_table(std::string& out, const ReportTable& table) {
    out += table.heat ? "<div class=\"table\"><table class=\"heat\">\n" : "<div class=\"table\"><table>\n";
    if (!table.caption.empty()) out += "<caption>" + escape_html(table.caption) + "</caption>\n";
    out += "<thead><tr>";
    for (const auto& column : table.columns)
        out += "<th scope=\"col\"" + class_attribute(column.align == Align::right ? "num" : "") + ">" +
               escape_html(column.title) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
            const ReportCell& cell = row[i];
            const ReportColumn& column = table.columns[i];
            out += "<td data-label=\"" + escape_html(column.title) + "\"" +
                   class_attribute(joined_classes(column.align == Align::right ? "num" : "", tone_class(cell.tone))) +
                   ">";
            if (!cell.link.empty() && util::is_linkable_url(cell.link))
                out += "<a href=\"" + escape_html(cell.link) + "\">" + escaped_lines(cell.text) + "</a>";
            else
                out += escaped_lines(cell.text);
            out += "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></div>\n";
}

}  // namespace

std::string render_html(const ReportDocument& report) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + escape_html(report.language) + "\">\n<head>\n";
    out += "<meta charset=\"utf-8\"/>\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out += "<title>" + escape_html(report.title) + "</title>\n";
    out += "<style>" + std::string(style_sheet) + (has_heat_map(report) ? heat_style_sheet : "") +
           "</style>\n</head>\n<body>\n";
    out += "<div class=\"header\">\n<h1>" + escape_html(report.title) + "</h1>\n<p class=\"facts\">";
    for (const auto& fact : report.facts)
        out += "<span><strong>" + escape_html(fact.label) + ":</strong> " + escape_html(fact.value) + "</span>";
    out += "</p>\n</div>\n<ul class=\"highlights\">\n";
    for (const auto& highlight : report.highlights)
        out += "<li" + class_attribute(tone_class(highlight.tone)) + ">" + escaped_lines(highlight.text) + "</li>\n";
    out += "</ul>\n";
    for (const auto& section : report.sections) {
        const char* heading = section.level == 1 ? "h2" : "h3";
        out += "<div class=\"section\" id=\"" + escape_html(section.id) + "\">\n<" + heading + ">" +
               escape_html(section.title) + "</" + heading + ">\n";
        for (const auto& block : section.blocks) {
            if (const auto* paragraph = std::get_if<ReportParagraph>(&block))
                out += "<p" + class_attribute(tone_class(paragraph->tone)) + ">" + escaped_lines(paragraph->text) +
                       "</p>\n";
            else if (const auto* table = std::get_if<ReportTable>(&block))
                write_table(out, *table);
            else if (const auto* chart = std::get_if<ReportChart>(&block))
                out += "<div class=\"chart\">" + render_svg_chart(*chart) + "</div>\n";
        }
        out += "</div>\n";
    }
    if (!report.notes.empty()) {
        out += "<ul class=\"notes\">\n";
        for (const auto& note : report.notes) out += "<li>" + escaped_lines(note) + "</li>\n";
        out += "</ul>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace ppid
