// Shaping for vertical lines (writing-mode="vertical-rl"), on real lines of
// the zh-Hant press releases (issues/zh-hant-ey-press) and Japanese prose.
#include <gtest/gtest.h>

#include "paiban/shape.hpp"

namespace paiban {
namespace {

Layout hant_layout() {
  Layout layout;
  layout.path = "test-layout";
  layout.fonts["body"] = FontRole{{"Noto Serif CJK TC"}, 400, {"Noto Sans CJK TC"}};
  return layout;
}

ShapedParagraph shape(const std::string& utf8, const std::string& lang, WritingMode mode) {
  TextStyle style;
  style.size = 10;
  Warnings warnings;
  InlineText text{InlineRun{utf8, false, false, "", false, {}, {}}};
  ShapedParagraph p =
      shape_paragraph(text, style, hant_layout(), lang, FontCache::shared(), warnings, mode);
  EXPECT_TRUE(warnings.empty());
  return p;
}

/// The glyph that stands for text[index] (its cluster's first glyph).
const ShapedGlyph& glyph_at(const ShapedParagraph& p, uint32_t index) {
  for (const ShapedGlyph& g : p.glyphs)
    if (g.cluster == index) return g;
  throw std::runtime_error("no glyph for character " + std::to_string(index));
}

TEST(VerticalShape, PunctuationTakesItsVerticalForms) {
  // 「人去政息」 and （天燈館） are drawn by other glyphs in a vertical line
  // (vert/vrt2); zh-Hant's ，。、 stand in the middle of the em either way
  // (Taiwan's convention, the font's locl forms), so they keep their glyph.
  const std::string line = "不要有「人去政息」的想法，都應該（天燈館）繼續辦理。一、臺";
  ShapedParagraph across = shape(line, "zh-Hant", WritingMode::horizontal_tb);
  ShapedParagraph down = shape(line, "zh-Hant", WritingMode::vertical_rl);
  ASSERT_EQ(across.glyphs.size(), down.glyphs.size());
  EXPECT_TRUE(down.vertical);
  for (size_t i = 0; i < down.text.size(); ++i) {
    const char32_t c = down.text[i];
    const ShapedGlyph& g = glyph_at(down, static_cast<uint32_t>(i));
    EXPECT_EQ(g.orientation, GlyphOrientation::upright) << i;
    EXPECT_NEAR(g.advance, 10.0, 1e-6) << i;  // vmtx: a full em down the line
    const bool mark = std::u32string_view(U"「」（）").find(c) != std::u32string_view::npos;
    if (mark)
      EXPECT_NE(g.glyph, glyph_at(across, static_cast<uint32_t>(i)).glyph)
          << "U+" << std::hex << uint32_t(c);
    else
      EXPECT_EQ(g.glyph, glyph_at(across, static_cast<uint32_t>(i)).glyph) << i;
  }
}

TEST(VerticalShape, JapaneseMarksTakeVerticalFormsWithTheirBlankHalfBelow) {
  // 蜘蛛の糸: "ある日の事でございます。御釈迦様は極楽の蓮池のふちを、": the
  // vertical 。 and 、 sit in the top right of the em, other glyphs than the
  // horizontal ones; their ink ends before the em's middle, so the half
  // below is blank (compressible at a line end, as horizontally).
  const std::string line = "ございます。御釈迦様は極楽の蓮池のふちを、独り";
  ShapedParagraph p = shape(line, "ja", WritingMode::vertical_rl);
  ShapedParagraph flat = shape(line, "ja", WritingMode::horizontal_tb);
  for (char32_t mark : {U'。', U'、'}) {
    const uint32_t i = static_cast<uint32_t>(p.text.find(mark));
    const ShapedGlyph& g = glyph_at(p, i);
    EXPECT_NE(g.glyph, glyph_at(flat, i).glyph) << i;
    EXPECT_GE(g.ink_left, 0.0);
    EXPECT_LE(g.ink_right, 0.55 * g.advance) << i;
  }
  // 「 vertical opens downwards: its ink is in the lower half.
  ShapedParagraph q = shape("有「人", "zh-Hant", WritingMode::vertical_rl);
  EXPECT_GE(glyph_at(q, 1).ink_left, 0.45 * glyph_at(q, 1).advance);
}

TEST(VerticalShape, LatinIsTurnedSideways) {
  // "並規劃將導入AI公共程式（public code）"
  ShapedParagraph p = shape("導入AI公共程式（public code）", "zh-Hant", WritingMode::vertical_rl);
  ShapedParagraph flat =
      shape("導入AI公共程式（public code）", "zh-Hant", WritingMode::horizontal_tb);
  for (uint32_t i = 0; i < p.text.size(); ++i) {
    const char32_t c = p.text[i];
    const bool latin = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U' ';
    EXPECT_EQ(glyph_at(p, i).orientation,
              latin ? GlyphOrientation::sideways : GlyphOrientation::upright)
        << i;
    if (latin)  // turned, a letter keeps its horizontal advance along the line
      EXPECT_NEAR(glyph_at(p, i).advance, glyph_at(flat, i).advance, 1e-9) << i;
  }
}

TEST(VerticalShape, OneOrTwoDigitsStandAcrossTheLineInOneEm) {
  // "全國第2條", "在明（11）日": 縦中横; "第3272次", "民國100年": turned.
  ShapedParagraph p =
      shape("全國第2條，明（11）日，第3272次，民國100年", "zh-Hant", WritingMode::vertical_rl);
  const std::u32string& t = p.text;
  const uint32_t two = static_cast<uint32_t>(t.find(U'2'));
  const ShapedGlyph& single = glyph_at(p, two);
  EXPECT_EQ(single.orientation, GlyphOrientation::tate_chu_yoko);
  EXPECT_NEAR(single.advance, 10.0, 1e-9);             // one em down the line
  EXPECT_NEAR(single.y_offset + 0.5 * 5.0, 0.0, 0.6);  // a half-width digit, centred
  const uint32_t eleven = static_cast<uint32_t>(t.find(U"11"));
  const ShapedGlyph& first = glyph_at(p, eleven);
  const ShapedGlyph& second = glyph_at(p, eleven + 1);
  EXPECT_EQ(first.orientation, GlyphOrientation::tate_chu_yoko);
  EXPECT_EQ(second.orientation, GlyphOrientation::tate_chu_yoko);
  EXPECT_NEAR(first.advance + second.advance, 10.0, 1e-9);  // both in one em
  EXPECT_NEAR(second.x_offset, -10.0, 1e-9);                // back at the em's top
  EXPECT_NEAR(first.y_offset, -5.0, 0.01);                  // side by side across the centre
  EXPECT_NEAR(second.y_offset, 0.0, 0.01);
  for (const char32_t* number : {U"3272", U"100"}) {
    const uint32_t at = static_cast<uint32_t>(t.find(number));
    for (uint32_t k = 0; k < std::char_traits<char32_t>::length(number); ++k)
      EXPECT_EQ(glyph_at(p, at + k).orientation, GlyphOrientation::sideways) << k;
  }
}

TEST(VerticalShape, ThreeDigitsAreNotSetAcross) {
  ShapedParagraph twelve = shape("第12條", "zh-Hant", WritingMode::vertical_rl);
  ShapedParagraph hundred = shape("第123條", "zh-Hant", WritingMode::vertical_rl);
  EXPECT_EQ(glyph_at(twelve, 1).orientation, GlyphOrientation::tate_chu_yoko);
  EXPECT_EQ(glyph_at(twelve, 2).orientation, GlyphOrientation::tate_chu_yoko);
  for (uint32_t k = 1; k <= 3; ++k)
    EXPECT_EQ(glyph_at(hundred, k).orientation, GlyphOrientation::sideways) << k;
}

TEST(VerticalShape, HorizontalShapingIsUnchanged) {
  ShapedParagraph p = shape("全國第2條銜接高鐵", "zh-Hant", WritingMode::horizontal_tb);
  EXPECT_FALSE(p.vertical);
  for (const ShapedGlyph& g : p.glyphs) EXPECT_EQ(g.orientation, GlyphOrientation::horizontal);
}

}  // namespace
}  // namespace paiban
