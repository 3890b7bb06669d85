#include "paiban/linebreak.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include "linebreak/breaks.hpp"
#include "linebreak/paragraphs.hpp"
#include "linebreak/rules.hpp"

namespace paiban {
namespace {

using testing::make_paragraph;
using testing::u32;
using testing::utf8;

/// Positions where a line may start, as a string of '|' inserted in text.
std::string marked(const std::string& text, BreakLevel level) {
  std::u32string t = u32(text);
  std::vector<bool> b = clreq_break_opportunities(t, "zh-Hans", level);
  std::u32string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (b[i]) out += U'|';
    out += t[i];
  }
  return utf8(out);
}

std::string line_text(const SetLine& line) {
  std::u32string out;
  for (const auto& g : line.glyphs) out += g.text;
  return utf8(out);
}

// ---------------------------------------------------------------- UAX #14

TEST(LineBreakUnicode, ConformanceTest) {
  const char* path = "/usr/share/unicode/auxiliary/LineBreakTest.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << path << " absent (apt-get install unicode-data)";
  // ICU 72 departs from the Unicode 15.0 test file in two known ways, both
  // deliberate ICU rules: it keeps a word-initial hyphen on its word ("-#",
  // "-§": Unicode 15.1's LB20a, taken early) and keeps a leading decimal
  // point or comma on its digits (".35", ",0": the regex form of numbers,
  // UAX #14 section 8.2 example 7, which ICU's rules implement).
  auto explain = [](const std::u32string& text, size_t i) -> std::string {
    size_t k = i - 1;
    while (k > 0 && text[k] == 0x0308) --k;  // combining marks attach to their base
    const bool digit_after = text[i] >= U'0' && text[i] <= U'9';
    if (text[k] == U'-' && (k == 0 || text[k - 1] == U' ') && !digit_after)
      return "word-initial hyphen (LB20a, Unicode 15.1)";
    if ((text[k] == U'.' || text[k] == U',') && digit_after)
      return "decimal point kept with its digits (UAX #14 8.2 example 7)";
    if ((text[i] == U'.' || text[i] == U',') && i + 1 < text.size() && text[i + 1] >= U'0' &&
        text[i + 1] <= U'9')
      return "decimal point kept with its digits (UAX #14 8.2 example 7)";
    return "";
  };
  int passed = 0, failed = 0, unexplained = 0;
  std::map<std::string, int> reasons;
  std::string row;
  int line_number = 0;
  while (std::getline(in, row)) {
    ++line_number;
    std::string rule = row.substr(0, row.find('#'));
    std::istringstream tokens(rule);
    std::u32string text;
    std::vector<bool> expected;  // expected[i]: break before character i
    std::string token;
    bool pending = false;
    while (tokens >> token) {
      if (token == "×" || token == "÷") {
        pending = token == "÷";
      } else {
        expected.push_back(pending);
        text += static_cast<char32_t>(std::stoul(token, nullptr, 16));
      }
    }
    if (text.empty()) continue;
    std::vector<bool> got = unicode_break_opportunities(text, "");
    size_t wrong = 0;
    for (size_t i = 1; i < text.size() && !wrong; ++i)
      if (got[i] != expected[i]) wrong = i;
    if (!wrong) {
      ++passed;
      continue;
    }
    ++failed;
    std::string reason = explain(text, wrong);
    if (reason.empty()) {
      ++unexplained;
      std::cout << "  unexplained failure, line " << line_number << ": " << row << std::endl;
    } else {
      ++reasons[reason];
    }
  }
  std::cout << "LineBreakTest: " << passed << " passed, " << failed << " failed" << std::endl;
  for (const auto& [reason, count] : reasons)
    std::cout << "  " << count << " failed: ICU's " << reason << std::endl;
  EXPECT_GT(passed, 7600);
  EXPECT_EQ(unexplained, 0);
}

// ------------------------------------------------------ clreq tailoring

TEST(ClreqBreaks, NoLineStartsWithPauseMarksOrClosingBrackets) {
  EXPECT_EQ(marked("中文，英文。", BreakLevel::basic), "中|文，|英|文。");
  EXPECT_EQ(marked("他（她）说、好", BreakLevel::basic), "他|（她）|说、|好");
  EXPECT_EQ(marked("《中国》：好", BreakLevel::basic), "《中|国》：|好");
}

TEST(ClreqBreaks, QuotationMarksBreakBetweenHanLikeUnicode15_1) {
  // ICU 72 (Unicode 15.0, LB19) never breaks next to “ ”; clreq does.
  EXPECT_EQ(marked("他说“你好”然后", BreakLevel::basic), "他|说|“你|好”|然|后");
  EXPECT_EQ(marked("好，“你”。", BreakLevel::basic), "好，|“你”。");
}

TEST(ClreqBreaks, DashesAndEllipsesNeverSplit) {
  std::string basic = marked("他说——好……对⋯⋯是", BreakLevel::basic);
  EXPECT_EQ(basic.find("—|—"), std::string::npos) << basic;
  EXPECT_EQ(basic.find("…|…"), std::string::npos) << basic;
  EXPECT_EQ(basic.find("⋯|⋯"), std::string::npos) << basic;
  // strict: not even at the start of a line
  std::string strict = marked("对⋯⋯是", BreakLevel::strict);
  EXPECT_EQ(strict, "对⋯⋯|是");
}

TEST(ClreqBreaks, NumbersStayWithTheirSignsAndUnits) {
  std::string text = marked("增长1.85亿元，占5%，价¥100，-3.5℃", BreakLevel::basic);
  EXPECT_NE(text.find("1.85"), std::string::npos) << text;
  EXPECT_NE(text.find("5%"), std::string::npos) << text;
  EXPECT_NE(text.find("¥100"), std::string::npos) << text;
  EXPECT_NE(text.find("3.5"), std::string::npos) << text;
  // 2017年 may break between the number and 年
  EXPECT_EQ(marked("2017年", BreakLevel::basic), "2017|年");
}

TEST(ClreqBreaks, LevelsDifferOnTheSolidus) {
  // basic: a solidus starts no line; GB: it ends none either.
  EXPECT_EQ(marked("甲/乙", BreakLevel::none), "甲/|乙");
  EXPECT_EQ(marked("甲/乙", BreakLevel::basic), "甲/|乙");
  EXPECT_EQ(marked("甲/乙", BreakLevel::gb), "甲/乙");
  EXPECT_EQ(marked("甲／乙", BreakLevel::basic), "甲／|乙");
  EXPECT_EQ(marked("甲／乙", BreakLevel::gb), "甲／乙");
}

TEST(ClreqBreaks, LevelNoneIsUntailored) {
  std::u32string t = u32("他说“你好”然后");
  EXPECT_EQ(clreq_break_opportunities(t, "zh-Hans", BreakLevel::none),
            unicode_break_opportunities(t, "zh-Hans"));
}

// ------------------------------------------------------ break_paragraph

/// Checks what every set paragraph must satisfy; returns the lines' texts.
std::vector<std::string> check_lines(const ShapedParagraph& p, const std::vector<SetLine>& lines,
                                     const BreakOptions& options) {
  std::vector<std::string> texts;
  std::u32string all;
  for (size_t k = 0; k < lines.size(); ++k) {
    const SetLine& line = lines[k];
    EXPECT_EQ(line.last, k + 1 == lines.size());
    texts.push_back(line_text(line));
    for (const auto& g : line.glyphs) all += g.text;
    if (line.glyphs.empty()) continue;
    std::u32string t = u32(texts.back());
    if (k > 0)
      EXPECT_FALSE(linebreak::line_start_forbidden(t.front(), options.level))
          << "line " << k << " starts with a forbidden mark: " << texts.back();
    if (!line.last)
      EXPECT_FALSE(linebreak::line_end_forbidden(t.back(), options.level))
          << "line " << k << " ends with an opening mark: " << texts.back();
    const PlacedGlyph& end = line.glyphs.back();
    if (options.align == Align::justify && !line.last)
      EXPECT_NEAR(end.x + end.advance, options.measure, 0.01)
          << "line " << k << ": " << texts.back();
    EXPECT_LE(end.x + end.advance, options.measure + 0.01) << "line " << k;
    EXPECT_NEAR(line.width, end.x + end.advance, 1e-6);
    if (k == 0) EXPECT_GE(line.glyphs.front().x, options.first_indent - 1e-9);
    for (size_t i = 1; i < line.glyphs.size(); ++i)  // in order, no overlap of pens
      EXPECT_GE(line.glyphs[i].x + 1e-6, line.glyphs[i - 1].x) << "line " << k;
  }
  // Every character but the spaces dropped at line breaks, once, in order.
  std::u32string expected;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::u32string part =
        p.text.substr(lines[k].text_begin, lines[k].text_end - lines[k].text_begin);
    while (!part.empty() && (part.back() == U' ' || part.back() == U'\n')) part.pop_back();
    size_t lead = 0;
    while (lead < part.size() && part[lead] == U' ') ++lead;
    expected += part.substr(lead);
  }
  EXPECT_EQ(utf8(all), utf8(expected));
  return texts;
}

