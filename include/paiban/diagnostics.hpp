// Diagnostics shared by every stage: source locations, input errors, warnings.
#pragma once
#include <stdexcept>
#include <cstddef>
#include <string>
#include <vector>

namespace paiban {

/// A place in an input file; line and column are 1-based, 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// "file:line:column" (or "file" when line is 0).
std::string to_string(const SourceLocation& where);

/// Where the `occurrence`-th (from 0) `ch` of a run of text that starts at
/// `run_start` is in its file (a UTF-8 file, looked at up to the run's next
/// markup); `run_start` itself when it cannot be told (another encoding, a
/// character reference).
SourceLocation locate_character(const SourceLocation& run_start, char32_t ch,
                                std::size_t occurrence);

/// An input that cannot be used (bad XML, unknown element, missing font...).
/// what() is the full "FILE:LINE:COLUMN: message" line. Maps to exit code 2.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

/// A problem that does not stop the render (missing glyph, overfull line,
/// contents not converged). `code` is stable, e.g. "missing-glyph".
struct Warning {
  std::string code;
  SourceLocation where;
  std::string message;
};

/// Warnings are collected, never printed by a stage; the command prints them.
using Warnings = std::vector<Warning>;

/// "FILE:LINE:COLUMN: warning[code]: message"
std::string to_string(const Warning& warning);

}  // namespace paiban
