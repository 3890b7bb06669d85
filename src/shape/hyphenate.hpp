// Where English words may be hyphenated, from a Debian hyphenation
// dictionary (libhyphen with hyphen-en-us's TeX patterns).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace paiban {

/// Positions i in `text` where a line may end before text[i] with a hyphen:
/// inside words of ASCII letters only (not in identifiers, URLs, acronyms or
/// camel case), at least 4 letters on each side (no fragment of one to three
/// letters). Empty when the dictionary is not installed.
std::vector<uint32_t> hyphenation_points(const std::u32string& text);

/// Whether the dictionary could be loaded (tests).
bool hyphenation_available();

}  // namespace paiban
