// Diagnostics shared by every stage: source locations, input errors, warnings.
#pragma once
#include <stdexcept>
#include <cstddef>
#include <memory>
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

/// A run of text as its input file has it, for pointing at one of its
/// characters later without reading the file again: the file's decoded text
/// (shared by every run read from it; null when the run was not read from a
/// file) and the byte offset where the run starts in it.
struct SourceText {
  std::shared_ptr<const std::string> text{};
  std::size_t offset = 0;
};

/// Where the `occurrence`-th (from 0) `ch` of a run of text that starts at
/// `run_start` (`source` in its file) stands, looked for up to the run's next
/// markup; `run_start` itself when it cannot be told (a character reference,
/// a run not read from a file).
SourceLocation locate_character(const SourceLocation& run_start, const SourceText& source,
                                char32_t ch, std::size_t occurrence);

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
