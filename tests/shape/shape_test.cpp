#include "paiban/shape.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace paiban {
namespace {

Layout test_layout() {
  Layout layout;
  layout.path = "test-layout";
  layout.fonts["body"] = FontRole{{"Noto Serif CJK SC"}, 400, {"Noto Sans CJK SC"}};
  return layout;
}

TEST(Shape, HanTextGetsOneFullWidthGlyphPerCharacter) {
  Layout layout = test_layout();
  TextStyle style;
  style.size = 10;
  Warnings warnings;
  auto p = shape_text("原产地证服务", style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(p.text.size(), 6u);
  ASSERT_EQ(p.glyphs.size(), 6u);
  for (size_t i = 0; i < p.glyphs.size(); ++i) {
    EXPECT_EQ(p.glyphs[i].cluster, i);
    EXPECT_NEAR(p.glyphs[i].advance, 10.0, 1e-9);
    EXPECT_NE(p.glyphs[i].glyph, 0u);
  }
  EXPECT_NEAR(natural_width(p), 60.0, 1e-9);
  EXPECT_TRUE(warnings.empty());
}

TEST(Shape, LatinIsProportionalAndClustersFollowText) {
  Layout layout = test_layout();
  TextStyle style;
  style.size = 10;
  Warnings warnings;
  auto p = shape_text("IC卡 iTrade", style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(p.glyphs.size(), p.text.size());
  EXPECT_LT(p.glyphs[0].advance, 8.0);  // "I" is narrow
  EXPECT_NEAR(p.glyphs[2].advance, 10.0, 1e-9);
  for (size_t i = 1; i < p.glyphs.size(); ++i)
    EXPECT_GT(p.glyphs[i].cluster, p.glyphs[i - 1].cluster);
}

TEST(Shape, TraditionalChineseGetsLocalizedPunctuation) {
  // The same comma is drawn by another glyph (centred) under zh-Hant: locl.
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  auto hans = shape_text("中，文", style, layout, "zh-Hans", FontCache::shared(), warnings);
  auto hant = shape_text("中，文", style, layout, "zh-Hant", FontCache::shared(), warnings);
  ASSERT_EQ(hans.glyphs.size(), 3u);
  ASSERT_EQ(hant.glyphs.size(), 3u);
  EXPECT_NE(hans.glyphs[1].glyph, hant.glyphs[1].glyph);
}

TEST(Shape, StrongTextUsesTheBoldFace) {
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  InlineText text = {{"正常", false, false, "", false, {}}, {"加粗", true, false, "", false, {}}};
  auto p = shape_paragraph(text, style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(p.glyphs.size(), 4u);
  EXPECT_EQ(p.glyphs[0].face, p.glyphs[1].face);
  EXPECT_NE(p.glyphs[1].face, p.glyphs[2].face);
  EXPECT_GE(FontCache::shared().info(p.glyphs[2].face).weight, 600);
}

TEST(Shape, LinksAreRecordedPerGlyph) {
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  InlineText text = {{"网站：", false, false, "", false, {}},
                     {"mbase.org.cn", false, false, "http://www.mbase.org.cn", false, {}}};
  auto p = shape_paragraph(text, style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(p.links.size(), 1u);
  EXPECT_EQ(p.glyphs[0].link, -1);
  EXPECT_EQ(p.glyphs.back().link, 0);
}

TEST(Shape, ASpanIsShapedInItsOwnLanguage) {
  // 直 has a Japanese form in the Chinese font (locl): inside <span lang="ja">
  // in a zh-Hans paragraph it takes it, as a ja paragraph's 直 does.
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  InlineText text = {InlineRun{.text = "直"}, InlineRun{.text = "直", .lang = "ja"},
                     InlineRun{.text = "直", .lang = "zh-hans"}};
  auto p = shape_paragraph(text, style, layout, "zh-Hans", FontCache::shared(), warnings);
  auto ja = shape_text("直", style, layout, "ja", FontCache::shared(), warnings);
  ASSERT_EQ(p.glyphs.size(), 3u);
  ASSERT_EQ(ja.glyphs.size(), 1u);
  EXPECT_NE(p.glyphs[0].glyph, ja.glyphs[0].glyph);
  EXPECT_EQ(p.glyphs[1].glyph, ja.glyphs[0].glyph);
  EXPECT_EQ(p.glyphs[2].glyph, p.glyphs[0].glyph);  // the paragraph's own language, any case
  // The span is recorded for tagging: /Lang on a Span.
  ASSERT_EQ(p.spans.size(), 1u);
  EXPECT_EQ(p.spans[0].lang, "ja");
  EXPECT_EQ(p.spans[0].link, -1);
  EXPECT_EQ(p.glyphs[0].span, -1);
  EXPECT_EQ(p.glyphs[1].span, 0);
  EXPECT_EQ(p.glyphs[2].span, -1);
}

TEST(Shape, ASpanInsideALinkNamesItsLink) {
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  InlineText text = {InlineRun{.text = "见", .href = "https://example.org/"},
                     InlineRun{.text = "iTrade", .href = "https://example.org/", .lang = "en"},
                     InlineRun{.text = "，", .href = "https://example.org/"},
                     InlineRun{.text = "iTrade", .lang = "en"}};
  auto p = shape_paragraph(text, style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(p.spans.size(), 2u);  // one per stretch: the link's and the one after it
  EXPECT_EQ(p.spans[0].link, 0);
  EXPECT_EQ(p.spans[1].link, -1);
  EXPECT_EQ(p.glyphs[1].span, 0);
  EXPECT_EQ(p.glyphs[1].link, 0);
  EXPECT_EQ(p.glyphs.back().span, 1);
  EXPECT_EQ(p.glyphs.back().link, -1);
}

TEST(Shape, UnknownCharacterWarnsWithItsLocation) {
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  InlineText text = {{"a\U000F0000b", false, false, "", false, {"issue.xml", 7, 12}}};
  auto p = shape_paragraph(text, style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "missing-glyph");
  EXPECT_EQ(warnings[0].where.line, 7);
  EXPECT_NE(warnings[0].message.find("U+F0000"), std::string::npos);
}

TEST(Shape, UnknownCharacterWarnsAtTheCharacterInTheRunsSource) {
  // The run as the manifest has it (from its parser): the warning stands at
  // the character, two columns into the run.
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  InlineRun run{.text = "a\U000F0000b", .where = {"issue.xml", 7, 12}};
  run.source = {std::make_shared<const std::string>("<p>a\U000F0000b</p>"), 3};
  auto p = shape_paragraph({run}, style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].where.file, "issue.xml");
  EXPECT_EQ(warnings[0].where.line, 7);
  EXPECT_EQ(warnings[0].where.column, 13);
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

// ’ between Latin letters is an apostrophe: the font's proportional form,
// not the full-width mark; as a Chinese closing quote it stays full width.
TEST(Shape, AnApostropheInsideAWordIsProportional) {
  Layout layout = test_layout();
  TextStyle style;
  Warnings warnings;
  InlineText text = {
      {"Let\xE2\x80\x99s \xE2\x80\x98\xE5\xA5\xBD\xE2\x80\x99", false, false, "", false, {}}};
  auto p = shape_paragraph(text, style, layout, "zh-Hans", FontCache::shared(), warnings);
  ASSERT_EQ(p.glyphs.size(), 9u);                        // L e t ’ s, a space, ‘ 好 ’
  EXPECT_LT(p.glyphs[3].advance, 0.5 * style.size);      // Let’s
  EXPECT_GT(p.glyphs.back().advance, 0.9 * style.size);  // 好’
}

}  // namespace
}  // namespace paiban
