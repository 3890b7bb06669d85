// Right-to-left text (Hebrew, Arabic, Syriac, Thaana, N'Ko...): paiban sets
// every line left to right, so such text would read backwards. It is refused
// where it is written, naming the character, rather than set wrongly.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace paiban {

struct RightToLeft {
  std::size_t offset = 0;  ///< of its first byte in the text
  std::string name;        ///< "U+05E9 HEBREW LETTER SHIN"
};

/// The first character of UTF-8 `text` that is strongly right-to-left (bidi
/// class R or AL) or opens a right-to-left embedding, override or isolate.
std::optional<RightToLeft> first_right_to_left(std::string_view text);

/// The message for it.
std::string right_to_left_message(const RightToLeft& found);

}  // namespace paiban
