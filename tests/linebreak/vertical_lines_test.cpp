// Breaking vertical lines (writing-mode="vertical-rl"): the same clreq rules
// and justification along the vertical measure, on real paragraphs of the
// zh-Hant press releases (issues/zh-hant-ey-press) and of 蜘蛛の糸
// (issues/ja-kumo-no-ito), shaped top to bottom with Noto Serif CJK.
#include <gtest/gtest.h>

#include <cmath>

#include "linebreak/paragraphs.hpp"
#include "linebreak/rules.hpp"
#include "paiban/linebreak.hpp"
#include "paiban/shape.hpp"

namespace paiban {
namespace {

using testing::utf8;

ShapedParagraph shape_vertical(const std::string& text, const std::string& lang) {
  Layout layout;
  layout.path = "test-layout";
  const char* family = lang == "ja" ? "Noto Serif CJK JP" : "Noto Serif CJK TC";
  layout.fonts["body"] = FontRole{{family}, 400, {"Noto Sans CJK TC"}};
  TextStyle style;
  style.size = 10;
  Warnings warnings;
  InlineText inline_text{InlineRun{text, false, false, "", false, {}, {}}};
  return shape_paragraph(inline_text, style, layout, lang, FontCache::shared(), warnings,
                         WritingMode::vertical_rl);
}

std::u32string line_text(const SetLine& line) {
  std::u32string out;
  for (const auto& g : line.glyphs) out += g.text;
  return out;
}

// 一、 of the 3272nd meeting, and the second paragraph of 蜘蛛の糸.
const char* kHant =
    "一、臺鐵新竹六家支線，為繼臺鐵臺南沙崙支線後全國第2條銜接高鐵與臺鐵的軌道運輸系統，即將在明（1"
    "1）日完工通車，提供民眾更舒適便捷、無縫接駁的服務，加上停駛4年半的臺鐵內灣支線，也將同時於明日"
    "復駛，可吸引遊客多利用火車旅遊大新竹地區，並可紓解當地公路交通壅塞情形，未來配合世博臺灣館（天"
    "燈館）之復館，對帶動新竹地區與內灣老街等地之觀光人潮與商機，將會有更顯著的效益。";
const char* kJa =
    "やがて御釈迦様はその池のふちに御佇みになって、水の面を蔽っている蓮の葉の間から、ふと下の容子を"
    "御覧になりました。この極楽の蓮池の下は、丁度地獄の底に当って居りますから、水晶のような水を透き"
    "徹して、三途の河や針の山の景色が、丁度覗き眼鏡を見るように、はっきりと見えるのでございます。";

struct Case {
  const char* text;
  const char* lang;
};

TEST(VerticalLines, LineRulesHoldAndLinesFillTheMeasureAtManyMeasures) {
  for (const Case& c : {Case{kHant, "zh-Hant"}, Case{kJa, "ja"}}) {
    ShapedParagraph p = shape_vertical(c.text, c.lang);
    ASSERT_TRUE(p.vertical);
    int checked = 0;
    // B5 with 24 mm margins is 592 pt tall; try measures of 17 to 40 em.
    for (double measure = 170; measure <= 400; measure += 7) {
      BreakOptions options;
      options.measure = measure;
      Warnings warnings;
      std::vector<SetLine> lines = break_paragraph(p, options, warnings);
      ASSERT_GE(lines.size(), 2u);
      for (size_t k = 0; k < lines.size(); ++k) {
        const std::u32string text = line_text(lines[k]);
        ASSERT_FALSE(text.empty());
        EXPECT_FALSE(linebreak::line_start_forbidden(text.front(), BreakLevel::basic))
            << utf8(text) << " at " << measure;
        EXPECT_FALSE(linebreak::line_end_forbidden(text.back(), BreakLevel::basic))
            << utf8(text) << " at " << measure;
        if (!lines[k].last) {  // justified down to the foot of the measure
          EXPECT_NEAR(lines[k].width, measure, 0.05) << utf8(text) << " at " << measure;
          ++checked;
        }
        for (const PlacedGlyph& g : lines[k].glyphs)
          EXPECT_NE(g.orientation, GlyphOrientation::horizontal);
      }
    }
    EXPECT_GT(checked, 50);
  }
}

TEST(VerticalLines, TateChuYokoStaysWholeAndTakesNoHanLatinGap) {
  // "在明（11）日": the two digits stand in one em right after the bracket,
  // "第2條" without gaps; "100年" (turned) keeps the quarter-em gap.
  ShapedParagraph p = shape_vertical("即將在明（11）日完工，全國第2條，民國100年", "zh-Hant");
  BreakOptions options;
  options.measure = 1000;
  options.align = Align::start;
  Warnings warnings;
  std::vector<SetLine> lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  const auto& g = lines[0].glyphs;
  auto at = [&](const std::u32string& text) -> const PlacedGlyph& {
    for (const PlacedGlyph& glyph : g)
      if (glyph.text == text) return glyph;
    throw std::runtime_error("no glyph for " + utf8(text));
  };
  auto index = [&](const PlacedGlyph& glyph) { return &glyph - g.data(); };
  const PlacedGlyph& ten_first = g[index(at(U"（")) + 1];
  const PlacedGlyph& ten_second = g[index(at(U"（")) + 2];
  EXPECT_EQ(ten_first.text, U"1");
  EXPECT_EQ(ten_second.text, U"1");
  EXPECT_EQ(ten_first.orientation, GlyphOrientation::tate_chu_yoko);
  EXPECT_NEAR(ten_first.x, ten_second.x, 1e-9);  // one em cell, side by side across it
  EXPECT_NEAR(g[index(ten_second) + 1].x - ten_first.x, 10.0, 1e-6);  // then "）"
  const PlacedGlyph& two = at(U"2");
  EXPECT_NEAR(two.x - g[index(two) - 1].x, 10.0, 1e-6);  // 第 then 2: no gap
  EXPECT_NEAR(g[index(two) + 1].x - two.x, 10.0, 1e-6);  // 2 then 條
  const PlacedGlyph& min = at(U"民");
  const PlacedGlyph& hundred = g[index(min) + 2];
  EXPECT_EQ(hundred.text, U"1");
  EXPECT_EQ(hundred.orientation, GlyphOrientation::sideways);
  EXPECT_NEAR(hundred.x - g[index(min) + 1].x, 10.0 + linebreak::kHanLatinGapEm * 10, 0.01);
}

TEST(VerticalLines, AMarkAtTheFootOfALineIsTrimmedToHalfAnEm) {
  // The vertical 、。 have their blank half below: at a line's end it is
  // given up (GB/T 15834 5.1.10, jlreq 3.1.10), the mark's ink on the measure.
  ShapedParagraph p = shape_vertical(kJa, "ja");
  int marks_at_foot = 0;
  for (double measure = 170; measure <= 400; measure += 7) {
    BreakOptions options;
    options.measure = measure;
    Warnings warnings;
    for (const SetLine& line : break_paragraph(p, options, warnings)) {
      if (line.last || line.glyphs.empty()) continue;
      const PlacedGlyph& end = line.glyphs.back();
      if (end.text != U"、" && end.text != U"。") continue;
      ++marks_at_foot;
      EXPECT_NEAR(end.advance, 5.0, 0.01) << measure;
      EXPECT_NEAR(end.x + end.advance, measure, 0.05) << measure;
    }
  }
  EXPECT_GT(marks_at_foot, 3);
}

TEST(VerticalLines, RubyStandsToTheRightOfItsBase) {
  // 蜘蛛の糸 with ruby: "御<ruby>釈迦<rt>しゃか</rt></ruby>様": the annotation,
  // half size and upright, runs down beside its base on the line's right
  // (its over side in vertical-rl), centre to centre 0.75 em away.
  Layout layout;
  layout.path = "test-layout";
  layout.fonts["body"] = FontRole{{"Noto Serif CJK JP"}, 400, {"Noto Sans CJK JP"}};
  TextStyle style;
  style.size = 10;
  Warnings warnings;
  InlineText text{InlineRun{"御", false, false, "", false, {}, {}},
                  InlineRun{"釈迦", false, false, "", false, {}, "しゃか"},
                  InlineRun{"様は極楽の蓮池のふちを", false, false, "", false, {}, {}}};
  ShapedParagraph p = shape_paragraph(text, style, layout, "ja", FontCache::shared(), warnings,
                                      WritingMode::vertical_rl);
  BreakOptions options;
  options.measure = 300;
  options.align = Align::start;
  std::vector<SetLine> lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  int ruby = 0;
  for (const PlacedGlyph& g : lines[0].glyphs) {
    if (!g.no_text) continue;
    ++ruby;
    EXPECT_EQ(g.orientation, GlyphOrientation::upright);
    EXPECT_NEAR(g.size, 5.0, 1e-9);
    EXPECT_NEAR(g.y_offset, 7.5, 1e-6);  // right of the base's centre line
    EXPECT_GE(g.x, 10.0 - 1e-6);         // beside 釈迦, which runs from 10 to 30 pt
    EXPECT_LE(g.x + g.advance, 30.0 + 1e-6);
  }
  EXPECT_EQ(ruby, 3);
}

}  // namespace
}  // namespace paiban
