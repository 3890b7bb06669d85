// UTF-8 encoding, decoding and validation, in one place: every stage that
// reads or cuts UTF-8 goes through these, so that "well-formed" means the
// same everywhere (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace paiban {

/// Appends `ch` to `out` as UTF-8 (1 to 4 bytes; no check for surrogates).
void append_utf8(std::string& out, char32_t ch);

/// `text` as UTF-8.
std::string to_utf8(std::u32string_view text);

/// One character read from UTF-8 text (next_utf8_char).
struct Utf8Char {
  char32_t code_point = 0xFFFD;  ///< U+FFFD where the bytes are not a character
  std::size_t length = 1;        ///< bytes it takes, at least 1
  bool valid = false;            ///< a well-formed sequence
};

/// The character at text[i] (i < text.size()). Where the bytes there are not
/// a well-formed sequence, `valid` is false and `length` covers the longest
/// start of one they hold (a lead byte and the continuation bytes it allows
/// before the byte that broke it, or the text's end), at least one byte: the
/// next character is read where the broken one stopped (Unicode's "maximal
/// subpart" practice).
Utf8Char next_utf8_char(std::string_view text, std::size_t i);

/// `text`'s code points, one U+FFFD for each broken sequence (next_utf8_char).
/// Inputs read through src/input are valid UTF-8 already.
std::u32string decode_utf8(std::string_view text);

/// The offset of the first byte of the first sequence in `text` that is not
/// well-formed UTF-8, or std::string_view::npos when all of it is.
std::size_t find_invalid_utf8(std::string_view text);

/// How many characters `text` holds (a broken sequence counts as one, as in
/// decode_utf8).
std::size_t count_utf8_characters(std::string_view text);

/// True for a byte that continues a sequence (10xxxxxx): no character starts there.
constexpr bool is_utf8_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

/// The start of the character that holds byte `i` (0 < i <= text.size()
/// allowed; i = text.size() is the end): `i` backed up over continuation
/// bytes, for cutting text without splitting a character.
std::size_t utf8_character_start(std::string_view text, std::size_t i);

}  // namespace paiban
