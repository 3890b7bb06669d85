// cmake --install puts paiban, its layouts, fonts configuration, schemas and
// man page in place, and the installed program uses its own data.
#include <gtest/gtest.h>

#include "e2e/run_command.hpp"

namespace paiban::test {
namespace {

TEST(Install, InstalledPaibanUsesItsOwnLayoutsAndRenders) {
  auto prefix = temp_dir("install");
  auto install = run_command("cmake --install " + shell_quote(PAIBAN_BUILD_DIR) + " --prefix " +
                             shell_quote(prefix.string()));
  ASSERT_EQ(install.exit_code, 0) << install.output;
  for (const char* file :
       {"bin/paiban", "share/paiban/layouts/itrade.xml", "share/paiban/layouts/default.xml",
        "share/paiban/fonts/fonts.conf", "share/man/man1/paiban.1", "share/paiban/schema/issue.rng",
        "share/paiban/schema/layout.rng"})
    EXPECT_TRUE(std::filesystem::exists(prefix / file)) << file;

  std::string installed = (prefix / "bin/paiban").string();
  auto fonts = run_command(shell_quote(installed) + " fonts --layout itrade");
  ASSERT_EQ(fonts.exit_code, 0) << fonts.output;
  // The layout comes from the installation, not from the source tree.
  EXPECT_NE(fonts.output.find((prefix / "share/paiban/layouts/itrade.xml").string()),
            std::string::npos)
      << fonts.output;

  auto pdf = prefix / "out.pdf";
  auto render = run_command(shell_quote(installed) + " render " +
                            shell_quote(source_path("issues/2017-06-15/issue.xml")) + " -o " +
                            shell_quote(pdf.string()));
  EXPECT_EQ(render.exit_code, 0) << render.output;
  EXPECT_TRUE(std::filesystem::exists(pdf));

  auto version = run_command(shell_quote(installed) + " --version");
  EXPECT_NE(version.output.find("HarfBuzz"), std::string::npos) << version.output;
  EXPECT_NE(version.output.find("ICU"), std::string::npos) << version.output;
  EXPECT_NE(version.output.find("libharu"), std::string::npos) << version.output;
}

TEST(Install, ManPageCoversEveryCommand) {
  std::string man = read_file(source_path("docs/paiban.1"));
  for (const char* word :
       {"render", "check", "batch", "fonts", "--print", "--pdfx-1a", "--saddle-stitch",
        "--preflight", "--watch", "--werror", "--force", "--report", "--shard", "--layout",
        "--lang", "SOURCE_DATE_EPOCH", "EXIT STATUS"}) {
    std::string escaped;
    for (char c : std::string(word)) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
    EXPECT_TRUE(man.find(word) != std::string::npos || man.find(escaped) != std::string::npos)
        << word;
  }
}

}  // namespace
}  // namespace paiban::test
