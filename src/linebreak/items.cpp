// The paragraph as boxes and glue: glyph clusters, the junctions between
// them (break opportunities, Han-Latin gaps, inter-character spacing), and
// punctuation compression worked out from the glyphs' ink.
#include <algorithm>

#include "linebreak/breaks.hpp"
#include "linebreak/rules.hpp"

namespace paiban::linebreak {
namespace {

/// A full-width mark's blank half, read from its ink (works for any font:
/// Noto SC sets ，。 left and “ right; zh-Hant fonts centre ，。).
enum class Blank { none, left, right, centre };

Blank blank_half(const ShapedGlyph& glyph) {
  const double adv = glyph.advance;
  if (adv < 0.9 * glyph.size || adv > 1.1 * glyph.size) return Blank::none;  // not full width
  const double ink_left = glyph.ink_left;  // ink extents are from the origin
  const double ink_right = glyph.ink_right;
  const double tolerance = 0.05 * adv;
  if (ink_right <= 0.5 * adv + tolerance) return Blank::right;
  if (ink_left >= 0.5 * adv - tolerance) return Blank::left;
  if (ink_left >= 0.2 * adv && ink_right <= 0.8 * adv) return Blank::centre;
  return Blank::none;
}

ClusterKind kind_of(const ShapedParagraph& p, const Cluster& c, Blank blank) {
  const char32_t first = p.text[c.text_begin];
  if (is_mandatory_break(first)) return ClusterKind::newline;
  // 縦中横 stands in the line like an ideograph: spaced with its neighbours,
  // no Han-Latin gap.
  if (p.glyphs[c.glyph_begin].orientation == GlyphOrientation::tate_chu_yoko)
    return ClusterKind::ideograph;
  if (is_white_space(first)) return ClusterKind::space;
  if (compressible_punctuation(first) && c.glyph_end - c.glyph_begin == 1 && blank != Blank::none)
    return ClusterKind::punctuation;
  if (is_ideographic(first)) return ClusterKind::ideograph;
  if (is_latin_like(first)) return ClusterKind::latin;
  return ClusterKind::other;
}

/// HarfBuzz says cutting before this glyph needs reshaping (a ligature or
/// kerning across): we do not reshape, so such breaks are a last choice.
constexpr int kUnsafeToBreakPenalty = 50;
/// What a break inside a word costs (TeX's \\hyphenpenalty is 50; this is no hyphen).
constexpr int kEmergencyPenalty = 1000;

bool blank(const Cluster& c) {
  return c.kind == ClusterKind::space || c.kind == ClusterKind::newline;
}

/// A run of clusters with no break between them that is wider than the
/// measure may break anywhere (not before a space, not before a mark that
/// starts no line), at a cost. Runs that fit keep their rules.
void allow_emergency_breaks(Items& items, double width) {
  const size_t n = items.clusters.size();
  size_t run = 0;
  double run_width = 0;
  auto close = [&](size_t end) {
    if (run_width <= width) return;
    for (size_t c = run + 1; c < end; ++c) {
      Junction& j = items.junctions[c];
      const Cluster& b = items.clusters[c];
      if (j.opportunity != Opportunity::none || blank(b)) continue;
      if (b.kind == ClusterKind::punctuation && b.start_trim == 0)
        continue;  // ，。」 start no line
      j.opportunity = Opportunity::allowed;
      j.penalty = kEmergencyPenalty;
    }
  };
  for (size_t c = 0; c < n; ++c) {
    if (c > 0 && items.junctions[c].opportunity != Opportunity::none) {
      close(c);
      run = c;
      run_width = 0;
    }
    run_width += items.clusters[c].width + (c > run ? items.junctions[c].width : 0);
  }
  close(n);
}

/// A word of narrow characters wider than this (em) is a token that may
/// break after a separator inside it: a URL, a path, an address, an
/// identifier ("2001:0db8:" | "85a3:...", "spec.template." | "spec...").
constexpr double kLongTokenEm = 8;
/// What such a break costs: less than a line looser than the goal, more
/// than a line set well.
constexpr int kTokenBreakPenalty = 50;
/// Shorter tokens ("deploy.yaml", "spec.replicas") break there too, at more.
constexpr double kTokenEm = 4;
constexpr int kShortTokenBreakPenalty = 100;
/// Between the words of a camel-case identifier, or a name and its number
/// ("POLY" | "1305"), in a token over 4 em.
constexpr int kCamelCasePenalty = 150;
/// A token over 4 em may also break between any two letters or digits (a
/// hash, a base64 string, a word) when nothing else fits: this costs as
/// much as a line whose characters are spaced about 0.3 em apart, and
/// break_paragraph warns when it is used (Junction::mid_word).
constexpr int kMidWordPenalty = 1000;
/// A break at a hyphenation point of an English word (TeX's \hyphenpenalty).
constexpr int kHyphenPenalty = 50;
/// Characters kept together at either end of a token broken inside: never
/// one to three letters alone ("repositorie" | "s", "ChatGLM2-" | "6B").
constexpr uint32_t kTokenEdge = 4;

/// The ends of a Western run for Han-Latin spacing: letters and digits, and
/// the signs that belong to them ("65%左右", "约$100", "C++中"). "+" between
/// Han ("文明+监管+服务") is spaced on both sides alike. ASCII brackets follow
/// what they enclose: "架构(API)的" takes the gap outside them, "见[注]" none.
bool western_end(const std::u32string& text, uint32_t i) {
  const char32_t c = text[i];
  if (is_latin_like(c) || std::u32string_view(U"%‰°+").find(c) != std::u32string_view::npos)
    return true;
  return (c == U')' || c == U']') && i > 0 && is_latin_like(text[i - 1]);
}
bool western_start(const std::u32string& text, uint32_t i) {
  const char32_t c = text[i];
  if (is_latin_like(c) || std::u32string_view(U"$€£#+").find(c) != std::u32string_view::npos)
    return true;
  return (c == U'(' || c == U'[') && i + 1 < text.size() && is_latin_like(text[i + 1]);
}

bool tate_chu_yoko(const ShapedParagraph& p, const Cluster& c) {
  return c.glyph_begin < p.glyphs.size() &&
         p.glyphs[c.glyph_begin].orientation == GlyphOrientation::tate_chu_yoko;
}

bool token_separator(char32_t c) {
  return std::u32string_view(U"/:._-?&=#;@\\|+~,").find(c) != std::u32string_view::npos;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_lower(char32_t c) { return c >= U'a' && c <= U'z'; }
bool is_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }

bool alphanumeric(char32_t c) { return is_digit(c) || is_lower(c) || is_upper(c); }

bool narrow_cluster(const Cluster& cl) {
  return !cl.wide && cl.kind != ClusterKind::space && cl.kind != ClusterKind::newline &&
         cl.text_end > cl.text_begin;
}

/// Characters of a token's last component that may start a line alone
/// after its separator: a whole component of this many letters or digits
/// ("python." | "org"), never a part of one.
constexpr uint32_t kLastComponentMin = 3;

/// Whether [from, end) is the token's whole last component: letters and
/// digits, at least kLastComponentMin of them.
bool last_component(const std::u32string& text, uint32_t from, uint32_t end) {
  if (end - from < kLastComponentMin) return false;
  for (uint32_t i = from; i < end; ++i)
    if (!alphanumeric(text[i])) return false;
  return true;
}

/// Inside long tokens: breaks after separators, and in very long ones
/// between letters and digits; never right after a separator that starts
/// the token ("/" | "etc/..." would leave a lone slash at a line's end).
void allow_token_breaks(Items& items, const std::u32string& text) {
  const size_t n = items.clusters.size();
  auto narrow = [&](size_t c) { return narrow_cluster(items.clusters[c]); };
  size_t c = 0;
  while (c < n) {
    if (!narrow(c)) {
      ++c;
      continue;
    }
    size_t end = c;
    double width = 0;
    while (end < n && narrow(end)) width += items.clusters[end++].width;
    const uint32_t first_char = items.clusters[c].text_begin;
    const uint32_t last_char = items.clusters[end - 1].text_end;
    // A separator starting the token keeps what follows it.
    if (end - c > 1 && token_separator(text[first_char]))
      items.junctions[c + 1].opportunity = Opportunity::none;
    // A number ("12,345,678.9", "3.14159265") is never broken inside.
    bool numeric = true;
    for (uint32_t i = first_char; i < last_char && numeric; ++i)
      numeric = is_digit(text[i]) || text[i] == U'.' || text[i] == U',';
    if (width > kTokenEm * items.em && !numeric) {
      const int penalty =
          width > kLongTokenEm * items.em ? kTokenBreakPenalty : kShortTokenBreakPenalty;
      for (size_t k = c + 1; k < end; ++k) {
        Junction& j = items.junctions[k];
        const Cluster& a = items.clusters[k - 1];
        const Cluster& b = items.clusters[k];
        if (j.opportunity != Opportunity::none) continue;
        const char32_t before = text[a.text_end - 1], after = text[b.text_begin];
        if (a.text_end - first_char < kTokenEdge ||
            (last_char - b.text_begin < kTokenEdge &&
             !(token_separator(before) && last_component(text, b.text_begin, last_char))))
          continue;
        // Letters and digits on each side up to a separator: a break leaves
        // none of its parts with one to three ("ChatGLM2-" | "6B", "mai" | "n/").
        uint32_t left_run = 0, right_run = 0;
        while (left_run < a.text_end - first_char && alphanumeric(text[a.text_end - 1 - left_run]))
          ++left_run;
        while (b.text_begin + right_run < last_char && alphanumeric(text[b.text_begin + right_run]))
          ++right_run;
        if (before == U'-' && right_run < kTokenEdge) continue;
        // Not inside a number ("1,234.5"): a separator between digits holds.
        const bool in_number = a.text_end - first_char >= 2 && is_digit(text[a.text_end - 2]) &&
                               is_digit(after) && (before == U'.' || before == U',');
        if (token_separator(before) && !token_separator(after) && a.text_begin > first_char &&
            !in_number) {
          j.opportunity = Opportunity::allowed;
          j.penalty = std::max(j.penalty, penalty);
        } else if (is_lower(before) && is_upper(after) && b.text_begin + 1 < last_char &&
                   is_lower(text[b.text_begin + 1])) {
          // An identifier's words: "CrossEntropy" | "Loss()", "getElement" | "ById".
          j.opportunity = Opportunity::allowed;
          j.penalty = std::max(j.penalty, kCamelCasePenalty);
        } else if ((is_upper(before) || is_lower(before)) && is_digit(after) &&
                   b.text_begin + 2 < last_char && is_digit(text[b.text_begin + 1]) &&
                   is_digit(text[b.text_begin + 2])) {
          // A name and its number of three digits or more: "SHA" | "256",
          // "POLY" | "1305" (not "ChatGLM" | "2-6B").
          j.opportunity = Opportunity::allowed;
          j.penalty = std::max(j.penalty, kCamelCasePenalty);
        } else if (alphanumeric(before) && alphanumeric(after) && left_run >= kTokenEdge &&
                   right_run >= kTokenEdge) {
          j.opportunity = Opportunity::allowed;
          j.penalty = std::max(j.penalty, kMidWordPenalty);
          j.mid_word = true;
        }
      }
    }
    c = end;
  }
}

/// A ruby base stays on one line with its annotation, and takes the
/// annotation's width when that is wider: the extra is shared out before and
/// after the base (jlreq 3.3.5 places a long ruby's base centred under it).
void keep_ruby_bases_whole(Items& items, const ShapedParagraph& p) {
  const size_t n = items.clusters.size();
  items.ruby_of_cluster.assign(n, -1);
  size_t c = 0;
  for (size_t r = 0; r < p.rubies.size(); ++r) {
    const RubyAnnotation& ruby = p.rubies[r];
    while (c < n && items.clusters[c].text_end <= ruby.base_begin) ++c;
    size_t first = c, last = c;
    double width = 0;
    for (; last < n && items.clusters[last].text_begin < ruby.base_end; ++last) {
      width += items.clusters[last].width + (last > first ? items.junctions[last].width : 0);
      items.ruby_of_cluster[last] = static_cast<int>(r);
      if (last > first) {
        Junction& j = items.junctions[last];
        j.opportunity = Opportunity::none;
        j.hyphen = -1;
        j.mid_word = false;
      }
    }
    if (last == first) continue;
    const double extra = ruby.width - width;
    if (extra > 0) {
      items.clusters[first].cut_left -= extra / 2;
      items.clusters[first].width += extra / 2;
      items.clusters[last - 1].cut_right -= extra / 2;
      items.clusters[last - 1].width += extra / 2;
    }
    c = last;
  }
}

}  // namespace

bool has_word_wider_than(const Items& items, double measure, double first_line) {
  double width = 0;
  bool first = true;  // the run starts the paragraph: its room is the first line's
  for (size_t c = 0; c < items.clusters.size(); ++c) {
    const Junction& j = items.junctions[c];
    if (c > 0 && j.opportunity != Opportunity::none && !j.mid_word) {
      if (width > (first ? first_line : measure) + 0.01) return true;
      width = 0;
      first = false;
    }
    if (blank(items.clusters[c])) continue;  // dropped at a break
    width += items.clusters[c].width + (width > 0 ? j.width : 0);
  }
  return width > (first ? first_line : measure) + 0.01;
}

Items build_items(const ShapedParagraph& p, BreakLevel level, double emergency_width,
                  double han_latin_gap_em) {
  Items items;
  items.em = p.em > 0 ? p.em : default_text_size;
  const auto& glyphs = p.glyphs;
  const uint32_t text_size = static_cast<uint32_t>(p.text.size());

  // Clusters: runs of glyphs sharing a cluster value, each covering the
  // characters up to the next cluster's first (the first covers from 0).
  std::vector<Blank> blanks;
  items.clusters.reserve(glyphs.size());
  blanks.reserve(glyphs.size());
  for (uint32_t g = 0; g < glyphs.size();) {
    uint32_t e = g + 1;
    while (e < glyphs.size() && glyphs[e].cluster == glyphs[g].cluster) ++e;
    Cluster c;
    c.glyph_begin = g;
    c.glyph_end = e;
    c.text_begin = items.clusters.empty() ? 0 : std::min(glyphs[g].cluster, text_size);
    c.text_end = e < glyphs.size() ? std::min(glyphs[e].cluster, text_size) : text_size;
    if (c.text_end < c.text_begin) c.text_end = c.text_begin;  // clusters must ascend
    for (uint32_t k = g; k < e; ++k) c.width += glyphs[k].advance;
    Blank blank = e - g == 1 ? blank_half(glyphs[g]) : Blank::none;
    if (c.text_begin < c.text_end) {
      c.kind = kind_of(p, c, blank);
      for (uint32_t i = c.text_begin; i < c.text_end; ++i)
        if (!is_punctuation(p.text[i]) && !is_white_space(p.text[i])) ++c.letters;
    } else {
      c.kind = ClusterKind::other;  // a glyph with no character of its own
    }
    if (c.kind != ClusterKind::punctuation) blank = Blank::none;
    c.wide = c.kind == ClusterKind::ideograph || c.kind == ClusterKind::punctuation ||
             (c.kind == ClusterKind::other && c.width >= 0.9 * glyphs[g].size);
    items.clusters.push_back(c);
    blanks.push_back(blank);
    g = e;
  }
  const size_t n = items.clusters.size();

  // The blank halves each mark could give (GB/T 15834 5.1.10, clreq 3.1.6).
  std::vector<double> free_left(n, 0), free_right(n, 0);
  for (size_t c = 0; c < n; ++c) {
    const double half = 0.5 * items.clusters[c].width;
    switch (blanks[c]) {
      case Blank::left:
        free_left[c] = half;
        break;
      case Blank::right:
        free_right[c] = half;
        break;
      case Blank::centre:
        free_left[c] = free_right[c] = 0.5 * half;
        break;
      case Blank::none:
        break;
    }
  }
  auto full_width_mark = [&](size_t c) {
    const Cluster& cl = items.clusters[c];
    return cl.kind == ClusterKind::punctuation ||
           (cl.kind == ClusterKind::other && cl.wide && cl.glyph_end - cl.glyph_begin == 1 &&
            compressible_punctuation(p.text[cl.text_begin]));
  };
  // Typed spaces, one rule for mixed text (docs/texts.md): a space touching
  // a full-width mark ("。 Python", "Python ，") or between two wide
  // characters ("不满 —— 实际上") takes no width, the mark's blank or the
  // wide characters part them already (clreq 3.2.4); a space between a wide
  // character and Latin text ("35.9% 的", "安装 Python") is the Han-Latin
  // gap itself, set at the gap's width; both are fixed, never stretched. A
  // space between Latin words is a word space, and stretches first.
  const double gap = (han_latin_gap_em > 0 ? han_latin_gap_em : kHanLatinGapEm) * items.em;
  for (size_t c = 0; c < n; ++c) {
    Cluster& cl = items.clusters[c];
    if (cl.kind != ClusterKind::space) continue;
    const bool wide_before = c > 0 && items.clusters[c - 1].wide;
    const bool wide_after = c + 1 < n && items.clusters[c + 1].wide;
    const bool mark_before = c > 0 && full_width_mark(c - 1);
    const bool mark_after = c + 1 < n && full_width_mark(c + 1);
    if (mark_before || mark_after || wide_before || wide_after) {
      const double fixed = mark_before || mark_after || (wide_before && wide_after) ? 0 : gap;
      cl.silent = true;
      cl.cut_right = cl.width - fixed;
      cl.width = fixed;
      if (fixed > 0) {  // the gap itself, as if not typed: it stretches and shrinks as the gap does
        cl.gap_stretch = std::max(0.0, kHanLatinGapMaxEm * items.em - gap);
        cl.gap_shrink = std::max(0.0, gap - kHanLatinGapMinEm * items.em);
      }
      continue;
    }
    cl.stretch = std::max(0.0, kLatinSpaceMaxEm * items.em - cl.width);
  }
  // Two adjacent marks take 1.5 em: the half em comes out of the blanks
  // facing each other, the second mark's first ("，“" loses the blank
  // before “; "”，" the one after ”), so brackets stay by their text. Where
  // the facing blanks are short of it (a centred zh-Hant 。 before 」, a
  // Japanese ？ with no blank before 」), the rest comes from the blank after
  // the second mark, so that every pair is set alike.
  std::vector<bool> paired(n, false);
  for (size_t c = 1; c < n; ++c) {
    Cluster& a = items.clusters[c - 1];
    Cluster& b = items.clusters[c];
    if (!full_width_mark(c - 1) || !full_width_mark(c)) continue;
    double want = 0.5 * std::min(a.width + a.cut_left + a.cut_right, b.width);
    double from_b = std::min(want, free_left[c]);
    double from_a = std::min(want - from_b, free_right[c - 1]);
    double from_b_right = std::min(want - from_b - from_a, free_right[c]);
    double from_a_left = std::min(want - from_b - from_a - from_b_right, free_left[c - 1]);
    if (from_a + from_b + from_a_left + from_b_right < want - 1e-6) continue;  // "（（"
    b.cut_left += from_b;
    b.cut_right += from_b_right;
    b.width -= from_b + from_b_right;
    free_left[c] -= from_b;
    free_right[c] -= from_b_right;
    a.cut_right += from_a;
    a.cut_left += from_a_left;
    a.width -= from_a + from_a_left;
    free_right[c - 1] -= from_a;
    free_left[c - 1] -= from_a_left;
    paired[c - 1] = paired[c] = true;
  }
  for (size_t c = 0; c < n; ++c) {
    Cluster& cl = items.clusters[c];
    // An ideographic space ends a line at no width ("！　" in Japanese
    // prose): the line is justified to the measure without it (jlreq 3.1.6;
    // UAX #14 class BA, so it never starts one).
    if (cl.text_end == cl.text_begin + 1 && p.text[cl.text_begin] == U'\u3000')
      cl.end_trim = cl.width;
    if (cl.kind != ClusterKind::punctuation) continue;
    // Line start: an opening bracket may lose its leading half (clreq 3.1.6).
    if (blanks[c] == Blank::left) cl.start_trim = free_left[c];
    // Line end: trimmed to half width; a centred mark (zh-Hant) gives its
    // whole right half, its ink reaching a little past the measure.
    if (blanks[c] == Blank::right) cl.end_trim = free_right[c];
    if (blanks[c] == Blank::centre && cl.cut_right == 0)
      cl.end_trim = cl.cut_left > 0 ? free_right[c] : 0.5 * cl.width;
    // A mark standing alone may give its blank to keep a line from breaking
    // early ("compress first, push out second"); pairs stay at 1.5 em.
    if (!paired[c]) {
      cl.shrink_left = free_left[c];
      cl.shrink_right = free_right[c];
    }
  }

  // Junctions: break opportunities and glue.
  std::vector<Opportunity> opportunities = clreq_opportunities(p.text, p.lang, level);
  items.junctions.assign(n, Junction{});
  const double em = items.em;
  for (size_t c = 1; c < n; ++c) {
    const Cluster& a = items.clusters[c - 1];
    const Cluster& b = items.clusters[c];
    Junction& j = items.junctions[c];
    j.opportunity =
        b.text_begin < opportunities.size() ? opportunities[b.text_begin] : Opportunity::none;
    if (a.kind == ClusterKind::newline) j.opportunity = Opportunity::mandatory;
    const bool blank_a = a.kind == ClusterKind::space || a.kind == ClusterKind::newline;
    const bool blank_b = b.kind == ClusterKind::space || b.kind == ClusterKind::newline;
    if (b.glyph_begin < p.glyphs.size() && p.glyphs[b.glyph_begin].unsafe_to_break)
      j.penalty = kUnsafeToBreakPenalty;
    if (blank_a || blank_b || a.text_end <= a.text_begin || b.text_end <= b.text_begin) continue;
    const char32_t last = p.text[a.text_end - 1];
    const char32_t first = p.text[b.text_begin];
    if (tate_chu_yoko(p, a) && tate_chu_yoko(p, b)) continue;  // digits of one 縦中横
    if (!tate_chu_yoko(p, a) && !tate_chu_yoko(p, b) &&
        ((is_ideographic(last) && western_start(p.text, b.text_begin)) ||
         (western_end(p.text, a.text_end - 1) && is_ideographic(first)))) {
      j.width = gap;
      j.stretch = std::max(0.0, kHanLatinGapMaxEm * em - gap);
      j.shrink = std::max(0.0, gap - kHanLatinGapMinEm * em);
      continue;
    }
    // Inter-character spacing goes between wide characters and marks, never
    // inside "——" or "……" (nor inside Latin words and numbers: both narrow).
    // Not between a mark and a Latin letter either: a gap after "“" before
    // "The" reads as a space to a text extractor.
    j.spaced = a.wide && b.wide && !never_split(last, first, BreakLevel::strict);
  }
  allow_token_breaks(items, p.text);
  // Hyphenation points of English words (src/shape/hyphenate.cpp), at TeX's
  // \hyphenpenalty: a word is hyphenated before a line is left loose.
  for (const HyphenPoint& point : p.hyphens) items.hyphen_widths.push_back(point.hyphen.advance);
  for (size_t h = 0, c = 1; h < p.hyphens.size(); ++h) {
    while (c < n && items.clusters[c].text_begin < p.hyphens[h].position) ++c;
    if (c >= n || items.clusters[c].text_begin != p.hyphens[h].position) continue;
    Junction& j = items.junctions[c];
    if (j.opportunity != Opportunity::none && !j.mid_word) continue;
    j.opportunity = Opportunity::allowed;
    j.penalty = std::max(j.penalty, kHyphenPenalty);
    j.mid_word = false;
    j.hyphen = static_cast<int>(h);
  }
  if (emergency_width > 0) allow_emergency_breaks(items, emergency_width);
  keep_ruby_bases_whole(items, p);  // even a base wider than the measure
  return items;
}

}  // namespace paiban::linebreak
