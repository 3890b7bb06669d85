// `paiban batch` through the binary: exit codes, messages, the report,
// incremental runs and shards.
#include <gtest/gtest.h>

#include <set>

#include "cli/batch/batch_fixture.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

class BatchCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir(std::string("batch-cmd-") +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
    root_ = dir_ / "issues";
    out_ = dir_ / "out";
    report_ = dir_ / "report.json";
  }

  void add_issues(int count) {
    for (int i = 1; i <= count; ++i) {
      std::string date = "2017-06-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      write_text(root_ / date / "issue.xml",
                 small_manifest(date, "第" + std::to_string(i) + "期。"));
    }
  }

  CommandResult batch(const std::string& extra = "") {
    return run_command(paiban("batch " + shell_quote(root_.string()) + " -o " +
                              shell_quote(out_.string()) + " --report " +
                              shell_quote(report_.string()) + " " + extra));
  }

  std::string report() const { return read_file(report_); }

  fs::path dir_, root_, out_, report_;
};

TEST_F(BatchCommand, BrokenManifestAmongGoodOnesExit2WithLocation) {
  add_issues(3);
  fs::path broken = root_ / "2017-07-01" / "issue.xml";
  write_text(broken, broken_manifest());
  auto result = batch("-j 2");
  EXPECT_EQ(result.exit_code, 2) << result.output;
  for (const char* pdf : {"2017-06-01.pdf", "2017-06-02.pdf", "2017-06-03.pdf"}) {
    EXPECT_TRUE(fs::exists(out_ / pdf)) << pdf;
    EXPECT_EQ(report_status(report(), pdf), "rendered") << report();
  }
  EXPECT_FALSE(fs::exists(out_ / "2017-07-01.pdf"));
  EXPECT_EQ(report_status(report(), "2017-07-01.pdf"), "failed");
  // The summary lists the failure with FILE:LINE:COLUMN.
  std::string expected = "failed:\n  " + broken.string() + ":5:";
  EXPECT_NE(result.output.find(expected), std::string::npos) << result.output;
  // Not a terminal: one plain line per issue.
  EXPECT_NE(result.output.find("[4/4] "), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find('\r'), std::string::npos) << result.output;

  // Again: the good ones are up to date, the broken one still fails.
  auto again = batch();
  EXPECT_EQ(again.exit_code, 2) << again.output;
  EXPECT_EQ(report_status(report(), "2017-06-01.pdf"), "skipped") << report();
  EXPECT_EQ(report_status(report(), "2017-07-01.pdf"), "failed") << report();
}

TEST_F(BatchCommand, IncrementalForceAndOneChange) {
  add_issues(3);
  auto first = batch();
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("3 rendered, 0 up to date, 0 failed"), std::string::npos)
      << first.output;
  auto mtime = fs::last_write_time(out_ / "2017-06-02.pdf");

  auto second = batch();
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("0 rendered, 3 up to date, 0 failed"), std::string::npos)
      << second.output;
  EXPECT_EQ(fs::last_write_time(out_ / "2017-06-02.pdf"), mtime);

  auto forced = batch("--force");
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(forced.output.find("3 rendered, 0 up to date"), std::string::npos) << forced.output;

  write_text(root_ / "2017-06-02" / "issue.xml", small_manifest("2017-06-02", "改过了。"));
  auto changed = batch();
  EXPECT_EQ(changed.exit_code, 0) << changed.output;
  EXPECT_NE(changed.output.find("1 rendered, 2 up to date"), std::string::npos) << changed.output;
  EXPECT_EQ(report_status(report(), "2017-06-02.pdf"), "rendered") << report();
  EXPECT_NE(changed.output.find("(changed: manifest)"), std::string::npos) << changed.output;
}

// The layout's pictures count as inputs: a new logo re-renders the issues
// that use the layout, and says why.
TEST_F(BatchCommand, ALayoutsPictureIsAnInput) {
  const fs::path layouts = dir_ / "layouts";
  std::string layout = read_file(source_path("layouts/default.xml"));
  const std::string cover = "<cover alone=\"yes\" furniture=\"no\">";
  ASSERT_NE(layout.find(cover), std::string::npos);
  layout.replace(layout.find(cover), cover.size(),
                 cover + "<image src=\"logo.png\" width=\"30mm\"/>");
  write_text(layouts / "logo.xml", layout);
  fs::copy_file(source_path("layouts/images/itrade-globe.png"), layouts / "logo.png");
  std::string manifest = small_manifest("2017-06-01", "有标志。");
  const std::string root = "<issue version=\"1\"";
  manifest.replace(manifest.find(root), root.size(), root + " layout=\"logo\"");
  write_text(root_ / "2017-06-01" / "issue.xml", manifest);
  const std::string env = "PAIBAN_LAYOUT_PATH=" + shell_quote(layouts.string()) + " ";
  auto run = [&] {
    return run_command(env + paiban("batch " + shell_quote(root_.string()) + " -o " +
                                     shell_quote(out_.string())));
  };
  auto first = run();
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(run().output.find("0 rendered, 1 up to date"), std::string::npos);
  fs::copy_file(source_path("layouts/images/literary-seal.png"), layouts / "logo.png",
                fs::copy_options::overwrite_existing);
  auto changed = run();
  EXPECT_EQ(changed.exit_code, 0) << changed.output;
  EXPECT_NE(changed.output.find("1 rendered, 0 up to date"), std::string::npos) << changed.output;
  EXPECT_NE(changed.output.find("(changed: layout image)"), std::string::npos) << changed.output;
}

TEST_F(BatchCommand, ShardsRenderDisjointSlicesCoveringTheArchive) {
  add_issues(5);
  std::set<std::string> made;
  size_t total = 0;
  for (int k = 1; k <= 2; ++k) {
    fs::path out = dir_ / ("out" + std::to_string(k));
    auto result =
        run_command(paiban("batch " + shell_quote(root_.string()) + " -o " +
                           shell_quote(out.string()) + " --shard " + std::to_string(k) + "/2"));
    EXPECT_EQ(result.exit_code, 0) << result.output;
    for (const auto& entry : fs::directory_iterator(out)) {
      if (entry.path().extension() != ".pdf") continue;
      made.insert(entry.path().filename().string());
      ++total;
    }
  }
  EXPECT_EQ(total, 5u);
  EXPECT_EQ(made.size(), 5u);
}

TEST_F(BatchCommand, UsageErrors) {
  add_issues(1);
  std::string root = shell_quote(root_.string());
  EXPECT_EQ(run_command(paiban("batch")).exit_code, 1);
  EXPECT_EQ(run_command(paiban("batch " + root)).exit_code, 1) << "no -o";
  EXPECT_EQ(run_command(paiban("batch " + root + " -o x --shard 3/2")).exit_code, 1);
  EXPECT_EQ(run_command(paiban("batch " + root + " -o x -j 0")).exit_code, 1);
  EXPECT_EQ(run_command(paiban("batch " + root + " -o x --frobnicate")).exit_code, 1);
  auto missing = run_command(paiban("batch /nonexistent/archive -o " + shell_quote(out_.string())));
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("/nonexistent/archive"), std::string::npos) << missing.output;
  auto help = run_command(paiban("batch --help"));
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("--shard K/N"), std::string::npos) << help.output;
}

}  // namespace
}  // namespace paiban::test
