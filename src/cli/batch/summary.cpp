// The summary every batch ends with, on a terminal or not.
#include "cli/batch/format.hpp"
#include "cli/batch/progress.hpp"

namespace paiban::batch {

void print_summary(std::ostream& out, const BatchSummary& summary) {
  size_t total = summary.issues.size();
  size_t failed = summary.count(IssueStatus::failed);
  out << "paiban batch: " << total << " issue" << (total == 1 ? "" : "s") << " in "
      << fixed(summary.seconds, 2) << " s";
  if (summary.seconds > 0 && total > 0) out << " (" << fixed(total / summary.seconds, 1) << "/s)";
  out << " on " << summary.jobs << " thread" << (summary.jobs == 1 ? "" : "s") << ": "
      << summary.count(IssueStatus::rendered) << " rendered, "
      << summary.count(IssueStatus::skipped) << " up to date, " << failed << " failed";
  if (size_t warnings = summary.warning_count()) out << "; " << warnings << " warnings";
  out << "\n";
  if (failed == 0) return;
  out << "failed:\n";
  for (const IssueOutcome& issue : summary.issues) {
    if (issue.status != IssueStatus::failed) continue;
    for (const IssueError& error : issue.errors) out << "  " << to_string(error) << "\n";
  }
  out.flush();
}

}  // namespace paiban::batch
