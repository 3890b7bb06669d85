// Figures on pages: placed here, at the top or foot of a page, across the
// bleed; floated to the next page only as far as needed, in order, with the
// text after them filling the page; numbered captions and credit lines; the
// resolution warning.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "linebreak/paragraphs.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

const std::string kFiller =
    "<p>鲁镇的酒店的格局，是和别处不同的：都是当街一个曲尺形的大柜台，柜里面预备着热水，"
    "可以随时温酒。做工的人，傍午傍晚散了工，每每花四文铜钱，买一碗酒。</p>";

std::string paragraphs(int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += kFiller;
  return out;
}

std::string page_text(const Page& page) {
  std::u32string text;
  for (const PageGlyph& g : page.glyphs) text += g.text;
  return testing::utf8(text);
}

class PaginateFigures : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("paiban-figures-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    // 20 x 10 pixels: a wide picture, 2:1.
    fs::copy_file(fs::path(PAIBAN_SOURCE_DIR) / "tests/image/data/alpha.png", dir_ / "wide.png",
                  fs::copy_options::overwrite_existing);
    layout_ = load("");
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// default.xml, with `extra` added before </layout> (a <figures>, styles).
  Layout load(const std::string& extra) {
    std::ifstream in(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
    std::string text(std::istreambuf_iterator<char>(in), {});
    text.insert(text.rfind("</layout>"), extra);
    const std::string path = (dir_ / "layout.xml").string();
    std::ofstream(path) << text;
    return parse_layout_file(path);
  }

  Document render(const std::string& body, const Layout& layout, Warnings* out = nullptr) {
    const std::string manifest =
        "<issue version=\"1\" date=\"2026-12-07\"><title>图</title><publisher>测试</publisher>"
        "<section title=\"一\"><article><heading>标题</heading>" +
        body + "</article></section></issue>";
    Issue issue = parse_manifest(manifest, (dir_ / "issue.xml").string());
    Warnings warnings;
    Document doc = paginate(issue, layout, FontCache::shared(), warnings);
    if (out) *out = warnings;
    return doc;
  }
  Document render(const std::string& body) { return render(body, layout_); }

  /// (page, image) of the figure whose alt is `alt`.
  static std::pair<int, const PageImage*> find(const Document& doc, const std::string& alt) {
    for (size_t p = 0; p < doc.pages.size(); ++p)
      for (const PageImage& image : doc.pages[p].images)
        if (image.alt == alt) return {static_cast<int>(p), &image};
    return {-1, nullptr};
  }
  /// The lowest baseline of body text (10.5 pt glyphs) on a page; 0 without any.
  static double last_body_baseline(const Page& page) {
    double y = 0;
    for (const PageGlyph& g : page.glyphs)
      if (g.size == 10.5) y = std::max(y, g.y);
    return y;
  }
  /// The baseline of the first glyph standing for `text`, or -1.
  static double y_of(const Page& page, const std::u32string& text) {
    for (const PageGlyph& g : page.glyphs)
      if (g.text == text) return g.y;
    return -1;
  }

  double area_top() const { return layout_.page.top; }
  double area_bottom() const { return layout_.page.height - layout_.page.bottom; }

  fs::path dir_;
  Layout layout_;
};

TEST_F(PaginateFigures, HereStandsInTheTextWhenItFits) {
  Document doc = render("<p>甲段。</p><figure src=\"wide.png\" width=\"0.5\" alt=\"F\"/><p>乙段。</p>");
  auto [page, image] = find(doc, "F");
  ASSERT_NE(image, nullptr);
  const Page& p = doc.pages[page];
  EXPECT_LT(y_of(p, U"甲"), image->y);
  EXPECT_GT(y_of(p, U"乙"), image->y + image->height);
  EXPECT_NEAR(image->width, (layout_.page.width - layout_.page.inner - layout_.page.outer) / 2,
              0.01);
  EXPECT_NEAR(image->height, image->width / 2, 0.01);
}

// A figure that does not fit in the rest of a page goes to the next page's
// top; the text after it fills the rest of this page: no gap.
TEST_F(PaginateFigures, FloatsToTheNextPageAndTheTextFillsTheGap) {
  int floated = 0, in_text = 0;
  for (int n = 8; n <= 24; ++n) {
    SCOPED_TRACE(std::to_string(n) + " paragraphs before it");
    Document doc = render(paragraphs(n) + "<p>图前末段。</p><figure src=\"wide.png\" alt=\"F\"/>" +
                          "<p>图后首段。</p>" + paragraphs(6));
    auto [page, image] = find(doc, "F");
    ASSERT_NE(image, nullptr);
    const Page& here = doc.pages[page];
    if (y_of(here, U"末") >= 0) {  // it stood where it fell: after that paragraph
      ++in_text;
      EXPECT_LT(y_of(here, U"末"), image->y);
      EXPECT_TRUE(y_of(here, U"首") > image->y + image->height ||
                  (y_of(here, U"首") < 0 && y_of(doc.pages[page + 1], U"首") >= 0));
      continue;
    }
    ++floated;
    // At the top of the next page's text area...
    const Page& before = doc.pages[page - 1];
    EXPECT_NEAR(image->y, area_top(), 0.01);
    EXPECT_GE(y_of(before, U"末"), 0);
    // ...while the text after it went on filling the page before, to within
    // a line and a paragraph's keep.
    EXPECT_GE(y_of(before, U"首"), 0);
    EXPECT_GT(last_body_baseline(before), area_bottom() - 3 * 18.0);
  }
  EXPECT_GT(floated, 2) << "no count of paragraphs made the figure float";
  EXPECT_GT(in_text, 2) << "no count of paragraphs left room for it";
}

TEST_F(PaginateFigures, FiguresKeepTheirOrder) {
  // The big one does not fit after 14 paragraphs; the small one would, but
  // waits behind it.
  for (int n = 12; n <= 16; ++n) {
    Document doc = render(paragraphs(n) + "<figure src=\"wide.png\" alt=\"big\"/>" +
                          "<figure src=\"wide.png\" width=\"0.1\" alt=\"small\"/>" +
                          paragraphs(8));
    auto [big_page, big] = find(doc, "big");
    auto [small_page, small] = find(doc, "small");
    ASSERT_NE(big, nullptr);
    ASSERT_NE(small, nullptr);
    EXPECT_TRUE(small_page > big_page || (small_page == big_page && small->y > big->y)) << n;
  }
}

TEST_F(PaginateFigures, TopAndBottomOfThePage) {
  Document doc = render(paragraphs(3) +
                        "<figure src=\"wide.png\" width=\"0.4\" place=\"top\" alt=\"T\"/>" +
                        "<p>顶图之后。</p>" +
                        "<figure src=\"wide.png\" width=\"0.4\" place=\"bottom\" alt=\"B\"/>" +
                        "<p>底图之后。</p>");
  auto [top_page, top] = find(doc, "T");
  auto [bottom_page, bottom] = find(doc, "B");
  ASSERT_NE(top, nullptr);
  ASSERT_NE(bottom, nullptr);
  const Page& page = doc.pages[top_page];
  EXPECT_EQ(top_page, bottom_page);
  // At the top of the text area, above the text that comes before it.
  EXPECT_NEAR(top->y, area_top(), 0.01);
  const double separation = 9;  // half the body leading: default.xml has no <figures>
  double first_text = 1e9;
  for (const PageGlyph& g : page.glyphs)
    if (g.y > area_top() && g.y < area_bottom()) first_text = std::min(first_text, g.y - 0.88 * g.size);
  EXPECT_GE(first_text, top->y + top->height + separation - 0.01);
  // Its foot on the text area's foot; the text after it above it.
  EXPECT_NEAR(bottom->y + bottom->height, area_bottom(), 0.01);
  EXPECT_LT(y_of(page, U"底"), bottom->y - separation);
  EXPECT_LT(y_of(page, U"鲁"), y_of(page, U"顶"));
}

TEST_F(PaginateFigures, CaptionsAreNumberedThroughTheIssue) {
  Document doc = render(
      "<figure src=\"wide.png\" width=\"0.2\" alt=\"a\"><caption>第一幅</caption></figure>"
      "<figure src=\"wide.png\" width=\"0.2\" alt=\"b\"/>"
      "<figure src=\"wide.png\" width=\"0.2\" alt=\"c\"><caption>第二幅</caption></figure>");
  std::string text;
  for (const Page& page : doc.pages) text += page_text(page);
  EXPECT_NE(text.find("图1　第一幅"), std::string::npos) << text;
  EXPECT_NE(text.find("图2　第二幅"), std::string::npos) << text;
  EXPECT_EQ(text.find("图3"), std::string::npos) << "a figure without a caption takes no number";

  Document unnumbered = render("<figure src=\"wide.png\" width=\"0.2\" alt=\"a\"><caption>第一幅"
                               "</caption></figure>",
                               load("<figures label=\"\"/>"));
  EXPECT_EQ(page_text(unnumbered.pages.back()).find("图1"), std::string::npos);

  Layout own = load(
      "<color name=\"red\" value=\"cmyk(0,1,1,0)\"/>"
      "<style name=\"label\" based-on=\"caption\" color=\"red\"/>"
      "<figures label=\"Fig. {n}: \" label-style=\"label\"/>");
  Document labelled = render(
      "<figure src=\"wide.png\" width=\"0.2\" alt=\"a\"><caption>第一幅</caption></figure>", own);
  const Page& page = labelled.pages.back();
  EXPECT_NE(page_text(page).find("Fig. 1: 第一幅"), std::string::npos) << page_text(page);
  for (const PageGlyph& g : page.glyphs) {
    if (g.text == U"F") EXPECT_EQ(g.color.m, 1) << "the label takes the label style's colour";
    if (g.text == U"幅") EXPECT_EQ(g.color.m, 0) << "the caption keeps its own";
  }
}

// A caption typed with its number, as manifests were before the layout
// numbered figures, would read "图1　图1　…": warned at the <figure>.
TEST_F(PaginateFigures, ACaptionTypedWithItsNumberIsWarned) {
  Warnings warnings;
  render("<p>前。</p>\n<figure src=\"wide.png\" width=\"0.2\" alt=\"a\"><caption>图 1　码头"
         "</caption></figure>\n<figure src=\"wide.png\" width=\"0.2\" alt=\"b\"><caption>"
         "图表说明</caption></figure>",
         layout_, &warnings);
  std::vector<Warning> repeats;
  for (const Warning& w : warnings)
    if (w.code == "caption-repeats-label") repeats.push_back(w);
  ASSERT_EQ(repeats.size(), 1u);  // not the second: "图表" is not "图2"
  EXPECT_EQ(repeats[0].where.line, 2);
  EXPECT_NE(repeats[0].message.find("\"图1\""), std::string::npos) << repeats[0].message;
  // With the layout's label off, the typed number is the only one.
  Warnings unnumbered;
  render("<figure src=\"wide.png\" width=\"0.2\" alt=\"a\"><caption>图1　码头</caption></figure>",
         load("<figures label=\"\"/>"), &unnumbered);
  for (const Warning& w : unnumbered) EXPECT_NE(w.code, "caption-repeats-label");
}

TEST_F(PaginateFigures, TheCreditStandsSmallUnderThePicturesEndEdge) {
  Document doc = render("<figure src=\"wide.png\" width=\"0.6\" alt=\"F\" credit=\"摄影：张三\">"
                        "<caption>港口</caption></figure>");
  auto [page_index, image] = find(doc, "F");
  ASSERT_NE(image, nullptr);
  const Page& page = doc.pages[page_index];
  const PageGlyph* last = nullptr;
  for (const PageGlyph& g : page.glyphs)
    if (g.text == U"三") last = &g;
  ASSERT_NE(last, nullptr);
  EXPECT_NEAR(last->size, 9 * 0.8, 0.01);  // the caption's size, four fifths
  EXPECT_NEAR(last->x + last->advance, image->x + image->width, 0.5);
  EXPECT_GT(last->y, image->y + image->height);
  EXPECT_LT(last->y, y_of(page, U"港"));  // above the caption
}

// <figures credit-position="beside">: the credit in small type in a strip
// along the picture's end side, its last line ending at the picture's foot;
// a picture too wide for the strip narrows to make room. Nothing under it
// but the caption.
TEST_F(PaginateFigures, ACreditBesideThePictureStandsAlongItsEndSide) {
  const Layout beside = load("<figures credit-position=\"beside\"/>");
  const PageGeometry& g = layout_.page;
  const double measure = g.width - g.inner - g.outer;
  for (const char* width : {"0.6", "1"}) {
    SCOPED_TRACE(width);
    Document doc = render(std::string("<figure src=\"wide.png\" width=\"") + width +
                              "\" alt=\"F\" credit=\"摄影：张三\"><caption>港口</caption></figure>",
                          beside);
    auto [page_index, image] = find(doc, "F");
    ASSERT_NE(image, nullptr);
    const Page& page = doc.pages[page_index];
    const PageGlyph *first = nullptr, *last = nullptr;
    for (const PageGlyph& g : page.glyphs) {
      if (g.text == U"摄") first = &g;
      if (g.text == U"三") last = &g;
    }
    ASSERT_NE(first, nullptr);
    ASSERT_NE(last, nullptr);
    EXPECT_NEAR(last->size, 9 * 0.8, 0.01);
    // Right of the picture, close to it, within the measure.
    EXPECT_GT(first->x, image->x + image->width);
    EXPECT_LT(first->x, image->x + image->width + 2 * last->size);
    EXPECT_LE(last->x + last->advance, g.inner + measure + 0.5);
    // Its baseline in the picture's lower part, its descent at the foot.
    EXPECT_NEAR(last->y, image->y + image->height - 0.12 * last->size, 0.01);
    EXPECT_LT(y_of(page, U"港"), image->y + image->height + 40);  // the caption right under
    EXPECT_GT(y_of(page, U"港"), image->y + image->height);
    if (std::string(width) == "1")  // narrowed for the strip
      EXPECT_LT(image->width, measure - 4 * last->size);
  }
}

// span="bleed": as wide as the page and its bleed, left and right; at the
// top or foot of the text area, under the running head and above the foot,
// which stay.
TEST_F(PaginateFigures, FullBleedAcrossThePage) {
  const PageGeometry& g = layout_.page;
  for (const char* place : {"top", "bottom", "here"}) {
    SCOPED_TRACE(place);
    Document doc = render(paragraphs(3) + "<figure src=\"wide.png\" place=\"" + place +
                          "\" span=\"bleed\" alt=\"B\"><caption>满版</caption></figure>" +
                          paragraphs(2));
    auto [page_index, image] = find(doc, "B");
    ASSERT_NE(image, nullptr);
    EXPECT_NEAR(image->x, -g.bleed, 0.01);
    EXPECT_NEAR(image->width, g.width + 2 * g.bleed, 0.01);
    EXPECT_NEAR(image->height, image->width / 2, 0.01);
    const Page& page = doc.pages[page_index];
    if (std::string(place) == "top") EXPECT_NEAR(image->y, area_top(), 0.01);
    if (std::string(place) != "bottom") EXPECT_GT(y_of(page, U"满"), image->y + image->height);
    if (std::string(place) == "bottom")  // the caption is under it, on the area's foot
      EXPECT_LT(y_of(page, U"满"), area_bottom());
    EXPECT_LT(y_of(page, U"图"), g.top) << "the running head stays";
  }
}

// In a section set in two columns: a column figure stands in its column at
// the column's width; span="all" crosses both, between the column set above
// it and the one below.
TEST_F(PaginateFigures, InColumnsOrAcrossThem) {
  const std::string manifest =
      "<issue version=\"1\" date=\"2026-12-07\"><title>图</title><publisher>测试</publisher>"
      "<section title=\"一\" columns=\"2\"><article><heading>标题</heading>" +
      paragraphs(2) + "<figure src=\"wide.png\" alt=\"col\"/>" + paragraphs(2) +
      "<figure src=\"wide.png\" span=\"all\" alt=\"all\"/><p>跨栏之后。</p>" + paragraphs(2) +
      "</article></section></issue>";
  Issue issue = parse_manifest(manifest, (dir_ / "issue.xml").string());
  Warnings warnings;
  Document doc = paginate(issue, layout_, FontCache::shared(), warnings);
  auto [col_page, col] = find(doc, "col");
  auto [all_page, all] = find(doc, "all");
  ASSERT_NE(col, nullptr);
  ASSERT_NE(all, nullptr);
  const PageGeometry& g = layout_.page;
  const double measure = g.width - g.inner - g.outer;
  const double gap = layout_.columns.gap;
  EXPECT_NEAR(col->width, (measure - gap) / 2, 0.01);
  EXPECT_NEAR(all->width, measure, 0.01);
  // The text after the spanning figure is below it, in columns again.
  const Page& page = doc.pages[all_page];
  EXPECT_GT(y_of(page, U"跨"), all->y + all->height);
}

// place="column-top" / "column-bottom" in a section set in two columns: at
// the top or foot of the column the figure falls in, at the column's width;
// the text of that column runs on below or above it. (place="top" stays the
// page's top, across the columns.)
TEST_F(PaginateFigures, AtTheTopOrFootOfItsColumn) {
  const PageGeometry& g = layout_.page;
  const double measure = g.width - g.inner - g.outer;
  const double column = (measure - layout_.columns.gap) / 2;
  for (const char* place : {"column-top", "column-bottom", "top"}) {
    SCOPED_TRACE(place);
    const std::string manifest =
        "<issue version=\"1\" date=\"2026-12-07\"><title>图</title><publisher>测试</publisher>"
        "<section title=\"一\" columns=\"2\"><article><heading>标题</heading>" +
        paragraphs(1) + "<figure src=\"wide.png\" place=\"" + place + "\" alt=\"C\"/>" +
        paragraphs(30) + "</article></section></issue>";
    Issue issue = parse_manifest(manifest, (dir_ / "issue.xml").string());
    Warnings warnings;
    Document doc = paginate(issue, layout_, FontCache::shared(), warnings);
    auto [page_index, image] = find(doc, "C");
    ASSERT_NE(image, nullptr);
    const Page& page = doc.pages[page_index];
    // The first column's body lines: the left edge of the text area (the
    // page's inner or outer margin) and left of the gap.
    double left = 1e9;
    for (const PageGlyph& glyph : page.glyphs)
      if (glyph.size == 10.5) left = std::min(left, glyph.x);
    double column_top = 1e9, column_bottom = 0;
    for (const PageGlyph& glyph : page.glyphs)
      if (glyph.size == 10.5 && glyph.x < left + column) {
        column_top = std::min(column_top, glyph.y);
        column_bottom = std::max(column_bottom, glyph.y);
      }
    const std::string where(place);
    EXPECT_NEAR(image->width, column, 0.01);
    if (where == "top") {  // the page's top, centred across the columns
      EXPECT_NEAR(image->x + image->width / 2, left + measure / 2, 0.01);
      EXPECT_NEAR(image->y, area_top(), 0.01);
      continue;
    }
    EXPECT_NEAR(image->x, left, 0.01);  // in the first column
    if (where == "column-top") {
      EXPECT_GT(column_top, image->y + image->height);  // the column's text below it
      EXPECT_LT(image->y, y_of(page, U"鲁"));           // above the paragraph it follows
    } else {
      EXPECT_NEAR(image->y + image->height, area_bottom(), 0.01);  // on the area's foot
      EXPECT_LT(column_bottom, image->y);                          // the column's text above it
    }
  }
}

TEST_F(PaginateFigures, DefaultWidthIsTheLayoutsFraction) {
  Document doc = render("<figure src=\"wide.png\" alt=\"F\"/>", load("<figures width=\"0.5\"/>"));
  auto [page, image] = find(doc, "F");
  ASSERT_NE(image, nullptr);
  const PageGeometry& g = layout_.page;
  EXPECT_NEAR(image->width, (g.width - g.inner - g.outer) * 0.5, 0.01);
}

// Resolution: pixels over placed size, warned at the <figure> below the
// layout's least (300 in print, 150 on screen by default).
TEST_F(PaginateFigures, LowResolutionIsWarnedAtTheFigure) {
  Document doc = render("<p>前。</p>\n<figure src=\"wide.png\" width=\"0.05\" alt=\"F\"/>");
  auto [page, image] = find(doc, "F");
  ASSERT_NE(image, nullptr);
  // 20 pixels over 5% of a 165 mm measure (8.25 mm): 61 pixels per inch.
  EXPECT_NEAR(effective_dpi(*image), 20 * 72 / image->width, 1e-9);
  Warnings print, screen, lenient;
  check_figure_resolution(doc, layout_.figures, true, print);
  ASSERT_EQ(print.size(), 1u);
  EXPECT_EQ(print[0].code, "figure-low-resolution");
  EXPECT_EQ(print[0].where.file, (dir_ / "issue.xml").string());
  EXPECT_EQ(print[0].where.line, 2);
  EXPECT_EQ(print[0].where.column, 1);
  EXPECT_NE(print[0].message.find("wide.png is placed at 61 pixels per inch"), std::string::npos)
      << print[0].message;
  EXPECT_NE(print[0].message.find("under the 300"), std::string::npos) << print[0].message;
  check_figure_resolution(doc, layout_.figures, false, screen);
  ASSERT_EQ(screen.size(), 1u);
  EXPECT_NE(screen[0].message.find("under the 150"), std::string::npos) << screen[0].message;
  Layout low = load("<figures min-dpi=\"60\" min-dpi-print=\"60\"/>");
  check_figure_resolution(doc, low.figures, true, lenient);
  EXPECT_TRUE(lenient.empty());
}

}  // namespace
}  // namespace paiban
