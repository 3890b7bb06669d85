#include "manifest/text_direction.hpp"

#include <unicode/uchar.h>

#include <cstdio>

#include "common/utf8.hpp"

namespace paiban {

std::optional<RightToLeft> first_right_to_left(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const Utf8Char ch = next_utf8_char(text, i);
    i += ch.length;
    const auto c = static_cast<UChar32>(ch.code_point);
    if (c < 0x0590) continue;  // below Hebrew: nothing right-to-left
    const UCharDirection direction = u_charDirection(c);
    if (direction != U_RIGHT_TO_LEFT && direction != U_RIGHT_TO_LEFT_ARABIC &&
        direction != U_RIGHT_TO_LEFT_EMBEDDING && direction != U_RIGHT_TO_LEFT_OVERRIDE &&
        direction != U_RIGHT_TO_LEFT_ISOLATE)
      continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    char name[128] = {};
    UErrorCode status = U_ZERO_ERROR;
    u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    return RightToLeft{static_cast<std::size_t>(start),
                       std::string(code) + (U_SUCCESS(status) && name[0] ? " " : "") + name};
  }
  return std::nullopt;
}

std::string right_to_left_message(const RightToLeft& found) {
  return "right-to-left text (" + found.name +
         ") is not supported: paiban sets every line left to right, so it would read backwards";
}

}  // namespace paiban
