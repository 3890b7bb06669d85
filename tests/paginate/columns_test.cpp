// Columns: text fills the first column, then the next; a set of columns is
// balanced where it ends; an item that spans ends the set above it; keeps
// hold at a column's foot; body lines keep to one grid across columns.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "linebreak/paragraphs.hpp"
#include "paginate/page_builder.hpp"
#include "paginate/paint.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "support/temp_path.hpp"

namespace paiban {
namespace {

// --- The page builder, on flows made by hand: 18 pt lines, 10 to a column.

constexpr double kLine = 18;
const ColumnGeometry kTwo{400, 20, kLine};  // columns 190 pt wide, the second at 210

FlowItem line(int columns, bool break_after = true, double height = kLine) {
  FlowItem item;
  item.height = height;
  item.columns = columns;
  item.break_after = break_after;
  item.on_grid = height == kLine;
  return item;
}

std::vector<FlowItem> lines(size_t n, int columns) {
  return std::vector<FlowItem>(n, line(columns));
}

/// Items of `page` in the column at `x`.
std::vector<PlacedItem> in_column(const PlacedPage& page, double x) {
  std::vector<PlacedItem> out;
  for (const PlacedItem& p : page.items)
    if (std::abs(p.x - x) < 1e-9) out.push_back(p);
  return out;
}

TEST(ColumnPages, TextFillsTheFirstColumnThenTheNext) {
  const auto flow = lines(45, 2);
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 3u);
  for (size_t p = 0; p < 2; ++p) {
    const auto first = in_column(pages[p], 0), second = in_column(pages[p], 210);
    ASSERT_EQ(first.size(), 10u);
    ASSERT_EQ(second.size(), 10u);
    for (size_t k = 0; k < 10; ++k) {
      EXPECT_EQ(first[k].item, 20 * p + k);        // down the first column...
      EXPECT_EQ(second[k].item, 20 * p + 10 + k);  // ...then the second, in flow order
      EXPECT_DOUBLE_EQ(first[k].top, k * kLine);
      EXPECT_DOUBLE_EQ(second[k].top, k * kLine);  // baselines across from each other
    }
    ASSERT_EQ(pages[p].gaps.size(), 1u);
    EXPECT_DOUBLE_EQ(pages[p].gaps[0].x, 200);  // the middle of the gap
    EXPECT_DOUBLE_EQ(pages[p].gaps[0].top, 0);
    EXPECT_DOUBLE_EQ(pages[p].gaps[0].bottom, 10 * kLine);
  }
}

TEST(ColumnPages, TheSetIsBalancedWhereItEnds) {
  // 45 lines: 20 and 20 on two pages, then 5 balanced as 3 and 2.
  const auto pages = build_pages(lines(45, 2), 10 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(in_column(pages[2], 0).size(), 3u);
  ASSERT_EQ(in_column(pages[2], 210).size(), 2u);
  EXPECT_EQ(in_column(pages[2], 210).front().item, 43u);
  EXPECT_DOUBLE_EQ(used_height(pages[2], lines(45, 2)), 3 * kLine);
  // Three columns: 7 lines as 3, 2, 2; the rules between all three.
  const ColumnGeometry three{400, 20, kLine};
  const auto three_pages = build_pages(lines(7, 3), 10 * kLine, 0, three);
  ASSERT_EQ(three_pages.size(), 1u);
  std::map<double, int> per_column;
  for (const PlacedItem& p : three_pages[0].items) ++per_column[p.x];
  ASSERT_EQ(per_column.size(), 3u);
  std::vector<int> counts;
  for (const auto& [x, n] : per_column) counts.push_back(n);
  EXPECT_EQ(counts, (std::vector<int>{3, 2, 2}));
  EXPECT_EQ(three_pages[0].gaps.size(), 2u);
  // One line in two columns: the second stays empty, and no rule is drawn.
  const auto one = build_pages(lines(1, 2), 10 * kLine, 0, kTwo);
  EXPECT_TRUE(one[0].gaps.empty());
}

TEST(ColumnPages, KeepsHoldAtAColumnsFoot) {
  // Paragraphs of 3 lines that may break only after their last line (as a
  // 3-line paragraph under widow and orphan control): a column ends after
  // a whole paragraph, never with a first line alone at its foot.
  std::vector<FlowItem> flow;
  for (int p = 0; p < 12; ++p) {
    flow.push_back(line(2, false));
    flow.push_back(line(2, false));
    flow.push_back(line(2, true));
  }
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  for (const PlacedPage& page : pages)
    for (double x : {0.0, 210.0}) {
      const auto column = in_column(page, x);
      if (column.empty()) continue;
      EXPECT_EQ(column.front().item % 3, 0u);  // starts a paragraph
      EXPECT_TRUE(flow[column.back().item].break_after) << "column at " << x;
    }
  EXPECT_EQ(in_column(pages[0], 0).size(), 9u);  // 3 paragraphs; the 4th does not fit whole
}

TEST(ColumnPages, BalancingNeverCutsAKeep) {
  // A set that ends with a figure kept with its caption (a 90 pt picture
  // that may not break before its 18 pt caption) after three lines: the
  // shortest split would put the picture in the first column and the
  // caption at the head of the second; balancing keeps them together.
  std::vector<FlowItem> flow = lines(3, 2);
  flow.push_back(line(2, false, 90));  // the picture
  flow.push_back(line(2, true));       // its caption
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 1u);
  const auto first = in_column(pages[0], 0), second = in_column(pages[0], 210);
  std::map<size_t, double> x_of;
  for (const PlacedItem& placed : pages[0].items) x_of[placed.item] = placed.x;
  ASSERT_EQ(x_of.size(), flow.size());
  EXPECT_DOUBLE_EQ(x_of[3], x_of[4]) << "the picture and its caption are in different columns";
  EXPECT_FALSE(first.empty());
  EXPECT_FALSE(second.empty());  // still two columns, not one
}

TEST(ColumnPages, TheSetBeforeAForcedPageBreakIsBalanced) {
  // The back matter starts a page: the columns above it end there, balanced.
  std::vector<FlowItem> flow = lines(7, 2);
  FlowItem backmatter = line(1);
  backmatter.page_break_before = true;
  flow.push_back(backmatter);
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(in_column(pages[0], 0).size(), 4u);
  EXPECT_EQ(in_column(pages[0], 210).size(), 3u);
  EXPECT_EQ(pages[1].items.front().item, 7u);
}

TEST(ColumnPages, AnItemThatSpansEndsTheSetAboveIt) {
  FlowItem heading = line(1, false, 30);
  heading.space_before = 12;
  std::vector<FlowItem> flow{heading};
  for (const FlowItem& item : lines(6, 2)) flow.push_back(item);
  flow.push_back(heading);
  for (const FlowItem& item : lines(5, 2)) flow.push_back(item);
  const auto pages = build_pages(flow, 40 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 1u);
  const auto& items = pages[0].items;
  ASSERT_EQ(items.size(), flow.size());
  EXPECT_DOUBLE_EQ(items[0].top, 0);  // the heading, across the measure
  EXPECT_DOUBLE_EQ(items[0].x, 0);
  // The first set: 3 and 3 below the heading, from its foot.
  for (size_t k = 1; k <= 6; ++k) {
    EXPECT_DOUBLE_EQ(items[k].top, 30 + ((k - 1) % 3) * kLine) << k;
    EXPECT_DOUBLE_EQ(items[k].x, k <= 3 ? 0 : 210) << k;
  }
  // The second heading below the balanced set, then 3 and 2.
  EXPECT_DOUBLE_EQ(items[7].top, 30 + 3 * kLine + 12);
  EXPECT_DOUBLE_EQ(items[7].x, 0);
  const double set_top = items[7].top + 30;
  for (size_t k = 8; k < items.size(); ++k)
    EXPECT_DOUBLE_EQ(items[k].top, set_top + ((k - 8) % 3) * kLine) << k;
  ASSERT_EQ(pages[0].gaps.size(), 2u);  // one rule per set, each the set's height
  EXPECT_DOUBLE_EQ(pages[0].gaps[0].top, 30);
  EXPECT_DOUBLE_EQ(pages[0].gaps[0].bottom, 30 + 3 * kLine);
  EXPECT_DOUBLE_EQ(pages[0].gaps[1].top, set_top);
}

TEST(ColumnPages, AHeadingWaitsWithItsColumnsForTheNextPage) {
  // 8 lines fill the page to 2 lines from its foot; the heading (kept with
  // what follows) and a paragraph whose first two lines stay together
  // cannot both fit: the page ends before the heading.
  std::vector<FlowItem> flow = lines(8, 1);
  flow.push_back(line(1, false));  // the heading, one line tall
  flow.push_back(line(2, false));
  flow.push_back(line(2, true));
  flow.push_back(line(2, true));
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].items.size(), 8u);
  EXPECT_EQ(pages[1].items.front().item, 8u);
}

