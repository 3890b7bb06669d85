// Typed attribute values shared by the manifest and layout readers.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "input/xml_input.hpp"

namespace paiban {

/// A plain non-negative decimal: "1", "0.5", ".5" (not "1.", "+1", "1e3").
std::optional<double> parse_decimal(std::string_view text);

/// A whole number from 1 to `max`, digits only, no leading zero.
std::optional<int> parse_whole(std::string_view text, int max);

/// `value` in double quotes for a message, cut to its first 60 bytes (on a
/// character boundary) with "…" after: a message never repeats 70 KB of input.
std::string quoted_value(std::string_view value);

/// The UTF-16 code units of UTF-8 `text`: what a PDF text string counts.
std::size_t utf16_length(std::string_view text);

/// libharu's longest string: 65,535 bytes. A PDF text string (a bookmark, the
/// document title) is UTF-16 with a 2-byte mark, so at most 32,766 units.
inline constexpr std::size_t max_pdf_string_bytes = 65535;
inline constexpr std::size_t max_pdf_text_units = (max_pdf_string_bytes - 2) / 2;

/// The shape of xsd:language, which BCP 47 tags have: "zh-Hans", "ja".
bool is_language_tag(std::string_view tag);

/// The longest language tag a span may name (BCP 47 asks readers to take at
/// least 35 characters; the tag is also a PDF string).
inline constexpr std::size_t max_language_tag_length = 64;

/// A well-formed BCP 47 language tag (RFC 5646 2.1, without the
/// grandfathered tags): language (2-3 letters with up to three 3-letter
/// extlangs, or 4-8 letters), then optional script (4 letters), region (2
/// letters or 3 digits), variants, extensions and a private-use part; or a
/// private-use tag alone ("x-…"). "en", "ja", "zh-Hant-TW", "de-CH-1996",
/// "en-GB-x-house". At most max_language_tag_length characters.
bool is_bcp47_tag(std::string_view tag);

/// An enumerated attribute's token value; throws at the attribute, listing
/// `values`, when it is none of them.
std::string read_choice(const XmlInput& input, pugi::xml_attribute attribute,
                        std::initializer_list<std::string_view> values);

}  // namespace paiban
