// The contents page: one entry per anchor down to the requested depth:
// title, dotted leader, right-aligned page number, and a link to the page.
#pragma once
#include <vector>

#include "paginate/flow.hpp"
#include "paginate/typesetter.hpp"

namespace paiban {

/// A contents entry line: which anchor it points at, for the link.
struct ContentsLink {
  size_t item = 0;  ///< index in the contents flow
  int anchor = -1;  ///< index in the anchor table
};

struct ContentsFlow {
  std::vector<FlowItem> items;
  std::vector<ContentsLink> links;
};

/// Sets the contents from anchors whose page numbers are known (`page` is
/// 0-based; the printed number is page + 1).
ContentsFlow set_contents(Typesetter& setter, const std::string& title,
                          const std::vector<Anchor>& anchors, int depth);

}  // namespace paiban