TEST(ColumnPages, ASetWhoseFirstColumnEndsAtABreakStartsOnThePage) {
  // A balanced article (4 lines, 2 and 2 under a spanning title) and the
  // next article's heading leave 6 lines of the page; the heading's
  // columns start there, each column taking 6 lines and ending at a line
  // that allows a break. Before, a first column ending exactly at an
  // allowed break was taken for one cut inside a keep, and the heading
  // and its article went to the next page, leaving 6 lines (108 pt) empty.
  std::vector<FlowItem> flow{line(1, false)};  // the section title
  for (const FlowItem& item : lines(4, 2)) flow.push_back(item);
  flow.push_back(line(1, false));  // the next article's heading, kept with its text
  for (const FlowItem& item : lines(30, 2)) flow.push_back(item);
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_GE(pages.size(), 2u);
  EXPECT_DOUBLE_EQ(used_height(pages[0], flow), 10 * kLine);  // the page is full
  const auto first = in_column(pages[0], 0), second = in_column(pages[0], 210);
  // The title, 2 lines, the heading, 6 lines; 2 lines, 6 lines.
  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ(first[3].item, 5u);
  EXPECT_EQ(first.back().item, 11u);
  ASSERT_EQ(second.size(), 8u);
  EXPECT_EQ(second.back().item, 17u);
  EXPECT_EQ(pages[1].items.front().item, 18u);
}

