// run_batch in-process: failure isolation, incremental skipping, --force,
// and what each kind of change re-renders.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>

#include "cli/batch/batch_fixture.hpp"
#include "paiban/batch.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

// Counts callbacks from the worker threads.
class CountingProgress : public BatchProgress {
 public:
  void started(size_t total, int) override {
    total_ = total;
    ++starts;
  }
  void issue_started(const BatchItem&) override { ++issues_started; }
  void issue_finished(const IssueOutcome&, size_t done) override {
    std::lock_guard lock(mutex_);
    dones.insert(done);
  }
  void finished(const BatchSummary&) override { ++finishes; }
  std::atomic<int> starts{0}, finishes{0}, issues_started{0};
  std::set<size_t> dones;
  size_t total_ = 0;

 private:
  std::mutex mutex_;
};

class BatchRun : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test: ctest -j runs the tests of a fixture at once.
    dir_ = temp_dir(std::string("batch-run-") +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
    root_ = dir_ / "issues";
    out_ = dir_ / "out";
    write_text(root_ / "2017-06-15" / "issue.xml", small_manifest("2017-06-15", "第一期的文字。"));
    write_text(root_ / "2017-06-22" / "logo.png", tiny_png(false));
    write_text(
        root_ / "2017-06-22" / "issue.xml",
        small_manifest("2017-06-22", "第二期的文字。", "<figure src=\"logo.png\" width=\"0.2\"/>"));
    write_text(root_ / "2017-06-29" / "issue.xml", small_manifest("2017-06-29", "第三期的文字。"));
  }

  BatchSummary run(bool force = false) {
    BatchOptions options;
    options.output_dir = out_.string();
    options.jobs = 2;
    options.force = force;
    CountingProgress progress;
    BatchSummary summary =
        run_batch(discover_issues({root_.string()}), options, FontCache::shared(), progress);
    EXPECT_EQ(progress.starts, 1);
    EXPECT_EQ(progress.finishes, 1);
    EXPECT_EQ(progress.issues_started, static_cast<int>(summary.issues.size()));
    EXPECT_EQ(progress.dones.size(), summary.issues.size());  // 1..N, each once
    return summary;
  }

  static const IssueOutcome& outcome(const BatchSummary& summary, const std::string& output) {
    for (const auto& issue : summary.issues)
      if (issue.item.output == output) return issue;
    throw std::runtime_error("no outcome for " + output);
  }

  fs::path dir_, root_, out_;
};

TEST_F(BatchRun, BrokenIssueFailsAloneWithItsLocation) {
  write_text(root_ / "2017-07-01" / "issue.xml", broken_manifest());
  BatchSummary summary = run();
  ASSERT_EQ(summary.issues.size(), 4u);
  EXPECT_EQ(summary.count(IssueStatus::rendered), 3u);
  EXPECT_EQ(summary.count(IssueStatus::failed), 1u);
  const IssueOutcome& broken = outcome(summary, "2017-07-01.pdf");
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].where.file, (root_ / "2017-07-01" / "issue.xml").string());
  EXPECT_EQ(broken.errors[0].where.line, 5);
  EXPECT_FALSE(broken.errors[0].internal);
  EXPECT_FALSE(fs::exists(out_ / "2017-07-01.pdf"));
  for (const char* pdf : {"2017-06-15.pdf", "2017-06-22.pdf", "2017-06-29.pdf"}) {
    EXPECT_EQ(read_file(out_ / pdf).substr(0, 5), "%PDF-") << pdf;
    EXPECT_GT(outcome(summary, pdf).pages, 0) << pdf;
  }
  // Beside the PDFs: one record each, no temporary files left.
  std::set<std::string> records;
  for (const auto& entry : fs::directory_iterator(out_ / ".paiban-batch"))
    records.insert(entry.path().filename().string());
  EXPECT_EQ(records, (std::set<std::string>{"2017-06-15.pdf.record", "2017-06-22.pdf.record",
                                            "2017-06-29.pdf.record"}));
}