const char* kSample =
    "海关总署近日发布公告，自2024年1月1日起，进出口货物收发货人可通过“单一窗口”办理原产地证书申请。"
    "据统计，今年前三季度全国签发各类原产地证书1.85亿份，同比增长5%"
    "，为企业减免关税约120亿元（人民币）。"
    "业内人士表示：“这项措施将进一步优化口岸营商环境，提升贸易便利化水平。”此外，RCEP协定项下的"
    "累积规则……也为区域内企业带来了实实在在的好处——特别是中小企业。";

TEST(LineBreakParagraph, JustifiedLinesEndOnTheMeasureAndKeepKinsoku) {
  for (double measure : {120.0, 155.0, 200.0, 233.0, 300.0}) {
    for (BreakLevel level : {BreakLevel::basic, BreakLevel::gb, BreakLevel::strict}) {
      ShapedParagraph p = make_paragraph(kSample, 10.0);
      BreakOptions options;
      options.measure = measure;
      options.first_indent = 20;
      options.level = level;
      Warnings warnings;
      auto lines = break_paragraph(p, options, warnings);
      EXPECT_TRUE(warnings.empty()) << warnings.front().message;
      ASSERT_GT(lines.size(), 2u);
      check_lines(p, lines, options);
    }
  }
}

TEST(LineBreakParagraph, LastLineAtNaturalSpacing) {
  ShapedParagraph p = make_paragraph("中文排版的基本要求", 10.0);
  BreakOptions options;
  options.measure = 200;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].last);
  EXPECT_NEAR(lines[0].width, 90, 1e-9);
  for (size_t i = 0; i < lines[0].glyphs.size(); ++i)
    EXPECT_NEAR(lines[0].glyphs[i].x, 10.0 * i, 1e-9);
}

