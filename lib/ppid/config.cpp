#include <ppid/config.hpp>
#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/iso_date.hpp>

#include <date/tz.h>

#include <filesystem>
#include <functional>
#include <map>

namespace ppid {

namespace {

using Json = nlohmann::json;

class ConfigReader {
public:
    explicit ConfigReader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& message) const {
        throw Error("\"" + key + "\": " + message, Location{source_, 0});
    }

    std::string string(const Json& value, const std::string& key) const {
        if (!value.is_string()) fail(key, std::string("must be a string, found ") + value.type_name());
        return value.get<std::string>();
    }

    std::vector<std::string> strings(const Json& value, const std::string& key) const {
        if (!value.is_array()) fail(key, "must be a list of strings");
        std::vector<std::string> result;
        for (const auto& item : value) result.push_back(string(item, key));
        return result;
    }

    date::sys_days day(const Json& value, const std::string& key) const {
        const auto parsed = util::parse_iso_date(string(value, key));
        if (!parsed) fail(key, "\"" + value.get<std::string>() + "\" is not a valid YYYY-MM-DD date");
        return *parsed;
    }

    std::chrono::minutes clock_time(const Json& value, const std::string& key) const {
        const std::string text = string(value, key);
        const bool shaped = text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
                            std::isdigit(static_cast<unsigned char>(text[1])) &&
                            std::isdigit(static_cast<unsigned char>(text[3])) &&
                            std::isdigit(static_cast<unsigned char>(text[4]));
        const int hours = shaped ? std::stoi(text.substr(0, 2)) : -1;
        const int minutes = shaped ? std::stoi(text.substr(3, 2)) : -1;
        if (!shaped || hours > 23 || minutes > 59) fail(key, "\"" + text + "\" is not a time HH:MM");
        return std::chrono::minutes{hours * 60 + minutes};
    }

    const Json& field(const Json& object, const char* name, const std::string& key) const {
        const auto it = object.find(name);
        if (it == object.end()) fail(key, std::string("needs a \"") + name + "\"");
        return *it;
    }

    void only_keys(const Json& object, std::initializer_list<const char*> allowed,
                   const std::string& key) const {
        if (!object.is_object()) fail(key, "must be an object");
        for (const auto& item : object.items()) {
            bool known = false;
            for (const char* name : allowed) known = known || item.key() == name;
            if (!known) fail(key, "unknown key \"" + item.key() + "\"");
        }
    }

private:
    std::string source_;
};

void check_time_zone(const ConfigReader& reader, const std::string& name) {
    try {
        date::locate_zone(name);
    } catch (const std::exception&) {
        reader.fail("time_zone", "\"" + name + "\" is not a known IANA time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
    }
}

}  // namespace

OfficeConfig parse_config(const Json& document, const std::string& source_name) {
    const ConfigReader reader(source_name);
    if (!document.is_object()) throw Error("the configuration must be a JSON object", Location{source_name, 0});
    OfficeConfig config;
    config.source = source_name;

    using Setter = std::function<void(const Json&, const std::string&)>;
    const std::map<std::string, Setter> setters{
        {"office", [&](const Json& v, const std::string& k) { config.office = reader.string(v, k); }},
        {"level",
         [&](const Json& v, const std::string& k) {
             config.level = reader.string(v, k);
             if (config.level != "pusat" && config.level != "provinsi" && config.level != "kabupaten" &&
                 config.level != "kota" && config.level != "lainnya")
                 reader.fail(k, "must be one of pusat, provinsi, kabupaten, kota, lainnya");
         }},
        {"time_zone",
         [&](const Json& v, const std::string& k) {
             config.time_zone = reader.string(v, k);
             check_time_zone(reader, config.time_zone);
         }},
        {"office_hours_cutoff",
         [&](const Json& v, const std::string& k) { config.office_hours_cutoff = reader.clock_time(v, k); }},
        {"websites", [&](const Json& v, const std::string& k) { config.websites = reader.strings(v, k); }},
        {"document_roots", [&](const Json& v, const std::string& k) { config.document_roots = reader.strings(v, k); }},
        {"registers", [&](const Json& v, const std::string& k) { config.registers = reader.strings(v, k); }},
        {"checklist", [&](const Json& v, const std::string& k) { config.checklist = reader.string(v, k); }},
        {"closed_days",
         [&](const Json& v, const std::string& k) {
             if (!v.is_array()) reader.fail(k, "must be a list of {\"date\", \"name\"} objects");
             for (const auto& item : v) {
                 reader.only_keys(item, {"date", "name"}, k);
                 config.closed_days.push_back(
                     {reader.day(reader.field(item, "date", k), k + ".date"),
                      item.contains("name") ? reader.string(item["name"], k + ".name") : "Kantor tutup"});
             }
         }},
        {"election_stages",
         [&](const Json& v, const std::string& k) {
             if (!v.is_array()) reader.fail(k, "must be a list of {\"from\", \"to\", \"name\"} objects");
             for (const auto& item : v) {
                 reader.only_keys(item, {"from", "to", "name"}, k);
                 ElectionStage stage{reader.day(reader.field(item, "from", k), k + ".from"),
                                     reader.day(reader.field(item, "to", k), k + ".to"),
                                     item.contains("name") ? reader.string(item["name"], k + ".name") : "Tahapan"};
                 if (stage.to < stage.from) reader.fail(k, "\"to\" is before \"from\" in \"" + stage.name + "\"");
                 config.election_stages.push_back(std::move(stage));
             }
         }},
        {"language",
         [&](const Json& v, const std::string& k) {
             config.language = reader.string(v, k);
             if (config.language != "id" && config.language != "en") reader.fail(k, "must be \"id\" or \"en\"");
         }},
        {"mail_to", [&](const Json& v, const std::string& k) { config.mail_to = reader.strings(v, k); }},
        {"state_dir", [&](const Json& v, const std::string& k) { config.state_dir = reader.string(v, k); }},
        {"daily_deadline",
         [&](const Json& v, const std::string& k) {
             if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > 604800)
                 reader.fail(k, "must be a whole number of seconds from 1 to 604800 (a week)");
             config.daily_deadline = v.get<int>();
         }},
        {"daily_check_external",
         [&](const Json& v, const std::string& k) {
             config.daily_check_external = reader.string(v, k);
             if (config.daily_check_external != "documents" && config.daily_check_external != "all" &&
                 config.daily_check_external != "none")
                 reader.fail(k, "must be \"documents\", \"all\" or \"none\"");
         }},
        {"warc",
         [&](const Json& v, const std::string& k) {
             if (!v.is_boolean()) reader.fail(k, "must be true or false");
             config.warc = v.get<bool>();
         }},
        {"tls_errors",
         [&](const Json& v, const std::string& k) {
             config.tls_errors = reader.string(v, k);
             if (config.tls_errors != "fail" && config.tls_errors != "report") reader.fail(k, "must be \"fail\" or \"report\"");
         }},
        {"waivers",
         [&](const Json& v, const std::string& k) {
             if (!v.is_array()) reader.fail(k, "must be a list of {\"item\", \"reason\"} objects");
             for (const auto& item : v) {
                 reader.only_keys(item, {"item", "reason"}, k);
                 Waiver waiver{reader.string(reader.field(item, "item", k), k + ".item"),
                               reader.string(reader.field(item, "reason", k), k + ".reason")};
                 if (waiver.reason.empty()) reader.fail(k + ".reason", "must say why \"" + waiver.item + "\" is waived");
                 config.waivers.push_back(std::move(waiver));
             }
         }},
    };
    for (const auto& item : document.items()) {
        const auto setter = setters.find(item.key());
        if (setter == setters.end()) reader.fail(item.key(), "unknown key (a typo?)");
        setter->second(item.value(), item.key());
    }
    return config;
}

