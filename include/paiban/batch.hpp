// Batch rendering: many issue manifests -> PDFs under one output directory,
// set in parallel inside one process that shares one FontCache, skipping
// issues whose PDF is already up to date with every input.
//
//   discover_issues -> select_shard -> run_batch (per issue: stamp inputs,
//   skip if fresh, else render_issue + write_file_atomically + record)
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "paiban/diagnostics.hpp"
#include "paiban/fonts.hpp"
#include "paiban/render.hpp"

namespace paiban {

/// One issue to set: its manifest and where its PDF goes.
struct BatchItem {
  std::string manifest;  ///< path to the manifest (the root given, joined with what was found)
  std::string output;    ///< relative to the output directory, '/'-separated: "2017-06-15.pdf"
};

/// Finds the issues named by command-line PATHs, sorted by output path.
/// A directory is searched recursively for files named issue.xml; each goes
/// to its directory's path relative to that root + ".pdf"
/// (root/2017/06-15/issue.xml -> 2017/06-15.pdf; root/issue.xml -> ROOTNAME.pdf).
/// A file is taken as a manifest: issue.xml is named after its directory,
/// any other file after its stem (a/2017-06-15/issue.xml -> 2017-06-15.pdf,
/// a/special.xml -> special.pdf). The same manifest reached twice counts once.
/// Throws InputError when a PATH does not exist or two different manifests
/// would write the same PDF.
std::vector<BatchItem> discover_issues(const std::vector<std::string>& paths);

/// A deterministic slice of a sorted list: item i belongs to shard
/// i % count + 1, so slices interleave (old and new issues mixed evenly).
struct Shard {
  int index = 1;  ///< 1-based
  int count = 1;
};

/// Parses "K/N" with 1 <= K <= N. Throws std::invalid_argument.
Shard parse_shard(const std::string& text);

/// The items of `shard`, in their order.
std::vector<BatchItem> select_shard(const std::vector<BatchItem>& items, Shard shard);

enum class IssueStatus { rendered, skipped, failed };

/// "rendered", "skipped", "failed"
const char* to_string(IssueStatus status);

/// Why an issue failed: an input error with its location, or an internal error.
struct IssueError {
  SourceLocation where;
  std::string message;
  bool internal = false;  ///< not the input's fault (out of memory, a bug, a full disk)
  bool output = false;    ///< of those, the PDF could not be written (a full disk)
};

/// "FILE:LINE:COLUMN: message" (internal errors: "FILE: internal error: message").
std::string to_string(const IssueError& error);

/// What happened to one issue.
struct IssueOutcome {
  BatchItem item;
  IssueStatus status = IssueStatus::failed;
  std::string reason;  ///< why it was set: "new", "forced", "changed: layout", ...
  int pages = 0;
  size_t bytes = 0;    ///< PDF size
  double seconds = 0;  ///< wall time spent on this issue, including the freshness check
  Warnings warnings;   ///< for a skipped issue: those of the render that made its PDF
  std::vector<IssueError> errors;
};

struct BatchOptions {
  std::string output_dir;
  int jobs = 0;        ///< threads; 0 = std::thread::hardware_concurrency()
  bool force = false;  ///< set every issue, fresh or not
  RenderOptions render;
};

struct BatchSummary {
  std::vector<IssueOutcome> issues;  ///< in the order of the items given
  int jobs = 1;                      ///< threads actually used
  double seconds = 0;                ///< wall time of the whole batch
  size_t count(IssueStatus status) const;
  size_t warning_count() const;
};

/// Hears about a batch as it runs. Called from worker threads: an
/// implementation must be thread-safe.
class BatchProgress {
 public:
  virtual ~BatchProgress() = default;
  virtual void started(size_t /*total*/, int /*jobs*/) {}
  virtual void issue_started(const BatchItem& /*item*/) {}
  /// `done` counts finished issues, this one included.
  virtual void issue_finished(const IssueOutcome& /*outcome*/, size_t /*done*/) {}
  virtual void finished(const BatchSummary& /*summary*/) {}
};

/// Sets `items` on options.jobs threads sharing `fonts`. Never throws for a
/// single issue: every failure is caught and reported in its outcome.
/// Each PDF is written with write_file_atomically, then a record of its
/// inputs' hashes beside the outputs (OUTDIR/.paiban-batch/OUTPUT.record).
BatchSummary run_batch(const std::vector<BatchItem>& items, const BatchOptions& options,
                       FontCache& fonts, BatchProgress& progress);

/// The --report file: every issue's status, pages, seconds, warnings and
/// errors, as JSON (UTF-8, stable key order, numbers locale-independent).
std::string batch_report_json(const BatchSummary& summary, const BatchOptions& options,
                              Shard shard);

}  // namespace paiban
