// Issue 14's line rules, each from a line of a real text: an ideographic
// space ending a Japanese line, breaks inside URLs and identifiers, the
// Han-Latin gap held on every line, "+" and ASCII brackets between Han, and
// the one rule for typed spaces in mixed text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "linebreak/breaks.hpp"
#include "linebreak/paragraphs.hpp"
#include "linebreak/rules.hpp"
#include "paiban/linebreak.hpp"

namespace paiban {
namespace {

using testing::make_paragraph;
using testing::u32;
using testing::utf8;

std::string line_text(const SetLine& line) {
  std::u32string out;
  for (const auto& g : line.glyphs) out += g.text;
  return utf8(out);
}

std::vector<SetLine> set(const std::string& text, double measure, Warnings* out = nullptr) {
  BreakOptions options;
  options.measure = measure;
  Warnings warnings;
  auto lines = break_paragraph(make_paragraph(text, 10.0), options, warnings);
  if (out) *out = warnings;
  return lines;
}

/// The paragraph with '|' where a line may break.
std::string opportunities(const std::string& text) {
  const ShapedParagraph p = make_paragraph(text, 10.0);
  linebreak::Items items = linebreak::build_items(p, BreakLevel::basic);
  std::string marks;
  for (size_t c = 0; c < items.clusters.size(); ++c) {
    // Breaks between two letters are a last resort (warned): not marked.
    if (c > 0 && items.junctions[c].opportunity != linebreak::Opportunity::none &&
        !items.junctions[c].mid_word)
      marks += '|';
    marks += utf8(p.text.substr(items.clusters[c].text_begin,
                                items.clusters[c].text_end - items.clusters[c].text_begin));
  }
  return marks;
}

/// Each justified line of `text` set on every whole measure in [from, to].
void for_each_justified_line(const std::string& text, double from, double to,
                             const std::function<void(const SetLine&, double)>& look) {
  for (double measure = from; measure <= to; measure += 1)
    for (const SetLine& line : set(text, measure))
      if (!line.last) look(line, measure);
}

// 蜘蛛の糸 (issues/ja-kumo-no-ito) with its 「しめた。しめた。」 written as
// the Japanese text writes an exclamation: "！" then an ideographic
// space. At a line's end the space takes no width and the line still ends
// on the measure.
TEST(LineRules, IdeographicSpaceAtLineEndTakesNoWidth) {
  const std::string text =
      "「しめた！　しめた！」と大きな声を出して喚きました。ところがふと気がつきますと、蜘蛛の糸の下の方に"
      "は、数限もない罪人たちが、自分ののぼった後をつけて、まるで蟻の行列のように上へ上へ一心によじのぼって"
      "来るではございませんか。";
  int ending_in_space = 0;
  for_each_justified_line(text, 60, 200, [&](const SetLine& line, double measure) {
    const PlacedGlyph& end = line.glyphs.back();
    EXPECT_NEAR(end.x + end.advance, measure, 0.01) << line_text(line);
    if (end.text != U"\u3000") return;
    ++ending_in_space;
    EXPECT_NEAR(end.advance, 0, 1e-9) << line_text(line);
    // The "！" before it reaches the measure (its own width, no blank after).
    const PlacedGlyph& mark = line.glyphs[line.glyphs.size() - 2];
    EXPECT_EQ(mark.text, U"！");
    EXPECT_NEAR(mark.x + mark.advance, measure, 0.01) << line_text(line);
  });
  EXPECT_GT(ending_in_space, 0);
  // Inside a line it is a full em, as typed.
  auto one = set("しめた！　しめた！", 200);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_NEAR(one[0].glyphs[4].advance, 10, 1e-9);
}

// The lines: "ChatGLM2-|6B", "repositorie|s", "同江-|下列宁斯阔耶".
TEST(LineRules, TokensNeverLeaveOneToThreeLettersAlone) {
  EXPECT_EQ(opportunities("使用ChatGLM2-6B模型"), "使|用|ChatGLM2-6B|模|型");
  EXPECT_EQ(opportunities("经同江-下列宁斯阔耶铁路大桥"), "经|同|江-下|列|宁|斯|阔|耶|铁|路|大|桥");
  const std::string url = "见https://github.com/THUDM/ChatGLM2-6B/tree/main/repositories。";
  const std::string marks = opportunities(url);
  EXPECT_NE(marks.find("github.|com/|THUDM/"), std::string::npos) << marks;
  EXPECT_EQ(marks.find("repositorie|s"), std::string::npos) << marks;
  EXPECT_EQ(marks.find("|6B"), std::string::npos) << marks;
  EXPECT_EQ(opportunities("用AutoModel.from_pretrained加载"),
            "用|Auto|Model.|from_|pretrained|加|载");
}

// A URL set in a paragraph breaks after its separators, never between two
// letters while a separator will do; only a word that fits nowhere else is
// broken inside, with a warning.
TEST(LineRules, UrlsBreakAfterSeparatorsAndMidWordOnlyWithAWarning) {
  const std::string text =
      "模型文件可以从 https://huggingface.co/THUDM/chatglm2-6b/tree/main/repositories "
      "下载，也可以用 AutoModel.from_pretrained 自动下载并缓存到本地的目录中。";
  for (double measure = 120; measure <= 260; measure += 7) {
    Warnings warnings;
    auto lines = set(text, measure, &warnings);
    for (size_t k = 0; k + 1 < lines.size(); ++k) {
      const std::u32string t = u32(line_text(lines[k]));
      const std::u32string next = u32(line_text(lines[k + 1]));
      const char32_t last = t.back(), first = next.front();
      // An identifier's words part where its case changes ("Auto|Model"):
      // an allowed break (items.cpp), not one between two letters of a word.
      const bool camel_case = last >= U'a' && last <= U'z' && first >= U'A' && first <= U'Z';
      const bool mid_word =
          linebreak::is_latin_like(last) && linebreak::is_latin_like(first) && !camel_case;
      if (!mid_word) continue;
      // Broken between letters: a warning says so.
      bool warned = false;
      for (const Warning& w : warnings)
        warned = warned || w.code == "word-broken" || w.code == "overfull-line";
      EXPECT_TRUE(warned) << line_text(lines[k]) << " | " << line_text(lines[k + 1]);
    }
  }
  // On a comfortable measure nothing is broken inside a word.
  Warnings warnings;
  set(text, 200, &warnings);
  for (const Warning& w : warnings) EXPECT_NE(w.code, "word-broken") << w.message;
}

// The seed's lines with Latin and digits: the Han-Latin gap is the same on
// justified lines (the slack goes between the characters); it shrinks,
// towards 1/8 em, only where every other setting is looser than the goal.
TEST(LineRules, HanLatinGapIsHeldOnEveryLine) {
  const std::string text =
      "据统计，今年前三季度全国签发各类原产地证书1.85亿份，同比增长5%，为企业减免关税约120亿元。"
      "此外，RCEP协定项下的累积规则也为区域内企业带来了好处，2017年第一季度通关时间压缩了35%左右。";
  const double gap = linebreak::kHanLatinGapEm * 10;
  int gaps = 0, shrunk = 0;
  for_each_justified_line(text, 110, 260, [&](const SetLine& line, double) {
    for (size_t i = 1; i < line.glyphs.size(); ++i) {
      const PlacedGlyph& a = line.glyphs[i - 1];
      const PlacedGlyph& b = line.glyphs[i];
      if (a.text.size() != 1 || b.text.size() != 1) continue;
      const bool han_latin =
          (linebreak::is_ideographic(a.text[0]) && linebreak::is_latin_like(b.text[0])) ||
          (linebreak::is_latin_like(a.text[0]) && linebreak::is_ideographic(b.text[0]));
      if (!han_latin) continue;
      ++gaps;
      const double set = b.x - (a.x + a.advance);
      EXPECT_LE(set, gap + 1e-6) << line_text(line);
      EXPECT_GE(set, 1.25 - 1e-6) << line_text(line);
      if (std::abs(set - gap) > 1e-6) ++shrunk;
    }
  });
  EXPECT_GT(gaps, 100);
  EXPECT_LE(shrunk * 20, gaps) << shrunk << " of " << gaps << " gaps shrunk";
}

// A layout's <line-break han-latin-gap="0.2em">: that gap, on every line.
TEST(LineRules, TheLayoutsHanLatinGapIsUsed) {
  const ShapedParagraph p =
      make_paragraph("据统计，今年前三季度全国签发各类原产地证书1.85亿份，同比增长5%，为企业减免关税。", 10.0);
  for (double measure = 120; measure <= 200; measure += 10) {
    BreakOptions options;
    options.measure = measure;
    options.han_latin_gap_em = 0.2;
    Warnings warnings;
    for (const SetLine& line : break_paragraph(p, options, warnings))
      for (size_t i = 1; i < line.glyphs.size(); ++i)
        if (line.glyphs[i - 1].text == U"书" && line.glyphs[i].text == U"1")
          EXPECT_NEAR(line.glyphs[i].x - (line.glyphs[i - 1].x + 10), 2.0, 1e-6) << measure;
  }
}

// The seed: "文明+监管+服务", "互联网+政务服务" take the gap on both sides of
// "+"; ASCII brackets follow what they enclose.
TEST(LineRules, PlusBetweenHanIsSpacedOnBothSidesAndBracketsFollowTheirContent) {
  auto lines = set("通过“文明+监管+服务”多点支撑", 300);
  const auto& g = lines[0].glyphs;
  const double gap = linebreak::kHanLatinGapEm * 10;
  for (size_t i = 1; i + 1 < g.size(); ++i) {
    if (g[i].text != U"+") continue;
    EXPECT_NEAR(g[i].x - (g[i - 1].x + g[i - 1].advance), gap, 1e-9);
    EXPECT_NEAR(g[i + 1].x - (g[i].x + g[i].advance), gap, 1e-9);
  }
  // "架构(API)的": gaps outside the brackets; "见[注]": none.
  auto latin = set("架构(API)的", 300)[0].glyphs;
  EXPECT_NEAR(latin[2].x - (latin[1].x + latin[1].advance), gap, 1e-9);
  EXPECT_NEAR(latin[7].x - (latin[6].x + latin[6].advance), gap, 1e-9);
  auto han = set("见[注]说明", 300)[0].glyphs;
  EXPECT_NEAR(han[1].x, han[0].x + han[0].advance, 1e-9);
  EXPECT_NEAR(han[4].x, han[3].x + han[3].advance, 1e-9);
}

// One rule for typed spaces: "35.9% 的" is set as "35.9%的" (the space is
// the Han-Latin gap), a space before or after a full-width mark takes no
// width, a space between Latin words is a word space.
TEST(LineRules, TypedSpacesInMixedTextFollowOneRule) {
  auto spaced = set("同比增长35.9% 的企业", 300)[0].glyphs;
  auto solid = set("同比增长35.9%的企业", 300)[0].glyphs;
  ASSERT_EQ(spaced.size(), solid.size() + 1);
  EXPECT_EQ(spaced[9].text, U" ");
  EXPECT_NEAR(spaced[10].x, solid[9].x, 1e-9);  // 的 where it is without the space
  auto before_comma = set("使用 Python ，然后", 300)[0].glyphs;
  EXPECT_EQ(before_comma[9].text, U" ");
  EXPECT_NEAR(before_comma[9].advance, 0, 1e-9);
  EXPECT_NEAR(before_comma[10].x, before_comma[8].x + before_comma[8].advance, 1e-9);
  // Justified, the gap-spaces stay the gap (shrunk towards 1/8 em only
  // where a line must shrink, as the untyped gap: see
  // ATypedHanLatinSpaceIsSetAsTheUntypedGap): only the word space between
  // Latin grows.
  const std::string text = "安装 Python 之后，用 pip install requests 安装第三方的软件包，然后再运行脚本。";
  for_each_justified_line(text, 150, 300, [&](const SetLine& line, double) {
    for (size_t i = 1; i + 1 < line.glyphs.size(); ++i) {
      if (line.glyphs[i].text != U" ") continue;
      const bool han_side = linebreak::is_ideographic(line.glyphs[i - 1].text[0]) ||
                            linebreak::is_ideographic(line.glyphs[i + 1].text[0]);
      if (han_side) {
        EXPECT_LE(line.glyphs[i].advance, linebreak::kHanLatinGapEm * 10 + 1e-9) << line_text(line);
        EXPECT_GE(line.glyphs[i].advance, linebreak::kHanLatinGapMinEm * 10 - 1e-9) << line_text(line);
      } else
        EXPECT_LE(line.glyphs[i].advance, linebreak::kLatinSpaceMaxEm * 10 + 1e-9) << line_text(line);
    }
  });
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

/// A line's glyphs without the typed spaces: (text, x) of each.
std::vector<std::pair<std::u32string, double>> without_spaces(const SetLine& line) {
  std::vector<std::pair<std::u32string, double>> out;
  for (const PlacedGlyph& g : line.glyphs)
    if (g.text != U" ") out.emplace_back(g.text, g.x);
  return out;
}

// "安装 Python 之后": the typed space between Han and Latin is the Han-Latin
// gap itself, as if not typed (docs/texts.md) — on every line, shrunk or
// stretched too: the paragraph typed with those spaces and without them is
// broken at the same places and its characters stand at the same x. (Typed,
// the gap could not shrink: a line the untyped text sets by shrinking its
// gaps was too long, and the typed text was broken elsewhere, looser.)
TEST(LineRules, ATypedHanLatinSpaceIsSetAsTheUntypedGap) {
  const std::string typed =
      "最新的 Python 发布版源代码总能从 python.org 获取，下载页链接为 https://www.python.org/downloads/。"
      "安装 Python 之后，用 pip install requests 安装第三方的软件包，然后再运行 AutoModel 的脚本。";
  std::string untyped;
  const std::u32string text = u32(typed);
  for (size_t i = 0; i < text.size(); ++i) {
    const bool han_latin =
        text[i] == U' ' && i > 0 && i + 1 < text.size() &&
        (linebreak::is_ideographic(text[i - 1]) || linebreak::is_ideographic(text[i + 1]));
    if (!han_latin) untyped += utf8(text.substr(i, 1));
  }
  int shrunk = 0;
  for (double measure = 100; measure <= 300; measure += 1) {
    const auto a = set(typed, measure), b = set(untyped, measure);
    ASSERT_EQ(a.size(), b.size()) << measure;
    for (size_t k = 0; k < a.size(); ++k) {
      const auto ga = without_spaces(a[k]), gb = without_spaces(b[k]);
      ASSERT_EQ(ga.size(), gb.size()) << measure << ": " << line_text(a[k]);
      for (size_t g = 0; g < ga.size(); ++g) {
        EXPECT_EQ(ga[g].first, gb[g].first) << measure;
        EXPECT_NEAR(ga[g].second, gb[g].second, 1e-6) << measure << ": " << line_text(a[k]);
      }
      for (const PlacedGlyph& g : a[k].glyphs)
        if (g.text == U" " && g.advance < linebreak::kHanLatinGapEm * 10 - 1e-6) ++shrunk;
    }
  }
  EXPECT_GT(shrunk, 0) << "no line needed its gaps shrunk: the test shows nothing";
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

/// The paragraph with '|' at its allowed breaks (not between two letters)
/// at `level`.
std::string breaks_at(const std::string& text, BreakLevel level) {
  const ShapedParagraph p = make_paragraph(text, 10.0);
  const linebreak::Items items = linebreak::build_items(p, level);
  std::string marks;
  for (size_t c = 0; c < items.clusters.size(); ++c) {
    if (c > 0 && items.junctions[c].opportunity != linebreak::Opportunity::none &&
        !items.junctions[c].mid_word)
      marks += '|';
    marks += utf8(p.text.substr(items.clusters[c].text_begin,
                                items.clusters[c].text_end - items.clusters[c].text_begin));
  }
  return marks;
}

// tech-python-faq: "…可以在 https://github.com/python/cpython/ 获取。" A URL's
// own trailing solidus is not the Chinese separator mark clreq keeps off a
// line's end (GB level, "和/或"): the line may end after the URL.
TEST(LineRules, AUrlsTrailingSolidusMayEndALine) {
  for (BreakLevel level : {BreakLevel::basic, BreakLevel::gb, BreakLevel::strict}) {
    const std::string marks = breaks_at("可以在 https://github.com/python/cpython/ 获取。", level);
    EXPECT_NE(marks.find("cpython/ |获"), std::string::npos) << marks;
  }
  // The separator mark between Han words still ends no line at GB level.
  EXPECT_EQ(breaks_at("是否和/或哪些", BreakLevel::gb).find("/|"), std::string::npos);
  EXPECT_EQ(breaks_at("是否和/ 或哪些", BreakLevel::gb).find("/ |"), std::string::npos);
}

// "…总能从 python.org 获取": after its separator a token's whole last
// component may start the next line even with three letters ("python." |
// "org"); a part of a word still may not ("repositorie" | "s", "ChatGLM2-" |
// "6B", "mai" | "n/").
TEST(LineRules, ATokensWholeLastComponentMayStartALine) {
  EXPECT_NE(breaks_at("总能从 python.org 获取", BreakLevel::strict).find("python.|org"),
            std::string::npos);
  EXPECT_NE(breaks_at("见 github.com 主页", BreakLevel::strict).find("github.|com"),
            std::string::npos);
  EXPECT_EQ(breaks_at("使用ChatGLM2-6B模型", BreakLevel::strict).find("|6B"), std::string::npos);
  const std::string url = breaks_at("见https://github.com/THUDM/tree/main/repositories。",
                                    BreakLevel::strict);
  EXPECT_EQ(url.find("repositorie|s"), std::string::npos) << url;
  EXPECT_EQ(url.find("mai|n"), std::string::npos) << url;
}

// A URL wider than the measure that breaks after its separators into parts
// that fit is no "word wider than the measure": no overfull-line warning
// (tech-python-faq's https://docs.python.org/3/download.html in a 227 pt
// column was warned). A word with no allowed break that does not fit is.
TEST(LineRules, OnlyAWordNoAllowedBreakMakesFitIsWarned) {
  auto warned = [](const std::string& text, double measure, double indent) {
    BreakOptions options;
    options.measure = measure;
    options.first_indent = indent;
    Warnings warnings;
    break_paragraph(make_paragraph(text, 10.0), options, warnings);
    for (const Warning& w : warnings)
      if (w.code == "overfull-line") return true;
    return false;
  };
  const std::string url = "文档也可在 https://docs.python.org/3/download.html 获取，纯文本以及可下载的版本。";
  for (double measure = 80; measure <= 240; measure += 10)
    EXPECT_FALSE(warned(url, measure, 20)) << measure;
  EXPECT_TRUE(warned("这个词 Pneumonoultramicroscopicsilicovolcanoconiosis 太长了。", 120, 0));
  // Its first line is narrower by the indent: a word that starts the
  // paragraph must fit there.
  EXPECT_TRUE(warned("Incomprehensibilities 之后是中文的文字。", 110, 20));
  EXPECT_FALSE(warned("Incomprehensibilities 之后是中文的文字。", 110, 0));
}

}  // namespace
}  // namespace paiban
