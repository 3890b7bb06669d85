// The command line: parses arguments and runs one command. Messages go to
// stderr; the exit codes are named below.
#pragma once

namespace paiban::cli {

enum ExitCode : int { kDone = 0, kUsage = 1, kInvalidInput = 2, kInternalError = 3 };

/// Runs `paiban ARGS...`; returns the process exit code.
int run(int argc, char** argv);

}  // namespace paiban::cli
