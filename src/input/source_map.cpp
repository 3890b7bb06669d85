#include "input/source_map.hpp"

#include <algorithm>

#include "common/utf8.hpp"

namespace paiban {

SourceMap::SourceMap(std::string_view text, std::string path)
    : text_(text), path_(std::move(path)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

SourceLocation SourceMap::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_start = *(next - 1);
  bool resume = last_offset_ >= line_start && last_offset_ <= offset;
  int column = resume ? last_column_ : 1;
  for (std::size_t i = resume ? last_offset_ : line_start; i < offset; ++i) {
    if (!is_utf8_continuation(text_[i])) ++column;  // a character starts here
  }
  last_offset_ = offset;
  last_column_ = column;
  return {path_, static_cast<int>(next - line_starts_.begin()), column};
}

SourceLocation locate(std::string_view text, std::size_t offset, const std::string& path) {
  return SourceMap(text, path).locate(offset);
}

}  // namespace paiban