TEST_F(BatchRun, SecondRunSkipsForceRendersChangesRenderOnlyTheirIssue) {
  BatchSummary first = run();
  EXPECT_EQ(first.count(IssueStatus::rendered), 3u);
  for (const auto& issue : first.issues) EXPECT_EQ(issue.reason, "new");

  BatchSummary second = run();
  EXPECT_EQ(second.count(IssueStatus::skipped), 3u);
  EXPECT_EQ(outcome(second, "2017-06-15.pdf").pages, outcome(first, "2017-06-15.pdf").pages);

  BatchSummary forced = run(true);
  EXPECT_EQ(forced.count(IssueStatus::rendered), 3u);
  EXPECT_EQ(outcome(forced, "2017-06-15.pdf").reason, "forced");

  write_text(root_ / "2017-06-15" / "issue.xml", small_manifest("2017-06-15", "改过的文字。"));
  write_text(root_ / "2017-06-22" / "logo.png", tiny_png(true));
  BatchSummary changed = run();
  EXPECT_EQ(outcome(changed, "2017-06-15.pdf").status, IssueStatus::rendered);
  EXPECT_EQ(outcome(changed, "2017-06-15.pdf").reason, "changed: manifest");
  EXPECT_EQ(outcome(changed, "2017-06-22.pdf").status, IssueStatus::rendered);
  EXPECT_EQ(outcome(changed, "2017-06-22.pdf").reason, "changed: figure");
  EXPECT_EQ(outcome(changed, "2017-06-29.pdf").status, IssueStatus::skipped);

  fs::remove(out_ / "2017-06-29.pdf");
  BatchSummary removed = run();
  EXPECT_EQ(removed.count(IssueStatus::skipped), 2u);
  EXPECT_EQ(outcome(removed, "2017-06-29.pdf").status, IssueStatus::rendered);
  EXPECT_TRUE(fs::exists(out_ / "2017-06-29.pdf"));
}

// Whatever step an issue fails at (loading its layout, or setting it when a
// figure's data turns out damaged), the others are set and it alone fails.
TEST_F(BatchRun, AFailureAtAnyStepStaysWithItsIssue) {
  std::string no_layout = small_manifest("2017-07-06", "文字。");
  no_layout.replace(no_layout.find("<issue version=\"1\""), 18,
                    "<issue version=\"1\" layout=\"nosuch.xml\"");
  write_text(root_ / "2017-07-06" / "issue.xml", no_layout);
  std::string damaged = tiny_png(false);
  damaged[damaged.find("IDAT") + 6] ^= 0x55;  // the header reads, the pixels do not
  write_text(root_ / "2017-07-13" / "logo.png", damaged);
  write_text(root_ / "2017-07-13" / "issue.xml",
             small_manifest("2017-07-13", "文字。", "<figure src=\"logo.png\" width=\"0.2\"/>"));
  BatchSummary summary = run();
  ASSERT_EQ(summary.issues.size(), 5u);
  EXPECT_EQ(summary.count(IssueStatus::rendered), 3u);
  for (const char* failed : {"2017-07-06.pdf", "2017-07-13.pdf"}) {
    const IssueOutcome& issue = outcome(summary, failed);
    EXPECT_EQ(issue.status, IssueStatus::failed) << failed;
    ASSERT_EQ(issue.errors.size(), 1u) << failed;
    EXPECT_FALSE(issue.errors[0].internal) << to_string(issue.errors[0]);
    EXPECT_FALSE(fs::exists(out_ / failed)) << failed;
  }
  EXPECT_NE(outcome(summary, "2017-07-06.pdf").errors[0].message.find("nosuch.xml"),
            std::string::npos);
  EXPECT_EQ(outcome(summary, "2017-07-13.pdf").errors[0].where.file,
            (root_ / "2017-07-13" / "issue.xml").string());
}

TEST_F(BatchRun, ReportListsEveryIssue) {
  write_text(root_ / "2017-07-01" / "issue.xml", broken_manifest());
  BatchOptions options;
  options.output_dir = out_.string();
  BatchSummary summary = run();
  std::string json = batch_report_json(summary, options, {1, 1});
  EXPECT_EQ(report_status(json, "2017-06-15.pdf"), "rendered") << json;
  EXPECT_EQ(report_status(json, "2017-07-01.pdf"), "failed") << json;
  EXPECT_NE(json.find("\"counts\": {\"total\": 4, \"rendered\": 3, \"skipped\": 0, \"failed\": 1"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("issue.xml:5:"), std::string::npos) << json;
}

}  // namespace
}  // namespace paiban::test
