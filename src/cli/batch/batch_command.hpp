// `paiban batch`: the command-line side of batch rendering (arguments,
// progress on stderr, the report file, exit codes).
#pragma once
#include <string>
#include <vector>

namespace paiban::cli {

/// Runs `paiban batch ARGS...`; returns the exit code: 0 when every issue
/// was rendered or up to date, 2 when any failed (or a PATH is unusable),
/// 1 for a usage error, 3 when the output directory or report cannot be written.
int batch_command(const std::vector<std::string>& args);

}  // namespace paiban::cli
