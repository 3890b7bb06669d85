// The command line: parses arguments and runs one command. Messages go to
// stderr; the exit codes are named in cli/failure.hpp.
#pragma once
#include "cli/failure.hpp"  // ExitCode
#include "paiban/render.hpp"

namespace paiban::cli {

/// Sets what the environment says in `options` (the layout path,
/// SOURCE_DATE_EPOCH); kUsage, said on stderr, when a variable is unusable.
int apply_environment(RenderOptions& options);

/// Runs `paiban ARGS...`; returns the process exit code.
int run(int argc, char** argv);

}  // namespace paiban::cli
