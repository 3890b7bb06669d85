// Stage: shaped paragraph -> set lines. Break opportunities from Unicode's
// line breaking algorithm (ICU, UAX #14) tailored by clreq's line-start and
// line-end rules; punctuation compression, Han-Latin spacing and
// justification by inter-character spacing.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "paiban/layout.hpp"
#include "paiban/shape.hpp"

namespace paiban {

/// clreq's line-breaking levels (shared/notes/clreq.md).
enum class BreakLevel { none, basic, gb, strict };
BreakLevel break_level_from_string(const std::string& name);  ///< throws std::invalid_argument

/// One glyph placed on a line. x from the line's start edge (the measure's
/// left edge; an indent is already in x), pt.
struct PlacedGlyph {
  FaceId face = 0;
  uint32_t glyph = 0;
  double size = 10.5;
  double x = 0;
  double y_offset = 0;  ///< pt, y up
  double advance = 0;   ///< as drawn (after compression), pt
  Cmyk color;
  int link = -1;        ///< index in ShapedParagraph::links
  std::u32string text;  ///< the characters this glyph stands for (empty for a cluster's later glyphs)
};

struct SetLine {
  std::vector<PlacedGlyph> glyphs;
  double width = 0;          ///< from 0 to the end of the last glyph's advance, pt
  bool last = false;         ///< ends its paragraph
  uint32_t text_begin = 0, text_end = 0;  ///< characters of the paragraph on this line
};

struct BreakOptions {
  double measure = 400;        ///< line length, pt
  double first_indent = 0;     ///< pt, first line only
  Align align = Align::justify;
  BreakLevel level = BreakLevel::basic;
};

/// Break positions allowed by UAX #14 (ICU, untailored): result[i] is true
/// when a line may start at character i (i in 1..size-1); result[0] false.
std::vector<bool> unicode_break_opportunities(const std::u32string& text, const std::string& lang);

/// UAX #14 tailored by clreq for `level`.
std::vector<bool> clreq_break_opportunities(const std::u32string& text, const std::string& lang,
                                            BreakLevel level);

/// Sets a paragraph into lines of `options.measure`. Warns "overfull-line"
/// when a line cannot fit.
std::vector<SetLine> break_paragraph(const ShapedParagraph& paragraph, const BreakOptions& options,
                                     Warnings& warnings);

}  // namespace paiban