/// A figure of a column set: one 50 pt picture with 9 pt of separation
/// above and below it, at `place`.
FlowItem column_figure(FigurePlace place) {
  FlowItem item = line(2, true, 50 + 9);
  item.on_grid = false;
  item.space_before = 9;
  item.figure = FlowFigure{place, FigureSpan::column, 1, 9, 9};
  return item;
}

std::vector<FlowItem> lines_around(FlowItem figure) {
  std::vector<FlowItem> flow = lines(3, 2);
  flow.push_back(std::move(figure));
  for (const FlowItem& item : lines(20, 2)) flow.push_back(item);
  return flow;
}

TEST(ColumnPages, AColumnTopFigureHeadsItsColumn) {
  // Three lines, then the figure: it stands at the top of the first column,
  // the three lines move down below it (59 pt of figure and separation,
  // rounded up to the 72 pt grid line so the baselines still line up with
  // the second column's), and the text after it fills the column.
  const auto flow = lines_around(column_figure(FigurePlace::column_top));
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_GE(pages.size(), 2u);
  const auto first = in_column(pages[0], 0), second = in_column(pages[0], 210);
  ASSERT_EQ(first.size(), 7u);  // 6 lines and the figure
  std::map<size_t, double> top;
  for (const PlacedItem& placed : first) top[placed.item] = placed.top;
  EXPECT_DOUBLE_EQ(top.at(3), 0);  // the figure heads the column
  for (size_t k : {0u, 1u, 2u, 4u, 5u, 6u}) {
    const double grid_line = 72 + (k < 3 ? k : k - 1) * kLine;
    EXPECT_DOUBLE_EQ(top.at(k), grid_line) << "line " << k;
  }
  // In flow order still (reading order), and the second column as before.
  for (size_t k = 0; k < first.size(); ++k) EXPECT_EQ(first[k].item, k);
  ASSERT_EQ(second.size(), 10u);
  EXPECT_EQ(second.front().item, 7u);
  EXPECT_DOUBLE_EQ(second.front().top, 0);
}

