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

/// One glyph placed on a line. x from the line's start edge (the measure's
/// left edge; an indent is already in x), pt.
///
/// x is where the glyph's origin is drawn (HarfBuzz's x offset included);
/// the pen then moves on by `advance`. The two differ for a mark compressed
/// on its left (an opening bracket: “（《): it is drawn half an em left of
/// the pen (x = pen - em/2, possibly left of 0 at a line start) and
/// advances em/2, so its ink follows the text before it. Widths the font
/// gives and widths as drawn differ for compressed marks and spaces; a
/// writer should position each glyph at its x.
struct PlacedGlyph {
  FaceId face = 0;
  uint32_t glyph = 0;
  double size = default_text_size;
  double x = 0;
  double y_offset = 0;  ///< pt, y up
  double advance = 0;   ///< as drawn (after compression), pt
  Cmyk color;
  int link = -1;  ///< index in ShapedParagraph::links
  int span = -1;  ///< index in ShapedParagraph::spans (a language of its own), -1 = none
  bool emphasis_dot = false;  ///< <em> with emphasis dots: painting puts one under a Han character
  /// In a vertical line x runs down the line and y_offset across it (to the
  /// right); see ShapedGlyph.
  GlyphOrientation orientation = GlyphOrientation::horizontal;
  std::u32string
      text;  ///< the characters this glyph stands for (empty for a cluster's later glyphs)
  /// Drawn, but stands for no character of the text (the hyphen of a
  /// hyphenated word, ruby): a writer gives it empty ActualText.
  bool no_text = false;
};

struct SetLine {
  std::vector<PlacedGlyph> glyphs;
  double width = 0;   ///< from 0 to the end of the last glyph's advance, pt
  bool last = false;  ///< ends its paragraph
  /// Characters of the paragraph on this line, from one break to the next
  /// (spaces dropped at the break included; a paragraph's lines tile its text).
  uint32_t text_begin = 0, text_end = 0;
};

struct BreakOptions {
  double measure = 400;     ///< line length, pt
  double first_indent = 0;  ///< pt, first line only
  Align align = Align::justify;
  BreakLevel level = BreakLevel::basic;
  /// The Han-Latin gap, em; 0 = clreq's quarter em (a hair under it, rules.hpp).
  double han_latin_gap_em = 0;
};

/// Break positions allowed by UAX #14 (ICU, untailored): result[i] is true
/// when a line may start at character i (i in 1..size-1); result[0] false.
std::vector<bool> unicode_break_opportunities(const std::u32string& text, const std::string& lang);

/// UAX #14 tailored by clreq for `level`.
std::vector<bool> clreq_break_opportunities(const std::u32string& text, const std::string& lang,
                                            BreakLevel level);

/// Sets a paragraph into lines of `options.measure`: the whole paragraph's
/// breaks chosen at once (Knuth-Plass), clreq's rules, punctuation
/// compression, Han-Latin gaps, justification. Warns "overfull-line" when a
/// word is wider than the measure (it is then broken anywhere inside) or a
/// line still cannot fit. A forced break (U+000A from <br/>) ends a line set
/// like a last line; spaces and the newline at a break are not placed. An
/// empty paragraph gives one empty line.
std::vector<SetLine> break_paragraph(const ShapedParagraph& paragraph, const BreakOptions& options,
                                     Warnings& warnings);

}  // namespace paiban