TEST(LineBreakParagraph, AlignEndAndCenterShiftTheLine) {
  ShapedParagraph p = make_paragraph("页眉", 10.0);
  BreakOptions options;
  options.measure = 100;
  Warnings warnings;
  options.align = Align::end;
  EXPECT_NEAR(break_paragraph(p, options, warnings)[0].glyphs[0].x, 80, 1e-9);
  options.align = Align::center;
  EXPECT_NEAR(break_paragraph(p, options, warnings)[0].glyphs[0].x, 40, 1e-9);
}

TEST(LineBreakParagraph, SpacesAtLineEdgesAreDropped) {
  ShapedParagraph p =
      make_paragraph("The quick brown fox jumps over the lazy dog again and again", 10.0);
  BreakOptions options;
  options.measure = 80;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_GT(lines.size(), 2u);
  auto texts = check_lines(p, lines, options);
  for (const auto& t : texts) {
    EXPECT_NE(t.front(), ' ') << t;
    EXPECT_NE(t.back(), ' ') << t;
  }
}

TEST(LineBreakParagraph, OverlongWordIsBrokenWithAWarning) {
  ShapedParagraph p = make_paragraph("网址Pneumonoultramicroscopicsilicovolcanoconiosis见", 10.0);
  BreakOptions options;
  options.measure = 100;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_FALSE(warnings.empty());
  EXPECT_EQ(warnings[0].code, "overfull-line");
  for (const auto& line : lines)
    if (!line.glyphs.empty()) EXPECT_LE(line.glyphs.back().x + line.glyphs.back().advance, 100.01);
  std::u32string all;
  for (const auto& line : lines)
    for (const auto& g : line.glyphs) all += g.text;
  EXPECT_EQ(all, p.text);
}

TEST(LineBreakParagraph, EmergencyBreaksStayInsideTheOverlongWord) {
  ShapedParagraph p = make_paragraph(
      "甲乙丙，丁戊己。庚辛壬癸，子丑寅卯辰巳，Pneumonoultramicroscopicsilicovolcanoconiosis"
      "午未申酉，戌亥甲乙丙丁，戊己庚辛。",
      10.0);
  for (double measure : {60.0, 75.0, 90.0}) {
    BreakOptions options;
    options.measure = measure;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    ASSERT_FALSE(warnings.empty());
    auto texts = check_lines(p, lines, options);
    for (const auto& t : texts) {
      std::u32string u = u32(t);
      bool latin = std::all_of(u.begin(), u.end(), [](char32_t c) { return c < 0x80; });
      // Lines of Chinese text keep the rules; only the word is cut.
      if (!latin) {
        EXPECT_FALSE(linebreak::line_start_forbidden(u.front(), BreakLevel::basic)) << t;
      }
    }
  }
}

