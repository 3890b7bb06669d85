// UTF-8 encoding and decoding, in one place.
#pragma once
#include <string>
#include <string_view>

namespace paiban {

/// Appends `ch` to `out` as UTF-8 (1 to 4 bytes; no check for surrogates).
void append_utf8(std::string& out, char32_t ch);

/// `text` as UTF-8.
std::string to_utf8(std::u32string_view text);

/// `text`'s code points. A byte that does not start a sequence, or a sequence
/// cut short (at the end or by a byte that does not continue it), gives one
/// U+FFFD each; decoding goes on at the byte that broke it. Inputs read
/// through src/input are valid UTF-8 already.
std::u32string decode_utf8(std::string_view text);

/// Length of the well-formed sequence at text[i] (1 to 4 bytes), or 0 when
/// the bytes there are not one (a stray continuation byte, a cut sequence).
size_t utf8_sequence_length(std::string_view text, size_t i);

}  // namespace paiban
