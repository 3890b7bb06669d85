#include "paginate/page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

namespace paiban {
namespace {

constexpr double kSlack = 0.01;  // pt: rounding must not push a line over

/// A figure's items stacked, without the separation below it, pt.
double figure_height(const std::vector<FlowItem>& flow, size_t first) {
  const FlowFigure& figure = *flow[first].figure;
  double height = 0;
  for (size_t k = first; k < first + figure.items; ++k)
    height += (k == first ? 0 : flow[k].space_before) + flow[k].height;
  return height - figure.trailing;
}

bool at_bottom(const FlowFigure& figure) { return figure.place == FigurePlace::bottom; }

/// A figure of the single-column flow (one in a column set is set in its
/// column like text).
bool figure_at(const std::vector<FlowItem>& flow, size_t i) {
  return flow[i].figure && flow[i].columns <= 1;
}

/// The figures standing at a page's top and bottom, and the room they take
/// from its text, their separation included.
struct PageFloats {
  std::vector<size_t> top, bottom;  ///< first items, in the flow's order
  double top_room = 0, bottom_room = 0;
  bool empty() const { return top.empty() && bottom.empty(); }
};

/// Puts the figure at `first` at the top (or, for place="bottom", the
/// bottom) of a page whose text reaches down to `text_bottom` of its
/// `area_height`, when it fits beside what is there or `force` says it goes
/// there anyway.
bool try_float(const std::vector<FlowItem>& flow, size_t first, PageFloats& floats,
               double text_bottom, double area_height, bool force) {
  const FlowFigure& figure = *flow[first].figure;
  const double need = figure_height(flow, first) + figure.separation;
  if (!force && text_bottom + floats.top_room + floats.bottom_room + need > area_height + kSlack)
    return false;
  (at_bottom(figure) ? floats.bottom : floats.top).push_back(first);
  (at_bottom(figure) ? floats.bottom_room : floats.top_room) += need;
  return true;
}

/// Places a figure's items from `top` down; returns its bottom.
double stack_figure(const std::vector<FlowItem>& flow, size_t first, double top,
                    std::vector<PlacedItem>& out) {
  const FlowFigure& figure = *flow[first].figure;
  double y = top;
  for (size_t k = first; k < first + figure.items; ++k) {
    if (k > first) y += flow[k].space_before;
    out.push_back({k, y, 0});
    y += flow[k].height;
  }
  return y - figure.trailing;
}

/// Columns filled from `top` down to `bottom`: the placements, where the
/// filling stopped, and whether the first column had to be cut where it was
/// full (no item in it allows a break before the set goes on).
struct ColumnFill {
  std::vector<PlacedItem> placed;  // flow order
  size_t next = 0;                 // first item not placed
  bool cut_first_column = false;
  bool cut_inside_a_keep = false;  ///< some column was cut where no break is allowed
};

/// One past the last item of the column set that starts at `start`: items
/// with the same column count, up to a forced page break.
size_t set_end(const std::vector<FlowItem>& flow, size_t start) {
  size_t end = start + 1;
  while (end < flow.size() && flow[end].columns == flow[start].columns &&
         !flow[end].page_break_before)
    ++end;
  return end;
}

/// Where an item's box goes in a column whose previous item ends at `y`
/// (`first`: the column's first item, which drops its space before, as at
/// the top of a page); grid items go down to the set's next grid line.
double item_top(const FlowItem& item, double y, bool first, double set_top,
                const ColumnGeometry& geometry) {
  double top = first ? y : y + item.space_before;
  if (item.on_grid && geometry.grid > 0)
    top = set_top + std::ceil((top - set_top) / geometry.grid - 1e-6) * geometry.grid;
  return top;
}

/// Fills the columns of the set [start, end) from `top` down to `bottom`.
/// A column ends after the latest item in it that allows a break once the
/// next does not fit; with none, it is cut where it is full. `force_first`:
/// the first item goes in even when it does not fit (the top of a page).
ColumnFill fill_columns(const std::vector<FlowItem>& flow, size_t start, size_t end, double top,
                        double bottom, const ColumnGeometry& geometry, bool force_first,
                        int first_column = 0) {
  ColumnFill out;
  const int columns = flow[start].columns;
  size_t k = start;
  for (int c = first_column; c < columns && k < end; ++c) {
    const double x = geometry.x(c, columns);
    const size_t first = k, placed_before = out.placed.size();
    double y = top;
    for (; k < end; ++k) {
      const double item_y = item_top(flow[k], y, k == first, top, geometry);
      const bool fits = item_y + flow[k].height <= bottom + kSlack;
      if (!fits && !(k == start && force_first)) break;
      out.placed.push_back({k, item_y, x});
      y = item_y + flow[k].height;
    }
    if (k == end) break;
    if (k == first) break;  // taller than a column: it waits for a fresh page
    size_t cut = k;
    bool allowed = false;
    for (size_t j = k; j-- > first;)
      if (flow[j].break_after) {
        cut = j + 1;
        allowed = true;
        break;
      }
    if (!allowed) out.cut_inside_a_keep = true;
    if (cut == k && c == first_column) out.cut_first_column = true;
    out.placed.resize(placed_before + (cut - first));
    k = cut;
  }
  out.next = k;
  return out;
}

/// The set [start, end), which fits from `top` down to `bottom` in its
/// columns from `first_column` on, balanced: the least height its columns
/// can share (the first column filled as far as that allows, so it is the
/// tallest unless a keep says otherwise), and the rest balanced the same way
/// in the columns after it (7 lines in three columns are 3, 2, 2, not 3, 3, 1).
ColumnFill balance_columns(const std::vector<FlowItem>& flow, size_t start, size_t end, double top,
                           double bottom, const ColumnGeometry& geometry, bool force_first,
                           int first_column = 0) {
  auto fill = [&](double height) {
    return fill_columns(flow, start, end, top, height, geometry, force_first, first_column);
  };
  // Bisection on the height: `high` always takes the whole set (filling is
  // all but monotonic in the height; the result is checked, never assumed).
  // A height counts only if it takes the set without cutting a keep (a
  // figure from its caption, a heading from its text): a shorter balance
  // bought by such a cut is no balance.
  auto takes_all = [&](const ColumnFill& f) { return f.next == end && !f.cut_inside_a_keep; };
  double low = top, high = bottom;
  while (high - low > 0.05) {
    const double middle = (low + high) / 2;
    if (takes_all(fill(middle)))
      high = middle;
    else
      low = middle;
  }
  ColumnFill best = fill(high);
  if (!takes_all(best)) return fill(bottom);
  const int columns = flow[start].columns;
  if (first_column + 2 >= columns) return best;
  // Keep the first column; balance what the others hold.
  const double x = geometry.x(first_column, columns);
  ColumnFill out;
  size_t rest = start;
  for (const PlacedItem& placed : best.placed)
    if (placed.x == x) {
      out.placed.push_back(placed);
      rest = placed.item + 1;
    }
  if (rest < end) {
    ColumnFill others =
        balance_columns(flow, rest, end, top, high, geometry, false, first_column + 1);
    out.placed.insert(out.placed.end(), others.placed.begin(), others.placed.end());
  }
  out.next = end;
  return out;
}

/// The gaps between neighbouring columns that both hold something, over
/// the set's extent on the page.
void add_gaps(PlacedPage& page, const std::vector<FlowItem>& flow, const ColumnFill& fill,
              double top, const ColumnGeometry& geometry) {
  if (fill.placed.empty()) return;
  const int columns = flow[fill.placed.front().item].columns;
  std::vector<bool> used(columns, false);
  double bottom = top;
  for (const PlacedItem& placed : fill.placed) {
    for (int c = 0; c < columns; ++c)
      if (std::abs(placed.x - geometry.x(c, columns)) < 1e-6) used[c] = true;
    bottom = std::max(bottom, placed.top + flow[placed.item].height);
  }
  const double width = geometry.width(columns);
  for (int c = 0; c + 1 < columns; ++c)
    if (used[c] && used[c + 1])
      page.gaps.push_back({geometry.x(c, columns) + width + geometry.gap / 2, top, bottom});
}

/// One page laid from `start`, taking no item at or after `limit`.
struct PageAttempt {
  PlacedPage page;
  size_t next = 0;     // the first item on a later page
  bool full = false;   // an item did not fit: the page should end at a break
  size_t full_at = 0;  // that item (or the start of its column set)
  std::deque<size_t> waiting;  // figures for later pages, in order
};

/// Lays one page. The text is laid from `page_top` down as if the figures
/// at the top were not there, in room shortened by them, and moved down
/// below them at the end; figures at the foot stand at the area's foot.
PageAttempt lay_page(const std::vector<FlowItem>& flow, size_t start, size_t limit,
                     double area_height, double page_top, bool shared,
                     const ColumnGeometry& geometry, std::deque<size_t> waiting) {
  PageAttempt out;
  PlacedPage& page = out.page;
  PageFloats floats;
  // Figures waiting from earlier pages come first, in their order.
  const bool had_waiting = !waiting.empty();
  while (!waiting.empty() &&
         try_float(flow, waiting.front(), floats, page_top, area_height, floats.empty()))
    waiting.pop_front();
  auto text_bottom = [&] { return area_height - floats.top_room - floats.bottom_room; };
  double y = page_top;
  // Figures still waiting when the back matter starts get pages of their own before it.
  size_t i = had_waiting && start < limit && start > 0 && flow[start].page_break_before ? limit
                                                                                         : start;
  auto finish = [&] {
    // The text below the top figures; the figures at the top and the foot.
    for (PlacedItem& placed : page.items) placed.top += floats.top_room;
    for (ColumnGap& gap : page.gaps) gap.top += floats.top_room, gap.bottom += floats.top_room;
    std::vector<PlacedItem> top_items, bottom_items;
    double cursor = page_top;
    for (size_t f : floats.top)
      cursor = stack_figure(flow, f, cursor, top_items) + flow[f].figure->separation;
    double foot = area_height - floats.bottom_room;
    for (size_t f : floats.bottom)
      foot = stack_figure(flow, f, foot + flow[f].figure->separation, bottom_items);
    page.items.insert(page.items.begin(), top_items.begin(), top_items.end());
    page.items.insert(page.items.end(), bottom_items.begin(), bottom_items.end());
    out.waiting = std::move(waiting);
    return std::move(out);
  };
  while (i < limit) {
    const FlowItem& item = flow[i];
    if (item.page_break_before && (i > start || shared)) break;
    // A shared first page starts below what is on it; space before is kept there.
    const bool fresh = page.empty() && floats.empty() && !shared;
    if (figure_at(flow, i)) {
      // Kept whole: here in the text when it fits, else it waits for the
      // next page while the text after it goes on filling this one; at the
      // top or foot of this page when it fits beside its text. Never before
      // a figure that waits.
      const size_t last = std::min(limit, i + item.figure->items) - 1;
      const double before = page.empty() && !shared ? 0 : item.space_before;
      if (!waiting.empty() || last + 1 < i + item.figure->items) {
        waiting.push_back(i);
      } else if (item.figure->place == FigurePlace::here) {
        if (y + before + figure_height(flow, i) <= text_bottom() + kSlack || fresh)
          y = stack_figure(flow, i, y + before, page.items) + item.figure->trailing;
        else
          waiting.push_back(i);
      } else if (!try_float(flow, i, floats, y, area_height, fresh)) {
        waiting.push_back(i);
      }
      i = last + 1;
      continue;
    }
    if (item.columns <= 1) {
      const double before = page.empty() && !shared ? 0 : item.space_before;
      if (y + before + item.height <= text_bottom() + kSlack || fresh) {
        page.items.push_back({i, y + before, 0});
        y += before + item.height;
        ++i;
        continue;
      }
      out.full = true;
      out.full_at = i;
      out.next = i;
      return finish();
    }
    const size_t end = set_end(flow, i);
    const size_t stop = std::min(end, limit);
    // The set's top, where its columns align; its first item's space before
    // is dropped there, as at the top of every column.
    const double top = y;
    ColumnFill fill = fill_columns(flow, i, stop, top, text_bottom(), geometry, fresh);
    const bool ends_here = fill.next == end;
    if (ends_here) fill = balance_columns(flow, i, end, top, text_bottom(), geometry, fresh);
    for (const PlacedItem& placed : fill.placed) {
      page.items.push_back(placed);
      y = std::max(y, placed.top + flow[placed.item].height);
    }
    add_gaps(page, flow, fill, top, geometry);
    if (fill.next == stop) {
      i = stop;
      continue;
    }
    // The set goes on: the page ends after its last column.
    out.next = fill.next;
    if (fill.next == i || fill.cut_first_column) {
      out.full = true;
      out.full_at = i;
    }
    return finish();
  }
  out.next = i;
  return finish();
}

}  // namespace

double used_height(const PlacedPage& page, const std::vector<FlowItem>& flow) {
  double bottom = 0;
  for (const PlacedItem& placed : page.items)
    bottom = std::max(bottom, placed.top + flow[placed.item].height);
  return bottom;
}

std::vector<PlacedPage> build_pages(const std::vector<FlowItem>& flow, double area_height,
                                    double first_top, const ColumnGeometry& columns) {
  std::vector<PlacedPage> pages;
  std::deque<size_t> waiting;  // figures that did not fit where they fell, in order
  size_t start = 0;
  while (start < flow.size() || !waiting.empty()) {
    const bool shared = pages.empty() && first_top > 0;
    const double page_top = pages.empty() ? first_top : 0;
    PageAttempt attempt =
        lay_page(flow, start, flow.size(), area_height, page_top, shared, columns, waiting);
    if (attempt.full) {
      // Full: end after the latest item before the one that did not fit
      // that allows it, and lay the page again up to there.
      for (size_t j = attempt.full_at; j-- > start;) {
        if (flow[j].break_after) {
          attempt = lay_page(flow, start, j + 1, area_height, page_top, shared, columns, waiting);
          break;
        }
      }
    }
    // What starts at or after the next page's first item is met again there.
    waiting = std::move(attempt.waiting);
    std::erase_if(waiting, [&](size_t f) { return f >= attempt.next; });
    pages.push_back(std::move(attempt.page));
    start = attempt.next;
  }
  return pages;
}

}  // namespace paiban
