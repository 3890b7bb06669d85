// End to end: the sample issue's figures (issues/itrade-2024-05: a full-bleed
// RGB JPEG at a page's top, a CMYK JPEG at a page's foot, a PNG with alpha in
// the text) through the paiban binary, screen and --print; and the
// resolution warning at the <figure>.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include "e2e/run_command.hpp"
#include "pdf/tagged_pdf_check.hpp"
#include "support/pdf_checks.hpp"

namespace paiban::test {
namespace {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// The `key` box (/BleedBox, /TrimBox) of the page `page` (from 0) of a QDF file.
Box page_box(const std::string& qdf, int page, const std::string& key) {
  std::regex re("/" + key + R"(\s*\[\s*([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s+([-0-9.]+)\s*\])");
  auto it = std::sregex_iterator(qdf.begin(), qdf.end(), re);
  for (int k = 0; k < page && it != std::sregex_iterator(); ++k) ++it;
  if (it == std::sregex_iterator()) return {};
  const std::smatch& m = *it;
  return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}

/// The widest image drawn in the QDF file: its `w 0 0 h x y cm` before `Do`.
Box widest_image(const std::string& qdf) {
  std::regex re(R"(([-0-9.]+) 0 0 ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) cm\s*/\S+ Do)");
  Box widest;
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), re); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    const double w = std::stod(m[1]), h = std::stod(m[2]), x = std::stod(m[3]), y = std::stod(m[4]);
    if (w > widest.x1 - widest.x0) widest = {x, y, x + w, y + h};
  }
  return widest;
}

class FiguresIssue : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = temp_dir("figures-issue"); }
  std::string render(const std::string& name, const std::string& flags) {
    const std::string pdf = (dir_ / name).string();
    auto result = run_command(paiban("render " + shell_quote(manifest_) + " -o " +
                                     shell_quote(pdf) + " --werror " + flags));
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_EQ(result.output.find("warning"), std::string::npos) << result.output;
    return pdf;
  }
  std::filesystem::path dir_;
  const std::string manifest_ = source_path("issues/itrade-2024-05/issue.xml");
};

TEST_F(FiguresIssue, CaptionsAreNumberedWithTheirCredits) {
  if (!have("pdftotext")) GTEST_SKIP() << "pdftotext";
  const std::string pdf = render("screen.pdf", "");
  const std::string text = run_command("pdftotext " + shell_quote(pdf) + " -").output;
  // Each label before its caption's text (pdftotext gives the ideographic
  // space after it as a space or a line end).
  auto at = [&](const std::string& what) { return text.find(what); };
  for (const auto& [label, caption] :
       {std::pair<std::string, std::string>{"图1", "黄昏时分的集装箱码头"},
        {"图2", "改造后的生产车间"}, {"图3", "iTrade 俱乐部会员徽章"}}) {
    ASSERT_NE(at(label), std::string::npos) << label << "\n" << text;
    ASSERT_NE(at(caption), std::string::npos) << caption << "\n" << text;
    EXPECT_LT(at(label), at(caption));
    EXPECT_LT(at(caption) - at(label), 8u) << label;
  }
  EXPECT_EQ(at("图4"), std::string::npos);
  for (const char* credit : {"摄影：本刊记者", "图片：企业供稿", "设计：俱乐部秘书处"})
    EXPECT_NE(at(credit), std::string::npos) << credit << "\n" << text;
}

TEST_F(FiguresIssue, AltTextAndCaptionsAreTagged) {
  if (!have("qpdf")) GTEST_SKIP() << "qpdf";
  const std::string pdf = render("tagged.pdf", "--pdfua");
  auto report = pdf_test::check_tagged_pdf(pdf_test::PdfFile::load(pdf), {.lang = "zh-Hans"});
  EXPECT_TRUE(report.failures.empty()) << joined_lines(report.failures);
  EXPECT_EQ(report.roles["Figure"], 3);
  EXPECT_EQ(report.roles["Caption"], 3);
}

