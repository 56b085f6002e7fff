// Distinct types for the two ways the law counts days, so they cannot be mixed by accident.
#pragma once

namespace ppid {

struct WorkingDays {
    int count = 0;
    friend bool operator==(WorkingDays a, WorkingDays b) { return a.count == b.count; }
    friend bool operator!=(WorkingDays a, WorkingDays b) { return a.count != b.count; }
};

struct CalendarDays {
    int count = 0;
    friend bool operator==(CalendarDays a, CalendarDays b) { return a.count == b.count; }
    friend bool operator!=(CalendarDays a, CalendarDays b) { return a.count != b.count; }
};

}  // namespace ppid