std::vector<std::string> config_paths(const OfficeConfig& config, const std::string& key,
                                      const std::vector<std::string>& paths) {
    const std::filesystem::path folder = std::filesystem::path(config.source).parent_path();
    std::vector<std::string> result;
    for (const auto& path : paths) {
        result.push_back(std::filesystem::path(path).is_relative() ? (folder / path).string() : path);
        std::error_code ec;
        if (!std::filesystem::exists(result.back(), ec))
            throw Error("\"" + key + "\": " + result.back() + ": no such file or folder" +
                            (path == result.back() ? "" : " (\"" + path + "\" is relative to the configuration's folder)"),
                        Location{config.source, 0});
    }
    return result;
}

std::vector<std::string> website_urls(const OfficeConfig& config) {
    std::vector<std::string> urls;
    for (const auto& site : config.websites) {
        if (site.find("://") != std::string::npos || site.rfind("file:", 0) == 0) {
            urls.push_back(site);
            continue;
        }
        std::string path = config_paths(config, "websites", {site}).front();
        std::error_code ignored;
        if (std::filesystem::is_directory(path, ignored) && (path.empty() || path.back() != '/')) path += '/';
        std::string url = "file://";
        for (const char c : std::filesystem::absolute(path, ignored).string()) {
            if (c == '%') url += "%25";  // a file name's '%' is not an escape; the rest parse_url encodes
            else url += c;
        }
        if (path.back() == '/' && url.back() != '/') url += '/';
        urls.push_back(url);
    }
    return urls;
}

OfficeConfig load_config(const ConfigSearch& search) {
    std::string path;
    if (search.option_path) path = *search.option_path;
    else if (search.env_path && !search.env_path->empty()) path = *search.env_path;
    else {
        // A system file that exists but cannot be read is an error, not a silent fallback:
        // its closed days and election stages would otherwise be lost.
        std::error_code ec;
        if (!std::filesystem::exists(search.system_path, ec)) return OfficeConfig{};
        path = search.system_path;
    }
    const auto document = read_json_file(path, "configuration");
    return parse_config(document, path);
}

}  // namespace ppid
