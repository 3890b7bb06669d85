// Progress output: lines when not on a terminal, the bar on one, the summary,
// and the report's JSON escaping.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/batch/progress.hpp"
#include "paiban/batch.hpp"

namespace paiban {
namespace {

BatchSummary sample_summary() {
  BatchSummary summary;
  summary.jobs = 2;
  summary.seconds = 2;
  IssueOutcome good;
  good.item = {"issues/2017-06-15/issue.xml", "2017-06-15.pdf"};
  good.status = IssueStatus::rendered;
  good.reason = "new";
  good.pages = 9;
  good.seconds = 0.0815;
  good.warnings.push_back(
      {"overfull-line", {"issues/2017-06-15/issue.xml", 12, 9}, "line too long"});
  IssueOutcome bad;
  bad.item = {"issues/2017-07-01/issue.xml", "2017-07-01.pdf"};
  bad.status = IssueStatus::failed;
  bad.errors.push_back({{"issues/2017-07-01/issue.xml", 5, 3}, "unknown element <colour>", false});
  IssueOutcome skipped;
  skipped.item = {"issues/2017-06-22/issue.xml", "2017-06-22.pdf"};
  skipped.status = IssueStatus::skipped;
  skipped.reason = "up to date";
  summary.issues = {good, bad, skipped};
  return summary;
}

TEST(BatchProgress, OneLinePerIssueThenSummary) {
  std::ostringstream out;
  auto progress = batch::make_progress(out, false);
  BatchSummary summary = sample_summary();
  progress->started(3, 2);
  for (size_t i = 0; i < 3; ++i) {
    progress->issue_started(summary.issues[i].item);
    progress->issue_finished(summary.issues[i], i + 1);
  }
  progress->finished(summary);
  std::string text = out.str();
  EXPECT_NE(text.find("[1/3] rendered 2017-06-15.pdf  9 pages  0.082 s  (new)  1 warning\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("issues/2017-06-15/issue.xml:12:9: warning[overfull-line]: line too long"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("[2/3] FAILED   2017-07-01.pdf"), std::string::npos) << text;
  EXPECT_NE(text.find("[3/3] skipped  2017-06-22.pdf  (up to date)"), std::string::npos) << text;
  EXPECT_NE(text.find("1 rendered, 1 up to date, 1 failed"), std::string::npos) << text;
  EXPECT_NE(text.find("failed:\n  issues/2017-07-01/issue.xml:5:3: unknown element <colour>\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "no terminal codes in plain output";
}

TEST(BatchProgress, TerminalBarRedrawsInPlaceAndEndsWithSummary) {
  std::ostringstream out;
  auto progress = batch::make_progress(out, true);
  BatchSummary summary = sample_summary();
  progress->started(3, 2);
  progress->issue_started(summary.issues[0].item);
  progress->issue_finished(summary.issues[0], 1);
  progress->issue_started(summary.issues[1].item);
  progress->issue_finished(summary.issues[1], 2);
  progress->issue_started(summary.issues[2].item);
  std::string mid = out.str();
  EXPECT_NE(mid.find("\r\x1b[K[#############-------] 2/3  1 failed"), std::string::npos) << mid;
  EXPECT_NE(mid.find("left  setting 2017-06-22.pdf"), std::string::npos) << mid;
  // The failure scrolled above the bar with its location.
  EXPECT_NE(mid.find("issues/2017-07-01/issue.xml:5:3: unknown element"), std::string::npos) << mid;
  progress->issue_finished(summary.issues[2], 3);
  progress->finished(summary);
  std::string text = out.str();
  EXPECT_NE(text.rfind("paiban batch: 3 issues in 2.00 s (1.5/s) on 2 threads"), std::string::npos)
      << text;
}

TEST(BatchProgress, ReportEscapesStrings) {
  BatchSummary summary = sample_summary();
  summary.issues[1].errors[0].message = "bad \"quote\" \\ and\ttab \x01 and 中文";
  summary.issues[1].item.manifest = std::string("bad\xff") + "name.xml";
  BatchOptions options;
  options.output_dir = "out";
  std::string json = batch_report_json(summary, options, {2, 4});
  EXPECT_NE(json.find("\"message\": \"bad \\\"quote\\\" \\\\ and\\ttab \\u0001 and 中文\""),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"manifest\": \"bad\\ufffdname.xml\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"shard\": \"2/4\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"seconds\": 0.082"), std::string::npos) << json;
}

}  // namespace
}  // namespace paiban
