// render --print, --saddle-stitch and --preflight through the command line.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/run_command.hpp"

namespace paiban::test {
namespace {

int page_count(const std::string& pdf) {
  auto info = run_command("pdfinfo " + shell_quote(pdf));
  std::smatch m;
  if (!std::regex_search(info.output, m, std::regex("Pages:\\s+(\\d+)"))) return -1;
  return std::stoi(m[1]);
}

TEST(CommandLinePrint, SaddleStitchPadsToAMultipleOfFour) {
  auto dir = temp_dir("saddle");
  std::string plain = (dir / "plain.pdf").string(), padded = (dir / "padded.pdf").string();
  std::string manifest = shell_quote(source_path("issues/2017-06-15/issue.xml"));
  ASSERT_EQ(run_command(paiban("render " + manifest + " -o " + shell_quote(plain))).exit_code, 0);
  ASSERT_EQ(run_command(paiban("render " + manifest + " --saddle-stitch -o " + shell_quote(padded)))
                .exit_code,
            0);
  int before = page_count(plain), after = page_count(padded);
  ASSERT_GT(before, 0);
  EXPECT_EQ(after % 4, 0);
  EXPECT_GE(after, before);
  EXPECT_LT(after - before, 4);
  // The padding pages are blank: no furniture, no text.
  std::string last = run_command("pdftotext -f " + std::to_string(after) + " -l " +
                                 std::to_string(after) + " " + shell_quote(padded) + " -")
                         .output;
  if (after > before) EXPECT_EQ(std::regex_replace(last, std::regex("\\s+"), ""), "");
}

TEST(CommandLinePrint, PreflightJsonDescribesThePrintFile) {
  auto dir = temp_dir("preflight");
  std::string pdf = (dir / "print.pdf").string(), json = (dir / "preflight.json").string();
  auto result = run_command(
      paiban("render " + shell_quote(source_path("issues/2017-06-15/issue.xml")) +
             " --print --preflight-json " + shell_quote(json) + " -o " + shell_quote(pdf)));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::string summary = read_file(json);
  EXPECT_NE(summary.find("PDF/X-4"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\"pages\""), std::string::npos) << summary;
  EXPECT_EQ(summary.find("DeviceRGB"), std::string::npos) << summary;
  auto check = run_command("qpdf --check " + shell_quote(pdf));
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

}  // namespace
}  // namespace paiban::test
