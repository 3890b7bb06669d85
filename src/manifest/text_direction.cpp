#include "manifest/text_direction.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>

namespace paiban {

std::optional<RightToLeft> first_right_to_left(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
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
