// The spec's white-space rule: dropped between two CJK characters, else one space.
#include <gtest/gtest.h>

#include "manifest_test_support.hpp"

namespace paiban {
namespace {

InlineText first_paragraph(const std::string& p) {
  Issue issue = parse_manifest(
      testing::manifest_with_article("<article><heading>H</heading>" + p + "</article>"), "t.xml");
  return issue.sections.at(0).articles.at(0).blocks.at(0).text;
}

std::string folded(const std::string& p) { return plain_text(first_paragraph(p)); }

TEST(ManifestWhiteSpace, DroppedBetweenCjkElsewhereOneSpace) {
  EXPECT_EQ(folded("<p>中文\n    排版</p>"), "中文排版");
  EXPECT_EQ(folded("<p>中文，\n  「引号」</p>"),
            "中文，「引号」");  // full-width punctuation is CJK
  // U+201C has East Asian Width "ambiguous": not CJK for this rule (nor for pdf-audit).
  EXPECT_EQ(folded("<p>中文，\n  “引号”</p>"), "中文， “引号”");
  EXPECT_EQ(folded("<p>iTrade\n  国际</p>"), "iTrade 国际");
  EXPECT_EQ(folded("<p>6 月  13\t日</p>"), "6 月 13 日");  // a digit is not CJK
  EXPECT_EQ(folded("<p>one \n\t two</p>"), "one two");
  EXPECT_EQ(folded("<p>かな \n カナ 한글</p>"), "かなカナ한글");
}

TEST(ManifestWhiteSpace, TrimmedAtBlockStartAndEnd) {
  EXPECT_EQ(folded("<p>\n   正文 text  \n</p>"), "正文 text");
  EXPECT_EQ(folded("<p>   </p>"), "");
}

TEST(ManifestWhiteSpace, TitleAndLabelAttributesFoldToo) {
  Issue issue = parse_manifest(
      "<issue version='1' date='2017-06-15'><title>T</title><publisher>P</publisher>"
      "<toc title=' 目\n  录 '/><section title='行业\n   动态 and  more'>"
      "<article><heading>H</heading></article></section>"
      "<backmatter><fields><field label=' 电话\t号码 '>1</field></fields></backmatter></issue>",
      "t.xml");
  EXPECT_EQ(issue.toc->title, "目录");
  EXPECT_EQ(issue.sections[0].title, "行业动态 and more");
  EXPECT_EQ(issue.backmatter->at(0).fields.at(0).label, "电话号码");
}

TEST(ManifestWhiteSpace, NonXmlSpacesAreText) {
  // U+3000 and U+00A0 are characters, not XML white space.
  EXPECT_EQ(folded("<p>中\u3000文</p>"), "中\u3000文");
  EXPECT_EQ(folded("<p>a\u00a0 b</p>"), "a\u00a0 b");
}

TEST(ManifestWhiteSpace, AcrossInlineElements) {
  InlineText runs = first_paragraph("<p>中文 <strong>排版</strong> and <em>more</em></p>");
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[0].text, "中文");
  EXPECT_EQ(runs[1].text, "排版");
  EXPECT_TRUE(runs[1].strong);
  EXPECT_EQ(runs[2].text, " and ");
  EXPECT_EQ(runs[3].text, "more");
  EXPECT_TRUE(runs[3].emphasis);
  EXPECT_EQ(folded("<p>word<strong> </strong>中文</p>"), "word 中文");
}

TEST(ManifestWhiteSpace, LineBreakTrimsAroundIt) {
  InlineText runs = first_paragraph("<p>第一行 <br/>  second</p>");
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].text, "第一行");
  EXPECT_TRUE(runs[1].line_break);
  EXPECT_EQ(runs[2].text, "second");
  EXPECT_EQ(plain_text(runs), "第一行\nsecond");
}

TEST(ManifestInline, RunsCarryStyleLinkAndLocation) {
  InlineText runs =
      first_paragraph("<p>见<a href=\" http://x.cn \">网站<strong>粗</strong></a>。</p>");
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[1].href, "http://x.cn");
  EXPECT_EQ(runs[2].href, "http://x.cn");
  EXPECT_TRUE(runs[2].strong);
  EXPECT_TRUE(runs[3].href.empty());
  EXPECT_EQ(runs[0].where.file, "t.xml");
  EXPECT_EQ(runs[0].where.line, 5);
  EXPECT_EQ(runs[0].where.column, 33);  // after <article><heading>H</heading><p>
}

TEST(ManifestInline, ForeignElementsAndCommentsAreSkipped) {
  EXPECT_EQ(
      folded("<p xmlns:x=\"urn:x\" x:note=\"n\">中<x:ruby>ignored</x:ruby>文<!-- c -->字</p>"),
      "中文字");
  EXPECT_EQ(folded("<p>a<![CDATA[ <b> ]]>c</p>"), "a <b> c");
}

}  // namespace
}  // namespace paiban
