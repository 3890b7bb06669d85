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

/// Splits `flow` into pages of `area_height` pt. A page ends after an item
/// whose break_after is true (the latest that fits); when none does, the
/// page is cut where it is full (a block taller than a page).
std::vector<std::vector<PlacedItem>> build_pages(const std::vector<FlowItem>& flow,
                                                 double area_height);

}  // namespace paiban
