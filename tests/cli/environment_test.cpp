// The environment is read once, by the command line, and handed down.
#include "cli/environment.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "e2e/run_command.hpp"

namespace paiban::cli {
namespace {

const char* fake_getenv(const char* name) {
  if (std::strcmp(name, "SOURCE_DATE_EPOCH") == 0) return "0";
  if (std::strcmp(name, "PAIBAN_LAYOUT_PATH") == 0) return "/a::/b/c:";
  if (std::strcmp(name, "PAIBAN_FONT_PATH") == 0) return "/fonts";
  if (std::strcmp(name, "NO_COLOR") == 0) return "";
  if (std::strcmp(name, "TERM") == 0) return "dumb";
  return nullptr;
}

TEST(CliEnvironment, ReadsEveryVariableOnce) {
  Environment env = read_environment(fake_getenv);
  EXPECT_EQ(env.source_date_epoch, "0");
  EXPECT_EQ(env.layout_path, (std::vector<std::string>{"/a", "/b/c"}));  // empty entries dropped
  EXPECT_EQ(env.font_path, "/fonts");
  EXPECT_FALSE(env.no_colour) << "NO_COLOR set but empty";
  EXPECT_TRUE(env.dumb_terminal);

  Environment none = read_environment([](const char*) -> const char* { return nullptr; });
  EXPECT_FALSE(none.source_date_epoch);
  EXPECT_TRUE(none.layout_path.empty());
  EXPECT_TRUE(none.font_path.empty());
  EXPECT_FALSE(none.dumb_terminal);
}

// PAIBAN_LAYOUT_PATH reaches the layout search through the command line.
TEST(CliEnvironment, LayoutPathFindsALayoutByName) {
  auto dir = test::temp_dir("cli-environment");
  std::filesystem::create_directories(dir / "layouts");
  std::filesystem::copy_file(test::source_path("layouts/default.xml"), dir / "layouts/house.xml",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "issue.xml", std::ios::binary)
      << "<issue version=\"1\" layout=\"house\" date=\"2017-06-15\"><title>T</title>"
         "<publisher>P</publisher><section title=\"S\"><article><heading>H</heading>"
         "<p>正文</p></article></section></issue>";
  const std::string check =
      test::paiban("check " + test::shell_quote((dir / "issue.xml").string()));
  auto found = test::run_command(
      "PAIBAN_LAYOUT_PATH=" + test::shell_quote((dir / "layouts").string()) + " " + check);
  EXPECT_EQ(found.exit_code, 0) << found.output;
  auto missing = test::run_command("env -u PAIBAN_LAYOUT_PATH " + check);
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("layout \"house\" not found"), std::string::npos) << missing.output;
}

}  // namespace
}  // namespace paiban::cli
