// The breaker on text shaped with a real CJK font (Noto Serif CJK SC): the
// blank half of each mark is read from the font's ink.
#include <gtest/gtest.h>

#include <cmath>

#include "linebreak/breaks.hpp"
#include "linebreak/paragraphs.hpp"
#include "linebreak/rules.hpp"
#include "paiban/linebreak.hpp"
#include "paiban/shape.hpp"

namespace paiban {
namespace {

using testing::u32;
using testing::utf8;

ShapedParagraph shape(const std::string& text, const std::string& lang = "zh-Hans") {
  Layout layout;
  layout.path = "test-layout";
  layout.fonts["body"] = FontRole{{"Noto Serif CJK SC"}, 400, {"Noto Sans CJK SC"}};
  TextStyle style;
  style.size = 10;
  Warnings warnings;
  ShapedParagraph p = shape_text(text, style, layout, lang, FontCache::shared(), warnings);
  p.em = 10;
  return p;
}

bool have_noto() {
  static const bool found =
      FontCache::shared().find("Noto Serif CJK SC", 400, "zh-Hans").has_value();
  return found;
}

std::string line_text(const SetLine& line) {
  std::u32string out;
  for (const auto& g : line.glyphs) out += g.text;
  return utf8(out);
}

TEST(ClreqRealFont, NotoMarksCompressFromTheirInk) {
  if (!have_noto()) GTEST_SKIP() << "Noto Serif CJK SC not installed";
  ShapedParagraph p = shape("甲，“乙”。丙（丁）");
  ASSERT_EQ(p.glyphs.size(), p.text.size());
  BreakOptions options;
  options.measure = 300;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  const auto& g = lines[0].glyphs;
  // ，“ = 1.5 em; ”。 = 1.5 em.
  EXPECT_NEAR(g[3].x - g[1].x, 15, 0.01);
  EXPECT_NEAR(g[6].x - g[4].x, 15, 0.01);
  // “ is drawn half an em left of the pen: its ink starts right after ，.
  EXPECT_NEAR(g[2].x, g[1].x + 5, 0.01);
}

TEST(ClreqRealFont, SampleParagraphSetsCleanly) {
  if (!have_noto()) GTEST_SKIP() << "Noto Serif CJK SC not installed";
  ShapedParagraph p = shape(
      "海关总署近日发布公告，自2024年1月1日起，进出口货物收发货人可通过“单一窗口”办理原产地证书申请"
      "。"
      "据统计，今年前三季度全国签发各类原产地证书1.85亿份，同比增长5%"
      "，为企业减免关税约120亿元（人民币）。"
      "业内人士表示：“这项措施将进一步优化口岸营商环境，提升贸易便利化水平。”此外，RCEP 协定项下的"
      "累积规则……也为区域内企业带来了实实在在的好处——特别是中小企业。");
  for (double measure : {180.0, 241.0, 300.0, 355.5}) {
    BreakOptions options;
    options.measure = measure;
    options.first_indent = 20;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    EXPECT_TRUE(warnings.empty());
    std::u32string all;
    for (size_t k = 0; k < lines.size(); ++k) {
      const SetLine& line = lines[k];
      for (const auto& g : line.glyphs) all += g.text;
      std::u32string t = u32(line_text(line));
      ASSERT_FALSE(t.empty());
      if (k > 0) EXPECT_FALSE(linebreak::line_start_forbidden(t.front(), BreakLevel::basic));
      if (!line.last) {
        EXPECT_FALSE(linebreak::line_end_forbidden(t.back(), BreakLevel::basic));
        const auto& end = line.glyphs.back();
        EXPECT_NEAR(end.x + end.advance, measure, 0.01) << line_text(line);
        // A mark ending the line is trimmed to half width (GB/T 15834 5.1.10).
        if (std::u32string_view(U"，。、；：？！）》”").find(t.back()) != std::u32string_view::npos)
          EXPECT_NEAR(end.advance, 5, 0.01) << line_text(line);
      }
    }
    std::u32string expected;
    for (char32_t c : p.text)
      if (c != U' ') expected += c;
    std::u32string got;
    for (char32_t c : all)
      if (c != U' ') got += c;
    EXPECT_EQ(utf8(got), utf8(expected));
  }
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

// The Python FAQ's English-heavy lines (issues/tech-python-faq): word spaces
// stay within 1/2 em and the paragraph is re-broken or an English word
// hyphenated (the hyphen drawn, not in the text) before the Han are spread.
TEST(ClreqRealFont, EnglishWordsAreHyphenatedBeforeSpacesGrow) {
  if (!have_noto()) GTEST_SKIP() << "Noto Serif CJK SC not installed";
  ShapedParagraph p = shape(
      "Python 软件基金会（Python Software Foundation，简称 PSF）是一个独立的非盈利组织。"
      "这个问题的解决方案是创建一个 virtual environment，一个目录树，其中安装有特定Python版本，"
      "以及许多其他包。它们以 alpha (a), beta (b) 或 release candidate (rc) 来标示。");
  ASSERT_FALSE(p.hyphens.empty());
  int hyphenated = 0;
  for (double measure = 200; measure <= 460; measure += 3) {
    BreakOptions options;
    options.measure = measure;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    std::u32string all;
    for (const SetLine& line : lines) {
      for (size_t i = 0; i < line.glyphs.size(); ++i) {
        const PlacedGlyph& g = line.glyphs[i];
        all += g.text;
        if (g.no_text) {
          ++hyphenated;
          EXPECT_EQ(i + 1, line.glyphs.size()) << line_text(line);  // at the line's end
          EXPECT_TRUE(g.text.empty());
          EXPECT_NEAR(g.x + g.advance, measure, 0.01) << line_text(line);
        }
        // A word space between Latin words: 1/2 em at most.
        if (g.text == U" " && i > 0 && i + 1 < line.glyphs.size() &&
            !line.glyphs[i - 1].text.empty() && !line.glyphs[i + 1].text.empty() &&
            linebreak::is_latin_like(line.glyphs[i - 1].text.back()) &&
            linebreak::is_latin_like(line.glyphs[i + 1].text.front()))
          EXPECT_LE(g.advance, 5 + 1e-6) << line_text(line);
      }
    }
    std::u32string expected;
    for (char32_t c : p.text)
      if (c != U' ') expected += c;
    std::u32string got;
    for (char32_t c : all)
      if (c != U' ') got += c;
    EXPECT_EQ(utf8(got), utf8(expected)) << measure;
  }
  EXPECT_GT(hyphenated, 0);
}

TEST(ClreqRealFont, TraditionalChineseCentredMarks) {
  if (!have_noto()) GTEST_SKIP() << "Noto Serif CJK SC not installed";
  // zh-Hant centres ，。 in the em box: a pair still takes 1.5 em, a comma
  // ending a line still gives half an em.
  ShapedParagraph p = shape("甲乙丙丁，「戊」己庚辛壬癸子丑寅卯辰巳午未申", "zh-Hant");
  ASSERT_EQ(p.glyphs.size(), p.text.size());
  BreakOptions options;
  options.measure = 300;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  const auto& g = lines[0].glyphs;
  EXPECT_NEAR(g[6].x - g[4].x, 15, 0.01);  // ，「 then 戊
  options.measure = 45;
  lines = break_paragraph(p, options, warnings);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(line_text(lines[0]), "甲乙丙丁，");
  EXPECT_NEAR(lines[0].glyphs.back().advance, 5, 0.01);
  EXPECT_NEAR(lines[0].glyphs.back().x + 5, 45, 0.01);
}

}  // namespace
}  // namespace paiban
