// Writing vertical lines: upright glyphs through the face's Identity-V font
// (TJ numbers move down), sideways ones turned 90 degrees clockwise, 縦中横
// on a horizontal baseline, and one ActualText per mixed vertical line.
#include <gtest/gtest.h>

#include "pdf/content_stream.hpp"
#include "pdf/font_embedding.hpp"

namespace paiban {
namespace {

struct Fixture {
  pdf::FontSubset subset;
  std::map<uint16_t, std::u32string> text = {{10, U"中"}, {11, U"，"}, {12, U"A"}, {13, U"1"}};
  std::map<FaceId, pdf::FontUse> fonts;
  pdf::PageFrame frame{800, 0, 0};
  Fixture() {
    subset.code_of = {{10, 10}, {11, 11}, {12, 12}, {13, 13}};
    subset.width_of = {{10, 1000}, {11, 1000}, {12, 600}, {13, 500}};
    subset.vertical_of = {{10, {1000, 500, 880}}, {11, {1000, 500, 880}}};
    fonts = {{0, {"F1", &subset, &text, "F2"}}};
  }
};

PageGlyph glyph(uint32_t id, double x, double y, double advance, const std::u32string& text,
                GlyphOrientation orientation) {
  PageGlyph g;
  g.glyph = id;
  g.size = 10;
  g.x = x;
  g.y = y;
  g.advance = advance;
  g.text = text;
  g.orientation = orientation;
  return g;
}

TEST(PdfVerticalText, UprightGlyphsGoDownThroughTheVerticalFont) {
  Fixture f;
  // 中，中 down a column at x = 100 from y = 50; the third one 0.5 pt lower.
  std::vector<PageGlyph> glyphs = {glyph(10, 100, 50, 10, U"中", GlyphOrientation::upright),
                                   glyph(11, 100, 60, 10, U"，", GlyphOrientation::upright),
                                   glyph(10, 100, 70.5, 10, U"中", GlyphOrientation::upright)};
  std::string ops = pdf::text_operators(glyphs, f.fonts, f.frame);
  EXPECT_NE(ops.find("/F2 10 Tf"), std::string::npos) << ops;
  EXPECT_EQ(ops.find("/F1 "), std::string::npos) << ops;
  EXPECT_NE(ops.find("1 0 0 1 100 750 Tm"), std::string::npos) << ops;
  // In vertical mode a positive number moves the pen down: +50 = 0.5 pt.
  EXPECT_NE(ops.find("[<000A000B>50<000A>] TJ"), std::string::npos) << ops;
}

TEST(PdfVerticalText, SidewaysLatinIsTurnedClockwiseAndTateChuYokoStaysUpright) {
  Fixture f;
  std::vector<PageGlyph> glyphs = {
      glyph(10, 100, 50, 10, U"中", GlyphOrientation::upright),
      glyph(12, 96.2, 60, 6, U"A", GlyphOrientation::sideways),
      glyph(12, 96.2, 66, 6, U"A", GlyphOrientation::sideways),
      glyph(13, 97.5, 80.3, 10, U"1", GlyphOrientation::tate_chu_yoko)};
  std::string ops = pdf::text_operators(glyphs, f.fonts, f.frame);
  EXPECT_NE(ops.find("0 -1 1 0 96.2 740 Tm"), std::string::npos) << ops;  // baseline runs down
  EXPECT_NE(ops.find("/F1 10 Tf"), std::string::npos) << ops;
  EXPECT_NE(ops.find("[<000C000C>] TJ"), std::string::npos) << ops;  // two letters, one run
  EXPECT_NE(ops.find("1 0 0 1 97.5 719.7 Tm"), std::string::npos) << ops;
  // The column holds turned glyphs: its text is one ActualText span.
  EXPECT_NE(ops.find("/Span <</ActualText <FEFF4E2D004100410031>>> BDC"), std::string::npos) << ops;
}

TEST(PdfVerticalText, OnlyMixedVerticalLinesGetOneSpan) {
  std::vector<PageGlyph> glyphs = {glyph(10, 100, 50, 10, U"中", GlyphOrientation::upright),
                                   glyph(10, 100, 60, 10, U"中", GlyphOrientation::upright),
                                   // the next column, to the left: upright only
                                   glyph(10, 80, 50, 10, U"中", GlyphOrientation::upright),
                                   glyph(10, 80, 60, 10, U"中", GlyphOrientation::upright),
                                   // a third with a 縦中横 digit
                                   glyph(10, 60, 50, 10, U"第", GlyphOrientation::upright),
                                   glyph(13, 57.5, 68.3, 10, U"2", GlyphOrientation::tate_chu_yoko),
                                   glyph(10, 60, 70, 10, U"條", GlyphOrientation::upright)};
  std::vector<size_t> end = pdf::vertical_spans(glyphs);
  EXPECT_EQ(end, (std::vector<size_t>{0, 0, 0, 0, 7, 0, 0}));
}

TEST(PdfVerticalText, W2ListsOnlyMetricsOffTheDefault) {
  std::map<uint16_t, int> widths = {{1, 1000}, {2, 1000}, {3, 1000}, {7, 600}};
  std::map<uint16_t, pdf::VerticalMetric> vertical = {
      {1, {1000, 500, 880}},  // the default: not listed
      {2, {1000, 500, 880}},
      {3, {500, 500, 880}},    // half an em down the line
      {7, {1000, 300, 900}}};  // origin off the default
  auto groups = pdf::w2_groups(vertical, widths);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups.at(3), (std::vector<int>{-500, 500, 880}));
  EXPECT_EQ(groups.at(7), (std::vector<int>{-1000, 300, 900}));
}

}  // namespace
}  // namespace paiban
