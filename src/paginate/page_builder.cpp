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

/// At the page's foot: `bottom`, and `column-bottom` in one column (whose
/// column is the page).
bool at_bottom(const FlowFigure& figure) {
  return figure.place == FigurePlace::bottom || figure.place == FigurePlace::column_bottom;
}

/// A figure of a column set standing at the top or foot of its column.
bool column_float(const FlowItem& item) {
  return item.figure && item.columns > 1 &&
         (item.figure->place == FigurePlace::column_top ||
          item.figure->place == FigurePlace::column_bottom);
}

/// A figure of the single-column flow (one in a column set is set in its
/// column like text).
bool figure_at(const std::vector<FlowItem>& flow, size_t i) {
  return flow[i].figure && flow[i].columns <= 1;
}

/// A figure at the page's top or foot (place top or bottom, across the
/// columns): out of the text, so it does not end a column set it falls in.
bool page_float(const std::vector<FlowItem>& flow, size_t i) {
  return figure_at(flow, i) && flow[i].figure->place != FigurePlace::here;
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

/// The room a figure at a column's top or foot takes from the column's
/// text: the figure and one separation; at the top rounded up to the set's
/// line grid, so the text below it stays on the grid of the other columns.
double column_float_room(const std::vector<FlowItem>& flow, size_t first,
                         const ColumnGeometry& geometry) {
  const FlowFigure& figure = *flow[first].figure;
  double room = figure_height(flow, first) + figure.separation;
  if (figure.place == FigurePlace::column_top && geometry.grid > 0)
    room = std::ceil(room / geometry.grid - 1e-6) * geometry.grid;
  return room;
}

/// One column's items (`placed`, in flow order) with their figures at the
/// column's top and foot put there: top figures stacked from `top`, the
/// text moved down below them, foot figures stacked up to `bottom`.
void settle_column_floats(const std::vector<FlowItem>& flow, PlacedItem* placed, size_t count,
                          double top, double bottom, const ColumnGeometry& geometry) {
  double top_room = 0, foot_room = 0;
  for (size_t p = 0; p < count; ++p) {
    const FlowItem& item = flow[placed[p].item];
    if (!column_float(item)) continue;
    (item.figure->place == FigurePlace::column_top ? top_room : foot_room) +=
        column_float_room(flow, placed[p].item, geometry);
    p += item.figure->items - 1;
  }
  if (top_room == 0 && foot_room == 0) return;
  double head = top, foot = bottom - foot_room;
  for (size_t p = 0; p < count;) {
    const FlowItem& item = flow[placed[p].item];
    if (!column_float(item)) {
      placed[p++].top += top_room;
      continue;
    }
    const FlowFigure& figure = *item.figure;
    const bool at_top = figure.place == FigurePlace::column_top;
    double y = at_top ? head : foot + figure.separation;
    for (size_t j = 0; j < figure.items && p + j < count; ++j) {
      if (j > 0) y += flow[placed[p + j].item].space_before;
      placed[p + j].top = y;
      y += flow[placed[p + j].item].height;
    }
    if (at_top)
      head += column_float_room(flow, placed[p].item, geometry);
    else
      foot = y - figure.trailing;
    p += figure.items;
  }
}

/// Columns filled from `top` down to `bottom`: the placements, where the
/// filling stopped, and whether the first column had to be cut where it was
/// full (no item in it allows a break before the set goes on). A first
/// column that ends at an allowed break is not cut: the set starts on this
/// page and goes on in its next column or on the next page.
struct ColumnFill {
  std::vector<PlacedItem> placed;  // flow order
  size_t next = 0;                 // first item not placed
  bool cut_first_column = false;
  bool cut_inside_a_keep = false;  ///< some column was cut where no break is allowed
};

/// One past the last item of the column set that starts at `start`: items
/// with the same column count, up to a forced page break. A figure at the
/// page's top or foot between two of them belongs to the set (it floats
/// out of it; fill_columns skips it).
size_t set_end(const std::vector<FlowItem>& flow, size_t start) {
  const int columns = flow[start].columns;
  size_t end = start + 1;
  while (end < flow.size() && !flow[end].page_break_before) {
    if (flow[end].columns == columns) {
      ++end;
      continue;
    }
    const size_t after = page_float(flow, end) ? end + flow[end].figure->items : end;
    if (after == end || after >= flow.size() || flow[after].columns != columns ||
        flow[after].page_break_before)
      break;
    end = after;
  }
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
/// A figure placed `column-top` or `column-bottom` stands at the top or foot
/// of the column it falls in when it fits there beside the column's text
/// (the text is laid as if it were not there, in room shortened by it);
/// else it waits for the next column of the set on the page, at whose top
/// or foot it stands, while the text after it goes on filling this one (so
/// no gap is left; later column figures wait behind it, in order). In the
/// last column, or when the figures waiting would not fit an empty column,
/// the column ends before it and it heads the next one. `placed` is in flow
/// order (reading order) whatever column each item stands in.
ColumnFill fill_columns(const std::vector<FlowItem>& flow, size_t start, size_t end, double top,
                        double bottom, const ColumnGeometry& geometry, bool force_first,
                        int first_column = 0) {
  ColumnFill out;
  const int columns = flow[start].columns;
  size_t k = start;
  std::vector<size_t> waiting;  // column figures for the next column, in order
  for (int c = first_column; c < columns && (k < end || !waiting.empty()); ++c) {
    const double x = geometry.x(c, columns);
    const size_t first = k, placed_before = out.placed.size();
    double y = top;
    double floats_room = 0;  // taken by the column's figures at its top and foot
    bool text_yet = false;   // the column's first text item drops its space before
    // Figures waiting from the column before stand in this one first (they
    // fit an empty column: see below).
    for (size_t f : waiting) {
      for (size_t j = f; j < f + flow[f].figure->items && j < end; ++j)
        out.placed.push_back({j, top, x});
      floats_room += column_float_room(flow, f, geometry);
    }
    waiting.clear();
    double waiting_room = 0;  // of the figures waiting for the next column
    for (; k < end; ++k) {
      const bool forced = k == start && force_first;
      if (page_float(flow, k)) {  // at the page's top or foot: lay_page places it
        k = std::min(end, k + flow[k].figure->items) - 1;
        continue;
      }
      if (column_float(flow[k])) {
        const size_t items = flow[k].figure->items;
        const double room = column_float_room(flow, k, geometry);
        const bool fits =
            waiting.empty() && k + items <= end && y + floats_room + room <= bottom + kSlack;
        if (!fits && !forced) {
          // It waits for the next column when there is one and it fits
          // there with those waiting before it; the text goes on here.
          if (c + 1 < columns && k + items <= end && waiting_room + room <= bottom - top + kSlack) {
            waiting.push_back(k);
            waiting_room += room;
            k += items - 1;
            continue;
          }
          break;
        }
        for (size_t j = k; j < k + items && j < end; ++j) out.placed.push_back({j, top, x});
        floats_room += room;
        k = std::min(end, k + items) - 1;
        continue;
      }
      const double item_y = item_top(flow[k], y, !text_yet, top, geometry);
      const bool fits = item_y + flow[k].height + floats_room <= bottom + kSlack;
      if (!fits && !forced) break;
      out.placed.push_back({k, item_y, x});
      y = item_y + flow[k].height;
      text_yet = true;
    }
    if (k == end) {
      settle_column_floats(flow, out.placed.data() + placed_before,
                           out.placed.size() - placed_before, top, bottom, geometry);
      if (waiting.empty()) break;
      continue;  // the figures waiting stand in the next column
    }
    if (k == first) {  // taller than a column: it waits for a fresh page
      settle_column_floats(flow, out.placed.data() + placed_before,
                           out.placed.size() - placed_before, top, bottom, geometry);
      break;
    }
    size_t cut = k;
    bool allowed = false;
    for (size_t j = k; j-- > first;)
      if (flow[j].break_after) {
        cut = j + 1;
        allowed = true;
        break;
      }
    if (!allowed) out.cut_inside_a_keep = true;
    if (!allowed && c == first_column) out.cut_first_column = true;
    while (out.placed.size() > placed_before && out.placed.back().item >= cut)
      out.placed.pop_back();
    // A figure waiting from past the cut is met again in the next column.
    std::erase_if(waiting, [&](size_t f) { return f >= cut; });
    k = cut;
    settle_column_floats(flow, out.placed.data() + placed_before, out.placed.size() - placed_before,
                         top, bottom, geometry);
  }
  out.next = k;
  std::stable_sort(out.placed.begin(), out.placed.end(),
                   [](const PlacedItem& a, const PlacedItem& b) { return a.item < b.item; });
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
  // A figure that waited for the second column stands before the first
  // column's last item in the flow: that balance is kept as it is.
  for (const PlacedItem& placed : best.placed)
    if (placed.x != x && placed.item < rest) return best;
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
  size_t figure_last = 0;  // a figure's last item, whose separation below is not the column's
  double trailing = 0;
  for (const PlacedItem& placed : fill.placed) {
    for (int c = 0; c < columns; ++c)
      if (std::abs(placed.x - geometry.x(c, columns)) < 1e-6) used[c] = true;
    if (const auto& figure = flow[placed.item].figure) {
      figure_last = placed.item + figure->items - 1;
      trailing = figure->trailing;
    }
    const double below = placed.item == figure_last ? trailing : 0;
    bottom = std::max(bottom, placed.top + flow[placed.item].height - below);
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
    // Figures at the page's top or foot that the set's text reaches on this
    // page float there, as outside a set; the room they take is the set's,
    // so it is filled again in what is left, until the figures it reaches
    // are the ones floated (a few rounds at most).
    const PageFloats floats_before = floats;
    const std::deque<size_t> waiting_before = waiting;
    std::vector<size_t> applied;  // this set's figures in `floats` or `waiting`
    auto float_figures = [&](const std::vector<size_t>& figures) {
      floats = floats_before;
      waiting = waiting_before;
      for (size_t f : figures)
        if (!waiting.empty() || !try_float(flow, f, floats, top, area_height, false))
          waiting.push_back(f);
    };
    ColumnFill fill;
    for (int round = 0;; ++round) {
      fill = fill_columns(flow, i, stop, top, text_bottom(), geometry, fresh);
      if (fill.next == end)
        fill = balance_columns(flow, i, end, top, text_bottom(), geometry, fresh);
      std::vector<size_t> reached;
      for (size_t k = i; k < fill.next; ++k)
        if (page_float(flow, k)) {
          reached.push_back(k);
          k += flow[k].figure->items - 1;
        }
      if (reached == applied) break;
      if (round == 3) {
        // Not settled: keep only the figures the text reaches (the later
        // ones come again with their text on the next page).
        std::erase_if(applied, [&](size_t f) { return f >= fill.next; });
        float_figures(applied);
        break;
      }
      float_figures(reached);
      applied = reached;
    }
    if (fill.cut_inside_a_keep && !fresh) {
      // Only by parting a keep (a picture from its caption, a heading from
      // its text) does the set start here: it starts on the next page.
      floats = floats_before;
      waiting = waiting_before;
      out.next = i;
      out.full = true;
      out.full_at = i;
      return finish();
    }
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
