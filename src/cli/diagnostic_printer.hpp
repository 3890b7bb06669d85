// Printing diagnostics as compilers do: "FILE:LINE:COLUMN: error: message",
// then the source line and a caret under the spot; in colour on a terminal.
#pragma once
#include <iosfwd>
#include <string>

#include "paiban/diagnostics.hpp"

namespace paiban::cli {

enum class Severity { error, warning };

/// Writes one diagnostic to `out`. `colour`: use ANSI colours.
void print_diagnostic(std::ostream& out, Severity severity, const SourceLocation& where,
                      const std::string& message, bool colour);

/// Same to stderr, coloured when stderr is a terminal and NO_COLOR is unset.
void report_error(const InputError& error);
void report_warning(const Warning& warning);

/// The `line`-th line (1-based) of a file, without its end; empty if unreadable.
std::string source_line(const std::string& file, int line);

/// Terminal columns taken by the first `characters` characters of a UTF-8
/// line (wide East Asian characters take two, a tab advances to the next 8).
int display_columns(const std::string& line, int characters);

}  // namespace paiban::cli
