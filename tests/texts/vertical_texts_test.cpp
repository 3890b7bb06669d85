// Two real texts set vertically (writing-mode="vertical-rl"): the zh-Hant
// press releases in layouts/vertical-hant.xml and 蜘蛛の糸 in
// layouts/vertical-ja.xml (tests/texts/vertical/; the manifests repeat
// issues/zh-hant-ey-press and issues/ja-kumo-no-ito with a layout). They
// are here, not in issues/, because pdf-audit reads horizontal lines only
// (it finds no flow text on a vertical page): these checks stand in for it.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/run_command.hpp"
#include "support/pdf_checks.hpp"
#include "support/rendered_once.hpp"

namespace paiban::test {
namespace {

struct VerticalText {
  const char* name;  ///< directory under tests/texts/vertical/
  /// Passages in reading order, each running over several vertical lines
  /// (and so checking that the lines come back right to left).
  std::vector<const char*> passages;
};

const std::vector<VerticalText>& vertical_texts() {
  static const std::vector<VerticalText> texts = {
      {"zh-hant-ey-press-vertical",
       {"行政院第3272次院會決議（100年11月10日）",
        "一、臺鐵新竹六家支線，為繼臺鐵臺南沙崙支線後全國第2條銜接高鐵與臺鐵的軌道運輸系統，即將在"
        "明（11）日完工通車，提供民眾更舒適便捷、無縫接駁的服務，加上停駛4年半的臺鐵內灣支線，也將"
        "同時於明日復駛",
        "此外也把馬總統在97年10月25日視察內灣工地時，指示興建臺鐵、高鐵兩車站間的空中人行通廊",
        "不要有「人去政息」的想法，都應該秉持施政延續性的原則繼續辦理。", "即將於明（15）日開議。",
        "並規劃將導入AI公共程式（public code）", "目前已累計超過5萬5,000多項資料集。"}},
      {"ja-kumo-no-ito-vertical",
       {"ある日の事でございます。御釈迦様は極楽の蓮池のふちを、独りでぶらぶら御歩きになっていらっ"
        "しゃいました。池の中に咲いている蓮の花は、みんな玉のようにまっ白で、",
        "「いや、いや、これも小さいながら、命のあるものに違いない。",
        "慣れ切っているのでございます。"}},
  };
  return texts;
}

void PrintTo(const VerticalText& t, std::ostream* os) { *os << t.name; }

std::string manifest_of(const VerticalText& t) {
  return source_path(std::string("tests/texts/vertical/") + t.name + "/issue.xml");
}

/// One render per text per test run, shared by all the tests below.
const Rendered& render(const VerticalText& t) {
  return render_once(manifest_of(t), t.name, "vertical");
}

/// The PDF's objects as qpdf writes them uncompressed (object streams expanded).
std::string uncompressed(const std::string& pdf) {
  return run_command("qpdf --qdf --object-streams=disable " + shell_quote(pdf) + " -").output;
}

class VerticalTexts : public ::testing::TestWithParam<VerticalText> {};

TEST_P(VerticalTexts, RendersWithoutWarnings) {
  const Rendered& r = render(GetParam());
  EXPECT_EQ(r.result.exit_code, 0) << r.result.output;
  EXPECT_EQ(r.result.output.find("warning"), std::string::npos) << r.result.output;
  ASSERT_TRUE(std::filesystem::exists(r.pdf));
  auto check = run_command("qpdf --check " + shell_quote(r.pdf));
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST_P(VerticalTexts, TextComesBackInReadingOrder) {
  // pdftotext reads the vertical lines top to bottom, right to left, with
  // turned Latin and 縦中横 digits in their places.
  const Rendered& r = render(GetParam());
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  auto text = run_command("pdftotext -enc UTF-8 " + shell_quote(r.pdf) + " -");
  ASSERT_EQ(text.exit_code, 0) << text.output;
  const std::string flat = without_white_space(text.output);
  size_t from = 0;
  for (const char* passage : GetParam().passages) {
    const size_t at = flat.find(without_white_space(passage), from);
    EXPECT_NE(at, std::string::npos) << "not in the extracted text, in order: " << passage;
    if (at != std::string::npos) from = at;
  }
  // Vertical forms map back to the characters of the text: no U+FE10-FE4F
  // (vertical presentation forms) comes out, and no U+FFFD.
  for (const char* form : {"\uFE41", "\uFE42", "\uFE10", "\uFE11", "\uFE12", "\uFE35", "\uFFFD"})
    EXPECT_EQ(text.output.find(form), std::string::npos) << form;
}

TEST_P(VerticalTexts, PagesProgressRightToLeftThroughVerticalFonts) {
  const Rendered& r = render(GetParam());
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  const std::string pdf = uncompressed(r.pdf);
  EXPECT_NE(pdf.find("/Direction /R2L"), std::string::npos);
  EXPECT_NE(pdf.find("/Encoding /Identity-V"), std::string::npos);
  EXPECT_NE(pdf.find("/Encoding /Identity-H"), std::string::npos);  // furniture, Latin
  EXPECT_NE(pdf.find("0 -1 1 0 "), std::string::npos) << "no turned glyph";
  // Fonts: embedded subsets with ToUnicode.
  expect_embedded_subset_fonts(r.pdf);
}

TEST_P(VerticalTexts, LinesStandRightToLeftInsideTheTextArea) {
  // paiban trace: a body page's vertical lines, in reading order, each left
  // of the one before, all inside the text area. The first body page (page
  // 3, after the cover and the contents) is odd: in a right-to-left book a
  // left-hand page, bound on its right, so its right margin is the inner
  // one (22 mm) and page 4's the outer one (20 mm).
  auto trace = run_command(paiban("trace " + shell_quote(manifest_of(GetParam()))));
  ASSERT_EQ(trace.exit_code, 0) << trace.output;
  const std::regex line_re("^(\\d+) \\d+ x=([0-9.]+) y=([0-9.]+) .*\\| (.*)$");
  std::map<int, std::vector<double>> columns;  // page -> x of each vertical line, in order
  std::istringstream lines(trace.output);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, line_re)) continue;
    const double y = std::stod(m[3]), margin = 24 / 25.4 * 72, height = 728.504;
    if (y < margin - 1 || y > height - margin) continue;  // running head and folio
    columns[std::stoi(m[1])].push_back(std::stod(m[2]));
  }
  const double width = 515.906, inner = 22 / 25.4 * 72, outer = 20 / 25.4 * 72;
  for (int page : {3, 4}) {
    const std::vector<double>& xs = columns[page];
    ASSERT_GE(xs.size(), 10u) << "page " << page << "\n" << trace.output.substr(0, 3000);
    int leftwards = 0;
    for (size_t k = 1; k < xs.size(); ++k) leftwards += xs[k] < xs[k - 1] ? 1 : 0;
    EXPECT_GE(leftwards, static_cast<int>(xs.size()) - 3) << "page " << page;
    const double right_margin = page == 3 ? inner : outer;
    const double left_margin = page == 3 ? outer : inner;
    for (double x : xs) {
      EXPECT_LT(x, width - right_margin) << "page " << page;
      EXPECT_GT(x, left_margin) << "page " << page;
    }
    // The first line stands within a leading of the area's right edge.
    EXPECT_GT(xs.front(), width - right_margin - 20) << "page " << page;
  }
}

TEST_P(VerticalTexts, SameInputGivesTheSameBytes) {
  const Rendered& r = render(GetParam());
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  const std::string again = r.pdf + ".again.pdf";
  auto result = run_command(
      paiban("render " + shell_quote(manifest_of(GetParam())) + " -o " + shell_quote(again)));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(read_file(r.pdf), read_file(again));
}

INSTANTIATE_TEST_SUITE_P(Texts, VerticalTexts, ::testing::ValuesIn(vertical_texts()),
                         [](const ::testing::TestParamInfo<VerticalText>& info) {
                           return test_name(info.param.name);
                         });

// What pdf-audit makes of a vertical page, so that the day it learns to read
// one, this test says so and the texts can move to issues/.
TEST(VerticalTextsAudit, TheAuditDoesNotReadVerticalLines) {
  if (audit_tool().empty()) GTEST_SKIP() << "no ../shared/tools/pdf-audit beside the checkout";
  const VerticalText& t = vertical_texts().front();
  const Rendered& r = render(t);
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  auto result = run_audit(r.pdf, manifest_of(t), "--strict-quality");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("text_fidelity"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("missing p '一、臺鐵新竹六家支線"), std::string::npos)
      << result.output;
}

}  // namespace
}  // namespace paiban::test
