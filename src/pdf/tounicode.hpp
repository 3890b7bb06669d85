// The ToUnicode CMap: code -> text, so copy, search and extraction give the
// characters back from glyph codes.
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace paiban::pdf {

/// A CMap program with `beginbfchar` blocks of at most 100 entries, values
/// in UTF-16BE (surrogate pairs beyond the BMP). Codes with empty text are
/// left out.
std::string tounicode_cmap(const std::map<uint16_t, std::u32string>& text_of_code);

}  // namespace paiban::pdf
