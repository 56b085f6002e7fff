// The office configuration (one JSON file; every key optional, unknown keys rejected).
#pragma once

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

// A day the office is closed besides the national calendar (local holiday, closure).
struct ClosedDay {
    date::sys_days day;
    std::string name;
};

// A period during which election information follows the pemilu regime.
struct ElectionStage {
    date::sys_days from;
    date::sys_days to;  // inclusive
    std::string name;
};

// A checklist item the office does not have to publish, and why (shown in ppid-check's output).
struct Waiver {
    std::string item;    // a checklist item id, "berkala.lhkpn"
    std::string reason;  // for people: "LHKPN dilaporkan oleh KPU Provinsi"
};

struct OfficeConfig {
    std::string office;
    std::string level;
    std::string time_zone = "Asia/Jakarta";
    std::optional<std::chrono::minutes> office_hours_cutoff;  // minutes after local midnight
    std::vector<std::string> websites;
    std::vector<std::string> document_roots;
    std::vector<std::string> registers;
    std::string checklist = "kpu-kabkota";
    std::vector<ClosedDay> closed_days;
    std::vector<ElectionStage> election_stages;
    std::string language = "id";
    std::vector<std::string> mail_to;
    std::string state_dir = "/var/lib/ppid";
    std::optional<int> daily_deadline;  // seconds ppid-daily's night may take (ppid-daily reads it)
    std::string daily_check_external = "documents";  // which off-site links the night checks: documents, all, none
    bool warc = true;  // ppid-daily keeps each night's crawl as a web archive (ppid-daily reads it)
    std::string tls_errors = "fail";  // ppid-crawl's --tls-errors when not given: "fail" or "report"
    std::vector<Waiver> waivers;
    std::string source;  // the file it was read from; empty when built-in defaults are used
};

// The lookup order: --config FILE, else $PPID_CONFIG, else /etc/ppid/office.json if present,
// else the defaults.
struct ConfigSearch {
    std::optional<std::string> option_path;  // --config
    std::optional<std::string> env_path;     // $PPID_CONFIG
    std::string system_path = "/etc/ppid/office.json";
};

// Returns the configuration validated key by key. Throws Error naming `source_name` for an
// unknown key, a wrong type, a bad date, time or time zone.
OfficeConfig parse_config(const nlohmann::json& document, const std::string& source_name);

// Returns `paths`, the value of the configuration's `key`, with each relative one taken from the
// configuration file's folder, as a person writing the file means them. Throws Error naming the
// file and `key` when a path does not exist: a wrong path must not read as an empty office.
std::vector<std::string> config_paths(const OfficeConfig& config, const std::string& key,
                                      const std::vector<std::string>& paths);

// Returns the configuration's websites as URLs to crawl: an entry with a scheme as written, any
// other taken as the path of a site exported to disk (relative to the configuration file's
// folder, a folder ending in '/'), as a file: URL. Throws Error naming "websites" when such a
// path does not exist.
std::vector<std::string> website_urls(const OfficeConfig& config);

// Returns the configuration found by `search`. Throws Error when a named file is missing or
// unreadable or invalid; a missing system file just means defaults.
OfficeConfig load_config(const ConfigSearch& search);

}  // namespace ppid
