// Stage: paragraph text -> itemized runs -> shaped glyphs (HarfBuzz).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "paiban/diagnostics.hpp"
#include "paiban/fonts.hpp"
#include "paiban/issue.hpp"
#include "paiban/layout.hpp"

namespace paiban {

/// One glyph as HarfBuzz set it. Lengths in pt at `size`. In a vertical
/// line `advance` and `x_offset` run along the line (down) and `y_offset`
/// across it, towards the line's over side (right in vertical-rl).
struct ShapedGlyph {
  FaceId face = 0;
  uint32_t glyph = 0;                 ///< glyph id in the face (0 = .notdef)
  double size = default_text_size;    ///< font size, pt
  double advance = 0;                 ///< natural advance, pt
  double x_offset = 0, y_offset = 0;  ///< pt, y up
  uint32_t cluster = 0;  ///< index in ShapedParagraph::text of its cluster's first character
  double ink_left = 0,
         ink_right = 0;  ///< ink extents from the origin, pt (punctuation compression)
  Cmyk color;
  int link = -1;                 ///< index in ShapedParagraph::links, -1 = none
  int span = -1;                 ///< index in ShapedParagraph::spans, -1 = the paragraph's language
  bool unsafe_to_break = false;  ///< HarfBuzz: cutting before this glyph needs reshaping
  bool emphasis_dot = false;     ///< <em> set with emphasis dots (着重号) under it
  GlyphOrientation orientation = GlyphOrientation::horizontal;
};

/// Where a line may end inside an English word (a Debian hyphenation
/// dictionary, src/shape/hyphenate.cpp): before text[position], with
/// `hyphen` drawn after the part before.
struct HyphenPoint {
  uint32_t position = 0;
  ShapedGlyph hyphen;
};

/// A ruby annotation (<ruby>): set above characters [base_begin, base_end)
/// of the paragraph, which stay on one line. Its glyphs are shaped at
/// kRubyScale of the base's size, x from the annotation's start.
struct RubyAnnotation {
  uint32_t base_begin = 0, base_end = 0;
  std::vector<ShapedGlyph> glyphs;
  double width = 0;  ///< natural width of the annotation, pt
  EmBox em_box;      ///< of the annotation's style (its font role in its language)
};

/// A stretch of a paragraph in another language than the paragraph's
/// (<span lang>), inside one link or none: shaped with its language (the
/// font's locl forms), tagged as a Span with /Lang.
struct LanguageSpan {
  std::string lang;  ///< BCP 47
  int link = -1;     ///< index in ShapedParagraph::links of the link it lies in, -1 = none
};

/// Ruby is half the size of its base (jlreq 3.3.2, clreq 3.4).
inline constexpr double kRubyScale = 0.5;

/// A paragraph ready for line breaking: its characters and their glyphs.
struct ShapedParagraph {
  std::u32string text;              ///< the characters, white space as folded by the parser
  std::vector<ShapedGlyph> glyphs;  ///< logical order; clusters ascend
  std::vector<std::string> links;   ///< hrefs
  std::vector<LanguageSpan> spans;  ///< in text order
  std::vector<HyphenPoint> hyphens;  ///< ascending positions
  std::vector<RubyAnnotation> rubies;  ///< ascending, not overlapping
  bool vertical = false;            ///< shaped for a vertical line (WritingMode::vertical_rl)
  std::string lang = "zh-Hans";     ///< BCP 47
  double em = default_text_size;    ///< the style's font size, pt: what "1 em" means here
  EmBox em_box;                     ///< of the style's font (em_box_for)
  SourceLocation where;             ///< where the paragraph starts, for warnings
};

/// Itemizes `text` by script and font coverage (the style's font role, then
/// its fallback list, then any installed face) and shapes each run with the
/// language. A character no font has becomes glyph 0 and a "missing-glyph"
/// warning naming the character and its location.
///
/// `mode` vertical_rl shapes for a vertical line: characters upright by
/// UAX #50 (Han, kana, full-width marks) top to bottom (HarfBuzz TTB, so the
/// font's vert/vrt2 forms and vertical metrics apply), the rest (Latin)
/// sideways, and a run of one or two ASCII digits across the line in one em
/// (縦中横); "123" is sideways.
ShapedParagraph shape_paragraph(const InlineText& text, const TextStyle& style,
                                const Layout& layout, const std::string& lang, FontCache& fonts,
                                Warnings& warnings,
                                WritingMode mode = WritingMode::horizontal_tb);

/// Has HarfBuzz know the language tag `lang` (BCP 47) before threads shape
/// text in it: its list of known languages grows through an atomic exchange
/// inside libharfbuzz, which a thread sanitizer cannot see.
void intern_language(const std::string& lang);

/// Same for plain UTF-8 text (headers, footers, contents entries).
ShapedParagraph shape_text(const std::string& utf8, const TextStyle& style, const Layout& layout,
                           const std::string& lang, FontCache& fonts, Warnings& warnings,
                           const SourceLocation& where = {});

/// The faces a font role offers, in the order they are tried: its
/// <family> faces first (`families` of them), then its fallbacks.
struct RoleFaces {
  std::vector<FaceId> faces;
  size_t families = 0;
};
RoleFaces faces_for_role(const FontRole& role, int weight, const std::string& lang,
                         FontCache& fonts);

/// Whether `ch` is a private-use character, whose glyph means what the font
/// made for it says.
constexpr bool is_private_use(char32_t ch) {
  return (ch >= 0xE000 && ch <= 0xF8FF) || (ch >= 0xF0000 && ch <= 0x10FFFD);
}

/// The face that draws `ch`: the first of the role's faces that has it,
/// else any installed face that has it (fontconfig), else nothing. A
/// private-use character is drawn only by the role's own <family> faces (a
/// house font's additions), never by a fallback: BabelStone Han, say, has
/// its own unencoded ideographs there.
std::optional<FaceId> face_for_char(char32_t ch, const RoleFaces& candidates, int weight,
                                    const std::string& lang, FontCache& fonts);

/// The em box a style's lines are built on: that of the first installed face
/// of its font role (its <family> faces, then its fallbacks) at the style's
/// weight in `lang`; the assumed CJK box when none is installed.
EmBox em_box_for(const TextStyle& style, const Layout& layout, const std::string& lang,
                 FontCache& fonts);

/// Sum of advances, pt.
double natural_width(const ShapedParagraph& paragraph);

}  // namespace paiban
