// Page breaks never leave a short block's line alone: contact fields stay
// together on one page, whatever falls before them.
#include <gtest/gtest.h>

#include <string>

#include "linebreak/paragraphs.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"

namespace paiban {
namespace {

std::string page_text(const Page& page) {
  std::u32string text;
  for (const PageGlyph& g : page.glyphs) text += g.text;
  return testing::utf8(text);
}

// 10 to 40 paragraphs before them bring the fields to every place on a page
// (without the keep, several of these counts split them).
TEST(PaginateKeeps, FieldsAreNeverSplitAcrossPages) {
  const std::string filler =
      "<p>鲁镇的酒店的格局，是和别处不同的：都是当街一个曲尺形的大柜台，柜里面预备着热水，"
      "可以随时温酒。做工的人，傍午傍晚散了工，每每花四文铜钱，买一碗酒。</p>";
  Layout layout = parse_layout_file(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
  for (int paragraphs = 10; paragraphs <= 40; ++paragraphs) {
    std::string body;
    for (int k = 0; k < paragraphs; ++k) body += filler;
    const std::string manifest =
        "<issue version=\"1\" date=\"2026-11-27\"><title>测试</title><publisher>测试</publisher>"
        "<section title=\"一\"><article><heading>标题</heading>" +
        body +
        "</article></section><backmatter><heading>联系我们</heading><fields>"
        "<field label=\"时间\">每月第一个星期六</field><field label=\"地点\">会议室</field>"
        "<field label=\"邮箱\">club@example.org</field></fields></backmatter></issue>";
    Issue issue = parse_manifest(manifest, "fields.xml");
    Warnings warnings;
    Document doc = paginate(issue, layout, FontCache::shared(), warnings);
    int with_first = -1, with_last = -1;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
      const std::string text = page_text(doc.pages[p]);
      if (text.find("时间：") != std::string::npos) with_first = static_cast<int>(p);
      if (text.find("邮箱：") != std::string::npos) with_last = static_cast<int>(p);
    }
    ASSERT_GE(with_first, 0) << paragraphs;
    EXPECT_EQ(with_first, with_last) << paragraphs << " paragraphs before the fields";
  }
}

}  // namespace
}  // namespace paiban
