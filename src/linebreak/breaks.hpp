// Internals of the line breaker shared by its files (and its tests).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "paiban/linebreak.hpp"

namespace paiban::linebreak {

enum class Opportunity : uint8_t { none, allowed, mandatory };

/// UAX #14 from ICU, untailored; result[i] says whether a line may start at i.
std::vector<Opportunity> unicode_opportunities(const std::u32string& text, const std::string& lang);
/// The same tailored by clreq for `level` (rules.hpp).
std::vector<Opportunity> clreq_opportunities(const std::u32string& text, const std::string& lang,
                                             BreakLevel level);

/// What a glyph cluster is, for spacing and justification.
enum class ClusterKind : uint8_t {
  ideograph,    ///< Han, kana: justified by the gaps between them
  latin,        ///< Latin letters and digits (and other narrow text)
  punctuation,  ///< full-width punctuation with a blank half (compressible)
  space,        ///< a word space: stretches first, dropped at a break
  newline,      ///< a forced break (<br/>): dropped, ends its line
  other,        ///< anything else (symbols, full-width punctuation without a blank half)
};

/// One glyph cluster of the paragraph: characters [text_begin, text_end),
/// glyphs [glyph_begin, glyph_end). Lengths in pt.
struct Cluster {
  uint32_t text_begin = 0, text_end = 0;
  uint32_t glyph_begin = 0, glyph_end = 0;
  ClusterKind kind = ClusterKind::other;
  double width = 0;       ///< natural width after pair compression
  double cut_left = 0;    ///< pair compression taken from its left half (glyph shifts left)
  double cut_right = 0;   ///< pair compression taken from its right half
  double start_trim = 0;  ///< taken off its left when it starts a line (opening bracket)
  double end_trim = 0;    ///< taken off its right when it ends a line (GB/T 15834 5.1.10)
  double shrink_left = 0, shrink_right = 0;  ///< blank a single mark may lose to fit a line
  bool wide = false;  ///< a full-width mark or ideograph (takes inter-character spacing)
  /// A typed space set at a fixed width and never stretched (items.cpp):
  /// none beside a full-width mark or between wide characters (clreq
  /// 3.2.4), the Han-Latin gap between a wide character and Latin text.
  bool silent = false;
  /// A typed space that is the Han-Latin gap ("安装 Python"): the room it
  /// has to grow and to shrink, as the gap between untyped neighbours
  /// (Junction::stretch, Junction::shrink), pt.
  double gap_stretch = 0, gap_shrink = 0;
  /// A word space's room to grow (pt): to 1/2 em, between Latin words.
  double stretch = 0;
  int letters = 0;    ///< characters that are not punctuation or space (孤字 counting)
};

/// The glue between cluster c-1 and cluster c. Lengths in pt.
struct Junction {
  Opportunity opportunity = Opportunity::none;
  int penalty = 0;      ///< for breaking here (emergency breaks cost more)
  double width = 0;     ///< natural gap (Han-Latin: 1/4 em), dropped at a break
  double stretch = 0;   ///< Han-Latin growth up to 1/2 em
  double shrink = 0;    ///< Han-Latin shrink to 1/8 em
  bool spaced = false;  ///< takes the even inter-character spacing
  bool mid_word = false;  ///< a break between two letters of a word (warned when used)
  int hyphen = -1;        ///< a hyphenation point: index in ShapedParagraph::hyphens
};

/// The paragraph as boxes (clusters) and glue (junctions): junctions[c] is
/// the one before clusters[c] (junctions[0] unused).
struct Items {
  std::vector<Cluster> clusters;
  std::vector<Junction> junctions;
  std::vector<double> hyphen_widths;  ///< of ShapedParagraph::hyphens, pt
  std::vector<int> ruby_of_cluster;   ///< index in ShapedParagraph::rubies, -1 = none
  double em = default_text_size;
};

/// `emergency_width` > 0: runs without a break wider than this (pt) may
/// break anywhere (a word wider than the measure).
/// `han_latin_gap_em` > 0: the Han-Latin gap (em) instead of kHanLatinGapEm.
Items build_items(const ShapedParagraph& paragraph, BreakLevel level, double emergency_width = 0,
                  double han_latin_gap_em = 0);

/// Whether some run of clusters with no break allowed inside it is wider
/// than its room (pt): a word, a URL's part between two of its separators,
/// a number; a break between two letters (Junction::mid_word) is a last
/// resort, not an allowed one. The room is the measure, or `first_line` for
/// the run that starts the paragraph.
bool has_word_wider_than(const Items& items, double measure, double first_line);

/// A line's share of the paragraph: clusters [begin, end) after dropping the
/// spaces at its edges, and how it is set.
struct LineSpec {
  uint32_t break_begin = 0, break_end = 0;  ///< clusters between the two breaks
  uint32_t begin = 0, end = 0;              ///< without spaces at the edges
  bool first = false;                       ///< first line of the paragraph
  bool last = false;                        ///< ends the paragraph
  bool forced = false;                      ///< ends at a forced break (set ragged)
};

/// Measures a line: natural width and how much each kind of glue can give.
struct LineMeasure {
  double natural = 0;     ///< pt, with line-edge trims applied and a hyphen at its end
  double start_trim = 0;  ///< taken off a leading opening bracket
  double end_trim = 0;    ///< taken off a trailing mark (GB/T 15834 5.1.10)
  int spaces = 0;         ///< word spaces inside the line (silent ones left out)
  double space_stretch = 0;  ///< what the spaces may grow by (Cluster::stretch)
  double space_shrink = 0;
  double han_latin_stretch = 0, han_latin_shrink = 0;
  int han_latin_gaps = 0;
  int spaced_gaps = 0;     ///< junctions taking the even inter-character spacing
  double mark_shrink = 0;  ///< compressible blanks of single marks
  int junctions = 0;       ///< between the line's clusters (letter spacing, a last resort)
  /// The line ends in a cluster trimmed to nothing (an ideographic space):
  /// the junction before it takes no spacing, so what shows ends on the measure.
  bool tail_vanishes = false;
};

/// Prefix sums over the items, so a line is measured in O(1).
class LineMeter {
 public:
  explicit LineMeter(const Items& items);
  LineSpec spec(uint32_t break_begin, uint32_t break_end, bool first, bool last) const;
  LineMeasure measure(const LineSpec& line) const;
  int letters(uint32_t begin, uint32_t end) const { return letters_[end] - letters_[begin]; }

