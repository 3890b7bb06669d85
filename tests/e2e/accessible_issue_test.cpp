// End to end: every issue in issues/ rendered through the paiban binary as
// a tagged PDF/UA-1 file (screen) and as PDF/X-4 + PDF/A-2u + PDF/UA-1
// (--print --pdfa), walked by the self-check clause by clause, and checked
// by pdfinfo, qpdf and Ghostscript in strict mode.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "e2e/run_command.hpp"
#include "pdf/tagged_pdf_check.hpp"
#include "support/pdf_checks.hpp"

namespace paiban::test {
namespace {

using pdf_test::check_tagged_pdf;
using pdf_test::PdfFile;

std::string count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return std::to_string(n);
}

struct Mode {
  const char* name;
  const char* flags;
  bool print, pdfa;
};

class AccessibleIssue : public ::testing::TestWithParam<const char*> {};

TEST_P(AccessibleIssue, PassesTheSelfCheckOnScreenAndInPrint) {
  if (!have("qpdf") || !have("gs") || !have("pdfinfo")) GTEST_SKIP() << "qpdf, gs or pdfinfo";
  const std::string issue = GetParam();
  const std::string manifest = source_path("issues/" + issue + "/issue.xml");
  const std::string xml = read_file(manifest);
  std::smatch lang;
  ASSERT_TRUE(std::regex_search(xml, lang, std::regex("<issue[^>]* lang=\"([^\"]+)\"")));
  const auto dir = temp_dir("accessible-" + issue);
  for (const Mode& mode : {Mode{"screen", "", false, false},
                           Mode{"print+pdfa", "--print --pdfa --pdfua", true, true}}) {
    SCOPED_TRACE(issue + " " + mode.name);
    const std::string pdf = (dir / (std::string(mode.name) + ".pdf")).string();
    auto render = run_command(
        paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf) + " " + mode.flags));
    ASSERT_EQ(render.exit_code, 0) << render.output;

    EXPECT_NE(run_command("pdfinfo " + shell_quote(pdf)).output.find("Tagged:          yes"),
              std::string::npos);
    expect_strict_readers_silent(pdf);

    auto report = check_tagged_pdf(PdfFile::load(pdf), {.lang = lang[1],
                                                        .pdfua = true,
                                                        .pdfa = mode.pdfa,
                                                        .print = mode.print,
                                                        .links = !mode.print});
    EXPECT_TRUE(report.failures.empty()) << joined_lines(report.failures);

    // Headings: the contents title and each section an H1, each article an H2.
    const bool toc = xml.find("<toc") != std::string::npos;
    EXPECT_EQ(std::to_string(report.roles["H1"] - (toc ? 1 : 0)), count_of(xml, "<section "));
    EXPECT_GE(report.roles["H2"], std::stoi(count_of(xml, "<article")));
    EXPECT_EQ(std::to_string(report.roles["Note"]), count_of(xml, "<source>"));
    if (toc && !mode.print)
      EXPECT_EQ(report.roles["TOCI"], report.roles["Link"] - std::stoi(count_of(xml, "<a ")));
    // Reading order: the tree's order is the order on the pages (one column).
    EXPECT_TRUE(std::is_sorted(report.mcid_order.begin(), report.mcid_order.end()));
    EXPECT_EQ(static_cast<int>(report.mcid_order.size()), report.marked_contents);
  }
}

INSTANTIATE_TEST_SUITE_P(Issues, AccessibleIssue,
                         ::testing::Values("2017-06-15", "classic-shanhaijing", "ja-kumo-no-ito",
                                           "lit-luxun-kongyiji", "tech-python-faq",
                                           "zh-hant-ey-press"),
                         [](const auto& info) { return test_name(info.param); });

