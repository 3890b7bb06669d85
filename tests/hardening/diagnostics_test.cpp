// Diagnostics on hostile input stay readable and quick: a manifest written on
// one long line shows only the part around the spot, and thousands of
// warnings do not read the file thousands of times.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "cli/diagnostic_printer.hpp"
#include "e2e/run_command.hpp"

namespace paiban::cli {
namespace {

TEST(HardeningDiagnostics, ALongLineIsShownAroundTheSpot) {
  auto dir = test::temp_dir("hardening-long-line");
  auto file = (dir / "issue.xml").string();
  std::string line = std::string(1000, 'a') + "标X" + std::string(1000, 'b');
  std::ofstream(file) << "<issue>\n" << line << "\n</issue>\n";
  std::ostringstream out;
  // Column 1002 (1-based, in characters) is the X.
  print_diagnostic(out, Severity::error, {file, 2, 1002}, "here", false);
  std::string text = out.str();
  // 60 characters either side: "…" + 59 a's + 标, X, then 59 b's + "…".
  std::string shown = "…" + std::string(59, 'a') + "标X" + std::string(59, 'b') + "…";
  EXPECT_NE(text.find(" 2 | " + shown + "\n"), std::string::npos) << text;
  // "…" and 59 a's are one column each, 标 two: the caret stands at column 62.
  EXPECT_NE(text.find("   | " + std::string(62, ' ') + "^\n"), std::string::npos) << text;
  EXPECT_LT(text.size(), 400u);
}

TEST(HardeningDiagnostics, TheStartOfALongLineIsNotCutOnTheLeft) {
  auto dir = test::temp_dir("hardening-long-line-start");
  auto file = (dir / "issue.xml").string();
  std::ofstream(file) << std::string(3000, 'c') << "\n";
  std::ostringstream out;
  print_diagnostic(out, Severity::warning, {file, 1, 3}, "here", false);
  EXPECT_NE(out.str().find(" 1 | " + std::string(62, 'c') + "…\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("   |   ^\n"), std::string::npos) << out.str();
}

// Bound: 5,000 warnings on a 4 MB one-line file print in under 5 s (each
// used to read the whole file again and print the whole line: 20 GB).
TEST(HardeningDiagnostics, ThousandsOfWarningsOnAHugeLineStayQuick) {
  auto dir = test::temp_dir("hardening-many-warnings");
  auto file = (dir / "issue.xml").string();
  std::ofstream(file) << std::string(4 << 20, 'x') << "\n";
  std::ostringstream out;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5000; ++i)
    print_diagnostic(out, Severity::warning, {file, 1, 1 + i * 800}, "w", false);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_LT(out.str().size(), 5000u * 200) << "no whole 4 MB line printed";
}

}  // namespace
}  // namespace paiban::cli