TEST(ColumnPages, AColumnBottomFigureStandsAtItsColumnsFoot) {
  // The figure's 59 pt leave the first column 121 pt: 6 lines; the picture
  // ends at the column's foot; the rule between the columns stops there.
  const auto flow = lines_around(column_figure(FigurePlace::column_bottom));
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_GE(pages.size(), 2u);
  const auto first = in_column(pages[0], 0);
  ASSERT_EQ(first.size(), 7u);
  for (size_t k = 0; k < first.size(); ++k) EXPECT_EQ(first[k].item, k);
  EXPECT_DOUBLE_EQ(first[3].top, 10 * kLine - 50);  // the picture: 50 pt up from the foot
  for (size_t k : {0u, 1u, 2u}) EXPECT_DOUBLE_EQ(first[k].top, k * kLine);
  EXPECT_DOUBLE_EQ(first[4].top, 3 * kLine);  // the text runs on above it
  EXPECT_DOUBLE_EQ(first.back().top, 5 * kLine);
  EXPECT_EQ(in_column(pages[0], 210).front().item, 7u);
  ASSERT_EQ(pages[0].gaps.size(), 1u);
  EXPECT_DOUBLE_EQ(pages[0].gaps[0].bottom, 10 * kLine);
}

TEST(ColumnPages, AColumnFigureThatDoesNotFitHeadsTheNextColumnAndTheTextFillsTheGap) {
  // Eight lines leave the first column 36 pt: the figure (59 pt at the top,
  // 59 at the foot) goes to the second column, at its top or its foot, and
  // the two lines after it fill the first column's last 36 pt (before, the
  // column ended before the figure and they stood empty). In flow order
  // still (reading order): the figure comes between lines 7 and 9.
  for (FigurePlace place : {FigurePlace::column_top, FigurePlace::column_bottom}) {
    std::vector<FlowItem> flow = lines(8, 2);
    flow.push_back(column_figure(place));
    for (const FlowItem& item : lines(20, 2)) flow.push_back(item);
    const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
    ASSERT_GE(pages.size(), 2u);
    const auto first = in_column(pages[0], 0), second = in_column(pages[0], 210);
    ASSERT_EQ(first.size(), 10u);
    for (size_t k = 0; k < first.size(); ++k) {
      EXPECT_EQ(first[k].item, k < 8 ? k : k + 1);
      EXPECT_DOUBLE_EQ(first[k].top, k * kLine);
    }
    ASSERT_GE(second.size(), 2u);
    EXPECT_EQ(second.front().item, 8u);
    const bool top = place == FigurePlace::column_top;
    EXPECT_DOUBLE_EQ(second.front().top, top ? 0 : 10 * kLine - 50);
    EXPECT_EQ(second[1].item, 11u);
    EXPECT_DOUBLE_EQ(second[1].top, top ? 72 : 0);
    // The second column holds 6 lines beside the figure; the page reads in
    // the flow's order.
    EXPECT_EQ(second.size(), 7u);
    for (size_t k = 1; k < pages[0].items.size(); ++k)
      EXPECT_LT(pages[0].items[k - 1].item, pages[0].items[k].item);
    EXPECT_EQ(pages[1].items.front().item, 17u);
  }
}

TEST(ColumnPages, AColumnFigureInTheLastColumnStillEndsIt) {
  // Eighteen lines: the second column's eight leave it 36 pt; no column is
  // left on the page, so the column ends before the figure and it heads the
  // next page's first column, the text after it below it.
  std::vector<FlowItem> flow = lines(18, 2);
  flow.push_back(column_figure(FigurePlace::column_top));
  for (const FlowItem& item : lines(20, 2)) flow.push_back(item);
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_GE(pages.size(), 2u);
  EXPECT_EQ(in_column(pages[0], 210).size(), 8u);
  EXPECT_EQ(pages[1].items.front().item, 18u);
  EXPECT_DOUBLE_EQ(pages[1].items.front().top, 0);
}

TEST(ColumnPages, AColumnFigureInOneColumnIsAPageFigure) {
  // In one column, column-top and column-bottom are the page's top and foot.
  std::vector<FlowItem> flow = lines(3, 1);
  FlowItem figure = column_figure(FigurePlace::column_bottom);
  figure.columns = 1;
  flow.push_back(figure);
  for (const FlowItem& item : lines(3, 1)) flow.push_back(item);
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 1u);
  std::map<size_t, double> top;
  for (const PlacedItem& placed : pages[0].items) top[placed.item] = placed.top;
  EXPECT_DOUBLE_EQ(top.at(3), 10 * kLine - 50);
  EXPECT_DOUBLE_EQ(top.at(4), 3 * kLine);
}

