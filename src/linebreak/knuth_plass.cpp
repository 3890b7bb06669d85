// Choosing the breaks for a whole paragraph at once (Knuth & Plass, "Breaking
// paragraphs into lines", 1981): every allowed break is a candidate; a line
// costs (10 + badness)^2 demerits; the cheapest path wins. clreq's rules are
// breaks that do not exist, compression is shrinkable glue, so a line is
// compressed before a character is pushed to the next one.
#include <limits>

#include "linebreak/breaks.hpp"

namespace paiban::linebreak {
namespace {

struct Node {
  uint32_t position = 0;  ///< cluster index where the next line starts
  double total = 0;       ///< demerits from the paragraph start
  int previous = -1;      ///< node of the previous break
};

constexpr double kLinePenalty = 10;
/// A last line of one character (孤字) costs this much: avoided whenever
/// another set of breaks exists.
constexpr double kLoneCharacterDemerits = 1e9;
/// How far past the measure a line may run before its start is dropped
/// from the active list: the end trims make widths not quite monotonic.
constexpr double kDeactivateSlackEm = 1.0;

/// One pass. Lines shorter than the measure by more than `tolerance` pt are
/// not considered (except last lines): active starts are kept in position
/// order, so the scan over them stops at the first such line, and only the
/// few starts whose lines come near the measure are looked at. Sets
/// `overfull` when some line had to be set too long.
std::vector<uint32_t> breaks_within(const Items& items, const BreakOptions& options,
                                    const LineMeter& meter, double tolerance, bool& overfull,
                                    double* demerits_out = nullptr) {
  const uint32_t n = static_cast<uint32_t>(items.clusters.size());
  overfull = false;
  const bool justify = options.align == Align::justify;
  const int all_letters = meter.letters(0, n);

  std::vector<Node> nodes{{0, 0, -1}};
  std::vector<int> active{0};
  std::vector<int> still_active;
  for (uint32_t p = 1; p <= n; ++p) {
    const bool end = p == n;
    const Opportunity opportunity = end ? Opportunity::mandatory : items.junctions[p].opportunity;
    if (opportunity == Opportunity::none) continue;
    const bool forced = opportunity == Opportunity::mandatory;
    const double penalty = end ? 0 : items.junctions[p].penalty;

    int best = -1;
    double best_total = std::numeric_limits<double>::infinity();
    int latest_overfull = -1;  // the shortest overfull line, when nothing fits
    bool too_short = false;    // some starts give lines too short for now
    still_active.clear();
    for (size_t k = 0; k < active.size(); ++k) {
      const int a = active[k];
      const Node& from = nodes[a];
      LineSpec line = meter.spec(from.position, p, from.position == 0, end);
      LineMeasure m = meter.measure(line);
      const double available = options.measure - (line.first ? options.first_indent : 0);
      if (!end && !forced && available - m.natural > tolerance) {
        // Too short to consider, and so are the lines from all later starts.
        still_active.insert(still_active.end(), active.begin() + k, active.end());
        too_short = true;
        break;
      }
      LineFill fill = fill_line(m, available, justify, items.em);
      if (fill.overflow > 1e-6) {
        latest_overfull = a;  // active nodes are in position order
        if (fill.overflow <= kDeactivateSlackEm * items.em) still_active.push_back(a);
        continue;
      }
      still_active.push_back(a);
      // A last line, or one before a <br/>, is set at natural spacing.
      double badness = (end || forced) && m.natural <= available ? 0 : fill.badness;
      double demerits = (kLinePenalty + badness) * (kLinePenalty + badness) + penalty * penalty;
      if (end && from.position != 0 && all_letters >= 2 && meter.letters(from.position, n) < 2)
        demerits += kLoneCharacterDemerits;
      if (from.total + demerits < best_total) best_total = from.total + demerits, best = a;
    }
    active.swap(still_active);
    if (best < 0) {
      // No line to p fits. Widths only grow with p, so none from these
      // starts ever will: the unit before p is wider than the measure. Set
      // it overfull on a line of its own and go on from p.
      if (latest_overfull < 0 || too_short) continue;
      best = latest_overfull;
      best_total = nodes[best].total + 1e12;
      active.clear();
      overfull = true;
    }
    nodes.push_back({p, best_total, best});
    if (forced) active.clear();
    active.push_back(static_cast<int>(nodes.size()) - 1);
  }

  // The last node made is the paragraph's end.
  if (demerits_out) *demerits_out = nodes.back().total;
  std::vector<uint32_t> breaks;
  for (int k = static_cast<int>(nodes.size()) - 1; k > 0; k = nodes[k].previous)
    breaks.push_back(nodes[k].position);
  return {breaks.rbegin(), breaks.rend()};
}

}  // namespace

std::vector<uint32_t> choose_breaks(const Items& items, const BreakOptions& options) {
  if (items.clusters.empty()) return {0};
  LineMeter meter(items);
  // First only lines within a tolerance of the measure (fast: a handful of
  // starts per break); if that leaves no way through, every line.
  const double tolerance = 2 * items.em + 0.15 * options.measure;
  bool overfull = false;
  double fast = 0;
  std::vector<uint32_t> breaks = breaks_within(items, options, meter, tolerance, overfull, &fast);
  // Some line had to be set too long, or every way to the end goes through
  // a line looser than the tolerance (a long word that fits no line
  // before it): look at every line.
  const uint32_t n = static_cast<uint32_t>(items.clusters.size());
  if (overfull || breaks.empty() || breaks.back() != n)
    return breaks_within(items, options, meter, 1e30, overfull);
  // A word broken between letters is a last resort: a looser line that the
  // fast pass did not look at may cost less.
  bool mid_word = false;
  for (uint32_t b : breaks) mid_word = mid_word || (b < n && items.junctions[b].mid_word);
  if (mid_word) {
    double full = 0;
    bool full_overfull = false;
    std::vector<uint32_t> all = breaks_within(items, options, meter, 1e30, full_overfull, &full);
    if (!full_overfull && !all.empty() && all.back() == n && full < fast) breaks = std::move(all);
  }
  return breaks;
}

}  // namespace paiban::linebreak
