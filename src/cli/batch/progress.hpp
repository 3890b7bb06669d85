// Progress of a batch on stderr: a live bar on a terminal, one plain line per
// issue otherwise (logs, CI, a scheduler's output files). Both end with the
// summary.
#pragma once
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <thread>

#include "paiban/batch.hpp"

namespace paiban::batch {

/// A progress display for `out`: the live bar when `terminal`, else lines.
std::unique_ptr<BatchProgress> make_progress(std::ostream& out, bool terminal);

/// True when stderr is a terminal that understands carriage returns and
/// "erase line" (not TERM=dumb).
bool stderr_is_terminal();

/// One line per finished issue: "[  3/200] rendered 2017-06-15.pdf  9 pages  0.081 s  (new)",
/// failures with their messages, the first warnings of each issue.
class LineProgress : public BatchProgress {
 public:
  explicit LineProgress(std::ostream& out) : out_(out) {}
  void started(size_t total, int jobs) override;
  void issue_finished(const IssueOutcome& outcome, size_t done) override;
  void finished(const BatchSummary& summary) override;

 private:
  std::ostream& out_;
  std::mutex mutex_;
  size_t total_ = 0;
};

/// A bar redrawn in place, with messages (failures, warnings) scrolling above it:
///   [########--------]  57/200  1 failed  0:03 left  setting 2018-03-01.pdf
class TerminalProgress : public BatchProgress {
 public:
  explicit TerminalProgress(std::ostream& out) : out_(out) {}
  ~TerminalProgress() override;
  void started(size_t total, int jobs) override;
  void issue_started(const BatchItem& item) override;
  void issue_finished(const IssueOutcome& outcome, size_t done) override;
  void finished(const BatchSummary& summary) override;

 private:
  using Clock = std::chrono::steady_clock;
  void draw_locked(bool always = false);  // the caller holds mutex_
  void stop_ticker();

  std::ostream& out_;
  std::mutex mutex_;
  std::condition_variable_any tick_;
  std::jthread ticker_;  // redraws so "time left" moves while one long issue is set
  Clock::time_point start_ = Clock::now();
  Clock::time_point drawn_{};  // last redraw
  size_t total_ = 0, done_ = 0, failed_ = 0;
  std::multiset<std::string> setting_;  // outputs being set now
  std::string latest_;                  // the one started last
};

/// The end of every batch: counts, time, rate, then each failure with its
/// FILE:LINE:COLUMN message.
void print_summary(std::ostream& out, const BatchSummary& summary);

/// The first few warnings of an issue, then how many more there are.
void print_warnings(std::ostream& out, const IssueOutcome& outcome, size_t limit = 3);

}  // namespace paiban::batch
