// The command line: parses arguments and runs one command. Messages go to
// stderr; the exit codes are named in cli/failure.hpp.
#pragma once
#include "cli/failure.hpp"  // ExitCode

namespace paiban::cli {

/// Runs `paiban ARGS...`; returns the process exit code.
int run(int argc, char** argv);

}  // namespace paiban::cli
