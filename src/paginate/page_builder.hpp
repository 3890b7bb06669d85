// Page building: fills text areas with flow items, ending each page at the
// last place the keeps allow.
#pragma once
#include <vector>

#include "paginate/flow.hpp"

namespace paiban {

/// An item placed on a page: `top` is the line box's top, pt from the text area's top.
struct PlacedItem {
  size_t item = 0;
  double top = 0;
};

/// Pages before the contents: the front page, when the layout has one.
inline size_t cover_page_count(const Layout& layout) { return layout.cover.empty() ? 0 : 1; }

/// The items of one page, top to bottom.
using PlacedPage = std::vector<PlacedItem>;

/// Pagination, step 2. Splits `flow` into pages of `area_height` pt. A page
/// ends after an item whose break_after is true (the latest that fits); when
/// none does, the page is cut where it is full (a block taller than a page).
/// `first_top`: where the first page's text starts, pt from the area's top
/// (below what shares that page: the cover, the end of the contents).
std::vector<PlacedPage> build_pages(const std::vector<FlowItem>& flow, double area_height,
                                    double first_top = 0);

/// How far down `page` is filled: the bottom of its last item, pt from the area's top.
double used_height(const PlacedPage& page, const std::vector<FlowItem>& flow);

}  // namespace paiban
