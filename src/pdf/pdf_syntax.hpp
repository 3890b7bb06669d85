// Small, locale-independent writers for PDF syntax: numbers, hex strings,
// UTF-16BE text strings, dates. Shared by the parts of the PDF writer.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace paiban::pdf {

/// A number with at most 3 decimals, trailing zeros dropped ("12.5", "-0.25",
/// "7"); never a locale's decimal comma, never "-0".
std::string num(double value);

/// Appends num(value) to `out` (the content streams' hot path).
void append_num(std::string& out, double value);

/// Upper-case hex of the bytes, no delimiters.
std::string hex(std::string_view bytes);

/// UTF-32 -> UTF-16BE bytes (surrogate pairs beyond the BMP), no BOM.
std::string utf16be(std::u32string_view text);

/// A PDF text string as bytes: FE FF + UTF-16BE (safe beyond the BMP).
std::string text_string_bytes(std::string_view utf8);

/// Seconds since 1970 (UTC) -> "D:YYYYMMDDHHmmSSZ" / "YYYY-MM-DDTHH:mm:SSZ".
std::string pdf_date(long long epoch_seconds);
std::string xmp_date(long long epoch_seconds);

/// Days-from-civil: the UTC epoch second of a calendar date's midnight.
long long epoch_of_date(int year, int month, int day);

}  // namespace paiban::pdf
