// Which page what starts on: <cover alone>, <contents new-page>, and the
// space above a section title.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "linebreak/paragraphs.hpp"
#include "paginate/furniture.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "support/temp_path.hpp"

namespace paiban {
namespace {

std::string page_text(const Page& page) {
  std::u32string text;
  for (const PageGlyph& g : page.glyphs) text += g.text;
  return testing::utf8(text);
}

/// default.xml with `from` replaced by `to`.
Layout layout_with(const std::string& from, const std::string& to) {
  std::ifstream in(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
  std::string text(std::istreambuf_iterator<char>(in), {});
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  const std::string path = (test::temp_dir("pages") / "layout.xml").string();
  std::ofstream(path) << text;
  return parse_layout_file(path);
}

Document render(const Layout& layout, bool toc) {
  std::string body;
  for (int k = 0; k < 3; ++k) body += "<p>鲁镇的酒店的格局，是和别处不同的。</p>";
  const std::string manifest =
      std::string(
          "<issue version=\"1\" date=\"2026-11-27\"><title>封面标题</title>"
          "<publisher>测试</publisher>") +
      (toc ? "<toc/>" : "") + "<section title=\"第一栏目\"><article><heading>第一篇</heading>" +
      body + "</article><article><heading>第二篇</heading>" + body +
      "</article></section><section title=\"第二栏目\"><article><heading>第三篇</heading>" + body +
      "</article></section></issue>";
  Issue issue = parse_manifest(manifest, "pages.xml");
  Warnings warnings;
  return paginate(issue, layout, FontCache::shared(), warnings);
}

TEST(PaginatePages, CoverAloneOrShared) {
  Document alone = render(layout_with("<cover alone=\"yes\"", "<cover alone=\"yes\""), false);
  EXPECT_EQ(page_text(alone.pages[0]).find("第一栏目"), std::string::npos);
  EXPECT_NE(page_text(alone.pages[1]).find("第一栏目"), std::string::npos);

  Document shared = render(layout_with("<cover alone=\"yes\"", "<cover alone=\"no\""), false);
  const std::string front = page_text(shared.pages[0]);
  EXPECT_NE(front.find("封面标题"), std::string::npos);
  EXPECT_NE(front.find("第一栏目"), std::string::npos);
  EXPECT_LT(shared.pages.size(), alone.pages.size() + 1);
  // The section title sits below the last cover item.
  double cover_bottom = 0, section_top = 1e9;
  for (const PageGlyph& g : shared.pages[0].glyphs) {
    if (g.text == U"封") cover_bottom = std::max(cover_bottom, g.y);
    if (g.text == U"第") section_top = std::min(section_top, g.y);
  }
  EXPECT_GT(section_top, cover_bottom);
  // Contents, with a shared cover: on the front page; the bookmarks' pages agree.
  Document with_toc = render(layout_with("<cover alone=\"yes\"", "<cover alone=\"no\""), true);
  EXPECT_NE(page_text(with_toc.pages[0]).find("第一篇"), std::string::npos);  // a contents entry
  EXPECT_NE(page_text(with_toc.pages[1]).find("第一栏目"), std::string::npos);
  ASSERT_FALSE(with_toc.outline.empty());
  EXPECT_EQ(with_toc.outline[0].page, 1);
}

TEST(PaginatePages, ContentsNewPageOrNot) {
  Document own = render(layout_with("new-page=\"yes\"/>", "new-page=\"yes\"/>"), true);
  Document flowing = render(layout_with("new-page=\"yes\"/>", "new-page=\"no\"/>"), true);
  // Cover, contents, then the sections: on a page of their own, or after the contents.
  EXPECT_EQ(page_text(own.pages[1]).find("鲁镇"), std::string::npos);
  EXPECT_NE(page_text(flowing.pages[1]).find("鲁镇"), std::string::npos);
  EXPECT_EQ(flowing.outline[0].page, 1);
  EXPECT_EQ(own.outline[0].page, 2);
  // The contents' page numbers match where the entries landed.
  EXPECT_NE(page_text(flowing.pages[1]).find("2"), std::string::npos);
}

/// Baseline to baseline from the line above `title` (on its page) to `title`.
double gap_above(const Document& doc, const std::u32string& title) {
  for (const Page& page : doc.pages) {
    std::u32string text;
    for (const PageGlyph& g : page.glyphs) text += g.text.empty() ? U"?" : g.text.substr(0, 1);
    const size_t at = text.find(title);
    if (at == std::u32string::npos) continue;
    const double y = page.glyphs[at].y;
    double above = -1;
    for (const PageGlyph& g : page.glyphs)
      if (g.y < y - 1 && g.y > 60) above = std::max(above, g.y);  // not the running header
    return above < 0 ? -1 : y - above;
  }
  return -1;
}

// Hidden text 05 pp. 5-6: a section title after an article's last line was
// 23 pt below it, baseline to baseline, where an article heading is 45 pt.
TEST(PaginatePages, ASectionTitleHasAtLeastAHeadingsSpaceAbove) {
  Document doc = render(layout_with("<cover alone=\"yes\"", "<cover alone=\"yes\""), false);
  const double before_heading = gap_above(doc, U"第二篇");
  const double before_section = gap_above(doc, U"第二栏目");
  ASSERT_GT(before_heading, 0);
  ASSERT_GT(before_section, 0);
  EXPECT_GE(before_section + 0.01, before_heading);
}

// A <box> is framed by the layout's <box-frame> around its text; a quote by
// <quote-frame> when the layout has one.
TEST(PaginateFrames, BoxesAndQuotes) {
  Layout layout =
      layout_with("<contents ",
                  "<color name=\"mist\" value=\"cmyk(0.08,0.03,0,0)\" srgb=\"#E9F0F8\"/>"
                  "<box-frame background=\"mist\" border=\"grey(1)\" padding=\"9pt\"/>"
                  "<quote-frame rule=\"grey(0.5)\" rule-width=\"3pt\"/>\n<contents ");
  EXPECT_DOUBLE_EQ(layout.box_frame.padding, 9);
  ASSERT_TRUE(layout.quote_frame.has_value());
  const std::string manifest =
      "<issue version=\"1\" date=\"2026-11-27\"><title>T</title><publisher>P</publisher>"
      "<section title=\"一\"><article><heading>标题</heading><p>正文。</p>"
      "<box title=\"小贴士\"><p>框里的话。</p></box><quote><p>引用的话。</p></quote>"
      "</article></section></issue>";
  Issue issue = parse_manifest(manifest, "box.xml");
  ASSERT_EQ(issue.sections[0].articles[0].blocks[1].kind, BlockKind::box);
  Warnings warnings;
  Document doc = paginate(issue, layout, FontCache::shared(), warnings);
  const Page& page = doc.pages[1];
  ASSERT_EQ(page.boxes.size(), 1u);
  const PageBox& box = page.boxes[0];
  EXPECT_TRUE(box.filled);
  EXPECT_EQ(box.fill, layout.colors.at("mist"));
  for (const PageGlyph& g : page.glyphs) {
    if (g.text != U"框" && g.text != U"小") continue;
    EXPECT_GT(g.x, box.x + 9);
    EXPECT_GT(g.y - g.size, box.y);
    EXPECT_LT(g.y, box.y + box.height);
  }
  // The quote's bar: a vertical rule beside the quote's text.
  bool bar = false;
  for (const PageRule& r : page.rules) bar = bar || (r.x0 == r.x1 && r.width == 3);
  EXPECT_TRUE(bar);
}

TEST(PaginateFurniture, NoDanglingSeparator) {
  const std::map<std::string, std::string> fields = {
      {"title", "通讯"}, {"section", ""}, {"page", "3"}, {"pages", "8"}};
  EXPECT_EQ(expand_furniture_template("{title} · {section}", fields), "通讯");
  EXPECT_EQ(expand_furniture_template("{section} · {title}", fields), "通讯");
  EXPECT_EQ(expand_furniture_template("第{page}页，共{pages}页", fields), "第3页，共8页");
  EXPECT_EQ(expand_furniture_template("{page} / {pages}", fields), "3 / 8");
  EXPECT_EQ(expand_furniture_template("（{section}）", fields), "");
  EXPECT_EQ(expand_furniture_template("{unknown} {page}", fields), "{unknown} 3");
}

// Verso headers on left-hand pages, {pages} the page count.
TEST(PaginateFurniture, VersoRectoAndPageCount) {
  Layout layout = layout_with("<header ",
                              "<header pages=\"verso\" offset=\"12pt\">"
                              "<left style=\"header\">左页 {page}/{pages}</left>"
                              "</header>\n<header ");
  ASSERT_TRUE(layout.header_verso.has_value());
  Document doc = render(layout, true);
  ASSERT_GE(doc.pages.size(), 3u);
  const std::string pages = std::to_string(doc.pages.size());
  EXPECT_NE(page_text(doc.pages[1]).find("左页 2/" + pages), std::string::npos);  // page 2: verso
  EXPECT_EQ(page_text(doc.pages[2]).find("左页"), std::string::npos);             // page 3: recto
}

// pages="recto" alone: right-hand pages have the header, left-hand ones none.
TEST(PaginateFurniture, RectoOnlyLeavesLeftHandPagesWithout) {
  Layout layout = layout_with("<header ", "<header pages=\"recto\" ");
  ASSERT_TRUE(layout.header_verso.has_value());
  EXPECT_TRUE(layout.header_verso->left.empty() && layout.header_verso->right.empty() &&
              layout.header_verso->center.empty() && layout.header_verso->rule_width == 0);
  Document all = render(layout_with("<header ", "<header "), true);
  Document recto = render(layout, true);
  ASSERT_GE(recto.pages.size(), 3u);
  ASSERT_EQ(all.pages.size(), recto.pages.size());
  EXPECT_LT(page_text(recto.pages[1]).size(), page_text(all.pages[1]).size());  // page 2: verso
  EXPECT_EQ(page_text(recto.pages[2]), page_text(all.pages[2]));                // page 3: recto
}

}  // namespace
}  // namespace paiban
