// Shaping: each itemized run goes through HarfBuzz with the paragraph as
// context, the run's script and the language (so zh-Hant and ja get
// the font's locl forms). Glyphs come back in pt with clusters as indexes
// into the paragraph's characters.
#include "paiban/shape.hpp"

#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <vector>

#include "common/utf8.hpp"
#include "shape/hyphenate.hpp"
#include "shape/itemize.hpp"

namespace paiban {
namespace {

// Only punctuation's ink is ever read (line breaking finds a full-width
// mark's blank half from it); a Han ideograph's or a letter's would cost a
// charstring run each on first sight, 5% of a one-issue run.
bool ink_unused(char32_t ch) {
  return (ch >= U'0' && ch <= U'9') || (ch >= U'A' && ch <= U'Z') || (ch >= U'a' && ch <= U'z') ||
         (ch >= 0x3400 && ch <= 0x4DBF) || (ch >= 0x4E00 && ch <= 0x9FFF) ||
         (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x20000 && ch <= 0x3FFFF);
}

bool is_ascii_digit(char32_t ch) { return ch >= U'0' && ch <= U'9'; }

/// How each character stands in a vertical line: upright or sideways by
/// UAX #50's Vertical_Orientation (ICU): U, Tu and Tr upright (Tu and Tr
/// through the font's vert forms), R sideways; a run of one or two ASCII
/// digits is set across the line (縦中横, jlreq 3.4, clreq 3.5), a longer
/// number sideways like Latin.
std::vector<GlyphOrientation> vertical_orientations(const std::u32string& text) {
  std::vector<GlyphOrientation> out(text.size(), GlyphOrientation::upright);
  for (size_t i = 0; i < text.size(); ++i)
    if (u_getIntPropertyValue(static_cast<UChar32>(text[i]), UCHAR_VERTICAL_ORIENTATION) ==
        U_VO_ROTATED)
      out[i] = GlyphOrientation::sideways;
  for (size_t i = 0; i < text.size();) {
    if (!is_ascii_digit(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_ascii_digit(text[end])) ++end;
    if (end - i <= 2)
      for (size_t k = i; k < end; ++k) out[k] = GlyphOrientation::tate_chu_yoko;
    i = end;
  }
  return out;
}

/// Glyphs [first, end) set across a vertical line (縦中横) in one em: the
/// first carries the em, the others none; y_offset puts each one's
/// horizontal origin across the line from its centre, x_offset brings the
/// later ones back to the em's top. Each keeps its own character (line
/// breaking keeps them together: no break or spacing between digits). A
/// group wider than the em is set smaller to fit.
void set_across(std::vector<ShapedGlyph>& glyphs, size_t first, double em) {
  double width = 0;
  for (size_t k = first; k < glyphs.size(); ++k) width += glyphs[k].advance;
  const double fit = width > em ? em / width : 1.0;
  double across = -0.5 * width * fit;
  for (size_t k = first; k < glyphs.size(); ++k) {
    ShapedGlyph& g = glyphs[k];
    const double advance = g.advance * fit;
    g.size *= fit;
    g.y_offset = across + g.x_offset * fit;
    g.x_offset = k == first ? 0 : -em;
    g.advance = k == first ? em : 0;
    g.ink_left = 0;
    g.ink_right = k == first ? em : 0;
    across += advance;
  }
}

struct RubySpan {
  uint32_t begin = 0, end = 0;
  std::string annotation;
  SourceLocation where;
  std::string lang;  // the base's language
};

/// Language tags name the same language whatever their case (RFC 5646 2.1.1).
bool same_language(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

struct Builder {
  explicit Builder(std::string lang) : lang(std::move(lang)) {}

  std::string lang;  // the paragraph's
  std::u32string text;
  std::vector<CharStyle> styles;
  std::vector<RunOrigin> origins;
  std::vector<std::string> links;
  std::vector<LanguageSpan> spans;
  std::vector<RubySpan> rubies;

  void add_ruby(const InlineRun& run) {
    const uint32_t begin = static_cast<uint32_t>(text.size());
    add(run.text, run);
    if (text.size() > begin)
      rubies.push_back({begin, static_cast<uint32_t>(text.size()), run.ruby, run.where,
                        run.lang.empty() || same_language(run.lang, lang) ? lang : run.lang});
  }

  /// `utf8` in the style of `run` (its markup and language).
  void add(const std::string& utf8, const InlineRun& run) {
    int link = -1;
    if (!run.href.empty()) {
      if (links.empty() || links.back() != run.href) links.push_back(run.href);
      link = static_cast<int>(links.size()) - 1;
    }
    const int span = span_for(run.lang, link);
    origins.push_back({run.where, run.source});
    for (char32_t ch : decode_utf8(utf8))
      styles.push_back(
          {run.strong, run.emphasis, link, span, static_cast<uint32_t>(origins.size() - 1)}),
          text.push_back(ch);
  }

 private:
  /// The span of text in language `tag` inside link `link`: the one the
  /// last character is in when it matches, else a new one; -1 when `tag`
  /// is the paragraph's language.
  int span_for(const std::string& tag, int link) {
    if (tag.empty() || same_language(tag, lang)) return -1;
    const int last = styles.empty() ? -1 : styles.back().span;
    if (last >= 0 && spans[last].lang == tag && spans[last].link == link) return last;
    spans.push_back({tag, link});
    return static_cast<int>(spans.size()) - 1;
  }
};

const FontRole& role_of(const TextStyle& style, const Layout& layout) {
  auto it = layout.fonts.find(style.font);
  if (it == layout.fonts.end())
    throw InputError({layout.path, 0, 0}, "style names font role '" + style.font +
                                              "', which the layout does not define");
  return it->second;
}

bool latin_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F);
}

/// ’ between two Latin letters is an apostrophe ("Let’s", "don’t"): the
/// proportional form (OpenType pwid), not the full-width mark a Chinese
/// font draws by default, which would leave a hole in the word.
std::vector<hb_feature_t> apostrophe_features(const std::u32string& text, uint32_t begin,
                                              uint32_t end) {
  std::vector<hb_feature_t> features;
  for (uint32_t i = std::max<uint32_t>(begin, 1); i + 1 < end && i + 1 < text.size(); ++i) {
    if ((text[i] == U'\u2019' || text[i] == U'\u02BC') && latin_letter(text[i - 1]) &&
        latin_letter(text[i + 1]))
      features.push_back({HB_TAG('p', 'w', 'i', 'd'), 1, i, i + 1});
  }
  return features;
}

/// English words may end a line with a hyphen: each point where the glyph
/// before and the one after are whole clusters that may part without
/// reshaping, with the hyphen of the face of the glyph before.
void add_hyphenation_points(ShapedParagraph& out, FontCache& fonts) {
  const std::vector<uint32_t> points = hyphenation_points(out.text);
  if (points.empty()) return;
  std::vector<int> glyph_at(out.text.size() + 1, -1);  // first glyph of a cluster starting there
  for (size_t g = out.glyphs.size(); g-- > 0;) glyph_at[out.glyphs[g].cluster] = static_cast<int>(g);
  for (uint32_t position : points) {
    const int after = glyph_at[position];
    if (after <= 0 || out.glyphs[after].unsafe_to_break) continue;
    const ShapedGlyph& before = out.glyphs[after - 1];
    if (before.cluster + 1 != position) continue;  // the letter before is a cluster of its own
    auto* font = static_cast<hb_font_t*>(fonts.hb_font(before.face));
    hb_codepoint_t glyph = 0;
    // U+002D: CJK fonts draw U+2010 full width.
    if (!hb_font_get_nominal_glyph(font, U'-', &glyph)) continue;
    HyphenPoint point;
    point.position = position;
    point.hyphen = before;
    point.hyphen.glyph = glyph;
    point.hyphen.advance =
        hb_font_get_glyph_h_advance(font, glyph) * before.size / fonts.info(before.face).units_per_em;
    point.hyphen.x_offset = point.hyphen.y_offset = 0;
    point.hyphen.unsafe_to_break = false;
    out.hyphens.push_back(point);
  }
}

ShapedParagraph shape_built(Builder&& built, const TextStyle& style, const Layout& layout,
                            const std::string& lang, FontCache& fonts, Warnings& warnings,
                            const SourceLocation& where, WritingMode mode) {
  ShapedParagraph out;
  out.vertical = mode == WritingMode::vertical_rl;
  out.text = std::move(built.text);
  out.links = std::move(built.links);
  out.spans = std::move(built.spans);
  out.lang = lang;
  out.em = style.size;
  out.where = where;
  const FontRole& role = role_of(style, layout);
  int weight = style.bold ? bold_weight : role.weight;
  out.em_box = em_box_for(style, layout, lang, fonts);
  // <em>: dots under Han (clreq 3.2), the layout's emphasis font role, or bold.
  const EmphasisKind emphasis = emphasis_kind(layout, lang);
  const FontRole* emphasis_role = nullptr;
  if (emphasis == EmphasisKind::font) {
    auto found = layout.fonts.find(layout.emphasis.font);
    if (found != layout.fonts.end()) emphasis_role = &found->second;
  }
  if (emphasis == EmphasisKind::bold)
    for (CharStyle& c : built.styles) c.strong = c.strong || c.emphasis;
  auto runs = itemize(out.text, built.styles, role, weight, lang, fonts, built.origins, warnings,
                      emphasis_role);

  hb_buffer_t* buffer = hb_buffer_create();
  hb_language_t language = hb_language_from_string(lang.c_str(), -1);
  // A span's language selects the font's forms for it (locl: Japanese
  // forms of a Japanese term in Chinese text).
  std::vector<hb_language_t> span_language;
  for (const LanguageSpan& span : out.spans)
    span_language.push_back(hb_language_from_string(span.lang.c_str(), -1));
  out.glyphs.reserve(out.text.size());
  // Characters [begin, end) of `run`, set one way.
  auto shape_piece = [&](const TextRun& run, uint32_t begin, uint32_t end,
                         GlyphOrientation orientation) {
    const bool upright = orientation == GlyphOrientation::upright;
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf32(buffer, reinterpret_cast<const uint32_t*>(out.text.data()),
                        static_cast<int>(out.text.size()), begin, end - begin);
    hb_buffer_set_direction(buffer, upright ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, static_cast<hb_script_t>(run.script));
    hb_buffer_set_language(buffer, run.span >= 0 ? span_language[run.span] : language);
    hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    auto* font = static_cast<hb_font_t*>(fonts.hb_font(run.face));
    std::vector<hb_feature_t> features = apostrophe_features(out.text, begin, end);
    // 縦中横: half-width digits, two to the em.
    if (orientation == GlyphOrientation::tate_chu_yoko)
      features.push_back({HB_TAG('h', 'w', 'i', 'd'), 1, begin, end});
    hb_shape(font, buffer, features.data(), static_cast<unsigned>(features.size()));
    unsigned count = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    const double scale = style.size / fonts.info(run.face).units_per_em;
    const size_t first = out.glyphs.size();
    for (unsigned g = 0; g < count; ++g) {
      ShapedGlyph glyph;
      glyph.face = run.face;
      glyph.glyph = info[g].codepoint;
      glyph.size = style.size;
      glyph.orientation = orientation;
      glyph.cluster = info[g].cluster;
      const bool wants_ink = glyph.cluster >= out.text.size() || !ink_unused(out.text[glyph.cluster]);
      if (upright) {
        // HarfBuzz gives offsets from the vertical origin (the pen) to the
        // horizontal one: less the font's vertical origin, what is left is
        // GPOS's own adjustment. Along the line is down, across is right.
        hb_position_t origin_x = 0, origin_y = 0;
        hb_font_get_glyph_v_origin(font, glyph.glyph, &origin_x, &origin_y);
        glyph.advance = -pos[g].y_advance * scale;
        glyph.x_offset = -(pos[g].y_offset + origin_y) * scale;
        glyph.y_offset = (pos[g].x_offset + origin_x) * scale;
        if (wants_ink) {
          GlyphInk ink = fonts.ink(run.face, glyph.glyph);
          glyph.ink_left = (origin_y - ink.y_max) * scale;
          glyph.ink_right = (origin_y - ink.y_min) * scale;
        }
      } else {
        glyph.advance = pos[g].x_advance * scale;
        glyph.x_offset = pos[g].x_offset * scale;
        glyph.y_offset = pos[g].y_offset * scale;
        if (wants_ink) {
          GlyphInk ink = fonts.ink(run.face, glyph.glyph);
          glyph.ink_left = ink.x_min * scale;
          glyph.ink_right = ink.x_max * scale;
        }
      }
      glyph.color = style.color;
      glyph.link = run.link;
      glyph.span = run.span;
      glyph.emphasis_dot = run.emphasis && emphasis == EmphasisKind::dots;
      glyph.unsafe_to_break =
          (hb_glyph_info_get_glyph_flags(&info[g]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
      out.glyphs.push_back(glyph);
    }
    if (orientation == GlyphOrientation::tate_chu_yoko)
      set_across(out.glyphs, first, style.size);
  };
  const std::vector<GlyphOrientation> orientations =
      mode == WritingMode::vertical_rl ? vertical_orientations(out.text)
                                       : std::vector<GlyphOrientation>{};
  for (const TextRun& run : runs) {
    if (orientations.empty()) {
      shape_piece(run, run.begin, run.end, GlyphOrientation::horizontal);
      continue;
    }
    for (uint32_t begin = run.begin; begin < run.end;) {
      uint32_t end = begin + 1;
      while (end < run.end && orientations[end] == orientations[begin] &&
             !(orientations[begin] == GlyphOrientation::tate_chu_yoko &&
               !is_ascii_digit(out.text[end])))
        ++end;
      shape_piece(run, begin, end, orientations[begin]);
      begin = end;
    }
  }
  hb_buffer_destroy(buffer);
  add_hyphenation_points(out, fonts);
  // Ruby: each annotation shaped on its own at kRubyScale of the size, with
  // the base's font role and language.
  for (const RubySpan& span : built.rubies) {
    TextStyle small = style;
    small.size = style.size * kRubyScale;
    Builder annotation(span.lang);
    annotation.add(span.annotation, InlineRun{.where = span.where});
    ShapedParagraph shaped =
        shape_built(std::move(annotation), small, layout, span.lang, fonts, warnings, span.where,
                    mode);
    RubyAnnotation ruby;
    ruby.base_begin = span.begin;
    ruby.base_end = span.end;
    ruby.width = natural_width(shaped);
    ruby.em_box = shaped.em_box;
    ruby.glyphs = std::move(shaped.glyphs);
    // The annotation goes with its base's span: in the same marked content.
    const int base_span = span.begin < built.styles.size() ? built.styles[span.begin].span : -1;
    for (ShapedGlyph& g : ruby.glyphs) g.link = -1, g.span = base_span;
    out.rubies.push_back(std::move(ruby));
  }
  return out;
}

}  // namespace

ShapedParagraph shape_paragraph(const InlineText& text, const TextStyle& style,
                                const Layout& layout, const std::string& lang, FontCache& fonts,
                                Warnings& warnings, WritingMode mode) {
  Builder built(lang);
  for (const InlineRun& run : text) {
    if (run.line_break)
      built.add("\n", run);
    else if (!run.ruby.empty())
      built.add_ruby(run);
    else
      built.add(run.text, run);
  }
  SourceLocation where = text.empty() ? SourceLocation{} : text.front().where;
  return shape_built(std::move(built), style, layout, lang, fonts, warnings, where, mode);
}

void intern_language(const std::string& lang) { hb_language_from_string(lang.c_str(), -1); }

ShapedParagraph shape_text(const std::string& utf8, const TextStyle& style, const Layout& layout,
                           const std::string& lang, FontCache& fonts, Warnings& warnings,
                           const SourceLocation& where) {
  Builder built(lang);
  built.add(utf8, InlineRun{.where = where});
  return shape_built(std::move(built), style, layout, lang, fonts, warnings, where,
                     WritingMode::horizontal_tb);
}

EmBox em_box_for(const TextStyle& style, const Layout& layout, const std::string& lang,
                 FontCache& fonts) {
  const FontRole& role = role_of(style, layout);
  const int weight = style.bold ? bold_weight : role.weight;
  for (const auto* families : {&role.families, &role.fallback})
    for (const std::string& family : *families)
      if (std::optional<FaceId> face = fonts.find(family, weight, lang))
        return fonts.info(*face).em_box;
  return {};
}

double natural_width(const ShapedParagraph& paragraph) {
  double width = 0;
  for (const ShapedGlyph& g : paragraph.glyphs) width += g.advance;
  return width;
}

}  // namespace paiban
