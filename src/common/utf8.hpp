// UTF-8 encoding, in one place.
#pragma once
#include <string>
#include <string_view>

namespace paiban {

/// Appends `ch` to `out` as UTF-8 (1 to 4 bytes; no check for surrogates).
void append_utf8(std::string& out, char32_t ch);

/// `text` as UTF-8.
std::string to_utf8(std::u32string_view text);

}  // namespace paiban
