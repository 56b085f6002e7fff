// Bar charts as inline SVG: drawn by the browser, printed sharp, read by screen readers through their
// titles, and no script or image file involved.
#include <ppid/report_render.hpp>
#include <ppid/util/html_text.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace ppid {

namespace {

using util::escape_html;

constexpr double view_width = 400;
constexpr double bar_area = 350;  // the rest is for the total after the longest bar
constexpr double row_height = 38;
constexpr double label_height = 15;
constexpr double bar_height = 14;

const char* tone_color(Tone tone) {
    switch (tone) {
        case Tone::bad:
            return "#c62828";
        case Tone::warn:
            return "#e08a00";
        case Tone::good:
            return "#2e7d32";
        case Tone::plain:
            break;
    }
    return "#1565c0";
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    return text;
}

}  // namespace

std::string render_svg_chart(const ReportChart& chart) {
    double largest = 0;
    for (const auto& bar : chart.bars)
        largest = std::max(largest, std::accumulate(bar.values.begin(), bar.values.end(), 0.0));
    const double scale = largest > 0 ? bar_area / largest : 0;
    // One legend line per series: a narrow phone has no room for them side by side.
    const double legend_height = chart.series.size() > 1 ? 16 * static_cast<double>(chart.series.size()) + 4 : 0;
    const double height = 24 + legend_height + row_height * static_cast<double>(chart.bars.size());

    std::string out = "<svg viewBox=\"0 0 " + number(view_width) + " " + number(height) +
                      "\" role=\"img\" font-size=\"12\" font-family=\"system-ui, sans-serif\">";
    out += "<title>" + escape_html(chart.title) + "</title>";
    out += "<text x=\"0\" y=\"14\" font-weight=\"600\">" + escape_html(chart.title) + "</text>";
    if (legend_height > 0) {
        double y = 24;
        for (const auto& series : chart.series) {
            out += "<rect x=\"0\" y=\"" + number(y + 2) + "\" width=\"10\" height=\"10\" fill=\"" +
                   tone_color(series.tone) + "\"/><text x=\"14\" y=\"" + number(y + 11) + "\" font-size=\"11\">" +
                   escape_html(series.name) + "</text>";
            y += 16;
        }
    }
    double y = 24 + legend_height;
    for (const auto& bar : chart.bars) {
        const double total = std::accumulate(bar.values.begin(), bar.values.end(), 0.0);
        out += "<text x=\"0\" y=\"" + number(y + 12) + "\">" + escape_html(bar.label) + "</text>";
        double x = 0;
        for (std::size_t i = 0; i < bar.values.size() && i < chart.series.size(); ++i) {
            const double width = bar.values[i] * scale;
            if (width <= 0) continue;
            out += "<rect x=\"" + number(x) + "\" y=\"" + number(y + label_height) + "\" width=\"" + number(width) +
                   "\" height=\"" + number(bar_height) + "\" fill=\"" + tone_color(chart.series[i].tone) +
                   "\"><title>" + escape_html(chart.series[i].name + ": " + number(bar.values[i])) + "</title></rect>";
            x += width;
        }
        out += "<text x=\"" + number(x + 4) + "\" y=\"" + number(y + label_height + 11) + "\">" + number(total) +
               "</text>";
        y += row_height;
    }
    out += "</svg>";
    return out;
}

}  // namespace ppid
