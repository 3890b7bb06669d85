// The environment variables paiban reads, all of them, read once when a
// command starts: the engine below the command line reads none.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "paiban/fonts.hpp"

namespace paiban::cli {

struct Environment {
  /// SOURCE_DATE_EPOCH as written (reproducible builds: the PDF's dates).
  std::optional<std::string> source_date_epoch;
  /// PAIBAN_LAYOUT_PATH split at ':' (empty entries dropped): searched for a
  /// layout by name before the data directories.
  std::vector<std::string> layout_path;
  /// PAIBAN_FONT_PATH: a font directory used instead of the project's fonts/.
  std::string font_path;
  bool no_colour = false;      ///< NO_COLOR set and not empty
  bool dumb_terminal = false;  ///< TERM=dumb
};

/// Reads the variables from `getenv` (a function, so tests can give their own).
Environment read_environment(const char* (*getenv)(const char*));

/// This process's environment, read on first use.
const Environment& environment();

/// The font cache every command shares, made with environment().font_path.
FontCache& command_fonts();

}  // namespace paiban::cli
