// Contents balance (issue 14): a long entry is set in even lines, never
// ending in a line of one or two characters; a run-over contents page never
// holds a handful of entries.
#include <gtest/gtest.h>

#include <string>

#include "linebreak/paragraphs.hpp"
#include "paginate/contents.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"

namespace paiban {
namespace {

Layout default_layout() {
  return parse_layout_file(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
}

std::u32string line_text(const std::vector<PlacedGlyph>& glyphs) {
  std::u32string text;
  for (const PlacedGlyph& g : glyphs) text += g.text;
  return text;
}

// Headings of the seed issue's length and longer: an entry over two or three
// lines ends in a line about as long as the others.
TEST(Contents, LongEntriesAreBalanced) {
  Layout layout = default_layout();
  Warnings warnings;
  Typesetter setter(layout, "zh-Hans", FontCache::shared(), warnings);
  std::vector<Anchor> anchors;
  for (const char* title :
       {"海关总署关于进一步深化全国通关一体化改革、加快推进跨境电子商务综合试验区建设的实施意见",
        "国务院办公厅关于促进外贸回稳向好的若干意见以及各直属海关贯彻落实情况的通报汇总材料"
        "（第二批）",
        "黑河检验检疫局“文明+监管+服务”多点支撑，打造口岸通关新模式助力中俄贸易发展"}) {
    anchors.push_back({title, 2, 3, 0});
  }
  ContentsFlow flow = set_contents(setter, "目录", anchors, 2);
  std::vector<std::vector<size_t>> items_of(anchors.size());
  for (const ContentsLink& link : flow.links) items_of.at(link.anchor).push_back(link.item);
  int entries_over_lines = 0;
  for (const std::vector<size_t>& items : items_of) {
    ASSERT_FALSE(items.empty());
    if (items.size() < 2) continue;
    ++entries_over_lines;
    const std::u32string first = line_text(flow.items[items.front()].parts.at(0).glyphs);
    const std::u32string end = line_text(flow.items[items.back()].parts.at(0).glyphs);
    EXPECT_GT(end.size(), 2u) << testing::utf8(end);
    EXPECT_GE(2 * end.size(), first.size()) << testing::utf8(first) << " / " << testing::utf8(end);
  }
  EXPECT_GT(entries_over_lines, 0);
}

// 30 to 60 articles: whenever the contents run over a page, the last page
// holds at least a third as many entries as the page before it.
TEST(Contents, RunOverPageIsNeverAHandfulOfEntries) {
  Layout layout = default_layout();
  int run_overs = 0;
  for (int articles = 30; articles <= 60; articles += 3) {
    std::string body;
    for (int k = 1; k <= articles; ++k)
      body += "<article><heading>条目" + std::to_string(k) +
              "号</heading><p>正文内容。</p></article>";
    Issue issue = parse_manifest(
        "<issue version=\"1\" date=\"2026-11-27\"><title>测试</title><publisher>测试</publisher>"
        "<toc/><section title=\"一\">" + body + "</section></issue>",
        "contents.xml");
    Warnings warnings;
    Document doc = paginate(issue, layout, FontCache::shared(), warnings);
    std::vector<int> entries;  // per contents page
    for (const Page& page : doc.pages) {
      std::u32string glyph_text;
      for (const PageGlyph& g : page.glyphs) glyph_text += g.text;
      const std::string text = testing::utf8(glyph_text);
      if (text.find("正文内容") != std::string::npos) break;
      int count = 0;
      for (size_t at = text.find("条目"); at != std::string::npos; at = text.find("条目", at + 1))
        ++count;
      if (count > 0) entries.push_back(count);
    }
    ASSERT_FALSE(entries.empty()) << articles;
    if (entries.size() < 2) continue;
    ++run_overs;
    EXPECT_GE(3 * entries.back(), entries[entries.size() - 2]) << articles << " articles";
  }
  EXPECT_GT(run_overs, 0);
}

}  // namespace
}  // namespace paiban
