#include <ppid/record_diff.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace ppid;

namespace {

RecordKey key_of(const std::string& line, const std::optional<std::string>& key_path = std::nullopt) {
    util::ScannedObject fields;
    REQUIRE(util::scan_object(line, fields).empty());
    return record_key(line, fields, key_path, Location{"in.jsonl", 4});
}

std::string key_text(const std::string& line, const std::optional<std::string>& key_path = std::nullopt) {
    return key_of(line, key_path).key;
}

RecordChanges compare(const std::string& type, const std::string& old_text, const std::string& new_text,
                      const DiffOptions& options = {}) {
    return compare_records(type, Record::parse(old_text), Record::parse(new_text), options);
}

std::vector<std::string> field_names(const RecordChanges& changes) {
    std::vector<std::string> names;
    for (const auto& field : changes.fields) names.push_back(field.field);
    return names;
}

// Two JSON Lines files in a fresh temporary folder, removed afterwards.
class TwoFiles {
public:
    TwoFiles(const std::string& old_text, const std::string& new_text) : dir_("ppid-diff-test-") {
        std::ofstream(old_path()) << old_text;
        std::ofstream(new_path()) << new_text;
    }

    std::string old_path() const { return (dir_ / "old.jsonl").string(); }
    std::string new_path() const { return (dir_ / "new.jsonl").string(); }
    const std::filesystem::path& dir() const { return dir_.path(); }

private:
    test::TempDir dir_;
};

struct DiffRun {
    std::string out;
    std::vector<std::string> messages;
    DiffCounts counts;
};

DiffRun run_diff(const TwoFiles& files, DiffOptions options = {}) {
    DiffRun run;
    options.temp_dir = files.dir();
    Diagnostics diag([&](const std::string& message) { run.messages.push_back(message); });
    std::ostringstream out;
    run.counts = diff_files(files.old_path(), files.new_path(), options, diag, out);
    run.out = out.str();
    return run;
}

}  // namespace

