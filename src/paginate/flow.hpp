// The vertical list between setting text and building pages: every block of
// the issue becomes a run of FlowItems (line boxes), each saying whether a
// page may end after it. Plain data; no fonts or pages here.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "paiban/document.hpp"
#include "paiban/linebreak.hpp"

namespace paiban {

/// The structure elements of a set text's inline parts, indexed as its
/// glyphs' `link` and `span` are: a Link per href, a Span (with its /Lang) per
/// stretch in another language. Empty without a structure.
struct InlineElements {
  std::vector<int> links;
  std::vector<int> spans;
};

/// A part of a line box: a set line placed at `x` from the measure's left
/// edge (columns, list markers and quote indents are parts side by side).
struct FlowPart {
  std::vector<PlacedGlyph> glyphs;
  double x = 0;
  std::vector<std::string> links{};  ///< hrefs that PlacedGlyph::link indexes (the paragraph's)
  /// The glyphs are drawn `repeat` times, each `pitch` pt right of the one
  /// before: leader dots are one glyph in the flow, not hundreds.
  int repeat = 1;
  double pitch = 0;
  /// The part's baseline below the line box's (FlowItem::baseline), pt: a
  /// credit beside a picture is lines of its own in the picture's box.
  double y = 0;
  int element = kArtifact;           ///< structure element of the glyphs (Document::structure)
  InlineElements inline_elements{};  ///< the elements of its links and language spans
  bool decoration = false;           ///< leader dots and the like: an artifact wherever painted
};

/// Something a contents entry or a bookmark points at.
struct Anchor {
  std::string title;
  int level = 1;         ///< 1 section, 2 article, 3 subheading
  int page = -1;         ///< filled by page building, 0-based
  double y = 0;          ///< top of the line box, pt from the page top
  SourceLocation where;  ///< the heading in the manifest, for warnings about its contents line
  SourceText source{};   ///< the heading's text as read, so those warnings find the character
};

/// A figure in the flow: its picture, then its credit and caption lines,
/// `items` in all, kept whole. Page building places it in the text (`here`) or at the
/// top or bottom of a page, on a later page when it does not fit, never
/// before a figure that comes earlier.
struct FlowFigure {
  FigurePlace place = FigurePlace::here;
  FigureSpan span = FigureSpan::column;
  size_t items = 1;         ///< this item and the items - 1 after it
  double separation = 0;    ///< pt between the figure and text
  double trailing = 0;      ///< pt of the last item's height that is the separation below (here)
};

struct FlowItem {
  double space_before = 0;  ///< dropped at the top of a page
  double height = 0;        ///< line box height (the style's leading), pt
  double baseline = 0;      ///< from the box's top to the baseline, pt
  double size = 0;          ///< the style's font size, pt
  EmBox em_box;             ///< of the style's font: where the baseline is (baseline_in_box)
  std::vector<FlowPart> parts;
  std::optional<PageImage> image;  ///< a figure: x, y relative to the box, width, height
  bool image_from_page_edge = false;  ///< image x from the page's left edge, not the measure's (bleed)
  std::optional<FlowFigure> figure;   ///< the first item of a figure
  bool break_after = true;         ///< may a page end after this item?
  bool page_break_before = false;  ///< starts a new page (back matter)
  std::vector<int> anchors;        ///< indexes into the anchor table
  int section = -1;                ///< index of the section this item belongs to
  const Frame* frame = nullptr;    ///< a box or a framed quote this line is in
  int frame_id = -1;               ///< which one (consecutive items of one id share a frame)
  double frame_x0 = 0, frame_x1 = 0;  ///< the frame's edges from the measure's left edge
  bool frame_first = false;        ///< the frame's first line (its padding is above it)
  /// How many columns the column set this item is in has; 1: the item spans
  /// the measure (section titles, spanning headings, the back matter). A run
  /// of items with the same count above 1 is one column set, set at the
  /// column measure (parts' x from the column's left edge): filled column by
  /// column, balanced where the set ends. An item that spans (a heading, a
  /// figure across the columns) ends the set above it and a new one starts
  /// below it.
  int columns = 1;
  /// In a column set, the line box's top is moved down to the set's line
  /// grid (one body leading apart from the set's top on the page), so that
  /// body lines of neighbouring columns share baselines.
  bool on_grid = false;
};

/// Where the baseline of a line box in a style falls below the box's top:
/// the font's em box is centred in the leading, the baseline `ascent` below
/// its top (0.88 em in CJK fonts).
inline double baseline_in_box(double leading, double size, const EmBox& em_box) {
  return (leading - em_box.height() * size) / 2 + em_box.ascent * size;
}

}  // namespace paiban