TEST(LineBreakParagraph, VeryLooseLinesWhenNothingElseFits) {
  // The fast pass ignores lines far shorter than the measure; when that
  // leaves no way through, every line is considered: no overfull line.
  ShapedParagraph p = make_paragraph("甲 abcdefghijklmnopqr 乙丙", 10.0);
  BreakOptions options;
  options.measure = 100;
  options.align = Align::start;  // lines of one glyph or one word cannot be justified
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  EXPECT_TRUE(warnings.empty());
  auto texts = check_lines(p, lines, options);
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(texts[0], "甲");
  EXPECT_EQ(texts[1], "abcdefghijklmnopqr");
}

TEST(LineBreakParagraph, ForcedBreakEndsALineRagged) {
  ShapedParagraph p = make_paragraph("第一行\n第二行内容", 10.0);
  BreakOptions options;
  options.measure = 200;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(line_text(lines[0]), "第一行");
  EXPECT_EQ(line_text(lines[1]), "第二行内容");
  EXPECT_NEAR(lines[0].width, 30, 1e-9);
}

TEST(LineBreakParagraph, EmptyParagraphGivesOneEmptyLine) {
  ShapedParagraph p;
  BreakOptions options;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].last);
  EXPECT_TRUE(lines[0].glyphs.empty());
}

// ------------------------------------------------- compression and spacing

std::vector<SetLine> set(const std::string& text, double measure, double indent = 0) {
  ShapedParagraph p = make_paragraph(text, 10.0);
  BreakOptions options;
  options.measure = measure;
  options.first_indent = indent;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  EXPECT_TRUE(warnings.empty());
  check_lines(p, lines, options);
  return lines;
}

TEST(ClreqCompression, AdjacentMarksTakeOneAndAHalfEm) {
  // 甲，“乙”。丙 on one line at natural spacing (em = 10 pt).
  auto lines = set("甲，“乙”。丙", 200);
  ASSERT_EQ(lines.size(), 1u);
  const auto& g = lines[0].glyphs;
  ASSERT_EQ(g.size(), 7u);
  // ，“ loses the blank before “: ， keeps its em, “ is drawn half an em left.
  EXPECT_NEAR(g[1].x, 10, 1e-9);
  EXPECT_NEAR(g[1].advance, 10, 1e-9);
  EXPECT_NEAR(g[2].x, 15, 1e-9);
  EXPECT_NEAR(g[2].advance, 5, 1e-9);
  EXPECT_NEAR(g[3].x, 25, 1e-9);  // 乙: the pair took 1.5 em
  // ”。 loses the blank after ”.
  EXPECT_NEAR(g[4].x, 35, 1e-9);
  EXPECT_NEAR(g[4].advance, 5, 1e-9);
  EXPECT_NEAR(g[5].x, 40, 1e-9);
  EXPECT_NEAR(g[6].x, 50, 1e-9);
}

// zh-Hant fonts centre 。 (a quarter em blank each side); Japanese ones
// draw ？ full width. Pairs with 」 still take 1.5 em, like every other pair,
// the rest coming from the blank after 」.
TEST(ClreqCompression, PairsWithoutFacingBlanksStillTakeOneAndAHalfEm) {
  for (const char* pair : {"甲。」乙", "甲？」乙"}) {
    ShapedParagraph p = make_paragraph(pair, 10.0);
    ShapedGlyph& first = p.glyphs[1];
    if (p.text[1] == U'。')
      first.ink_left = 3.5, first.ink_right = 6.5;  // centred
    else
      first.ink_left = 1.5, first.ink_right = 8.5;  // full width, no blank half
    BreakOptions options;
    options.measure = 200;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    const auto& g = lines[0].glyphs;
    ASSERT_EQ(g.size(), 4u);
    EXPECT_NEAR(g[3].x - g[0].x - 10, 15, 1e-9) << pair;  // the pair took 1.5 em
    // The mark stays in place; 」 keeps its ink by it (a quarter em after a
    // centred 。, right after ？) and gives the rest from its blank after.
    EXPECT_NEAR(g[1].x, 10, 1e-9) << pair;
    EXPECT_NEAR(g[2].x, p.text[1] == U'。' ? 17.5 : 20, 1e-9) << pair;
  }
}

