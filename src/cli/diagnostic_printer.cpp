#include "cli/diagnostic_printer.hpp"

#include <unicode/uchar.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/environment.hpp"
#include "common/utf8.hpp"

namespace paiban::cli {
namespace {

const char* kBold = "\033[1m";
const char* kRed = "\033[1;31m";
const char* kYellow = "\033[1;33m";
const char* kGreen = "\033[1;32m";
const char* kReset = "\033[0m";

bool stderr_wants_colour() {
  return isatty(STDERR_FILENO) && !environment().no_colour;
}

// Decodes one character at `i`; returns its length. A line not in UTF-8 (a
// legacy-encoded manifest is shown as its bytes) gives U+FFFD for what is not.
int next_char(std::string_view s, size_t i, char32_t& ch) {
  const Utf8Char read = next_utf8_char(s, i);
  ch = read.code_point;
  return static_cast<int>(read.length);
}

// Lines longer than this (in bytes; a manifest written on one line) are shown
// only around the spot: kContext characters either side, cut ends marked "…".
constexpr size_t kLongLine = 480;
constexpr int kContext = 60;

// Finding the spot in a long line means walking it from the start; after this
// many, later diagnostics on long lines are printed without the line, so that
// thousands of warnings in a 16 MB one-line manifest stay quick.
constexpr int kLongLineExcerpts = 20;

// The characters of a long `line` around `caret` (a character index), with
// `caret` moved to match; nothing when the long-line allowance is spent or the
// spot is past the line's end.
std::optional<std::string> shorten_long_line(std::string_view line, int& caret) {
  static std::atomic<int> shown{0};
  if (shown.fetch_add(1) >= kLongLineExcerpts) return std::nullopt;
  size_t begin = 0, i = 0;
  int n = 0;
  for (char32_t ch; i < line.size() && n < caret + kContext; ++n) {
    if (n == caret - kContext) begin = i;
    i += next_char(line, i, ch);
  }
  if (n < caret) return std::nullopt;
  caret -= begin > 0 ? caret - kContext - 1 : 0;  // + 1: the "…"
  return (begin > 0 ? "…" : "") + std::string(line.substr(begin, i - begin)) +
         (i < line.size() ? "…" : "");
}

/// Calls `use` with the `line`-th line (1-based) of `file`, without its end,
/// or with nothing when the file or the line is not there.
template <typename Use>
void with_source_line(const std::string& file, int line, Use use) {
  // The last file shown, read once: a render with thousands of warnings (a
  // paragraph of characters no font has) would otherwise read the manifest
  // again for each, up to 16 MB every time. Keyed by size and mtime, so an
  // edit (watch mode) is seen.
  static std::mutex mutex;
  static std::string cached_file, cached_text;
  static std::vector<size_t> line_starts;
  static std::pair<uintmax_t, std::filesystem::file_time_type> cached_stamp;
  std::error_code error;
  auto stamp = std::make_pair(std::filesystem::file_size(file, error),
                              std::filesystem::last_write_time(file, error));
  if (line <= 0 || error) return use(std::nullopt);
  std::lock_guard lock(mutex);
  if (file != cached_file || stamp != cached_stamp) {
    std::ifstream in(file, std::ios::binary);
    cached_text.assign(std::istreambuf_iterator<char>(in), {});
    line_starts = {0};
    for (size_t i = 0; i < cached_text.size(); ++i)
      if (cached_text[i] == '\n') line_starts.push_back(i + 1);
    cached_file = file;
    cached_stamp = stamp;
  }
  if (static_cast<size_t>(line) > line_starts.size()) return use(std::nullopt);
  size_t begin = line_starts[line - 1];
  size_t end =
      static_cast<size_t>(line) < line_starts.size() ? line_starts[line] - 1 : cached_text.size();
  if (end > begin && cached_text[end - 1] == '\r') --end;
  use(std::optional(std::string_view(cached_text).substr(begin, end - begin)));
}

}  // namespace

std::string source_line(const std::string& file, int line) {
  std::string text;
  with_source_line(file, line, [&](std::optional<std::string_view> found) {
    if (found) text = *found;
  });
  return text;
}

int display_columns(const std::string& line, int characters) {
  int columns = 0;
  size_t i = 0;
  for (int n = 0; n < characters && i < line.size(); ++n) {
    char32_t ch;
    i += next_char(line, i, ch);
    if (ch == U'\t') {
      columns = (columns / 8 + 1) * 8;
      continue;
    }
    int width = u_getIntPropertyValue(ch, UCHAR_EAST_ASIAN_WIDTH);
    columns += (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return columns;
}

void print_diagnostic(std::ostream& out, Severity severity, const SourceLocation& where,
                      const std::string& message, bool colour) {
  const char* label = severity == Severity::error ? "error" : "warning";
  const char* tint = severity == Severity::error ? kRed : kYellow;
  out << (colour ? kBold : "") << to_string(where) << ":" << (colour ? kReset : "") << " "
      << (colour ? tint : "") << label << ":" << (colour ? kReset : "") << " " << message << "\n";
  int caret = std::max(0, where.column - 1);  // characters before the spot
  std::string line;
  with_source_line(where.file, where.line, [&](std::optional<std::string_view> found) {
    if (found && found->size() > kLongLine)
      line = shorten_long_line(*found, caret).value_or("");
    else if (found)
      line = *found;
  });
  if (line.empty()) return;
  // Tabs would shift the caret differently in every terminal: show them as spaces.
  std::string shown;
  for (char c : line)
    shown += c == '\t' ? std::string(8 - shown.size() % 8, ' ') : std::string(1, c);
  std::string gutter = std::to_string(where.line);
  out << " " << gutter << " | " << shown << "\n";
  int column = display_columns(line, caret);
  out << " " << std::string(gutter.size(), ' ') << " | " << std::string(column, ' ')
      << (colour ? kGreen : "") << "^" << (colour ? kReset : "") << "\n";
}

void report_error(const InputError& error) {
  print_diagnostic(std::cerr, Severity::error, error.where(), error.message(),
                   stderr_wants_colour());
}

void report_warning(const Warning& warning) {
  print_diagnostic(std::cerr, Severity::warning, warning.where,
                   warning.message + " [" + warning.code + "]", stderr_wants_colour());
}

}  // namespace paiban::cli
