#include "cli/diagnostic_printer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "e2e/run_command.hpp"

namespace paiban::cli {
namespace {

TEST(DiagnosticPrinter, WideCharactersTakeTwoColumns) {
  EXPECT_EQ(display_columns("abc", 2), 2);
  EXPECT_EQ(display_columns("标题abc", 2), 4);
  EXPECT_EQ(display_columns("标题abc", 3), 5);
  EXPECT_EQ(display_columns("\tx", 1), 8);
}

TEST(DiagnosticPrinter, ShowsTheLineAndACaretUnderTheSpot) {
  auto dir = test::temp_dir("diagnostic");
  auto file = (dir / "issue.xml").string();
  std::ofstream(file) << "<issue>\n  <标题>正文</colour>\n</issue>\n";
  std::ostringstream out;
  // Column 9 (1-based, in characters) is the '<' of </colour>.
  print_diagnostic(out, Severity::error, {file, 2, 9}, "mismatched end tag", false);
  std::string text = out.str();
  EXPECT_NE(text.find(file + ":2:9: error: mismatched end tag\n"), std::string::npos) << text;
  EXPECT_NE(text.find(" 2 |   <标题>正文</colour>\n"), std::string::npos) << text;
  // Two spaces, <标题> = 6 columns, 正文 = 4 columns: the caret stands at column 12.
  EXPECT_NE(text.find("   | " + std::string(12, ' ') + "^\n"), std::string::npos) << text;
}

TEST(DiagnosticPrinter, ColourOnlyWhenAsked) {
  std::ostringstream plain, coloured;
  print_diagnostic(plain, Severity::warning, {"x.xml", 0, 0}, "m", false);
  print_diagnostic(coloured, Severity::warning, {"x.xml", 0, 0}, "m", true);
  EXPECT_EQ(plain.str(), "x.xml: warning: m\n");
  EXPECT_NE(coloured.str().find("\033["), std::string::npos);
}

}  // namespace
}  // namespace paiban::cli