 private:
  const Items& items_;
  std::vector<double> width_, space_stretch_, space_shrink_, mark_shrink_;  // per cluster, prefix
  std::vector<int> spaces_, letters_;                            // per cluster, prefix
  std::vector<double> typed_hl_stretch_, typed_hl_shrink_;       // per cluster, prefix
  std::vector<int> typed_hl_gaps_, silent_;                      // per cluster, prefix
  std::vector<double> junction_width_, hl_stretch_, hl_shrink_;  // per junction, prefix
  std::vector<int> hl_gaps_, spaced_;                            // per junction, prefix
  std::vector<uint32_t> next_solid_, prev_solid_;                // skipping spaces at line edges
};

/// How the slack of one line is distributed (pt): what each word space,
/// Han-Latin gap and inter-character gap gets (negative = shrink), and the
/// fraction of each single mark's blank taken away.
struct LineFill {
  double space_stretch_ratio = 0;  ///< of each space's room to grow (Cluster::stretch)
  double space_extra = 0;          ///< more for each space (a line with nothing else to stretch)
  double han_latin_extra_ratio = 0;  ///< of each gap's stretch (>0) or shrink (<0)
  double gap_extra = 0;              ///< each spaced junction
  double mark_ratio = 0;             ///< of each single mark's blank
  double space_shrink_ratio = 0;     ///< of each space's shrink
  double letter_extra = 0;           ///< each junction, on a line with nothing else to stretch
  double overflow = 0;               ///< > 0: the line does not fit by this much
  double badness = 0;                ///< 0 perfect .. 10000 awful
};

/// Fills a line of `available` width. `justify` false: natural spacing (shrunk if too long).
LineFill fill_line(const LineMeasure& measure, double available, bool justify, double em);

/// Chooses where to break: cluster indices of the line ends (the last is
/// clusters.size()). Whole-paragraph optimisation (Knuth-Plass).
std::vector<uint32_t> choose_breaks(const Items& items, const BreakOptions& options);

}  // namespace paiban::linebreak
