// Measuring a candidate line in O(1) from prefix sums, and sharing out its
// slack: word spaces first, then Han-Latin gaps, then evenly between
// characters (clreq 3.2 / 3.8 justification); or shrinking when too long.
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

}  // namespace

LineMeter::LineMeter(const Items& items) : items_(items) {
  const size_t n = items.clusters.size();
  width_.assign(n + 1, 0);
  space_stretch_.assign(n + 1, 0);
  space_shrink_.assign(n + 1, 0);
  mark_shrink_.assign(n + 1, 0);
  spaces_.assign(n + 1, 0);
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
  m.han_latin_stretch = inside(hl_stretch_);
  m.han_latin_shrink = inside(hl_shrink_);
  m.han_latin_gaps = inside(hl_gaps_);
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
  return m;
}

LineFill fill_line(const LineMeasure& m, double available, bool justify, double em) {
  LineFill fill;
  const double slack = available - m.natural;
  if (slack < 0) {
    // Too long: shrink word spaces, Han-Latin gaps and single marks' blanks
    // together, in proportion ("compress first, push out second").
    const double capacity = m.space_shrink + m.han_latin_shrink + m.mark_shrink;
    const double ratio = capacity > 0 ? std::min(1.0, -slack / capacity) : 1.0;
    fill.space_shrink_ratio = ratio;
    fill.han_latin_extra_ratio = -ratio;
    fill.mark_ratio = ratio;
    fill.overflow = std::max(0.0, -slack - capacity);
    fill.badness = fill.overflow > 1e-6 ? kAwful : kShrinkBadness * cube(ratio);
    return fill;
  }
  // Room left: word spaces (up to 1/2 em wide), then Han-Latin gaps (up to
  // 1/2 em), then evenly between characters.
  double rest = slack;
  const double to_spaces = std::min(rest, m.space_stretch);
  rest -= to_spaces;
  const double to_gaps = std::min(rest, m.han_latin_stretch);
  rest -= to_gaps;
  double badness = 0;
  if (m.space_stretch > 0) badness += 5 * cube(to_spaces / m.space_stretch);
  if (m.han_latin_stretch > 0) badness += 5 * cube(to_gaps / m.han_latin_stretch);
  double space_extra = 0;
  double gap_extra = 0;
  // Past the goal badness keeps growing, not capped: a line twice as loose
  // must cost more, or a paragraph with one unavoidably loose line could as
  // well put all its slack between two characters.
  if (rest > 1e-9) {
    if (m.spaced_gaps > 0) {
      gap_extra = rest / m.spaced_gaps;
      badness += 100 * cube(gap_extra / em / kLooseGapEm);
    } else if (m.spaces > 0) {
      // Latin text with no characters to space: the spaces take it all.
      space_extra = rest / m.spaces;
      badness += 100 * cube(space_extra / em / kSpaceMaxEm);
    } else {
      // Nothing can stretch: the line stays short, which is worse than
      // putting all its slack into one gap.
      badness = 2 * kAwful + 100 * cube(rest / em / kLooseGapEm);
    }
  }
  fill.badness = badness;
  if (justify) {
    fill.space_stretch_ratio = m.space_stretch > 0 ? to_spaces / m.space_stretch : 0;
    fill.space_extra = space_extra;
    fill.han_latin_extra_ratio = m.han_latin_stretch > 0 ? to_gaps / m.han_latin_stretch : 0;
    fill.gap_extra = gap_extra;
  }
  return fill;
}

}  // namespace paiban::linebreak
