#include "pdf/content_stream.hpp"

#include <gtest/gtest.h>

#include <clocale>

#include "pdf/pdf_syntax.hpp"
#include "pdf/tounicode.hpp"

namespace paiban {
namespace {

TEST(PdfSyntax, NumbersAreShortAndLocaleFree) {
  EXPECT_EQ(pdf::num(12.5), "12.5");
  EXPECT_EQ(pdf::num(7), "7");
  EXPECT_EQ(pdf::num(-0.0001), "0");
  EXPECT_EQ(pdf::num(-1.2345), "-1.234");  // ties round to even in to_chars? no: 1.2345 is below
  EXPECT_EQ(pdf::num(595.276), "595.276");
  const char* old = std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
  EXPECT_EQ(pdf::num(0.25), "0.25");
  if (old) std::setlocale(LC_NUMERIC, "C");
}

TEST(PdfSyntax, Utf16WithSurrogates) {
  EXPECT_EQ(pdf::hex(pdf::utf16be(U"排")), "6392");
  EXPECT_EQ(pdf::hex(pdf::utf16be(U"\U00020000")), "D840DC00");
  EXPECT_EQ(pdf::hex(pdf::text_string_bytes("A𠀀")), "FEFF0041D840DC00");
}

TEST(PdfSyntax, Dates) {
  EXPECT_EQ(pdf::pdf_date(0), "D:19700101000000Z");
  EXPECT_EQ(pdf::pdf_date(1700000000), "D:20231114221320Z");
  EXPECT_EQ(pdf::xmp_date(pdf::epoch_of_date(2024, 2, 29)), "2024-02-29T00:00:00Z");
}

TEST(PdfToUnicode, BlocksOfAtMostOneHundred) {
  std::map<uint16_t, std::u32string> map;
  for (uint16_t c = 1; c <= 250; ++c) map[c] = std::u32string(1, U'一' + c);
  map[300] = U"";            // empty text: not mapped
  map[301] = U"\U0002A6A5";  // beyond the BMP
  std::string cmap = pdf::tounicode_cmap(map);
  EXPECT_NE(cmap.find("100 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("51 beginbfchar"), std::string::npos);
  EXPECT_EQ(cmap.find("<012C>"), std::string::npos);
  EXPECT_NE(cmap.find("<012D> <D869DEA5>"), std::string::npos);
}

TEST(PdfContentStream, TjAdjustmentsPlaceEachGlyph) {
  pdf::FontSubset subset;
  subset.code_of = {{10, 10}, {11, 11}};
  subset.width_of = {{10, 1000}, {11, 500}};
  std::map<uint16_t, std::u32string> text = {{10, U"中"}, {11, U"，"}};
  std::map<FaceId, pdf::FontUse> fonts = {{0, {"F1", &subset, &text}}};
  std::vector<PageGlyph> glyphs(3);
  glyphs[0] = {0, 10, 10, 50, 100, 10, Cmyk{}, U"中"};
  glyphs[1] = {0, 11, 10, 60, 100, 5, Cmyk{}, U"，"};     // right after: no adjustment
  glyphs[2] = {0, 10, 10, 65.5, 100, 10, Cmyk{}, U"中"};  // 0.5 pt further: -50
  pdf::PageFrame frame;
  frame.media_height = 800;
  std::string ops = pdf::text_operators(glyphs, fonts, frame);
  EXPECT_NE(ops.find("/F1 10 Tf"), std::string::npos) << ops;
  EXPECT_NE(ops.find("1 0 0 1 50 700 Tm"), std::string::npos) << ops;
  EXPECT_NE(ops.find("[<000A000B>-50<000A>] TJ"), std::string::npos) << ops;
}

TEST(PdfContentStream, MismatchedTextGetsActualText) {
  pdf::FontSubset subset;
  subset.code_of = {{10, 10}};
  subset.width_of = {{10, 1000}};
  std::map<uint16_t, std::u32string> text = {{10, U"一"}};
  std::map<FaceId, pdf::FontUse> fonts = {{0, {"F1", &subset, &text}}};
  std::vector<PageGlyph> glyphs(2);
  glyphs[0] = {0, 10, 10, 0, 100, 10, Cmyk{}, U"一"};
  glyphs[1] = {0, 10, 10, 10, 100, 10, Cmyk{}, U"\u2F00"};  // Kangxi radical one, same glyph
  pdf::PageFrame frame;
  frame.media_height = 800;
  std::string ops = pdf::text_operators(glyphs, fonts, frame);
  EXPECT_NE(ops.find("/Span <</ActualText <FEFF2F00>>> BDC\n[<000A>] TJ\nEMC"), std::string::npos)
      << ops;
}

TEST(PdfContentStream, RulesAndColours) {
  pdf::PageFrame frame;
  frame.media_height = 100;
  std::string ops = pdf::rule_operators({{10, 20, 90, 20, 0.5, Cmyk{0.1, 0, 0, 0.5}}}, frame);
  EXPECT_EQ(ops, "0.5 w\n0.1 0 0 0.5 K\n10 80 m 90 80 l S\n");
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

PageGlyph glyph_at(double x, double advance, std::u32string text) {
  PageGlyph g;
  g.glyph = 10;
  g.size = 10;
  g.x = x;
  g.y = 100;
  g.advance = advance;
  g.text = std::move(text);
  return g;
}

TEST(PdfContentStream, HanLatinGapIsJoinedWithoutASpace) {
  // 约 2 小时: 1/4 em autospace on both sides of the digit, no space in the text.
  std::vector<PageGlyph> glyphs = {glyph_at(0, 10, U"约"), glyph_at(12.5, 5, U"2"),
                                   glyph_at(20, 10, U"小"), glyph_at(30, 10, U"时")};
  auto spans = pdf::joined_spans(glyphs);
  EXPECT_EQ(spans, (std::vector<size_t>{3, 0, 0, 0}));
  // A real space glyph, or a separating gap, keeps glyphs apart.
  glyphs[1].text = U" 2 ";
  glyphs[3].x = 40;  // 1 em after 小
  EXPECT_EQ(pdf::joined_spans(glyphs), (std::vector<size_t>{0, 0, 0, 0}));

  pdf::FontSubset subset;
  subset.code_of = {{10, 10}};
  subset.width_of = {{10, 1000}};
  std::map<uint16_t, std::u32string> text = {{10, U"约"}};
  std::map<FaceId, pdf::FontUse> fonts = {{0, {"F1", &subset, &text}}};
  pdf::PageFrame frame;
  frame.media_height = 800;
  glyphs = {glyph_at(0, 10, U"约"), glyph_at(12.5, 10, U"2"), glyph_at(25, 10, U"小")};
  std::string ops = pdf::text_operators(glyphs, fonts, frame);
  EXPECT_NE(ops.find("/Span <</ActualText <FEFF7EA600325C0F>>> BDC\n[<000A>-250<000A>-250<000A>] "
                     "TJ\nEMC"),
            std::string::npos)
      << ops;
}

}  // namespace
}  // namespace paiban
