// Byte offsets in a UTF-8 text -> 1-based line and column (in characters).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "paiban/diagnostics.hpp"

namespace paiban {

/// Maps byte offsets of one decoded input to "line:column" for messages.
/// Columns count Unicode characters, so a position reads the same in an
/// editor whatever the file's encoding on disk was. CR LF, CR and LF each end
/// a line, as in XML.
class SourceMap {
 public:
  SourceMap(std::string_view text, std::string path);
  SourceLocation locate(std::size_t offset) const;
  const std::string& path() const { return path_; }

 private:
  std::string_view text_;
  std::string path_;
  std::vector<std::size_t> line_starts_;
  // The last answer: readers ask in document order, so counting columns on
  // from it keeps a long single-line file linear rather than quadratic.
  mutable std::size_t last_offset_ = 0;
  mutable int last_column_ = 1;
};

/// One-off lookup, for errors found before a SourceMap exists.
SourceLocation locate(std::string_view text, std::size_t offset, const std::string& path);

}  // namespace paiban
