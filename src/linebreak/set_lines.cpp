// break_paragraph: items -> chosen breaks -> placed glyphs.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "common/utf8.hpp"
#include "linebreak/breaks.hpp"
#include "linebreak/rules.hpp"

namespace paiban {
namespace linebreak {
namespace {

// A shaped glyph as placed at `x` with its own advance; the caller adjusts.
PlacedGlyph placed(const ShapedGlyph& sg, double x) {
  PlacedGlyph pg;
  pg.face = sg.face;
  pg.glyph = sg.glyph;
  pg.size = sg.size;
  pg.y_offset = sg.y_offset;
  pg.color = sg.color;
  pg.link = sg.link;
  pg.span = sg.span;
  pg.emphasis_dot = sg.emphasis_dot;
  pg.orientation = sg.orientation;
  pg.x = x;
  pg.advance = sg.advance;
  return pg;
}

/// A ruby annotation centred above its base [left, right): its em box
/// standing on the top of the base's (`base_box`, the paragraph's: 0.88 em
/// over the baseline in CJK fonts), its glyphs drawn but not part of the
/// text (the extracted text is the base's: the writer gives them empty
/// ActualText).
void place_ruby(const RubyAnnotation& ruby, double base_size, const EmBox& base_box, double left,
                double right, std::vector<PlacedGlyph>& out) {
  double pen = 0.5 * (left + right) - 0.5 * ruby.width;
  for (const ShapedGlyph& sg : ruby.glyphs) {
    PlacedGlyph pg = placed(sg, pen + sg.x_offset);
    // Above the base; in a vertical line to its right, centre to centre.
    pg.y_offset = sg.orientation == GlyphOrientation::horizontal
                      ? sg.y_offset + base_box.ascent * base_size + ruby.em_box.descent * sg.size
                      : sg.y_offset + 0.5 * base_size + 0.5 * sg.size;
    pg.link = PlacedGlyph{}.link;  // the base carries the link and the dots
    pg.emphasis_dot = false;
    pg.no_text = true;
    pen += sg.advance;
    out.push_back(std::move(pg));
  }
}

/// Places the glyphs of one line. x starts at the indent (first line) plus
/// the alignment offset; a glyph's x is where its origin is drawn, the pen
/// then moving by its advance as drawn (a compressed opening bracket is
/// drawn half an em left of the pen: x = pen - cut, advance = em - cut).
SetLine place_line(const ShapedParagraph& p, const Items& items, const LineMeter& meter,
                   const LineSpec& line, const BreakOptions& options) {
  SetLine out;
  out.last = line.last;
  out.text_begin = items.clusters[line.break_begin].text_begin;
  out.text_end = items.clusters[line.break_end - 1].text_end;
  if (line.begin >= line.end) return out;

  const LineMeasure m = meter.measure(line);
  const double start = line.first ? options.first_indent : 0;
  const double available = options.measure - start;
  const bool justify = options.align == Align::justify && !line.last && !line.forced;
  const LineFill fill = fill_line(m, available, justify, items.em);

  // Width as set, for end and centre alignment.
  double set_width = m.natural;
  if (m.natural > available)
    set_width = available + fill.overflow;
  else if (justify)
    set_width = m.natural + fill.space_stretch_ratio * m.space_stretch + m.spaces * fill.space_extra +
                fill.han_latin_extra_ratio * m.han_latin_stretch + m.spaced_gaps * fill.gap_extra +
                m.junctions * fill.letter_extra;
  double offset = 0;
  if (!justify && set_width < available) {
    if (options.align == Align::end) offset = available - set_width;
    if (options.align == Align::center) offset = 0.5 * (available - set_width);
  }

  double pen = start + offset;
  double ruby_left = 0;  // where the current ruby base starts (its share of a long ruby included)
  for (uint32_t c = line.begin; c < line.end; ++c) {
    const Cluster& cl = items.clusters[c];
    if (c > line.begin) {
      const Junction& j = items.junctions[c];
      pen += j.width;
      if (j.width > 0)
        pen += fill.han_latin_extra_ratio * (fill.han_latin_extra_ratio > 0 ? j.stretch : j.shrink);
      const bool vanishing_tail = m.tail_vanishes && c + 1 == line.end;
      if (j.spaced && !vanishing_tail) pen += fill.gap_extra;
      const Cluster& before = items.clusters[c - 1];
      const bool after_silent = before.kind == ClusterKind::space && before.silent;
      // A typed space and its neighbours are one junction, as if not typed.
      if (!vanishing_tail && !after_silent) pen += fill.letter_extra;
    }
    double cut_left = cl.cut_left, cut_right = cl.cut_right;
    const bool trimmed_start = c == line.begin && m.start_trim > 0;
    const bool trimmed_end = c + 1 == line.end && m.end_trim > 0;
    if (trimmed_start) cut_left += cl.start_trim;
    if (trimmed_end) cut_right += cl.end_trim;
    if (!trimmed_start && !trimmed_end) {
      if (c != line.begin) cut_left += fill.mark_ratio * cl.shrink_left;  // measure() keeps it
      cut_right += fill.mark_ratio * cl.shrink_right;
    }
    const int ruby = c < items.ruby_of_cluster.size() ? items.ruby_of_cluster[c] : -1;
    if (ruby >= 0 && (c == line.begin || items.ruby_of_cluster[c - 1] != ruby)) ruby_left = pen;
    double space_extra = 0;
    if (cl.kind == ClusterKind::space && !cl.silent)
      space_extra = fill.space_stretch_ratio * cl.stretch +
                    fill.space_extra - fill.space_shrink_ratio * kSpaceShrinkRatio * cl.width;
    else if (cl.kind == ClusterKind::space)
      space_extra = fill.han_latin_extra_ratio *
                    (fill.han_latin_extra_ratio > 0 ? cl.gap_stretch : cl.gap_shrink);

    bool first_glyph = true;
    for (uint32_t g = cl.glyph_begin; g < cl.glyph_end; ++g) {
      const ShapedGlyph& sg = p.glyphs[g];
      PlacedGlyph pg = placed(sg, pen + sg.x_offset);
      if (g == cl.glyph_begin) {
        pg.x -= cut_left;
        pg.advance -= cut_left;
      }
      if (g + 1 == cl.glyph_end) pg.advance -= cut_right, pg.advance += space_extra;
      if (first_glyph) pg.text = p.text.substr(cl.text_begin, cl.text_end - cl.text_begin);
      first_glyph = false;
      pen += pg.advance;
      out.glyphs.push_back(std::move(pg));
    }
    if (ruby >= 0 && (c + 1 == line.end || items.ruby_of_cluster[c + 1] != ruby))
      place_ruby(p.rubies[ruby], p.glyphs[cl.glyph_begin].size, p.em_box, ruby_left, pen,
                 out.glyphs);
  }
  if (!line.last && line.end == line.break_end && line.end < items.clusters.size() &&
      items.junctions[line.end].hyphen >= 0) {
    // The hyphen of a hyphenated word: drawn, not part of the text.
    PlacedGlyph pg = placed(p.hyphens[items.junctions[line.end].hyphen].hyphen, pen);
    pg.no_text = true;
    pg.emphasis_dot = false;  // dots mark characters of the text, not the hyphen
    pen += pg.advance;
    out.glyphs.push_back(std::move(pg));
  }
  out.width = pen;
  return out;
}

}  // namespace
}  // namespace linebreak

std::vector<SetLine> break_paragraph(const ShapedParagraph& paragraph, const BreakOptions& options,
                                     Warnings& warnings) {
  using namespace linebreak;
  if (paragraph.glyphs.empty()) {
    SetLine empty;
    empty.last = true;
    empty.text_end = static_cast<uint32_t>(paragraph.text.size());
    return {empty};
  }
  Items items = build_items(paragraph, options.level, 0, options.han_latin_gap_em);
  std::vector<uint32_t> breaks = choose_breaks(items, options);
  bool word_warned = false;
  auto warn_word = [&] {
    if (word_warned) return;
    std::ostringstream message;
    message << "a word is wider than the measure (" << options.measure
            << " pt) and is broken where no break is allowed";
    warnings.push_back({"overfull-line", paragraph.where, message.str()});
    word_warned = true;
  };
  // A word no allowed break makes fit is broken between letters (items.cpp
  // lets very long tokens break there): say so. A URL that breaks after its
  // separators into parts that fit is not such a word.
  if (has_word_wider_than(items, options.measure,
                          options.measure - std::max(0.0, options.first_indent)))
    warn_word();

  auto overfull = [&](const Items& it, const std::vector<uint32_t>& br) {
    LineMeter meter(it);
    uint32_t from = 0;
    for (size_t k = 0; k < br.size(); ++k) {
      LineSpec line = meter.spec(from, br[k], from == 0, k + 1 == br.size());
      LineMeasure m = meter.measure(line);
      double available = options.measure - (line.first ? options.first_indent : 0);
      if (fill_line(m, available, false, it.em).overflow > 0.01) return true;
      from = br[k];
    }
    return false;
  };
  if (overfull(items, breaks)) {
    // A word wider than the measure: break it anywhere (emergency breaks).
    warn_word();
    items = build_items(paragraph, options.level,
                        options.measure - std::max(0.0, options.first_indent),
                        options.han_latin_gap_em);
    breaks = choose_breaks(items, options);
  }

  // A word broken between two letters (no separator, no hyphenation point)
  // only when nothing else fitted: say where.
  if (!word_warned) {
    for (size_t k = 0; k + 1 < breaks.size(); ++k) {
      const uint32_t at = breaks[k];
      if (at >= items.clusters.size() || !items.junctions[at].mid_word) continue;
      const uint32_t from_char = items.clusters[at > 8 ? at - 8 : 0].text_begin;
      const uint32_t to_char = items.clusters[std::min<size_t>(at + 8, items.clusters.size()) - 1].text_end;
      const uint32_t cut = items.clusters[at].text_begin;
      std::ostringstream message;
      message << "a word is broken between two letters, where nothing else fitted: \""
              << to_utf8(paragraph.text.substr(from_char, cut - from_char)) << "|"
              << to_utf8(paragraph.text.substr(cut, to_char - cut)) << "\"";
      warnings.push_back({"word-broken", paragraph.where, message.str()});
    }
  }

  LineMeter meter(items);
  std::vector<SetLine> lines;
  uint32_t from = 0;
  for (size_t k = 0; k < breaks.size(); ++k) {
    LineSpec line = meter.spec(from, breaks[k], from == 0, k + 1 == breaks.size());
    SetLine set = place_line(paragraph, items, meter, line, options);
    const double limit = options.measure + 0.01;
    if (!set.glyphs.empty() && set.width > limit) {
      std::ostringstream message;
      message.precision(3);
      message << "line " << k + 1 << " is " << set.width - options.measure
              << " pt wider than the measure: \""
              << to_utf8(paragraph.text.substr(set.text_begin, set.text_end - set.text_begin)) << "\"";
      warnings.push_back({"overfull-line", paragraph.where, message.str()});
    }
    lines.push_back(std::move(set));
    from = breaks[k];
  }
  return lines;
}

}  // namespace paiban
