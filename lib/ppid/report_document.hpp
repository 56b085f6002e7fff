// What a report says, apart from how it looks: a title, a few facts, the highlights, and sections of
// paragraphs, tables and charts. ppid-report builds one from the records (report_build.hpp) and each
// output format renders it its own way (report_render.hpp), so the formats never disagree.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ppid {

// How a value should strike the reader: text colour on a terminal, a CSS class in HTML.
enum class Tone { plain, good, warn, bad };

enum class Align { left, right };

struct ReportCell {
    ReportCell(std::string text_ = {}, std::string link_ = {}, Tone tone_ = Tone::plain)
        : text(std::move(text_)), link(std::move(link_)), tone(tone_) {}

    std::string text;
    std::string link;  // a URL to link the text to, when the format can and the URL is a web address
    Tone tone = Tone::plain;
    std::string date;  // the YYYY-MM-DD date `text` writes out, for formats with date cells (XLSX)
};

struct ReportColumn {
    std::string title;
    Align align = Align::left;
    bool wrap = false;  // long text that a narrow terminal may break over lines (titles, actions, URLs)
};

struct ReportTable {
    std::string caption;  // may be empty
    std::vector<ReportColumn> columns;
    std::vector<std::vector<ReportCell>> rows;  // each as long as `columns`
    bool heat = false;  // a heat map: formats that can colour whole cells by their tone
};

// A bar chart, one bar per label, the values of each bar stacked in the order of `series`.
struct ReportChart {
    struct Series {
        std::string name;
        Tone tone = Tone::plain;
    };
    struct Bar {
        std::string label;
        std::vector<double> values;  // one per series, none negative
    };
    std::string title;
    std::vector<Series> series;
    std::vector<Bar> bars;
};

struct ReportParagraph {
    ReportParagraph(std::string text_ = {}, Tone tone_ = Tone::plain) : text(std::move(text_)), tone(tone_) {}

    std::string text;
    Tone tone = Tone::plain;
};

using ReportBlock = std::variant<ReportParagraph, ReportTable, ReportChart>;

struct ReportSection {
    std::string id;  // stable and ASCII, for HTML anchors: "kelengkapan"
    std::string title;
    int level = 1;  // 1 for a section, 2 for a part of the section before it
    std::vector<ReportBlock> blocks;
};

struct ReportFact {
    ReportFact(std::string label_ = {}, std::string value_ = {}, std::string date_ = {})
        : label(std::move(label_)), value(std::move(value_)), date(std::move(date_)) {}

    std::string label;
    std::string value;
    std::string date;  // the YYYY-MM-DD date `value` writes out, when it is one date
};

struct ReportDocument {
    std::string language;  // "id" or "en", for HTML's lang attribute
    std::string title;
    std::string date;                         // YYYY-MM-DD: the date the report judges (a range's last)
    std::vector<ReportFact> facts;            // the office, the as-of date
    std::vector<ReportParagraph> highlights;  // one line per thing that needs attention, worst first
    std::vector<ReportSection> sections;
    std::vector<std::string> notes;  // at the end: what was left out and why
    bool attention = false;          // something needs a person: exit status 1
};

}  // namespace ppid
