// The list of offices a province or KPU RI watches at once: one line per office, as JSON Lines
// or CSV, for `ppid-crawl --offices` and `ppid-daily`.
#pragma once

#include <ppid/diagnostics.hpp>

#include <string>
#include <vector>

namespace ppid {

struct Office {
    std::string id;                     // "kab-boyolali": what every record of the office carries
    std::string name;                   // "KPU Kabupaten Boyolali"
    std::string level;                  // "kabupaten", "kota", "provinsi"
    std::string province;               // "Jawa Tengah"
    std::string time_zone;              // IANA name; "" for the tool's own
    std::vector<std::string> websites;  // the office website's start URLs
    std::vector<std::string> eppid;     // its e-PPID start URLs, crawled with the website
    std::string checklist;              // "" for the default
    std::string note;                   // e.g. "host not confirmed"
};

// Returns the offices listed in `path`: JSON Lines ({"id", "name", "level", "province",
// "time_zone", "websites" (a list or one string), "eppid", "checklist", "note"}) or CSV with a
// header row naming those columns ("website" for one URL; several URLs in one cell separated by
// spaces). A line without an id or a website, or with an id seen before, is reported to `diag`
// with its line and left out. Throws Error when the file cannot be read.
std::vector<Office> read_offices(const std::string& path, Diagnostics& diag);

}  // namespace ppid
