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

TEST(CliEnvironment, KeptFontChoicesChangeNothingInTheFile) {
  // The commands keep fontconfig's answers under $XDG_CACHE_HOME/paiban: a
  // render with them kept gives the bytes a render without gives.
  auto dir = test::temp_dir("cli-font-choices");
  const std::string issue = test::shell_quote(test::source_path("issues/2017-06-15/issue.xml"));
  auto render = [&](const std::string& env, const std::string& out) {
    auto r = test::run_command(
        env + " " +
        test::paiban("render " + issue + " -o " + test::shell_quote((dir / out).string())));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return test::read_file(dir / out);
  };
  const std::string cache = "XDG_CACHE_HOME=" + test::shell_quote((dir / "cache").string());
  const std::string cold = render(cache, "cold.pdf");
  ASSERT_TRUE(std::filesystem::exists(dir / "cache/paiban/font-choices"));
  const std::string warm = render(cache, "warm.pdf");
  const std::string none = render("env -u XDG_CACHE_HOME -u HOME", "none.pdf");
  EXPECT_FALSE(cold.empty());
  EXPECT_EQ(warm, cold);
  EXPECT_EQ(none, cold);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace paiban::cli
