// JSON written by hand (the batch report, the preflight summary): one way to
// quote a string.
#pragma once
#include <string>
#include <string_view>

namespace paiban {

/// `text` as a JSON string, quotes included: '"' and '\\' escaped, \n and \t
/// as such, other control characters (and DEL) as \u00XX; a byte that is not
/// part of well-formed UTF-8 (file names are bytes on Linux) becomes \ufffd,
/// so the result is always valid JSON.
std::string json_string(std::string_view text);

}  // namespace paiban