TEST(AccessibleFigure, PdfuaRefusesAFigureNoReaderCanDescribe) {
  // A figure with neither alt text nor caption: a located warning, and with
  // --pdfua an input error at the figure.
  if (!have("gs")) GTEST_SKIP() << "ghostscript makes the test image";
  const auto dir = temp_dir("accessible-figure");
  run_command("gs -q -o " + shell_quote((dir / "f.png").string()) +
              " -sDEVICE=pnggray -g40x30 -c '0.5 setgray clippath fill showpage'");
  std::string xml = read_file(source_path("issues/classic-shanhaijing/issue.xml"));
  const size_t p = xml.find("<p>又东三百里，曰堂庭之山");
  ASSERT_NE(p, std::string::npos);
  xml.insert(p, "<figure src=\"f.png\" width=\"0.5\"/>");
  const std::string manifest = (dir / "issue.xml").string();
  std::ofstream(manifest) << xml;
  const std::string pdf = (dir / "out.pdf").string();
  auto plain = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  EXPECT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_NE(plain.output.find("issue.xml:14:"), std::string::npos) << plain.output;
  EXPECT_NE(plain.output.find("no alt text"), std::string::npos) << plain.output;
  // Not claimed as PDF/UA-1, and the self-check agrees it is otherwise tagged.
  auto report = check_tagged_pdf(PdfFile::load(pdf), {.lang = "zh-Hans", .pdfua = false});
  const std::string failures = joined_lines(report.failures);
  EXPECT_NE(failures.find("Matterhorn 13-004"), std::string::npos) << failures;

  auto strict = run_command(
      paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf) + " --pdfua"));
  EXPECT_EQ(strict.exit_code, 2) << strict.output;
  EXPECT_NE(strict.output.find("issue.xml:14:"), std::string::npos) << strict.output;
}

TEST(AccessibleLanguage, ASpanInAnotherLanguageIsASpanWithLang) {
  // <span lang> becomes a Span structure element with /Lang, inside its
  // paragraph or its link, over exactly its glyphs; the text extracts as it
  // did, with no space invented at the Han-Latin gaps around the span.
  if (!have("qpdf")) GTEST_SKIP() << "qpdf";
  const auto dir = temp_dir("accessible-language");
  const std::string manifest = (dir / "issue.xml").string();
  std::ofstream(manifest) << "<issue version=\"1\" date=\"2017-06-15\" lang=\"zh-Hans\">\n"
                             "<title>语言</title><publisher>P</publisher>\n"
                             "<section title=\"S\"><article><heading>H</heading>\n"
                             "<p>用<span lang=\"en\">iTrade</span>平台办理，"
                             "<a href=\"https://example.org/\">见<span lang=\"ja\">直行便</span></a>。</p>\n"
                             "<p><span lang=\"en-GB\">Colour</span></p>\n"
                             "</article></section></issue>\n";
  const std::string pdf = (dir / "out.pdf").string();
  auto render = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  ASSERT_EQ(render.exit_code, 0) << render.output;

  auto report = check_tagged_pdf(PdfFile::load(pdf), {.lang = "zh-Hans"});
  EXPECT_TRUE(report.failures.empty()) << joined_lines(report.failures);
  ASSERT_EQ(report.languages.size(), 3u);
  EXPECT_EQ(report.languages[0].role, "Span");
  EXPECT_EQ(report.languages[0].lang, "en");
  EXPECT_EQ(report.languages[0].glyphs, 6);  // iTrade
  EXPECT_EQ(report.languages[1].lang, "ja");
  EXPECT_EQ(report.languages[1].glyphs, 3);  // 直行便, inside the Link
  EXPECT_EQ(report.languages[2].lang, "en-GB");
  EXPECT_EQ(report.languages[2].glyphs, 6);  // a paragraph all in one span
  EXPECT_EQ(report.roles["Span"], 3);
  EXPECT_EQ(report.roles["Link"], 1);
  EXPECT_TRUE(std::is_sorted(report.mcid_order.begin(), report.mcid_order.end()));

  if (audit_tool().empty()) GTEST_SKIP() << "no ../shared/tools/pdf-audit";
  auto audited = run_audit(pdf, manifest);
  EXPECT_TRUE(std::regex_search(audited.output, std::regex("(^|\n)inserted_spaces: 0 ")))
      << audited.output;
  EXPECT_TRUE(std::regex_search(audited.output, std::regex("(^|\n)text_fidelity: 0 missing")))
      << audited.output;
}

}  // namespace
}  // namespace paiban::test
