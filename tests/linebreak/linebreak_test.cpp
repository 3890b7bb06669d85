#include "paiban/linebreak.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
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

TEST(ClreqBreaks, LevelNames) {
  EXPECT_EQ(break_level_from_string("none"), BreakLevel::none);
  EXPECT_EQ(break_level_from_string("basic"), BreakLevel::basic);
  EXPECT_EQ(break_level_from_string("GB"), BreakLevel::gb);
  EXPECT_EQ(break_level_from_string("strict"), BreakLevel::strict);
  EXPECT_THROW(break_level_from_string("loose"), std::invalid_argument);
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

}  // namespace
}  // namespace paiban
