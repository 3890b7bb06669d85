// Page building: fills text areas with flow items, ending each page at the
// last place the keeps allow. Column sets fill column by column and are
// balanced where they end.
#pragma once
#include <vector>

#include "paginate/flow.hpp"

namespace paiban {

/// Where columns stand across the measure: column c of n starts c * (width
/// + gap) from the measure's left edge, width = (measure - (n - 1) gap) / n.
struct ColumnGeometry {
  double measure = 0;  ///< pt
  double gap = 0;      ///< pt between two columns
  double grid = 0;     ///< the line grid in a column set (the body leading), pt; 0 = none

  double width(int columns) const { return (measure - (columns - 1) * gap) / columns; }
  double x(int column, int columns) const { return column * (width(columns) + gap); }
};

/// The layout's columns: its measure, <columns gap>, and the body leading as the grid.
inline ColumnGeometry column_geometry(const Layout& layout) {
  const PageGeometry& page = layout.page;
  return {page.width - page.inner - page.outer, layout.columns.gap, layout.engine.body.leading};
}

/// An item placed on a page: `top` is the line box's top, pt from the text
/// area's top; `x` its column's left edge from the measure's left edge.
struct PlacedItem {
  size_t item = 0;
  double top = 0;
  double x = 0;
};

/// The gap between two columns of a column set that both hold something on
/// a page: where a column rule goes.
struct ColumnGap {
  double x = 0;                ///< the gap's middle, pt from the measure's left edge
  double top = 0, bottom = 0;  ///< pt from the text area's top: the set's extent on the page
};

/// Pages before the contents: the front page, when the layout has one.
inline size_t cover_page_count(const Layout& layout) { return layout.cover.empty() ? 0 : 1; }

/// What one page holds.
struct PlacedPage {
  std::vector<PlacedItem> items;  ///< in flow order: a column set column by column
  std::vector<ColumnGap> gaps;
  bool empty() const { return items.empty(); }
};

/// Pagination, step 2. Splits `flow` into pages of `area_height` pt. A page
/// (a column) ends after an item whose break_after is true (the latest that
/// fits); when none does, the page is cut where it is full (a block taller
/// than a page). A column set that ends on a page is balanced: its columns
/// as short as the keeps allow, the first the tallest.
/// `first_top`: where the first page's text starts, pt from the area's top
/// (below what shares that page: the cover, the end of the contents).
///
/// Figures (FlowItem::figure) outside column sets are kept whole. One placed
/// `here` stands in the text when it fits in the rest of the page; else it
/// waits for the next page's top while the text after it fills this page.
/// One placed `top` or `bottom` goes to the top or foot of the page it falls
/// on when it fits there beside the text, else it waits likewise. A waiting
/// figure holds back every later one (figures keep their order); figures
/// still waiting when the back matter starts (page_break_before) get pages
/// of their own. A figure inside a column set is set in its column.
std::vector<PlacedPage> build_pages(const std::vector<FlowItem>& flow, double area_height,
                                    double first_top = 0, const ColumnGeometry& columns = {});

/// How far down `page` is filled: the lowest bottom of its items, pt from the area's top.
double used_height(const PlacedPage& page, const std::vector<FlowItem>& flow);

}  // namespace paiban
