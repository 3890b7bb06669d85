#include "paginate/page_builder.hpp"

namespace paiban {

double used_height(const PlacedPage& page, const std::vector<FlowItem>& flow) {
  if (page.empty()) return 0;
  return page.back().top + flow[page.back().item].height;
}

std::vector<PlacedPage> build_pages(const std::vector<FlowItem>& flow, double area_height,
                                    double first_top) {
  constexpr double kSlack = 0.01;  // pt: rounding must not push a line over
  std::vector<PlacedPage> pages;
  size_t start = 0;
  while (start < flow.size()) {
    PlacedPage page;
    // A shared first page starts below what is on it; space before is kept there.
    const bool shared = pages.empty() && first_top > 0;
    double y = pages.empty() ? first_top : 0;
    size_t i = start;
    size_t end = flow.size();  // one past the last item of this page
    for (; i < flow.size(); ++i) {
      const FlowItem& item = flow[i];
      if (item.page_break_before && (i > start || shared)) {
        end = i;
        break;
      }
      double before = page.empty() && !shared ? 0 : item.space_before;
      if (y + before + item.height <= area_height + kSlack || (page.empty() && !shared)) {
        page.push_back({i, y + before});
        y += before + item.height;
        continue;
      }
      // Full: end after the latest item on this page that allows it.
      end = i;
      for (size_t j = i; j-- > start;) {
        if (flow[j].break_after) {
          end = j + 1;
          break;
        }
      }
      break;
    }
    if (i == flow.size()) end = flow.size();
    while (!page.empty() && page.back().item >= end) page.pop_back();
    pages.push_back(std::move(page));
    start = end;
  }
  return pages;
}

}  // namespace paiban
