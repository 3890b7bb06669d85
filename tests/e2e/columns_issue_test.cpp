// End to end in two columns: the seed issue and the itrade sample set with
// layouts/itrade.xml plus <columns count="2">, through the paiban binary,
// on screen and in print (PDF/X-4 + PDF/A-2u): the tagged PDF's reading
// order is the manifest's order, columns included (the structure tree, the
// content streams and the text a reader extracts all go down the first
// column, then the next), and qpdf and Ghostscript in strict mode are silent.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "e2e/run_command.hpp"
#include "pdf/tagged_pdf_check.hpp"
#include "support/pdf_checks.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;
using pdf_test::check_tagged_pdf;
using pdf_test::PdfFile;

/// The text of each <p> of a manifest, markup and white space removed.
std::vector<std::string> paragraphs_of(const std::string& xml) {
  std::vector<std::string> out;
  const std::regex p("<p(?: [^>]*)?>([\\s\\S]*?)</p>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), p); it != std::sregex_iterator();
       ++it) {
    std::string text = std::regex_replace((*it)[1].str(), std::regex("<[^>]+>"), "");
    text = std::regex_replace(text, std::regex("&amp;"), "&");
    out.push_back(without_white_space(text));
  }
  return out;
}

class ColumnsIssue : public ::testing::TestWithParam<const char*> {};

TEST_P(ColumnsIssue, ReadsInTheManifestsOrderAndPassesStrictChecks) {
  if (!have("qpdf") || !have("gs") || !have("pdftotext")) GTEST_SKIP() << "qpdf, gs, pdftotext";
  const std::string issue = GetParam();
  const fs::path dir = temp_dir("columns-" + issue);
  // The layout in two columns, beside copies of its pictures and the issue's.
  std::string layout = read_file(source_path("layouts/itrade.xml"));
  ASSERT_EQ(layout.find("<columns"), std::string::npos) << "itrade.xml has columns of its own";
  layout.insert(layout.find("<box-frame"),
                "<columns count=\"2\" gap=\"21pt\" rule=\"0.5pt\" rule-color=\"slate\"/>\n");
  std::ofstream(dir / "two-columns.xml") << layout;
  fs::create_directories(dir / "images");
  for (const fs::path& images :
       {fs::path(source_path("layouts/images")), fs::path(source_path("issues/" + issue + "/images"))})
    if (fs::exists(images))
      for (const auto& entry : fs::directory_iterator(images))
        fs::copy_file(entry.path(), dir / "images" / entry.path().filename(),
                      fs::copy_options::overwrite_existing);
  std::string xml = read_file(source_path("issues/" + issue + "/issue.xml"));
  xml = std::regex_replace(xml, std::regex("layout=\"itrade\""), "layout=\"two-columns.xml\"");
  const std::string manifest = (dir / "issue.xml").string();
  std::ofstream(manifest) << xml;

  for (const char* flags : {"", "--print --pdfa --pdfua"}) {
    SCOPED_TRACE(issue + " " + flags);
    const bool print = *flags != '\0';
    const std::string pdf = (dir / (print ? "print.pdf" : "screen.pdf")).string();
    auto render = run_command(paiban("render " + shell_quote(manifest) + " -o " +
                                     shell_quote(pdf) + " " + flags));
    ASSERT_EQ(render.exit_code, 0) << render.output;

    expect_strict_readers_silent(pdf);

    auto report = check_tagged_pdf(
        PdfFile::load(pdf),
        {.lang = "zh-Hans", .pdfua = true, .pdfa = print, .print = print, .links = !print});
    EXPECT_TRUE(report.failures.empty()) << joined_lines(report.failures);
    // The tree is in the manifest's order; its marked content is met in the
    // same order on every page: down the first column, then the second.
    // (Not where a page has a figure: the writer draws pictures after the
    // page's text, in one column as in two.)
    if (xml.find("<figure") == std::string::npos)
      EXPECT_TRUE(std::is_sorted(report.mcid_order.begin(), report.mcid_order.end()));
    EXPECT_EQ(static_cast<int>(report.mcid_order.size()), report.marked_contents);
    if (print) continue;  // the text check below reads the trimmed screen page

    // The text in content order holds every paragraph whole and in order,
    // however its lines are spread over columns and pages. The text area
    // only (itrade: 30 mm from the top, 22 mm from the foot): running heads
    // and page numbers would stand between a paragraph's pages.
    const std::string text = without_white_space(
        run_command("pdftotext -raw -r 72 -x 0 -y 84 -W 596 -H 696 " + shell_quote(pdf) + " -")
            .output);
    size_t at = 0;
    for (const std::string& paragraph : paragraphs_of(xml)) {
      const size_t found = text.find(paragraph, at);
      EXPECT_NE(found, std::string::npos) << "not whole, or out of order: " << paragraph;
      if (found != std::string::npos) at = found + paragraph.size();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Issues, ColumnsIssue, ::testing::Values("2017-06-15", "itrade-2024-05"),
                         [](const auto& info) { return test_name(info.param); });

}  // namespace
}  // namespace paiban::test
