// The command line's contract: messages, exit codes, and no PDF on bad input.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/run_command.hpp"

namespace paiban::test {
namespace {

std::string write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

const char* kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

struct BadManifest {
  const char* name;
  std::string xml;
  int line;  // where the message must point
};

void PrintTo(const BadManifest& bad, std::ostream* out) { *out << bad.name; }

class CommandLine : public ::testing::TestWithParam<BadManifest> {};

TEST_P(CommandLine, BadManifestGivesLocationExit2AndNoPdf) {
  const BadManifest& bad = GetParam();
  auto dir = temp_dir(std::string("cli-") + bad.name);
  std::string manifest = write(dir / "issue.xml", bad.xml);
  std::string pdf = (dir / "out.pdf").string();
  auto result = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_TRUE(std::regex_search(
      result.output, std::regex(std::regex_replace(manifest, std::regex("[.+]"), "\\$&") + ":" +
                                std::to_string(bad.line) + ":\\d+: \\S")))
      << result.output;
  EXPECT_FALSE(std::filesystem::exists(pdf));
  // Nothing half-written left beside it either.
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename(), "issue.xml") << entry.path();
}

const std::string kGood =
    "<issue version=\"1\" date=\"2017-06-15\">\n"
    "  <title>T</title>\n"
    "  <publisher>P</publisher>\n"
    "  <section title=\"S\"><article><heading>H</heading><p>文字</p></article></section>\n"
    "</issue>\n";

INSTANTIATE_TEST_SUITE_P(
    Manifests, CommandLine,
    ::testing::Values(
        BadManifest{"bad-xml",
                    std::string(kHead) +
                        "<issue version=\"1\" date=\"2017-06-15\">\n<title>T</titel>\n</issue>\n",
                    3},
        BadManifest{"unknown-element",
                    std::string(kHead) +
                        "<issue version=\"1\" date=\"2017-06-15\">\n  <title>T</title>\n"
                        "  <publisher>P</publisher>\n  <colour/>\n</issue>\n",
                    5},
        BadManifest{"missing-title",
                    std::string(kHead) +
                        "<issue version=\"1\" date=\"2017-06-15\">\n  <publisher>P</publisher>\n"
                        "  <section title=\"S\"><article><heading>H</heading></article></section>\n"
                        "</issue>\n",
                    2},
        BadManifest{
            "bad-date",
            std::string(kHead) + std::regex_replace(kGood, std::regex("2017-06-15"), "2017-02-30"),
            2}),
    [](const auto& info) {
      std::string name = info.param.name;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

TEST(CommandLineBasics, HelpAndVersion) {
  auto help = run_command(paiban("--help"));
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("paiban render MANIFEST"), std::string::npos);
  auto version = run_command(paiban("--version"));
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(std::regex_search(version.output, std::regex("^paiban \\d+\\.\\d+\\.\\d+")));
}

TEST(CommandLineBasics, UsageErrorsExit1) {
  EXPECT_EQ(run_command(paiban("")).exit_code, 1);
  EXPECT_EQ(run_command(paiban("frobnicate")).exit_code, 1);
  EXPECT_EQ(run_command(paiban("render")).exit_code, 1);
  EXPECT_EQ(run_command(paiban("render a.xml --no-such-option")).exit_code, 1);
}

TEST(CommandLineBasics, CheckAcceptsTheRealIssue) {
  auto result =
      run_command(paiban("check " + shell_quote(source_path("issues/2017-06-15/issue.xml"))));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

TEST(CommandLineBasics, MissingFileIsInvalidInput) {
  auto result = run_command(paiban("check /nonexistent/issue.xml"));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("/nonexistent/issue.xml"), std::string::npos);
}

}  // namespace
}  // namespace paiban::test
