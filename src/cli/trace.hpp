// `paiban trace`: the placed lines of a Document as plain text, one line per
// placed text line, so that a change to breaking or pagination shows as a
// diff against the goldens in tests/golden/.
#pragma once
#include <string>
#include <vector>

#include "paiban/document.hpp"
#include "paiban/fonts.hpp"

namespace paiban::cli {

/// One line per placed text line, in page order, then by baseline y, then x:
///   PAGE LINE x=X y=Y FONT SIZE[, FONT SIZE...] | TEXT
/// PAGE and LINE count from 1 (LINE on its page); X (the first glyph's
/// origin) and Y (the baseline) in pt from the page's top-left corner, two
/// decimals; FONT the face's PostScript name; TEXT in UTF-8. Glyphs on one
/// baseline form one line unless a gap wider than 3 em separates them (two
/// columns, a heading and its page number). Deterministic: the same Document
/// gives the same bytes.
std::string trace_document(const Document& document, const FontCache& fonts);

/// `paiban trace MANIFEST [-o FILE]`.
int trace_command(const std::vector<std::string>& args);

}  // namespace paiban::cli
