#include "paiban/diagnostics.hpp"

namespace paiban {

std::string to_string(const SourceLocation& where) {
  std::string out = where.file.empty() ? "<input>" : where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line) + ':' +
           std::to_string(where.column > 0 ? where.column : 1);
  }
  return out;
}

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(to_string(where) + ": " + message),
      where_(std::move(where)),
      message_(message) {}

std::string to_string(const Warning& warning) {
  return to_string(warning.where) + ": warning[" + warning.code + "]: " + warning.message;
}

}  // namespace paiban