TEST(ClreqCompression, BracketsPairUp) {
  // ）（ : the blank between them goes (the one before （).
  auto lines = set("甲（乙）（丙）丁", 200);
  const auto& g = lines[0].glyphs;
  ASSERT_EQ(g.size(), 8u);
  EXPECT_NEAR(g[3].x, 30, 1e-9);  // ）
  EXPECT_NEAR(g[3].advance, 10, 1e-9);
  EXPECT_NEAR(g[4].x, 35, 1e-9);  // （ drawn half an em left of the pen
  EXPECT_NEAR(g[4].advance, 5, 1e-9);
  EXPECT_NEAR(g[5].x, 45, 1e-9);  // 丙
}

TEST(ClreqCompression, MarkAtLineEndIsTrimmedToHalfWidthOnTheMeasure) {
  auto lines = set("甲乙丙丁戊，己庚辛壬癸子丑寅卯", 55);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(line_text(lines[0]), "甲乙丙丁戊，");
  const auto& comma = lines[0].glyphs.back();
  EXPECT_NEAR(comma.x, 50, 1e-6);
  EXPECT_NEAR(comma.advance, 5, 1e-6);
}

TEST(ClreqCompression, OpeningBracketAtLineStartLosesItsLeadingHalf) {
  auto lines = set("甲乙丙丁戊（己庚）辛壬癸子", 50);
  ASSERT_GE(lines.size(), 2u);
  ASSERT_EQ(line_text(lines[1]).substr(0, 3), "（");
  EXPECT_NEAR(lines[1].glyphs[0].x, -5, 1e-6);  // its ink starts at the edge
  EXPECT_NEAR(lines[1].glyphs[0].advance, 5, 1e-6);
  EXPECT_NEAR(lines[1].glyphs[1].x, 5, 0.5);
}

TEST(ClreqCompression, CompressFirstPushOutSecond) {
  // 甲乙丙，丁戊 is 6 em, 5.5 em with the comma at half width: it fits a
  // 55 pt measure by compressing the comma rather than pushing 戊 over.
  auto lines = set("甲乙丙，丁戊己庚辛壬", 55);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(line_text(lines[0]), "甲乙丙，丁戊");
  EXPECT_NEAR(lines[0].glyphs[3].advance, 5, 1e-6);
}

// A paragraph opening with “ keeps its indent when the line is compressed:
// the other marks give their blanks, not the one before “.
TEST(ClreqCompression, TheBlankBeforeALinesFirstMarkIsKept) {
  // “甲乙，丙丁。”戊 is 8.5 em with the pair 。” at 1.5 em; 8 em after a
  // 2 em indent (100 pt) takes 0.5 em from ，, none from before “.
  auto lines = set("“甲乙，丙丁。”戊", 100, 20);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(lines[0].glyphs[0].x, 20 - 5 + 5, 1e-9);  // “ drawn whole at the indent
  EXPECT_NEAR(lines[0].glyphs[1].x, 30, 1e-9);
}

TEST(ClreqSpacing, HanLatinGapIsAQuarterEm) {
  auto lines = set("中文ABC中文", 200);
  const auto& g = lines[0].glyphs;
  ASSERT_EQ(g.size(), 7u);
  // 1/4 em less a hair (rules.hpp): never more than 1/4 em, for extractors.
  const double gap = linebreak::kHanLatinGapEm * 10;
  EXPECT_GT(gap, 2.4);
  EXPECT_LT(gap, 2.5);
  EXPECT_NEAR(g[2].x, 20 + gap, 1e-9);  // 文 ends at 20
  EXPECT_NEAR(g[3].x, 25 + gap, 1e-9);
  EXPECT_NEAR(g[5].x, 35 + 2 * gap, 1e-9);  // C ends at 35 + gap
}

TEST(ClreqSpacing, NoGapWhereTheTextHasASpaceOrAtLineEdges) {
  auto lines = set("中 ABC 中", 200);
  const auto& g = lines[0].glyphs;
  ASSERT_EQ(g.size(), 7u);
  // 中, the space set as the Han-Latin gap (docs/texts.md), A.
  EXPECT_NEAR(g[2].x, 10 + linebreak::kHanLatinGapEm * 10, 1e-9);
  // A Latin word starting a line has no gap before it.
  auto two = set("中文中文中文中文中文ABCD中文", 100);
  ASSERT_GE(two.size(), 2u);
  EXPECT_EQ(line_text(two[1]).substr(0, 1), "A");
  EXPECT_NEAR(two[1].glyphs[0].x, 0, 1e-9);
}

