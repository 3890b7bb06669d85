// What a command tells the user when it fails, and with which exit code: one
// mapping from exceptions for every command (render, check, batch, fonts,
// watch), so that the same failure reads and exits the same everywhere.
#pragma once
#include <exception>
#include <string>

#include "paiban/diagnostics.hpp"

namespace paiban::cli {

/// paiban's exit codes (listed in --help, the README and docs/paiban.1).
enum ExitCode : int {
  kDone = 0,
  kUsage = 1,             ///< the command line is wrong
  kInvalidInput = 2,      ///< a manifest, layout, figure or font is wrong: FILE:LINE:COLUMN
  kOutputNotWritten = 3,  ///< the PDF or a report could not be written (disk full, permission)
  kInternalError = 4,     ///< a bug in paiban or a library, or out of memory
};

/// A failure as the user sees it.
struct Failure {
  ExitCode code = kInternalError;
  SourceLocation where;  ///< for invalid input: where in which file
  std::string message;
};

/// The one mapping: InputError is invalid input at its location, OutputError
/// is output not written, anything else an internal error (std::bad_alloc:
/// "out of memory"; not a std::exception: "unknown exception").
Failure describe_failure(std::exception_ptr error);

/// Prints `failure` on stderr ("FILE:LINE:COLUMN: error: ..." with the source
/// line, "paiban: error: ..." or "paiban: internal error: ...") and returns
/// its exit code.
int report_failure(const Failure& failure);

/// Runs `body` (which returns an exit code); an exception is reported
/// through describe_failure and report_failure.
template <typename Body>
int guarded(Body&& body) {
  try {
    return body();
  } catch (...) {
    return report_failure(describe_failure(std::current_exception()));
  }
}

}  // namespace paiban::cli
