// Runs jing (RELAX NG validator, Debian package "jing") for the schema tests.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace paiban::testing {

/// True when a `jing` command is on PATH.
inline bool jing_available() { return std::system("command -v jing >/dev/null 2>&1") == 0; }

/// The subset of `files` (absolute paths) that jing finds invalid against
/// `schema`. One JVM for all files, except that jing stops at a file that is
/// not well-formed ("fatal"); it is counted invalid and jing runs again on
/// the files after it.
inline std::set<std::string> jing_invalid(const std::string& schema,
                                          const std::vector<std::string>& files) {
  std::set<std::string> invalid;
  std::size_t start = 0;
  while (start < files.size()) {
    std::string command = "jing '" + schema + "'";
    for (std::size_t i = start; i < files.size(); ++i) command += " '" + files[i] + "'";
    command += " 2>/dev/null";  // the wrapper's warnings about optional jars
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[4096];
      while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
      pclose(pipe);
    }
    std::size_t fatal_index = files.size();
    for (std::size_t i = start; i < files.size(); ++i) {
      // Messages read "FILE:LINE:COLUMN: error: ..." or "...: fatal: ...".
      std::size_t at = output.find(files[i] + ":");
      if (at == std::string::npos) continue;
      invalid.insert(files[i]);
      std::size_t end = output.find('\n', at);
      if (output.substr(at, end - at).find(": fatal: ") != std::string::npos) fatal_index = i;
    }
    start = fatal_index + 1;
  }
  return invalid;
}

}  // namespace paiban::testing
