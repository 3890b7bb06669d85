// The batch job: every issue through the single-issue pipeline, on N threads
// sharing one FontCache, each failure caught and kept with its issue.
#include "paiban/batch.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <new>
#include <thread>

#include "cli/batch/freshness.hpp"
#include "cli/batch/record.hpp"
#include "cli/failure.hpp"
#include "job/sha256.hpp"
#include "paiban/pdf.hpp"

namespace paiban {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// What every issue of one run shares.
struct BatchRun {
  const BatchOptions& options;
  FontCache& fonts;
  batch::Freshness freshness;
  FileDigests layout_images;  // one entry per layout picture: a run's memory stays flat
};

// One issue: load, fingerprint what was loaded, skip when fresh, else set the
// loaded job, write, record. The job lives only as long as this call.
void set_issue(BatchRun& run, IssueOutcome& out) {
  const BatchOptions& options = run.options;
  const BatchItem& item = out.item;
  std::string pdf_path = (std::filesystem::path(options.output_dir) / item.output).string();
  std::string record_path = batch::record_path(options.output_dir, item.output);

  Job job = load_job(item.manifest, options.render, &run.layout_images);
  batch::Stamp stamp = run.freshness.stamp(job);
  std::optional<batch::Record> record = batch::read_record(record_path);
  if (options.force) {
    out.reason = "forced";
  } else if (!record) {
    out.reason = "new";
  } else if (record->key != stamp.key) {
    std::vector<std::string> kinds = batch::changed_kinds(record->inputs, stamp.inputs);
    out.reason = "changed: " + (kinds.empty() ? std::string("inputs") : join(kinds));
  } else if (!batch::pdf_matches(*record, pdf_path)) {
    out.reason = "output missing or changed";
  } else {
    out.status = IssueStatus::skipped;
    out.reason = "up to date";
    out.pages = record->pages;
    out.bytes = record->pdf_bytes;
    out.warnings = record->warnings;
    return;
  }

  RenderResult result = render_job(job, run.fonts, options.render);
  out.pages = result.pages;
  out.bytes = result.pdf.size();
  out.warnings = std::move(result.warnings);
  std::filesystem::create_directories(std::filesystem::path(pdf_path).parent_path());
  write_file_atomically(pdf_path, result.pdf);
  // The record goes after the PDF: a crash in between only means a re-render.
  batch::Record fresh{stamp.key,    sha256_hex(result.pdf), result.pdf.size(),
                      result.pages, out.warnings,           std::move(stamp.inputs)};
  batch::write_record(record_path, fresh);
  out.status = IssueStatus::rendered;
}

// A failure as the batch keeps it: at its input location, or at the manifest.
IssueError issue_error(const std::string& manifest, const cli::Failure& failure) {
  IssueError error;
  error.where = failure.code == cli::kInvalidInput ? failure.where : SourceLocation{manifest};
  error.message = failure.message;
  error.internal = failure.code != cli::kInvalidInput;
  error.output = failure.code == cli::kOutputNotWritten;
  return error;
}

// Never lets an exception out: one issue's failure is that issue's alone.
void set_issue_isolated(BatchRun& run, IssueOutcome& out) {
  auto start = Clock::now();
  try {
    set_issue(run, out);
  } catch (...) {
    out.errors.push_back(
        issue_error(out.item.manifest, cli::describe_failure(std::current_exception())));
  }
  if (!out.errors.empty()) out.status = IssueStatus::failed;
  out.seconds = seconds_since(start);
}

}  // namespace

const char* to_string(IssueStatus status) {
  switch (status) {
    case IssueStatus::rendered:
      return "rendered";
    case IssueStatus::skipped:
      return "skipped";
    case IssueStatus::failed:
      return "failed";
  }
  return "?";
}

std::string to_string(const IssueError& error) {
  return to_string(error.where) +
         (error.output     ? ": error: "
          : error.internal ? ": internal error: "
                           : ": ") +
         error.message;
}

size_t BatchSummary::count(IssueStatus status) const {
  size_t n = 0;
  for (const IssueOutcome& issue : issues) n += issue.status == status;
  return n;
}

size_t BatchSummary::warning_count() const {
  size_t n = 0;
  for (const IssueOutcome& issue : issues) n += issue.warnings.size();
  return n;
}

BatchSummary run_batch(const std::vector<BatchItem>& items, const BatchOptions& options,
                       FontCache& fonts, BatchProgress& progress) {
  auto start = Clock::now();
  BatchSummary summary;
  summary.issues.resize(items.size());
  for (size_t i = 0; i < items.size(); ++i) summary.issues[i].item = items[i];

  int jobs =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(items.size(), 1))));
  summary.jobs = jobs;
  progress.started(items.size(), jobs);

  // Issues on every core already: each one's writer keeps to its thread.
  BatchOptions tuned = options;
  if (jobs > 1) tuned.render.pdf.threads = 1;
  BatchRun run{tuned, fonts, batch::Freshness(tuned.render, fonts), {}};
  std::atomic<size_t> next{0}, done{0};
  auto worker = [&] {
    // Issues are handed out one at a time: their sizes vary too much for fixed slices.
    for (size_t i; (i = next.fetch_add(1)) < items.size();) {
      progress.issue_started(items[i]);
      set_issue_isolated(run, summary.issues[i]);
      progress.issue_finished(summary.issues[i], done.fetch_add(1) + 1);
    }
  };
  {
    std::vector<std::jthread> threads;
    for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();  // this thread is one of the N
  }
  summary.seconds = seconds_since(start);
  progress.finished(summary);
  return summary;
}

}  // namespace paiban
