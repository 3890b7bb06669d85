#include "cli/batch/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "cli/batch/format.hpp"
#include "cli/environment.hpp"
#include "common/utf8.hpp"

namespace paiban::batch {
namespace {

const char* kEraseLine = "\r\x1b[K";

int terminal_width() {
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
  return 80;
}

// Display width of a character: two columns for any but ASCII (the names
// here are dates, digits and, at worst, Han).
int display_width(const Utf8Char& ch) { return ch.code_point < 0x80 ? 1 : 2; }

int display_width(const std::string& text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    const Utf8Char ch = next_utf8_char(text, i);
    width += display_width(ch);
    i += ch.length;
  }
  return width;
}

// The tail of `text` that fits in `width` columns, cut on a character
// boundary, with "…" in front when cut (the end of a path says the most).
std::string fit_tail(const std::string& text, int width) {
  if (display_width(text) <= width) return text;
  if (width < 2) return "";
  size_t at = text.size();
  int used = 1;  // the ellipsis
  while (at > 0) {
    size_t start = utf8_character_start(text, at - 1);
    int w = display_width(next_utf8_char(text, start));
    if (used + w > width) break;
    used += w;
    at = start;
  }
  return "…" + text.substr(at);
}

std::string padded_count(size_t n, size_t total) {
  std::string s = std::to_string(n), t = std::to_string(total);
  return std::string(t.size() > s.size() ? t.size() - s.size() : 0, ' ') + s;
}

std::string outcome_line(const IssueOutcome& outcome) {
  std::string line;
  switch (outcome.status) {
    case IssueStatus::rendered:
      line = "rendered " + outcome.item.output + "  " + std::to_string(outcome.pages) + " pages  " +
             fixed(outcome.seconds, 3) + " s  (" + outcome.reason + ")";
      break;
    case IssueStatus::skipped:
      line = "skipped  " + outcome.item.output + "  (" + outcome.reason + ")";
      break;
    case IssueStatus::failed:
      line = "FAILED   " + outcome.item.output + "  " + outcome.item.manifest;
      break;
  }
  if (!outcome.warnings.empty())
    line += "  " + std::to_string(outcome.warnings.size()) + " warning" +
            (outcome.warnings.size() == 1 ? "" : "s");
  return line;
}

void print_errors(std::ostream& out, const IssueOutcome& outcome) {
  for (const IssueError& error : outcome.errors) out << "  " << to_string(error) << "\n";
}

}  // namespace

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) && !cli::environment().dumb_terminal;
}

std::unique_ptr<BatchProgress> make_progress(std::ostream& out, bool terminal) {
  if (terminal) return std::make_unique<TerminalProgress>(out);
  return std::make_unique<LineProgress>(out);
}

void print_warnings(std::ostream& out, const IssueOutcome& outcome, size_t limit) {
  size_t shown = std::min(limit, outcome.warnings.size());
  for (size_t i = 0; i < shown; ++i) out << "  " << to_string(outcome.warnings[i]) << "\n";
  if (outcome.warnings.size() > shown)
    out << "  … and " << outcome.warnings.size() - shown
        << " more warnings (--report FILE.json lists them all)\n";
}

// --- one line per issue ---------------------------------------------------

void LineProgress::started(size_t total, int jobs) {
  std::lock_guard lock(mutex_);
  total_ = total;
  out_ << "paiban batch: " << total << " issue" << (total == 1 ? "" : "s") << " on " << jobs
       << " thread" << (jobs == 1 ? "" : "s") << "\n";
}

void LineProgress::issue_finished(const IssueOutcome& outcome, size_t done) {
  std::lock_guard lock(mutex_);
  out_ << "[" << padded_count(done, total_) << "/" << total_ << "] " << outcome_line(outcome)
       << "\n";
  print_errors(out_, outcome);
  if (outcome.status == IssueStatus::rendered) print_warnings(out_, outcome);
  out_.flush();
}

void LineProgress::finished(const BatchSummary& summary) {
  std::lock_guard lock(mutex_);
  print_summary(out_, summary);
}

// --- the live bar ---------------------------------------------------------

TerminalProgress::~TerminalProgress() { stop_ticker(); }

void TerminalProgress::stop_ticker() {
  if (!ticker_.joinable()) return;
  ticker_.request_stop();
  tick_.notify_all();
  ticker_.join();
}

void TerminalProgress::started(size_t total, int /*jobs*/) {
  std::lock_guard lock(mutex_);
  total_ = total;
  start_ = Clock::now();
  draw_locked(true);
  ticker_ = std::jthread([this](std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
      tick_.wait_for(lock, stop, std::chrono::milliseconds(250), [] { return false; });
      if (!stop.stop_requested()) draw_locked(true);
    }
  });
}

void TerminalProgress::issue_started(const BatchItem& item) {
  std::lock_guard lock(mutex_);
  setting_.insert(item.output);
  latest_ = item.output;
  draw_locked(setting_.size() == 1);  // at once when the bar named no issue
}

void TerminalProgress::issue_finished(const IssueOutcome& outcome, size_t done) {
  std::lock_guard lock(mutex_);
  done_ = done;
  if (auto it = setting_.find(outcome.item.output); it != setting_.end()) setting_.erase(it);
  bool failed = outcome.status == IssueStatus::failed;
  failed_ += failed;
  // Failures and warnings scroll above the bar; the rest only moves it.
  if (failed || (outcome.status == IssueStatus::rendered && !outcome.warnings.empty())) {
    out_ << kEraseLine << outcome_line(outcome) << "\n";
    print_errors(out_, outcome);
    if (!failed) print_warnings(out_, outcome);
    draw_locked(true);  // the message erased the bar
    return;
  }
  draw_locked(done == total_);
}

void TerminalProgress::finished(const BatchSummary& summary) {
  stop_ticker();
  std::lock_guard lock(mutex_);
  out_ << kEraseLine;
  print_summary(out_, summary);
}

void TerminalProgress::draw_locked(bool always) {
  // At most 20 redraws a second: a fast batch must not flood a slow terminal (ssh).
  auto now = Clock::now();
  if (!always && now - drawn_ < std::chrono::milliseconds(50)) return;
  drawn_ = now;
  const int width = terminal_width() - 1;  // the last column would wrap on some terminals
  const int bar_width = 20;
  int filled = total_ ? static_cast<int>(bar_width * done_ / total_) : bar_width;
  std::string line = "[" + std::string(filled, '#') + std::string(bar_width - filled, '-') + "] " +
                     padded_count(done_, total_) + "/" + std::to_string(total_);
  if (failed_) line += "  " + std::to_string(failed_) + " failed";
  double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  // Time left from the average so far: issues are alike enough in size for this.
  if (done_ > 0 && done_ < total_)
    line += "  " + clock_time(elapsed / done_ * (total_ - done_)) + " left";
  else
    line += "  " + clock_time(elapsed);
  if (!setting_.empty() && setting_.count(latest_)) {
    std::string now = "  setting ";
    int room = width - display_width(line) - display_width(now);
    std::string more = setting_.size() > 1 ? " +" + std::to_string(setting_.size() - 1) : "";
    room -= display_width(more);
    if (room >= 8) line += now + fit_tail(latest_, room) + more;
  }
  out_ << kEraseLine << line << std::flush;
}

}  // namespace paiban::batch
