// Ruby: the annotation centred above its base at half size, the base never
// split across lines, a long annotation widening the base's room, and the
// annotation's glyphs marked as no text (the PDF text is the base's).
#include <gtest/gtest.h>

#include <stdexcept>

#include "linebreak/paragraphs.hpp"
#include "paiban/linebreak.hpp"

namespace paiban {
namespace {

using testing::make_paragraph;
using testing::u32;
using testing::utf8;

/// `base` of `p` (the first occurrence) annotated with `annotation`, its
/// glyphs 1/2 em (5 pt) each as a CJK font sets kana at half size.
void annotate(ShapedParagraph& p, const std::string& base, const std::string& annotation) {
  const std::u32string b = u32(base);
  RubyAnnotation ruby;
  ruby.base_begin = static_cast<uint32_t>(p.text.find(b));
  ruby.base_end = ruby.base_begin + static_cast<uint32_t>(b.size());
  for (char32_t c : u32(annotation)) {
    ShapedGlyph g;
    g.glyph = c;
    g.size = p.em * kRubyScale;
    g.advance = g.size;
    ruby.glyphs.push_back(g);
    ruby.width += g.advance;
  }
  p.rubies.push_back(ruby);
}

struct Box {
  double left = 0, right = 0;
};

/// Where the glyphs of characters [begin, end) of the line's text are
/// (make_paragraph: one glyph per character).
Box base_box(const SetLine& line, uint32_t begin, uint32_t end) {
  Box box{1e9, -1e9};
  uint32_t index = line.text_begin;
  for (const PlacedGlyph& g : line.glyphs) {
    if (g.no_text) continue;
    if (index >= begin && index < end) {
      box.left = std::min(box.left, g.x);
      box.right = std::max(box.right, g.x + g.advance);
    }
    ++index;
  }
  return box;
}

const PlacedGlyph& glyph_of(const SetLine& line, char32_t c) {
  for (const PlacedGlyph& g : line.glyphs)
    if (g.text == std::u32string(1, c)) return g;
  throw std::runtime_error("no such glyph");
}

Box ruby_box(const SetLine& line) {
  Box box{1e9, -1e9};
  for (const PlacedGlyph& g : line.glyphs) {
    if (!g.no_text) continue;
    box.left = std::min(box.left, g.x);
    box.right = std::max(box.right, g.x + g.advance);
  }
  return box;
}

// 蜘蛛の糸's first sentence with the furigana the 青空文庫 text gives it.
TEST(Ruby, AnnotationIsCentredAboveItsBaseAtHalfSize) {
  ShapedParagraph p = make_paragraph("ある日の事でございます。御釈迦様は極楽の蓮池のふちを、独りでぶらぶら御歩きになっていらっしゃいました。");
  annotate(p, "御釈迦様", "おしゃかさま");
  BreakOptions options;
  options.measure = 600;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  int ruby_glyphs = 0;
  for (const PlacedGlyph& g : lines[0].glyphs) {
    if (!g.no_text) continue;
    ++ruby_glyphs;
    EXPECT_TRUE(g.text.empty());
    EXPECT_DOUBLE_EQ(g.size, 5);
    EXPECT_NEAR(g.y_offset, 0.88 * 10 + 0.12 * 5, 1e-9);  // on the base's em box
  }
  EXPECT_EQ(ruby_glyphs, 6);
  const Box base = base_box(lines[0], p.rubies[0].base_begin, p.rubies[0].base_end);
  const Box ruby = ruby_box(lines[0]);
  EXPECT_NEAR(base.right - base.left, 40, 1e-9);  // 30 pt of ruby over 40 pt of base
  EXPECT_NEAR(ruby.left + ruby.right, base.left + base.right, 1e-9);
  // The text is the base's, character for character.
  std::u32string text;
  for (const PlacedGlyph& g : lines[0].glyphs) text += g.text;
  EXPECT_EQ(utf8(text), utf8(p.text));
}

// A rare character of a zh-Hant text glossed in bopomofo: the annotation is
// wider than its base, which takes the annotation's width, half before and
// half after, and the annotation still sits over the middle of the base.
TEST(Ruby, LongAnnotationWidensItsBase) {
  ShapedParagraph p = make_paragraph("他在門外踅來踅去。");
  annotate(p, "踅", "ㄒㄩㄝˊ");  // 4 glyphs: 20 pt over a 10 pt base
  BreakOptions options;
  options.measure = 300;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(glyph_of(lines[0], U'踅').x, 40 + 5, 1e-9);  // 5 pt of room before it
  EXPECT_NEAR(glyph_of(lines[0], U'來').x, 40 + 20, 1e-9);  // and 5 after: 來 at 60
  const Box ruby = ruby_box(lines[0]);
  EXPECT_NEAR(ruby.left, 40, 1e-9);
  EXPECT_NEAR(ruby.right, 60, 1e-9);
}

// The base stays whole on one line, at every measure.
TEST(Ruby, BaseIsNeverSplitAcrossLines) {
  ShapedParagraph p = make_paragraph("御釈迦様は極楽の蓮池のふちを、独りでぶらぶら御歩きになっていらっしゃいました。");
  annotate(p, "御釈迦様", "おしゃかさま");
  for (double measure = 50; measure <= 120; measure += 5) {
    BreakOptions options;
    options.measure = measure;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    int lines_with_base = 0, lines_with_ruby = 0;
    for (const SetLine& line : lines) {
      bool base = false, ruby = false;
      for (const PlacedGlyph& g : line.glyphs) {
        base = base || g.text == U"釈" || g.text == U"迦";
        ruby = ruby || g.no_text;
      }
      lines_with_base += base;
      lines_with_ruby += ruby;
      if (base) {
        const Box b = base_box(line, p.rubies[0].base_begin, p.rubies[0].base_end);
        const Box r = ruby_box(line);
        EXPECT_NEAR(r.left + r.right, b.left + b.right, 1e-9) << measure;
      }
    }
    EXPECT_EQ(lines_with_base, 1) << measure;
    EXPECT_EQ(lines_with_ruby, 1) << measure;
  }
}

}  // namespace
}  // namespace paiban
