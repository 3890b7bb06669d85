// plain_text() of the issue model (issue.hpp): the model is the manifest
// stage's output, so its one helper lives here.
#include "paiban/issue.hpp"

namespace paiban {

std::string plain_text(const InlineText& text) {
  std::string out;
  for (const InlineRun& run : text) out += run.line_break ? "\n" : run.text;
  return out;
}

}  // namespace paiban