TEST(ClreqSpacing, SpareSpaceGoesToWordSpacesThenCharacters) {
  // "ab cd" between Han: the space takes the slack first (to 1/2 em), then
  // the characters; the Han-Latin gaps hold.
  ShapedParagraph p = make_paragraph("中文中文ab cd中文中文中文中文", 10.0);
  BreakOptions options;
  options.measure = 95;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  ASSERT_GE(lines.size(), 2u);
  check_lines(p, lines, options);
  const auto& g = lines[0].glyphs;
  ASSERT_EQ(line_text(lines[0]), "中文中文ab cd中文");
  EXPECT_NEAR(g[6].advance, 5, 1e-6);                          // the space, 1/2 em
  EXPECT_NEAR(g[4].x - (g[3].x + g[3].advance), 2.45, 1e-6);  // 文 | a: the gap
  EXPECT_NEAR(g[9].x - (g[8].x + g[8].advance), 2.45, 1e-6);  // d | 中
  EXPECT_GT(g[1].x - g[0].x, 10 + 1e-3);                        // the rest between Han
  EXPECT_NEAR(g[1].x - g[0].x, g[10].x - g[9].x, 1e-6);
}

/// Breaks `p` on every whole measure from `from` to `to` pt (checking each
/// setting) and hands each justified line (every line but the last) to `look`.
void for_each_justified_line(const ShapedParagraph& p, double from, double to,
                             const std::function<void(const SetLine&)>& look) {
  for (double measure = from; measure <= to; measure += 1) {
    BreakOptions options;
    options.measure = measure;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    check_lines(p, lines, options);
    for (const auto& line : lines)
      if (!line.last) look(line);
  }
}

// A word space grows to 1/2 em at most; beyond that the slack goes between
// the characters, never to one wide hole.
TEST(ClreqSpacing, WordSpacesGrowToHalfAnEmAtMost) {
  ShapedParagraph p =
      make_paragraph("中文中文中文中文中 ab cd ef 文中文中文中文中文中文中文中文中文中文", 10.0);
  int lines_past_the_spaces = 0;
  for_each_justified_line(p, 120, 140, [&](const SetLine& line) {
    bool full_space = false;
    for (const auto& g : line.glyphs) {
      if (g.text != U" ") continue;
      EXPECT_LE(g.advance, 5 + 1e-6) << line_text(line);  // 1/2 em at most
      full_space = full_space || g.advance > 5 - 1e-6;
    }
    // Past the spaces' 1/2 em, the characters take the rest evenly.
    const double gap = line.glyphs[1].x - line.glyphs[0].x;
    if (full_space && gap > 10 + 1e-3) {
      ++lines_past_the_spaces;
      EXPECT_NEAR(line.glyphs[2].x - line.glyphs[1].x, gap, 1e-6) << line_text(line);
    }
  });
  EXPECT_GT(lines_past_the_spaces, 0);
}

// "。 Python" and "。Python" are set alike: a space beside a mark's blank
// half takes no width (the blank parts them), but stays in the text.
TEST(ClreqSpacing, ASpaceBesideAMarksBlankTakesNoWidth) {
  auto spaced = set("中文。 ab中文", 200);
  auto solid = set("中文。ab中文", 200);
  ASSERT_EQ(spaced[0].glyphs.size(), solid[0].glyphs.size() + 1);
  EXPECT_EQ(spaced[0].glyphs[3].text, U" ");
  EXPECT_NEAR(spaced[0].glyphs[3].advance, 0, 1e-9);
  EXPECT_NEAR(spaced[0].glyphs[4].x, solid[0].glyphs[3].x, 1e-9);
  // Before an opening bracket, too.
  auto before = set("ab （中）", 200);
  EXPECT_NEAR(before[0].glyphs[2].advance, 0, 1e-9);
  // Between Latin words a space keeps its width.
  auto words = set("ab cd", 200);
  EXPECT_NEAR(words[0].glyphs[2].advance, 2.5, 1e-9);
}

// Justification puts no gap between a mark and a Latin letter ("“The"):
// a text extractor would read it as a space.
TEST(ClreqSpacing, NoSpacingBetweenAMarkAndLatin) {
  ShapedParagraph p = make_paragraph("甲乙丙丁：“The fox”戊己庚辛壬癸子丑寅卯辰巳午未", 10.0);
  int stretched = 0;
  for_each_justified_line(p, 100, 140, [&](const SetLine& line) {
    for (size_t i = 1; i < line.glyphs.size(); ++i) {
      if (line.glyphs[i - 1].text != U"“" || line.glyphs[i].text != U"T") continue;
      EXPECT_NEAR(line.glyphs[i].x - line.glyphs[i - 1].x, 10, 1e-9) << line_text(line);
      if (line.glyphs[1].x - line.glyphs[0].x > 10 + 1e-3) ++stretched;  // 甲乙 spaced out
    }
  });
  EXPECT_GT(stretched, 0);
}