// In print the full-bleed picture fills the bleed box's width; on screen it
// runs past the trimmed page's edges (cut at the trim).
TEST_F(FiguresIssue, TheFullBleedPictureFillsTheBleedInPrint) {
  if (!have("qpdf")) GTEST_SKIP() << "qpdf";
  const std::string pdf = render("print.pdf", "--print");
  const std::string qdf_path = (dir_ / "print-qdf.pdf").string();
  run_command("qpdf --qdf --object-streams=disable " + shell_quote(pdf) + " " +
              shell_quote(qdf_path));
  const std::string qdf = read_file(qdf_path);
  const Box bleed = page_box(qdf, 0, "BleedBox");
  const Box picture = widest_image(qdf);
  ASSERT_GT(bleed.x1, 0);
  EXPECT_NEAR(picture.x0, bleed.x0, 0.01);
  EXPECT_NEAR(picture.x1, bleed.x1, 0.01);
  // Under the running head, above the foot (PDF y up).
  const Box trim = page_box(qdf, 0, "TrimBox");
  EXPECT_LT(picture.y1, trim.y1 - 70);
  EXPECT_GT(picture.y0, trim.y0 + 60);

  const std::string screen = render("screen-bleed.pdf", "");
  const std::string screen_qdf_path = (dir_ / "screen-qdf.pdf").string();
  run_command("qpdf --qdf --object-streams=disable " + shell_quote(screen) + " " +
              shell_quote(screen_qdf_path));
  const Box on_screen = widest_image(read_file(screen_qdf_path));
  EXPECT_LT(on_screen.x0, 0);  // past the trimmed page's left edge
  EXPECT_GT(on_screen.x1, 595);  // and its right (A4: 595.28 pt)
}

TEST_F(FiguresIssue, PrintRenderPassesTheCheckers) {
  if (!have("qpdf") || !have("gs")) GTEST_SKIP() << "qpdf, gs";
  const std::string pdf = render("print-checked.pdf", "--print");
  expect_strict_readers_silent(pdf);
}

// A picture with too few pixels for its placed size: a warning at its
// <figure>, under 300 in print and 150 on screen; --werror refuses it.
TEST_F(FiguresIssue, LowResolutionIsAWarningAtTheFigure) {
  std::string xml = read_file(manifest_);
  // The emblem (600 pixels) across the whole measure (168 mm): 90 pixels per inch.
  const std::string from = "src=\"images/emblem.png\" width=\"0.3\"";
  const size_t at = xml.find(from);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, from.size(), "src=\"images/emblem.png\" width=\"1\"");
  std::filesystem::create_directories(dir_ / "low/images");
  std::filesystem::copy_file(source_path("issues/itrade-2024-05/images/emblem.png"),
                             dir_ / "low/images/emblem.png",
                             std::filesystem::copy_options::overwrite_existing);
  for (const char* name : {"port.jpg", "factory-cmyk.jpg"})
    std::filesystem::copy_file(source_path(std::string("issues/itrade-2024-05/images/") + name),
                               dir_ / "low/images" / name,
                               std::filesystem::copy_options::overwrite_existing);
  const std::string manifest = (dir_ / "low/issue.xml").string();
  std::ofstream(manifest) << xml;
  // Where the <figure> is: its line and column.
  const size_t figure = xml.rfind("<figure", at);
  const int line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + figure, '\n'));
  const int column = static_cast<int>(figure - xml.rfind('\n', figure));
  const std::string where = "issue.xml:" + std::to_string(line) + ":" + std::to_string(column) + ":";
  const std::string pdf = (dir_ / "low.pdf").string();

  auto print = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf) +
                                  " --print"));
  EXPECT_EQ(print.exit_code, 0) << print.output;
  EXPECT_NE(print.output.find(where + " warning: figure emblem.png is placed at 90 pixels per "
                                      "inch (600 x 600 pixels over 168.0 x 168.0 mm), under the "
                                      "300 the layout asks for in print"),
            std::string::npos)
      << print.output;
  EXPECT_NE(print.output.find("[figure-low-resolution]"), std::string::npos) << print.output;
  auto screen = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  EXPECT_EQ(screen.exit_code, 0) << screen.output;
  EXPECT_NE(screen.output.find("under the 150 the layout asks for on screen"), std::string::npos)
      << screen.output;
  auto strict = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf) +
                                   " --print --werror"));
  EXPECT_EQ(strict.exit_code, 2) << strict.output;
  EXPECT_NE(strict.output.find(where), std::string::npos) << strict.output;
}

}  // namespace
}  // namespace paiban::test
