// End to end: the real issue of 2017-06-15 through the paiban binary, checked
// with poppler's tools and the independent audit.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/run_command.hpp"
#include "support/pdf_checks.hpp"

namespace paiban::test {
namespace {

const char* kIssue = "issues/2017-06-15/issue.xml";

// Rendered once for every test in this file.
class RenderIssue : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = temp_dir("e2e");
    pdf_ = (dir_ / "2017-06-15.pdf").string();
    render_ = run_command(
        paiban("render " + shell_quote(source_path(kIssue)) + " -o " + shell_quote(pdf_)));
  }
  static std::string page_text(int page) {
    return run_command("pdftotext -layout -f " + std::to_string(page) + " -l " +
                       std::to_string(page) + " " + shell_quote(pdf_) + " -")
        .output;
  }
  static inline std::filesystem::path dir_;
  static inline std::string pdf_;
  static inline CommandResult render_;
};

TEST_F(RenderIssue, RendersWithoutWarnings) {
  EXPECT_EQ(render_.exit_code, 0) << render_.output;
  EXPECT_EQ(render_.output.find("warning"), std::string::npos) << render_.output;
  ASSERT_TRUE(std::filesystem::exists(pdf_));
  EXPECT_EQ(read_file(pdf_).substr(0, 5), "%PDF-");
}

TEST_F(RenderIssue, HasTheExpectedPageCount) {
  auto info = run_command("pdfinfo " + shell_quote(pdf_));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info.output, m, std::regex("Pages:\\s+(\\d+)")));
  int pages = std::stoi(m[1]);
  // Cover, contents, about seven pages of news at 10.5 pt, the back matter.
  EXPECT_GE(pages, 7);
  EXPECT_LE(pages, 12);
}

TEST_F(RenderIssue, FrontPageCarriesTitleBlock) {
  std::string text = page_text(1);
  for (const char* s : {"涉外政策速递", "iTrade 国际贸易俱乐部",
                        "深圳市天地纵横企业管理顾问有限公司", "2017年06月15日"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
}

TEST_F(RenderIssue, ContentsPageListsEveryArticleWithItsPage) {
  std::string contents = page_text(2);
  ASSERT_NE(contents.find("目录"), std::string::npos) << contents;
  const std::vector<std::string> articles = {
      "原产地证服务从“零”开始", "全国海关首个通关预约微信平台在福州海关上线",
      "济南海关预录入系统全面开放便利企业通关", "跨境电子商务海关监管制度研讨会召开",
      "洛阳跨境电商通关平台顺利通过海关验收"};
  for (const auto& title : articles) {
    size_t at = contents.find(title);
    ASSERT_NE(at, std::string::npos) << title;
    // The entry's number, after the leader dots, names the page where the heading stands.
    std::smatch m;
    std::string rest = contents.substr(at);
    ASSERT_TRUE(std::regex_search(rest, m, std::regex("\\.{3,}\\s*(\\d+)"))) << title;
    int page = std::stoi(m[1]);
    EXPECT_NE(page_text(page).find(title), std::string::npos) << title << " not on page " << page;
  }
}

TEST_F(RenderIssue, EveryPageAfterTheFirstHasTheRunningHeaderAndItsNumber) {
  auto info = run_command("pdfinfo " + shell_quote(pdf_));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info.output, m, std::regex("Pages:\\s+(\\d+)")));
  int pages = std::stoi(m[1]);
  for (int p = 2; p <= pages; ++p) {
    std::string text = page_text(p);
    EXPECT_NE(text.find("天地纵横"), std::string::npos) << "page " << p;
    EXPECT_NE(text.find("最可依赖的贸易合规事务专家"), std::string::npos) << "page " << p;
    EXPECT_TRUE(std::regex_search(text, std::regex("(^|\\s)" + std::to_string(p) + "\\s*$")))
        << "page " << p << " has no number at its foot";
  }
}

TEST_F(RenderIssue, TextComesBackForCopyAndSearch) {
  std::string text = run_command("pdftotext " + shell_quote(pdf_) + " -").output;
  for (const char* s : {"为进一步促进自由贸易试验区成果转化", "来源：地方质检新闻", "签证“零”排放",
                        "海关|税务|外汇|商检|工商|外经等专项服务", "service@mbase.org.cn"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
}

TEST_F(RenderIssue, FontsAreEmbeddedSubsets) { expect_embedded_subset_fonts(pdf_); }

TEST_F(RenderIssue, SameInputGivesTheSameBytes) {
  std::string again = (dir_ / "again.pdf").string();
  auto second = run_command(
      paiban("render " + shell_quote(source_path(kIssue)) + " -o " + shell_quote(again)));
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_TRUE(read_file(again) == read_file(pdf_));
}

TEST_F(RenderIssue, PassesTheIndependentAudit) {
  if (audit_tool().empty()) GTEST_SKIP() << "no ../shared/tools/pdf-audit beside the checkout";
  auto result = run_audit(pdf_, source_path(kIssue));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

}  // namespace
}  // namespace paiban::test