// A word that fits no line before it leaves that line loose: the looseness
// goes to the line with the most characters to share it, never to a line
// of two characters spread across the measure.
TEST(ClreqSpacing, ALongWordDoesNotLeaveANearlyEmptyLine) {
  ShapedParagraph p = make_paragraph(
      "地址长 128 位，通常写成八组四位十六进制数字，例如 "
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmn，可以压缩。",
      10.0);
  BreakOptions options;
  options.measure = 300;
  options.first_indent = 20;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  check_lines(p, lines, options);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(line_text(lines[0]), "地址长 128 位，通常写成八组四位十六进制数字，例如");
}

// Tokens: an identifier may break after a dot, between its camel-case words
// or before a number ending a name, a hash anywhere; a path
// keeps its leading slash with it, a number its decimal point.
TEST(ClreqBreaksInParagraphs, LongTokensBreakAtSeparators) {
  int mid_word = 0;  // breaks between two letters (a last resort), not marked
  auto opportunities = [&mid_word](const std::string& text) {
    mid_word = 0;
    linebreak::Items items = linebreak::build_items(make_paragraph(text, 10.0), BreakLevel::basic);
    std::string marks;  // "|" where a line may break, before each character
    for (size_t c = 0; c < items.clusters.size(); ++c) {
      if (c > 0 && items.junctions[c].opportunity != linebreak::Opportunity::none) {
        if (items.junctions[c].mid_word)
          ++mid_word;
        else
          marks += '|';
      }
      marks += utf8(make_paragraph(text).text.substr(
          items.clusters[c].text_begin, items.clusters[c].text_end - items.clusters[c].text_begin));
    }
    return marks;
  };
  EXPECT_EQ(opportunities("设spec.template.spec.containers为"),
            "设|spec.|template.|spec.|containers|为");
  EXPECT_EQ(opportunities("位于 /etc/postgresql中"), "位|于 /etc/|postgresql|中");
  EXPECT_EQ(opportunities("共1,234,567.89元"), "共|1,234,567.89|元");
  // Never one to three characters alone at either end ("nn." | ..., ... | "256").
  EXPECT_EQ(opportunities("选nn.CrossEntropyLoss()，"), "选|nn.Cross|Entropy|Loss()，");
  EXPECT_EQ(opportunities("用TLS_AES_128_GCM_SHA256。"), "用|TLS_|AES_|128_|GCM_|SHA256。");
  EXPECT_EQ(opportunities("用CHACHA20_POLY1305"), "用|CHACHA20_|POLY|1305");
  // 40 hexadecimal digits (20 em): any two may part as a last resort, 4
  // kept at each end.
  const std::string hash = "0123456789abcdef0123456789abcdef01234567";
  const std::string marks = opportunities("为" + hash + "。");
  EXPECT_EQ(marks, "为|0123456789abcdef|0123456789abcdef|01234567。");
  EXPECT_EQ(mid_word, 31);
  // A long number is never broken inside.
  EXPECT_EQ(opportunities("共12,345,678,901.23元"), "共|12,345,678,901.23|元");
  EXPECT_EQ(mid_word, 0);
}

// "65%左右", "约$100": the signs belong to the Western run and take the gap.
TEST(ClreqSpacing, PercentAndCurrencySignsTakeTheHanLatinGap) {
  auto lines = set("约65%左右", 200);
  const auto& g = lines[0].glyphs;
  ASSERT_EQ(g.size(), 6u);
  const double gap = linebreak::kHanLatinGapEm * 10;
  EXPECT_NEAR(g[1].x, 10 + gap, 1e-9);          // 约, gap, 6
  EXPECT_NEAR(g[4].x, g[3].x + 5 + gap, 1e-9);  // %, gap, 左
}

// "不满 —— 实际上": a space between two wide characters takes no width.
TEST(ClreqSpacing, ASpaceBetweenWideCharactersTakesNoWidth) {
  auto lines = set("不满 —— 实际上", 200);
  const auto& g = lines[0].glyphs;
  ASSERT_EQ(g.size(), 9u);
  EXPECT_NEAR(g[2].advance, 0, 1e-9);
  EXPECT_NEAR(g[3].x, 20, 1e-9);
}