TEST(ColumnPages, AFigureAtThePagesTopDoesNotEndTheSet) {
  // A figure placed at the page's top (across the columns) between two
  // paragraphs is not in the text: the columns run on as one set below it,
  // 12 lines balanced 6 and 6. Before, it ended the set, and the first
  // paragraph was balanced on its own (3 and 3) with the second set under
  // it, so the text read down the first column, up the second, and down
  // the first again.
  std::vector<FlowItem> flow = lines(6, 2);
  FlowItem figure = column_figure(FigurePlace::top);
  figure.columns = 1;
  flow.push_back(figure);
  for (const FlowItem& item : lines(6, 2)) flow.push_back(item);
  const auto pages = build_pages(flow, 20 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_EQ(pages[0].gaps.size(), 1u);  // one set: one rule
  EXPECT_DOUBLE_EQ(pages[0].gaps[0].top, 59);
  std::map<size_t, PlacedItem> at;
  for (const PlacedItem& placed : pages[0].items) at[placed.item] = placed;
  ASSERT_EQ(at.size(), flow.size());
  EXPECT_DOUBLE_EQ(at[6].top, 0);  // the figure at the page's top
  for (size_t k = 0; k < 6; ++k) {
    EXPECT_DOUBLE_EQ(at[k].x, 0) << k;
    EXPECT_DOUBLE_EQ(at[k].top, 59 + k * kLine) << k;
    EXPECT_DOUBLE_EQ(at[k + 7].x, 210) << k + 7;
    EXPECT_DOUBLE_EQ(at[k + 7].top, 59 + k * kLine) << k + 7;
  }
}

TEST(ColumnPages, BodyLinesKeepToOneGridAcrossColumns) {
  // The first column: a 25 pt block (a subheading, a quote line), then
  // body lines; they move down to the next 18 pt grid line of the set.
  std::vector<FlowItem> flow;
  flow.push_back(line(2, true, 25));
  for (const FlowItem& item : lines(9, 2)) flow.push_back(item);
  const auto pages = build_pages(flow, 5 * kLine, 0, kTwo);
  ASSERT_FALSE(pages.empty());
  for (const PlacedItem& p : pages[0].items) {
    if (!flow[p.item].on_grid) continue;
    const double steps = p.top / kLine;
    EXPECT_NEAR(steps, std::round(steps), 1e-9) << "item " << p.item << " at " << p.top;
  }
  ASSERT_GE(in_column(pages[0], 0).size(), 2u);
  EXPECT_DOUBLE_EQ(in_column(pages[0], 0)[1].top, 2 * kLine);  // 25 pt -> the grid line at 36
}

TEST(ColumnPages, OneColumnIsAsBefore) {
  // Items across the measure ignore the grid and the gaps.
  std::vector<FlowItem> flow = lines(25, 1);
  flow[3].space_before = 5;
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_DOUBLE_EQ(pages[0].items[4].top, 3 * kLine + 5 + kLine);
  for (const PlacedPage& page : pages) {
    EXPECT_TRUE(page.gaps.empty());
    for (const PlacedItem& p : page.items) EXPECT_EQ(p.x, 0);
  }
}

TEST(ColumnPages, AColumnBreakSplitsAFrameInTwo) {
  // A box running from the foot of the first column to the head of the
  // second is drawn as two frames, one in each column.
  std::vector<FlowItem> flow = lines(6, 2);
  Frame frame;
  frame.border_width = 0.5;
  for (int k = 0; k < 8; ++k) {
    FlowItem item = line(2);
    item.frame = &frame;
    item.frame_id = 7;
    item.frame_x0 = 0;
    item.frame_x1 = 190;
    item.frame_first = k == 0;
    flow.push_back(item);
  }
  for (const FlowItem& item : lines(10, 2)) flow.push_back(item);
  const auto pages = build_pages(flow, 10 * kLine, 0, kTwo);
  ASSERT_FALSE(pages.empty());
  Page page;
  std::vector<const FlowItem*> items;
  std::vector<double> tops, lefts;
  for (const PlacedItem& p : pages[0].items) {
    items.push_back(&flow[p.item]);
    tops.push_back(p.top);
    lefts.push_back(50 + p.x);
  }
  paint_frames(page, items, tops, lefts);
  ASSERT_EQ(page.boxes.size(), 2u);
  EXPECT_NEAR(page.boxes[0].x, 50.25, 1e-9);   // in the first column
  EXPECT_NEAR(page.boxes[1].x, 260.25, 1e-9);  // in the second
  EXPECT_NEAR(page.boxes[1].y, 0.25, 1e-9);    // from the second column's head
}

// --- Whole issues with a layout in columns.

/// layouts/default.xml with `columns` before its <contents>.
Layout layout_with(const std::string& columns) {
  std::ifstream in(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.insert(text.find("<contents "), columns);
  const std::string path = (test::temp_dir("columns") / "layout.xml").string();
  std::ofstream(path) << text;
  return parse_layout_file(path);
}

const std::string kParagraph =
    "<p>鲁镇的酒店的格局，是和别处不同的：都是当街一个曲尺形的大柜台，柜里面预备着热水，"
    "可以随时温酒。做工的人，傍午傍晚散了工，每每花四文铜钱，买一碗酒。</p>";

std::string paragraphs(int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += kParagraph;
  return out;
}

Document render(const std::string& sections, const Layout& layout) {
  const std::string manifest =
      "<issue version=\"1\" date=\"2026-11-27\"><title>测试</title><publisher>测试</publisher>" +
      sections + "</issue>";
  Issue issue = parse_manifest(manifest, "columns.xml");
  Warnings warnings;
  return paginate(issue, layout, FontCache::shared(), warnings);
}

/// The left edges of the body lines on a page (x of each line's first glyph,
/// lines told apart by baseline and by a gap wider than 2 em).
std::set<long> line_starts(const Page& page, double body_size) {
  std::set<long> starts;
  const PageGlyph* previous = nullptr;
  for (const PageGlyph& g : page.glyphs) {
    if (std::abs(g.size - body_size) > 0.01) {
      previous = nullptr;
      continue;
    }
    if (!previous || std::abs(previous->y - g.y) > 0.01 ||
        g.x - (previous->x + previous->advance) > 2 * body_size)
      starts.insert(std::lround(g.x));
    previous = &g;
  }
  return starts;
}

double left_of(const Layout& layout, size_t page_index) {
  return page_index % 2 == 0 ? layout.page.inner : layout.page.outer;
}

TEST(ColumnIssues, TwoColumnsInReadingOrderWithARuleInTheGap) {
  const Layout layout = layout_with("<columns count=\"2\" rule=\"0.5pt\"/>");
  const ColumnGeometry geometry = column_geometry(layout);
  const double width = geometry.width(2);
  Document doc = render("<section title=\"一\"><article><heading>标题</heading>" + paragraphs(30) +
                            "</article></section>",
                        layout);
  const double size = layout.engine.body.size;
  bool saw_second = false;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    const double left = left_of(layout, p), middle = left + width + geometry.gap / 2;
    double last_first_column = -1;  // paint order: the whole first column, then the second
    bool in_second = false;
    int last_element = -1;
    for (const PageGlyph& g : page.glyphs) {
      if (std::abs(g.size - size) > 0.01 || g.element == kArtifact) continue;
      EXPECT_GE(g.element, last_element) << "structure order on page " << p + 1;
      last_element = g.element;
      const bool second = g.x > middle;
      EXPECT_TRUE(g.x + g.advance < middle || g.x > middle) << "text crosses the gap";
      if (second) {
        in_second = saw_second = true;
        EXPECT_LE(g.x + g.advance, left + geometry.measure + size);
      } else {
        EXPECT_FALSE(in_second) << "first-column text after the second's on page " << p + 1;
        last_first_column = g.y;
      }
    }
    if (in_second) {
      EXPECT_GT(last_first_column, 0);
      bool rule = false;
      for (const PageRule& r : page.rules)
        rule = rule || (std::abs(r.x0 - middle) < 0.01 && std::abs(r.x1 - middle) < 0.01 &&
                        r.y1 - r.y0 > 5 * size && r.width == 0.5);
      EXPECT_TRUE(rule) << "no rule in the gap on page " << p + 1;
    }
  }
  EXPECT_TRUE(saw_second);
}

TEST(ColumnIssues, TheLastPageOfASectionIsBalanced) {
  const Layout layout = layout_with("<columns count=\"2\"/>");
  const double middle_offset = column_geometry(layout).width(2) + layout.columns.gap / 2;
  for (int n : {3, 7, 12, 25}) {
    Document doc = render("<section title=\"一\"><article><heading>标题</heading>" + paragraphs(n) +
                              "</article></section>",
                          layout);
    const Page& last = doc.pages.back();
    const double middle = left_of(layout, doc.pages.size() - 1) + middle_offset;
    std::set<long> first, second;  // baselines of body text in each column
    for (const PageGlyph& g : last.glyphs) {
      if (std::abs(g.size - layout.engine.body.size) > 0.01 || g.element == kArtifact) continue;
      (g.x < middle ? first : second).insert(std::lround(g.y * 100));
    }
    ASSERT_FALSE(first.empty()) << n;
    EXPECT_GE(first.size(), second.size()) << n;
    EXPECT_LE(first.size() - second.size(), 1u) << n << " paragraphs";
    // Across from each other: the second column's baselines are the first's.
    for (long y : second) EXPECT_TRUE(first.count(y)) << n;
  }
}

TEST(ColumnIssues, SectionsChooseTheirOwnCount) {
  const Layout layout = layout_with("<columns count=\"2\"/>");
  const double size = layout.engine.body.size;
  Document doc =
      render("<section title=\"一\" columns=\"1\"><article><heading>甲</heading>" + paragraphs(8) +
                 "</article></section><section title=\"二\" columns=\"3\"><article>"
                 "<heading>乙</heading>" +
                 paragraphs(8) + "</article></section>",
             layout);
  const ColumnGeometry geometry = column_geometry(layout);
  // The one-column section: every line starts at the measure's left edge
  // (or its 2 em indent); the three-column section: at three columns' edges.
  std::set<long> one, three;
  bool in_three = false;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    for (const PageGlyph& g : page.glyphs)
      if (g.text == U"乙") in_three = true;
    const double left = left_of(layout, p);
    for (long x : line_starts(page, size)) (in_three ? three : one).insert(x - std::lround(left));
  }
  for (long x : one) EXPECT_TRUE(x == 0 || x == std::lround(2 * size)) << x;
  std::set<long> expected;
  for (int c = 0; c < 3; ++c) {
    const long edge = std::lround(geometry.x(c, 3));
    EXPECT_TRUE(three.count(edge) || three.count(edge + std::lround(2 * size))) << c;
    expected.insert(edge);
    expected.insert(edge + std::lround(2 * size));
  }
  for (long x : three) EXPECT_TRUE(expected.count(x)) << x;
}

