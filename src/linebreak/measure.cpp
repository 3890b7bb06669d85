// Measuring a candidate line in O(1) from prefix sums, and sharing out its
// slack: word spaces first, then evenly between characters, the Han-Latin
// gaps held (clreq 3.2 / 3.8 justification); or shrinking when too long.
#include <algorithm>
#include <cmath>

#include "linebreak/breaks.hpp"
#include "linebreak/rules.hpp"

namespace paiban::linebreak {
namespace {

bool is_blank(const Cluster& c) {
  return c.kind == ClusterKind::space || c.kind == ClusterKind::newline;
}

/// The inter-character spacing that counts as "loose" (pdf-audit's goal), em.
constexpr double kLooseGapEm = 0.15;
constexpr double kAwful = 10000;
constexpr double cube(double x) { return x * x * x; }
/// Badness of a line shrunk as far as it goes: lower than that of a line
/// stretched to the loose limit, so a mark is compressed before a character
/// is pushed to the next line (先挤进，后推出).
constexpr double kShrinkBadness = 30;
/// Badness of a short line with nothing to stretch: its demerits stay under
/// a break between two letters' penalty.
constexpr double kUnstretchableBadness = 900;
/// Badness of a line that needs its Han-Latin gaps shrunk: that of a line
/// spaced to the loose goal and a little more.
constexpr double kGapShrinkBadness = 150;

}  // namespace

LineMeter::LineMeter(const Items& items) : items_(items) {
  const size_t n = items.clusters.size();
  width_.assign(n + 1, 0);
  space_stretch_.assign(n + 1, 0);
  space_shrink_.assign(n + 1, 0);
  mark_shrink_.assign(n + 1, 0);
  spaces_.assign(n + 1, 0);
  typed_hl_stretch_.assign(n + 1, 0);
  typed_hl_shrink_.assign(n + 1, 0);
  typed_hl_gaps_.assign(n + 1, 0);
  silent_.assign(n + 1, 0);
  letters_.assign(n + 1, 0);
  junction_width_.assign(n + 1, 0);
  hl_stretch_.assign(n + 1, 0);
  hl_shrink_.assign(n + 1, 0);
  hl_gaps_.assign(n + 1, 0);
  spaced_.assign(n + 1, 0);
  next_solid_.assign(n + 1, n);
  prev_solid_.assign(n + 1, 0);
  for (size_t c = 0; c < n; ++c) {
    const Cluster& cl = items.clusters[c];
    const bool space = cl.kind == ClusterKind::space && !cl.silent;
    width_[c + 1] = width_[c] + cl.width;
    space_stretch_[c + 1] = space_stretch_[c] + (space ? cl.stretch : 0);
    space_shrink_[c + 1] = space_shrink_[c] + (space ? kSpaceShrinkRatio * cl.width : 0);
    mark_shrink_[c + 1] = mark_shrink_[c] + cl.shrink_left + cl.shrink_right;
    spaces_[c + 1] = spaces_[c] + (space ? 1 : 0);
    // A typed space that is the Han-Latin gap counts as one (never at a
    // line's edge: measure() sums over the line's clusters without them).
    typed_hl_stretch_[c + 1] = typed_hl_stretch_[c] + cl.gap_stretch;
    typed_hl_shrink_[c + 1] = typed_hl_shrink_[c] + cl.gap_shrink;
    typed_hl_gaps_[c + 1] = typed_hl_gaps_[c] + (cl.gap_stretch + cl.gap_shrink > 0 ? 1 : 0);
    silent_[c + 1] = silent_[c] + (cl.kind == ClusterKind::space && cl.silent ? 1 : 0);
    letters_[c + 1] = letters_[c] + cl.letters;
    // junction c (before cluster c) goes in slot c + 1
    const Junction& j = items.junctions[c];
    const bool hl = c > 0 && j.width > 0;
    junction_width_[c + 1] = junction_width_[c] + (c > 0 ? j.width : 0);
    hl_stretch_[c + 1] = hl_stretch_[c] + (hl ? j.stretch : 0);
    hl_shrink_[c + 1] = hl_shrink_[c] + (hl ? j.shrink : 0);
    hl_gaps_[c + 1] = hl_gaps_[c] + (hl ? 1 : 0);
    spaced_[c + 1] = spaced_[c] + (c > 0 && j.spaced ? 1 : 0);
  }
  // next_solid_[i]: first non-blank cluster at or after i; prev_solid_[i]:
  // one past the last non-blank cluster before i.
  for (size_t c = n; c-- > 0;)
    next_solid_[c] = is_blank(items.clusters[c]) ? next_solid_[c + 1] : c;
  for (size_t c = 1; c <= n; ++c)
    prev_solid_[c] = is_blank(items.clusters[c - 1]) ? prev_solid_[c - 1] : c;
}

LineSpec LineMeter::spec(uint32_t break_begin, uint32_t break_end, bool first, bool last) const {
  LineSpec line;
  line.break_begin = break_begin;
  line.break_end = break_end;
  line.first = first;
  line.last = last;
  line.begin = std::min(next_solid_[break_begin], break_end);
  line.end = std::max(prev_solid_[break_end], line.begin);
  line.forced = break_end < items_.clusters.size() &&
                items_.junctions[break_end].opportunity == Opportunity::mandatory;
  return line;
}

LineMeasure LineMeter::measure(const LineSpec& line) const {
  LineMeasure m;
  const uint32_t b = line.begin, e = line.end;
  if (b >= e) return m;
  // Junctions strictly inside [b, e) are b+1 .. e-1: slots b+2 .. e.
  auto inside = [&](const auto& prefix) { return prefix[e] - prefix[b + 1]; };
  m.natural = width_[e] - width_[b] + inside(junction_width_);
  m.spaces = spaces_[e] - spaces_[b];
  m.space_stretch = space_stretch_[e] - space_stretch_[b];
  m.space_shrink = space_shrink_[e] - space_shrink_[b];
  m.han_latin_stretch = inside(hl_stretch_) + typed_hl_stretch_[e] - typed_hl_stretch_[b];
  m.han_latin_shrink = inside(hl_shrink_) + typed_hl_shrink_[e] - typed_hl_shrink_[b];
  m.han_latin_gaps = inside(hl_gaps_) + typed_hl_gaps_[e] - typed_hl_gaps_[b];
  m.spaced_gaps = inside(spaced_);
  m.mark_shrink = mark_shrink_[e] - mark_shrink_[b];
  const Cluster& head = items_.clusters[b];
  const Cluster& tail = items_.clusters[e - 1];
  if (!line.first && head.start_trim > 0) {
    m.start_trim = head.start_trim;
    m.mark_shrink -= head.shrink_left + head.shrink_right;
  } else {
    // The blank before a line's first mark stays: giving it would move the
    // line's visible start (a paragraph's “ would eat into its indent).
    m.mark_shrink -= head.shrink_left;
  }
  if (!line.last && tail.end_trim > 0 && !(e - 1 == b && m.start_trim > 0)) {
    m.end_trim = tail.end_trim;
    m.mark_shrink -= tail.shrink_left + tail.shrink_right;
  }
  m.mark_shrink = std::max(0.0, m.mark_shrink);
  m.natural -= m.start_trim + m.end_trim;
  // A typed space that is a gap or nothing joins its neighbours as one
  // junction, as if not typed.
  m.junctions = static_cast<int>(e - b) - 1 - (silent_[e] - silent_[b]);
  if (m.end_trim > 0 && m.end_trim >= tail.width - 1e-9 && e - 1 > b) {
    m.tail_vanishes = true;
    m.junctions -= 1;
    if (items_.junctions[e - 1].spaced) m.spaced_gaps -= 1;
  }
  // A word hyphenated at the line's end: the hyphen is drawn after it.
  if (!line.last && e == line.break_end && e < items_.clusters.size() &&
      items_.junctions[e].hyphen >= 0)
    m.natural += items_.hyphen_widths[items_.junctions[e].hyphen];
  return m;
}

LineFill fill_line(const LineMeasure& m, double available, bool justify, double em) {
  LineFill fill;
  const double slack = available - m.natural;
  if (slack < 0) {
    // Too long: word spaces and single marks' blanks give first, in
    // proportion ("compress first, push out second"); the Han-Latin gaps
    // only when those are not enough, so that they stay alike on a page.
    const double first = m.space_shrink + m.mark_shrink;
    const double capacity = first + m.han_latin_shrink;
    const double need = -slack;
    const double ratio = first > 0 ? std::min(1.0, need / first) : 1.0;
    fill.space_shrink_ratio = ratio;
    fill.mark_ratio = ratio;
    const double rest = std::max(0.0, need - first);
    if (rest > 0 && m.han_latin_shrink > 0)
      fill.han_latin_extra_ratio = -std::min(1.0, rest / m.han_latin_shrink);
    fill.overflow = std::max(0.0, need - capacity);
    // Shrinking the gaps costs as much as a line looser than the goal: they
    // stay alike unless every other way is worse.
    fill.badness = fill.overflow > 1e-6 ? kAwful
                   : rest > 0          ? kGapShrinkBadness + kShrinkBadness * cube(-fill.han_latin_extra_ratio)
                                       : kShrinkBadness * cube(ratio);
    return fill;
  }
  // Room left: word spaces between Latin words first (to 1/2 em), then
  // evenly between characters (clreq 3.8, JIS X 4051 4.9); the Han-Latin
  // gaps keep the layout's width unless nothing else on the line can grow.
  double rest = slack;
  const double to_spaces = std::min(rest, m.space_stretch);
  rest -= to_spaces;
  double badness = 0;
  if (m.space_stretch > 0) badness += 20 * cube(to_spaces / m.space_stretch);
  double space_extra = 0;
  double gap_extra = 0;
  double to_gaps = 0;
  double letter_extra = 0;
  // Past the goal badness keeps growing, not capped: a line twice as loose
  // must cost more, or a paragraph with one unavoidably loose line could as
  // well put all its slack between two characters.
  if (rest > 1e-9) {
    if (m.spaced_gaps > 0) {
      gap_extra = rest / m.spaced_gaps;
      badness += 100 * cube(gap_extra / em / kLooseGapEm);
    } else if (m.spaces > 0) {
      // Latin text with no characters to space: the spaces take it all,
      // costing as much as spacing characters by as much.
      space_extra = rest / m.spaces;
      badness += 100 * cube(space_extra / em / kLooseGapEm);
    } else if (m.han_latin_stretch > 0) {
      to_gaps = std::min(rest, m.han_latin_stretch);
      rest -= to_gaps;
      badness += 100 * cube(to_gaps / m.han_latin_stretch);
      if (rest > 1e-9) {
        letter_extra = m.junctions > 0 ? rest / m.junctions : 0;
        badness = m.junctions > 0 ? badness + 100 * cube(letter_extra / em / kLooseGapEm)
                                  : kUnstretchableBadness;
      }
    } else if (m.junctions > 0) {
      // Nothing else can stretch (a line of one long URL or identifier):
      // its letters are spaced, which is better than breaking a word.
      letter_extra = rest / m.junctions;
      badness += 100 * cube(letter_extra / em / kLooseGapEm);
    } else {
      // Nothing can stretch (one character or word): the line stays short,
      // which is bad, but still better than a word broken between letters
      // (items.cpp kMidWordPenalty).
      badness = kUnstretchableBadness;
    }
  }
  fill.badness = badness;
  if (justify) {
    fill.space_stretch_ratio = m.space_stretch > 0 ? to_spaces / m.space_stretch : 0;
    fill.space_extra = space_extra;
    fill.han_latin_extra_ratio = m.han_latin_stretch > 0 ? to_gaps / m.han_latin_stretch : 0;
    fill.gap_extra = gap_extra;
    fill.letter_extra = letter_extra;
  }
  return fill;
}

}  // namespace paiban::linebreak