TEST(ClreqSpacing, JustifiedHanLinesAreNotLoose) {
  ShapedParagraph p = make_paragraph(kSample, 10.0);
  for (double measure : {150.0, 210.0, 305.0}) {
    BreakOptions options;
    options.measure = measure;
    options.first_indent = 20;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    for (const auto& line : lines) {
      if (line.last) continue;
      for (size_t i = 1; i < line.glyphs.size(); ++i) {
        const auto& a = line.glyphs[i - 1];
        const auto& b = line.glyphs[i];
        if (a.text.size() != 1 || b.text.size() != 1) continue;
        if (!linebreak::is_ideographic(a.text[0]) || !linebreak::is_ideographic(b.text[0]))
          continue;
        EXPECT_LE((b.x - a.x - 10) / 10, 0.15 + 1e-9) << line_text(line);
      }
    }
  }
}

TEST(ClreqLastLine, NoLoneCharacter) {
  // 11 characters and a stop on 5-em lines: 5 + 5 + "子。" would leave 子 alone.
  for (const char* text : {"甲乙丙丁戊己庚辛壬癸子。", "甲乙丙丁戊己庚辛壬癸子"}) {
    auto lines = set(text, 50);
    ASSERT_GE(lines.size(), 2u);
    int letters = 0;
    for (const auto& g : lines.back().glyphs)
      if (!g.text.empty() && !linebreak::is_punctuation(g.text[0])) ++letters;
    EXPECT_GE(letters, 2) << line_text(lines.back());
  }
}

TEST(ClreqBreaksInParagraphs, DashAndEllipsisStayTogether) {
  for (double measure : {50.0, 60.0, 70.0, 80.0}) {
    auto lines = set("甲乙丙丁——戊己庚辛……壬癸子丑寅卯", measure);
    std::string joined;
    for (const auto& line : lines) joined += line_text(line) + "|";
    EXPECT_EQ(joined.find("—|—"), std::string::npos) << joined;
    EXPECT_EQ(joined.find("…|…"), std::string::npos) << joined;
    EXPECT_EQ(joined.find("|—"), std::string::npos) << joined;  // basic: no dash starts a line
  }
}

TEST(ClreqBreaksInParagraphs, LevelsDifferOnTheSolidus) {
  auto first_line = [](BreakLevel level) {
    ShapedParagraph p = make_paragraph("甲乙丙丁/戊己庚辛壬癸", 10.0);
    BreakOptions options;
    options.measure = 50;
    options.level = level;
    Warnings warnings;
    auto lines = break_paragraph(p, options, warnings);
    check_lines(p, lines, options);
    return line_text(lines.at(0));
  };
  EXPECT_EQ(first_line(BreakLevel::basic), "甲乙丙丁/");  // may end a line
  std::string gb = first_line(BreakLevel::gb);
  EXPECT_NE(gb.back(), '/') << gb;  // GB: a solidus ends no line
  EXPECT_NE(first_line(BreakLevel::strict).back(), '/');
}

TEST(ClreqBreaksInParagraphs, NumbersAndUnitsStayWhole) {
  for (double measure : {60.0, 65.0, 70.0, 75.0, 80.0, 85.0}) {
    auto lines = set("今年签发证书1.85亿份，增长5%，减免120.5亿元", measure);
    for (const auto& line : lines) {
      std::string t = line_text(line);
      EXPECT_NE(t.substr(t.size() - 1), ".") << t;
      EXPECT_NE(t.substr(0, 1), "%") << t;
      EXPECT_EQ(t.find("1.8"),
                t.find("1.85") == std::string::npos ? std::string::npos : t.find("1.8"));
    }
  }
}

TEST(LineBreakParagraph, LongParagraphIsFast) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += kSample;  // ~ 36 000 characters
  ShapedParagraph p = make_paragraph(text, 10.0);
  BreakOptions options;
  options.measure = 300;
  Warnings warnings;
  auto lines = break_paragraph(p, options, warnings);
  EXPECT_GT(lines.size(), 1000u);
  EXPECT_TRUE(warnings.empty());
}

}  // namespace
}  // namespace paiban

namespace paiban {
TEST(ClreqJapanese, SmallKanaNeverStartALine) {
  // ちょっと: with lang="ja" no break before ょ or っ (JIS X 4051 strict).
  std::u32string text = U"ちょっとまって";
  auto ja = clreq_break_opportunities(text, "ja", BreakLevel::basic);
  EXPECT_FALSE(ja[1]);  // before ょ
  EXPECT_FALSE(ja[2]);  // before っ
  EXPECT_TRUE(ja[3]);   // before と
}
}  // namespace paiban
