#include "cli/diagnostic_printer.hpp"

#include <unicode/uchar.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace paiban::cli {
namespace {

const char* kBold = "\033[1m";
const char* kRed = "\033[1;31m";
const char* kYellow = "\033[1;33m";
const char* kGreen = "\033[1;32m";
const char* kReset = "\033[0m";

bool stderr_wants_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(STDERR_FILENO) && !(no_colour && *no_colour);
}

// Decodes one UTF-8 character at `i`; returns its length (1 for a bad byte).
int next_char(const std::string& s, size_t i, char32_t& ch) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  ch = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k) ch = (ch << 6) | (s[i + k] & 0x3F);
  return len;
}

}  // namespace

std::string source_line(const std::string& file, int line) {
  if (line <= 0) return {};
  std::ifstream in(file, std::ios::binary);
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (n == line) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      return text;
    }
  }
  return {};
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
  std::string line = source_line(where.file, where.line);
  if (line.empty()) return;
  // Tabs would shift the caret differently in every terminal: show them as spaces.
  std::string shown;
  for (char c : line)
    shown += c == '\t' ? std::string(8 - shown.size() % 8, ' ') : std::string(1, c);
  std::string gutter = std::to_string(where.line);
  out << " " << gutter << " | " << shown << "\n";
  int column = display_columns(line, std::max(0, where.column - 1));
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
