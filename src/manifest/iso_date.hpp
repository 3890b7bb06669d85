// ISO 8601 calendar dates as the manifest writes them: YYYY-MM-DD.
#pragma once
#include <optional>
#include <string_view>

#include "paiban/issue.hpp"

namespace paiban {

/// Parses exactly "YYYY-MM-DD" naming a real day of the Gregorian calendar
/// (year 0001..9999; 2017-02-30 and 2016-13-01 are refused).
std::optional<Date> parse_iso_date(std::string_view text);

}  // namespace paiban
