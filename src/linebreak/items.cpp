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
/// A word wider than this (em) with no separator where it is needed (a hash,
/// a base64 string, a long word) may break between any two letters or
/// digits, at a cost that prefers a line up to about 0.2 em loose.
constexpr double kVeryLongTokenEm = 16;
/// Between the words of a camel-case identifier, or a name and its number
/// ("SHA" | "256"), in a token over 4 em.
constexpr int kCamelCasePenalty = 150;
constexpr int kAnyBreakPenalty = 300;
/// Characters kept together at either end of a token broken inside.
constexpr uint32_t kTokenEdge = 2;

/// The ends of a Western run for Han-Latin spacing: letters and digits, and
/// the signs that belong to them ("65%左右", "约$100", "C++中", "架构(API)的").
bool western_end(char32_t c) {
  return is_latin_like(c) || std::u32string_view(U"%‰°)]+").find(c) != std::u32string_view::npos;
}
bool western_start(char32_t c) {
  return is_latin_like(c) || std::u32string_view(U"$€£#([").find(c) != std::u32string_view::npos;
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
    if (width > kTokenEm * items.em) {
      const bool very_long = width > kVeryLongTokenEm * items.em;
      const int penalty =
          width > kLongTokenEm * items.em ? kTokenBreakPenalty : kShortTokenBreakPenalty;
      for (size_t k = c + 1; k < end; ++k) {
        Junction& j = items.junctions[k];
        const Cluster& a = items.clusters[k - 1];
        const Cluster& b = items.clusters[k];
        if (j.opportunity != Opportunity::none) continue;
        if (a.text_end - first_char < kTokenEdge || last_char - b.text_begin < kTokenEdge) continue;
        const char32_t before = text[a.text_end - 1], after = text[b.text_begin];
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
        } else if (((is_upper(before) || is_lower(before)) && is_digit(after)) &&
                   b.text_begin + 1 < last_char) {
          // A name and its number: "SHA" | "256", "POLY" | "1305".
          j.opportunity = Opportunity::allowed;
          j.penalty = std::max(j.penalty, kCamelCasePenalty);
        } else if (very_long && alphanumeric(before) && alphanumeric(after)) {
          j.opportunity = Opportunity::allowed;
          j.penalty = std::max(j.penalty, kAnyBreakPenalty);
        }
      }
    }
    c = end;
  }
}

}  // namespace

double widest_word(const Items& items) {
  double widest = 0, width = 0;
  for (const Cluster& cl : items.clusters) {
    width = narrow_cluster(cl) ? width + cl.width : 0;
    widest = std::max(widest, width);
  }
  return widest;
}

Items build_items(const ShapedParagraph& p, BreakLevel level, double emergency_width) {
  Items items;
  items.em = p.em > 0 ? p.em : 10.5;
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
  // Word spaces. One beside a mark's blank half ("。 Python", "Python （")
  // takes no width: the blank parts them already, and the text is set the
  // same with the space as without it (clreq 3.2.4). Nor does one between
  // two wide characters ("不满 —— 实际上", the dash set full width by the
  // CJK font). Any other may grow, less beside a wide character.
  for (size_t c = 0; c < n; ++c) {
    Cluster& cl = items.clusters[c];
    if (cl.kind != ClusterKind::space) continue;
    const bool wide_before = c > 0 && items.clusters[c - 1].wide;
    const bool wide_after = c + 1 < n && items.clusters[c + 1].wide;
    const bool blank_before =
        c > 0 && (blanks[c - 1] == Blank::right || blanks[c - 1] == Blank::centre);
    const bool blank_after =
        c + 1 < n && (blanks[c + 1] == Blank::left || blanks[c + 1] == Blank::centre);
    if (blank_before || blank_after || (wide_before && wide_after)) {
      cl.silent = true;
      cl.cut_right = cl.width;
      cl.width = 0;
      continue;
    }
    const double max_em = wide_before || wide_after ? kSpaceMaxEm : kLatinSpaceMaxEm;
    cl.stretch = std::max(0.0, max_em * items.em - cl.width);
  }
  // Two adjacent marks take 1.5 em: the half em comes out of the blanks
  // facing each other, the second mark's first ("，“" loses the blank
  // before “; "”，" the one after ”), so brackets stay by their text. Where
  // the facing blanks are short of it (a centred zh-Hant 。 before 」, a
  // Japanese ？ with no blank before 」), the rest comes from the blank after
  // the second mark, so that every pair is set alike.
  std::vector<bool> paired(n, false);
  auto full_width_mark = [&](size_t c) {
    const Cluster& cl = items.clusters[c];
    return cl.kind == ClusterKind::punctuation ||
           (cl.kind == ClusterKind::other && cl.wide && cl.glyph_end - cl.glyph_begin == 1 &&
            compressible_punctuation(p.text[cl.text_begin]));
  };
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
    if ((is_ideographic(last) && western_start(first)) ||
        (western_end(last) && is_ideographic(first))) {
      j.width = kHanLatinGapEm * em;
      j.stretch = (kHanLatinGapMaxEm - kHanLatinGapEm) * em;
      j.shrink = (kHanLatinGapEm - kHanLatinGapMinEm) * em;
      continue;
    }
    // Inter-character spacing goes between wide characters and marks, never
    // inside "——" or "……" (nor inside Latin words and numbers: both narrow).
    // Not between a mark and a Latin letter either: a gap after "“" before
    // "The" reads as a space to a text extractor.
    j.spaced = a.wide && b.wide && !never_split(last, first, BreakLevel::strict);
  }
  allow_token_breaks(items, p.text);
  if (emergency_width > 0) allow_emergency_breaks(items, emergency_width);
  return items;
}

}  // namespace paiban::linebreak