TEST_CASE("built-in keys follow the record type", "[diff]") {
    CHECK(key_text(R"({"type":"document","url":"https://x/a.pdf","root":"/r","path":"a.pdf"})") == "https://x/a.pdf");
    CHECK(key_text(R"({"type":"document","root":"/srv/dok","path":"sk/a.pdf"})") == "/srv/dok/sk/a.pdf");
    CHECK(key_text(R"({"type":"document","root":"/srv/dok/","path":"a.pdf"})") == "/srv/dok/a.pdf");
    CHECK(key_text(R"({"type":"item","id":"berkala.lkpp","status":"ok"})") == "berkala.lkpp");
    CHECK(key_text(R"({"type":"request","id":"001/PPID/I/2025"})") == "001/PPID/I/2025");
    CHECK(key_text(R"({"type":"objection","id":"K-1"})") == "K-1");
    CHECK(key_text(R"({"type":"link","url":"https://x/"})") == "https://x/");
    CHECK(key_text(R"({"type":"dip_entry","number":"3","summary":"Laporan Keuangan"})") == "Laporan Keuangan");
    CHECK(key_text(R"({"type":"stats","year":2025,"table":"outcomes"})") == "2025/outcomes");
    CHECK(key_text(R"({"type":"summary","score":81})") == "summary");
    CHECK(key_of(R"({"id":"9","type":"request"})").type == "request");
}

TEST_CASE("a record without a usable type or key is an error at its line", "[diff]") {
    CHECK_THROWS_WITH(key_of(R"({"id":"1"})"), "missing \"type\"");
    CHECK_THROWS_WITH(key_of(R"({"type":7,"id":"1"})"), "\"type\" must be a string, found number");
    CHECK_THROWS_WITH(key_of(R"({"type":"request"})"), "missing \"id\" (the key of a request record)");
    CHECK_THROWS_WITH(key_of(R"({"type":"request","id":""})"), "missing \"id\" (the key of a request record)");
    CHECK_THROWS_WITH(key_of(R"({"type":"request","id":12})"), "\"id\" must be a string (keys are text), found number");
    CHECK_THROWS_WITH(key_of(R"({"type":"document","path":"a.pdf"})"),
                      "missing \"url\", or \"root\" and \"path\" (the key of a document record)");
    CHECK_THROWS_WITH(key_of(R"({"type":"change","key":"x"})"),
                      "no key is known for records of type \"change\": give --key FIELD");
    try {
        key_of(R"({"type":"request"})");
    } catch (const Error& e) {
        CHECK(to_string(e.where()) == "in.jsonl:4");
    }
}

TEST_CASE("the key option overrides every type, reaches inside objects and takes numbers", "[diff]") {
    CHECK(key_text(R"({"type":"request","id":"1","number":"7"})", "number") == "7");
    CHECK(key_text(R"({"type":"anything","n":42})", "n") == "42");
    CHECK(key_text(R"({"type":"request","requester":{"name":"Siti"}})", "requester.name") == "Siti");
    CHECK_THROWS_WITH(key_of(R"({"type":"request","id":"1"})", "number"), "missing \"number\" (the --key field)");
    CHECK_THROWS_WITH(key_of(R"({"type":"request","requester":{}})", "requester.name"),
                      "missing \"requester.name\" (the --key field)");
    CHECK_THROWS_WITH(key_of(R"({"type":"request","n":[1]})", "n"),
                      "\"n\" must be a string (keys are text), found array");
}

TEST_CASE("a document's content change is reported with its time, a new time alone is not", "[diff]") {
    const auto changed =
        compare("document",
                R"({"type":"document","path":"a.pdf","size":10,"modified":"2025-03-01T08:00:00+07:00","sha256":"aa"})",
                R"({"type":"document","path":"a.pdf","size":12,"modified":"2025-03-02T08:00:00+07:00","sha256":"bb"})");
    CHECK(field_names(changed) == std::vector<std::string>{"size", "modified", "sha256"});
    CHECK(changed.fields[2].old_value == Record("aa"));
    CHECK(changed.fields[2].new_value == Record("bb"));
    CHECK_FALSE(changed.transition);

    const std::string touched_old =
        R"({"type":"document","path":"a.pdf","modified":"2025-03-01T08:00:00+07:00","sha256":"aa"})";
    const std::string touched_new =
        R"({"type":"document","path":"a.pdf","modified":"2025-03-09T08:00:00+07:00","sha256":"aa"})";
    CHECK(compare("document", touched_old, touched_new).empty());

    DiffOptions all;
    all.all_fields = true;
    CHECK(field_names(compare("document", touched_old, touched_new, all)) == std::vector<std::string>{"modified"});

    // Without a hash on both sides the time is the only evidence of a change.
    CHECK(field_names(compare("document", R"({"path":"a","modified":"1"})", R"({"path":"a","modified":"2"})")) ==
          std::vector<std::string>{"modified"});
}

TEST_CASE("a deadline is compared by status, due and extended due, not by its counters", "[diff]") {
    const std::string open =
        R"({"type":"request","id":"5","received":"2025-03-03","deadline":{"due":"2025-03-17","extended_due":null,"status":"open","elapsed_working_days":5,"remaining_working_days":5}})";
    const std::string later =
        R"({"type":"request","id":"5","received":"2025-03-03","deadline":{"due":"2025-03-17","extended_due":null,"status":"open","elapsed_working_days":6,"remaining_working_days":4}})";
    const std::string overdue =
        R"({"type":"request","id":"5","received":"2025-03-03","deadline":{"due":"2025-03-17","extended_due":null,"status":"overdue","elapsed_working_days":11,"remaining_working_days":-1}})";
    CHECK(compare("request", open, later).empty());

    const auto moved = compare("request", open, overdue);
    CHECK(field_names(moved) == std::vector<std::string>{"deadline.status"});
    REQUIRE(moved.transition);
    CHECK(moved.transition->field == "deadline.status");
    CHECK(moved.transition->from == Record("open"));
    CHECK(moved.transition->to == Record("overdue"));

    DiffOptions all;
    all.all_fields = true;
    CHECK(field_names(compare("request", open, later, all)) == std::vector<std::string>{"deadline"});

    DiffOptions ignore_status;
    ignore_status.ignore = {"deadline.status"};
    CHECK(compare("request", open, overdue, ignore_status).empty());
}

TEST_CASE("a deadline added by ppid-deadline is a transition from null", "[diff]") {
    const auto moved = compare("request", R"({"type":"request","id":"5"})",
                               R"({"type":"request","id":"5","deadline":{"due":"2025-03-17","status":"open"}})");
    CHECK(field_names(moved) == std::vector<std::string>{"deadline.status", "deadline.due"});
    CHECK_FALSE(moved.fields[0].old_value);
    REQUIRE(moved.transition);
    CHECK(moved.transition->from.is_null());
    CHECK(moved.transition->to == Record("open"));
}

TEST_CASE("an item's status change is a transition", "[diff]") {
    const auto moved =
        compare("item", R"({"type":"item","id":"berkala.lkpp","status":"ok","evidence":[{"path":"a.pdf"}]})",
                R"({"type":"item","id":"berkala.lkpp","status":"stale","evidence":[{"path":"a.pdf"}]})");
    CHECK(field_names(moved) == std::vector<std::string>{"status"});
    REQUIRE(moved.transition);
    CHECK(moved.transition->field == "status");
    CHECK(moved.transition->from == Record("ok"));
    CHECK(moved.transition->to == Record("stale"));
    // Other types have no transition, whatever their fields are called.
    CHECK_FALSE(compare("page", R"({"status":200})", R"({"status":404})").transition);
}

TEST_CASE("objects are compared whole and regardless of key order", "[diff]") {
    CHECK(compare("request", R"({"id":"1","requester":{"name":"A","contact":"1"}})",
                  R"({"requester":{"contact":"1","name":"A"},"id":"1"})")
              .empty());
    const auto changed = compare("request", R"({"id":"1","requester":{"name":"A","contact":"1"}})",
                                 R"({"id":"1","requester":{"name":"A","contact":"2"}})");
    REQUIRE(changed.fields.size() == 1);
    CHECK(changed.fields[0].field == "requester");
    CHECK(changed.fields[0].old_value->dump() == R"({"name":"A","contact":"1"})");  // its own key order
    CHECK(compare("x", R"({"n":1})", R"({"n":1.0})").empty());
    CHECK_FALSE(compare("x", R"({"a":[1,2]})", R"({"a":[2,1]})").empty());
}

TEST_CASE("fields come in the new record's order, then those only the old one has", "[diff]") {
    const auto changed = compare("x", R"({"gone":1,"b":1,"a":1})", R"({"a":2,"b":2,"new":true})");
    CHECK(field_names(changed) == std::vector<std::string>{"a", "b", "new", "gone"});
    CHECK_FALSE(changed.fields[2].old_value);
    CHECK_FALSE(changed.fields[3].new_value);
}

TEST_CASE("ignored fields and dotted paths are not compared, nor is an import's source", "[diff]") {
    DiffOptions options;
    options.ignore = {"fetched", "requester.contact"};
    CHECK(compare("x", R"({"fetched":"1","requester":{"contact":"1","name":"A"}})",
                  R"({"fetched":"2","requester":{"contact":"2","name":"A"}})", options)
              .empty());
    const std::string a = R"({"type":"request","id":"1","source":{"file":"r.xlsx","line":6}})";
    const std::string b = R"({"type":"request","id":"1","source":{"file":"r.xlsx","line":7}})";
    CHECK(compare("request", a, b).empty());
    CHECK_FALSE(compare("page", a, b).empty());
    DiffOptions all;
    all.all_fields = true;
    CHECK(field_names(compare("request", a, b, all)) == std::vector<std::string>{"source"});
}

TEST_CASE("where a web archive keeps the bytes is not compared, in records or in evidence", "[diff]") {
    const std::string a =
        R"({"type":"document","url":"u","status":404,"warc":{"file":"/w/1.warc.gz","record_id":"<urn:uuid:1>","date":"2025-03-11T19:00:00Z"}})";
    const std::string b =
        R"({"type":"document","url":"u","status":404,"warc":{"file":"/w/2.warc.gz","record_id":"<urn:uuid:2>","date":"2025-03-12T19:00:00Z"}})";
    CHECK(compare("document", a, b).empty());
    const std::string item_a = R"({"type":"item","id":"i","status":"ok","evidence":[{"url":"u","warc":{"record_id":"<urn:uuid:1>"}}]})";
    const std::string item_b = R"({"type":"item","id":"i","status":"ok","evidence":[{"url":"u","warc":{"record_id":"<urn:uuid:2>"}}]})";
    CHECK(compare("item", item_a, item_b).empty());
    const std::string item_c = R"({"type":"item","id":"i","status":"ok","evidence":[{"url":"v","warc":{"record_id":"<urn:uuid:2>"}}]})";
    CHECK(field_names(compare("item", item_a, item_c)) == std::vector<std::string>{"evidence"});
    DiffOptions all;
    all.all_fields = true;
    CHECK(field_names(compare("document", a, b, all)) == std::vector<std::string>{"warc"});
}

TEST_CASE("a change record has a fixed key order", "[diff]") {
    const RecordKey key{"request", "5"};
    std::string added;
    append_change_json(added, ChangeKind::added, key, R"({"type":"request","id":"5"})", nullptr);
    CHECK(
        added ==
        R"({"type":"change","change":"added","record_type":"request","key":"5","record":{"type":"request","id":"5"}})");

    RecordChanges changes;
    changes.fields.push_back({"deadline.status", Record("open"), Record("overdue")});
    changes.fields.push_back({"answered", std::nullopt, Record("2025-03-12")});
    changes.transition = Transition{"deadline.status", Record("open"), Record("overdue")};
    std::string changed;
    append_change_json(changed, ChangeKind::changed, key, "{}", &changes);
    CHECK(changed == R"({"type":"change","change":"changed","record_type":"request","key":"5",)"
                     R"("transition":{"field":"deadline.status","from":"open","to":"overdue"},)"
                     R"("fields":{"deadline.status":{"old":"open","new":"overdue"},"answered":{"new":"2025-03-12"}},)"
                     R"("record":{}})");
    CHECK(to_string(ChangeKind::removed) == std::string("removed"));
    CHECK(parse_change_kind("changed") == ChangeKind::changed);
    CHECK_FALSE(parse_change_kind("modified"));
}

TEST_CASE("two streams give their changes sorted by type and key", "[diff]") {
    const TwoFiles files(
        "{\"type\":\"request\",\"id\":\"b\",\"x\":1}\n{\"type\":\"item\",\"id\":\"z\",\"status\":\"ok\"}\n"
        "{\"type\":\"request\",\"id\":\"a\"}\n",
        "\n{\"type\":\"request\",\"id\":\"c\"}\r\n{\"id\":\"b\",\"x\":2,\"type\":\"request\"}\n"
        "{\"type\":\"item\",\"id\":\"z\",\"status\":\"ok\"}\n");
    const auto run = run_diff(files);
    CHECK(run.messages.empty());
    CHECK(run.out ==
          "{\"type\":\"change\",\"change\":\"removed\",\"record_type\":\"request\",\"key\":\"a\",\"record\":{\"type\":"
          "\"request\",\"id\":\"a\"}}\n"
          "{\"type\":\"change\",\"change\":\"changed\",\"record_type\":\"request\",\"key\":\"b\",\"fields\":{\"x\":{"
          "\"old\":1,\"new\":2}},"
          "\"record\":{\"id\":\"b\",\"x\":2,\"type\":\"request\"}}\n"
          "{\"type\":\"change\",\"change\":\"added\",\"record_type\":\"request\",\"key\":\"c\",\"record\":{\"type\":"
          "\"request\",\"id\":\"c\"}}\n");
    CHECK(run.counts.added == 1);
    CHECK(run.counts.removed == 1);
    CHECK(run.counts.changed == 1);
}

TEST_CASE("the only option filters what is written and counted", "[diff]") {
    const TwoFiles files("{\"type\":\"request\",\"id\":\"a\"}\n{\"type\":\"request\",\"id\":\"b\",\"x\":1}\n",
                         "{\"type\":\"request\",\"id\":\"b\",\"x\":2}\n{\"type\":\"request\",\"id\":\"c\"}\n");
    DiffOptions options;
    options.only = {ChangeKind::removed, ChangeKind::added};
    const auto run = run_diff(files, options);
    CHECK(run.counts.total() == 2);
    CHECK(run.counts.changed == 0);
    CHECK(run.out.find("\"changed\"") == std::string::npos);
}

TEST_CASE("bad records and repeated keys are reported with their lines and skipped", "[diff]") {
    const TwoFiles files(
        "{\"type\":\"request\",\"id\":\"a\"}\n{\"type\":\"request\",\"id\":\"a\",\"x\":1}\nnot json\n",
        "{\"type\":\"request\",\"id\":\"a\"}\n{\"type\":\"request\"}\n{\"type\":\"request\",\"id\":\"d\"}\n"
        "{\"type\":\"request\",\"id\":\"d\"}\n{\"type\":\"request\",\"id\":\"d\"}\n");
    const auto run = run_diff(files);
    REQUIRE(run.messages.size() == 5);
    CHECK_THAT(run.messages[0], Catch::Contains("old.jsonl:3: invalid JSON: parse error"));
    CHECK_THAT(run.messages[1], Catch::EndsWith("new.jsonl:2: missing \"id\" (the key of a request record)"));
    CHECK_THAT(run.messages[2],
               Catch::EndsWith("old.jsonl:2: duplicate key: request \"a\" is already on line 1; this line is skipped"));
    CHECK_THAT(run.messages[3],
               Catch::EndsWith("new.jsonl:4: duplicate key: request \"d\" is already on line 3; this line is skipped"));
    CHECK_THAT(run.messages[4],
               Catch::EndsWith("new.jsonl:5: duplicate key: request \"d\" is already on line 3; this line is skipped"));
    CHECK(run.counts.added == 1);    // "d", once
    CHECK(run.counts.changed == 0);  // "a": the first of the old ones is compared
}

TEST_CASE("an input that cannot be opened stops the run before any output", "[diff]") {
    const TwoFiles files("", "{\"type\":\"request\",\"id\":\"a\"}\n");
    DiffOptions options;
    Diagnostics diag([](const std::string&) {});
    std::ostringstream out;
    CHECK_THROWS_WITH(diff_files((files.dir() / "missing.jsonl").string(), files.new_path(), options, diag, out),
                      "cannot open: No such file or directory");
    CHECK_THROWS_WITH(diff_files(files.dir().string(), files.new_path(), options, diag, out),
                      "cannot read: is a directory");
    CHECK_THROWS_AS(diff_files("-", "-", options, diag, out), UsageError);
    CHECK(out.str().empty());
}

TEST_CASE("streams larger than the sort buffer give the same bytes through temporary files", "[diff]") {
    std::mt19937 random(20250314);
    std::string old_text;
    std::string new_text;
    for (int i = 0; i < 600; ++i) {
        const std::string id = std::to_string(random() % 100000);
        const std::string line = "{\"type\":\"" + std::string(i % 3 ? "request" : "item") + "\",\"id\":\"" + id +
                                 "\",\"n\":" + std::to_string(i % 7) + "}\n";
        if (random() % 5) old_text += line;
        if (random() % 4) new_text += random() % 6 ? line : line.substr(0, line.size() - 2) + "9}\n";
    }
    const TwoFiles files(old_text, new_text);
    const auto in_memory = run_diff(files);
    DiffOptions small;
    small.buffer_size = 2048;  // a few records per run
    small.merge_fan_in = 3;    // and several merge passes
    const auto spilled = run_diff(files, small);
    CHECK(in_memory.counts.total() > 100);
    CHECK(spilled.out == in_memory.out);
    CHECK(spilled.messages == in_memory.messages);
    CHECK(std::distance(std::filesystem::directory_iterator(files.dir()), std::filesystem::directory_iterator()) == 2);
}