TEST(ColumnIssues, HeadingsSpanOrStandInAColumn) {
  // headings="span" (default): an article's heading stands above both
  // columns; "column": it may open the second column, and the outline and
  // contents point at the page it is on.
  const std::string articles = "<section title=\"一\"><article><heading>第一篇</heading>" +
                               paragraphs(5) + "</article><article><heading>第二篇</heading>" +
                               paragraphs(5) + "</article><article><heading>第三篇</heading>" +
                               paragraphs(5) + "</article></section>";
  for (bool span : {true, false}) {
    const Layout layout = layout_with(std::string("<columns count=\"2\" headings=\"") +
                                      (span ? "span" : "column") + "\"/>");
    Document doc = render(articles, layout);
    const double size = layout.engine.heading.size;
    const double middle_offset = column_geometry(layout).width(2) + layout.columns.gap / 2;
    int in_second_column = 0;
    for (size_t p = 0; p < doc.pages.size(); ++p)
      for (const PageGlyph& g : doc.pages[p].glyphs) {
        if (g.text != U"第" || std::abs(g.size - size) > 0.01) continue;
        const double x = g.x - left_of(layout, p);
        if (x > middle_offset) ++in_second_column;
        if (span) EXPECT_NEAR(x, 0, 0.01);
        // Its bookmark names its page and its line.
        bool found = false;
        for (const OutlineEntry& entry : doc.outline)
          found = found || (entry.level == 2 && entry.page == static_cast<int>(p) &&
                            entry.y < g.y && g.y - entry.y < 2 * layout.engine.heading.leading);
        EXPECT_TRUE(found) << "page " << p + 1;
      }
    if (!span) EXPECT_GE(in_second_column, 1);  // the set runs on across articles
    if (span) EXPECT_EQ(in_second_column, 0);
  }
}

}  // namespace
}  // namespace paiban
