#include "input/white_space.hpp"

#include <unicode/uchar.h>

#include <optional>

#include "common/utf8.hpp"
#include "input/xml_chars.hpp"

namespace paiban {

bool is_cjk_for_spacing(char32_t c) {
  int width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

void fold_white_space(InlineText& runs) {
  std::vector<std::string> folded(runs.size());
  std::optional<char32_t> previous;    // last character kept, unless a block or line start
  std::optional<std::size_t> pending;  // run where an undecided white-space run began
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (runs[r].line_break) {
      previous.reset();  // white space next to a line break is dropped
      pending.reset();
      continue;
    }
    const std::string& text = runs[r].text;
    std::size_t i = 0;
    while (i < text.size()) {
      if (is_xml_space(text[i])) {
        if (!pending) pending = r;
        ++i;
        continue;
      }
      const Utf8Char ch = next_utf8_char(text, i);
      if (pending && previous &&
          !(is_cjk_for_spacing(*previous) && is_cjk_for_spacing(ch.code_point))) {
        folded[*pending] += ' ';
      }
      pending.reset();
      previous = ch.code_point;
      folded[r].append(text, i, ch.length);
      i += ch.length;
    }
  }
  InlineText kept;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (runs[r].line_break || !folded[r].empty()) {
      kept.push_back(std::move(runs[r]));
      kept.back().text = std::move(folded[r]);
    }
  }
  runs = std::move(kept);
}

std::string fold_white_space(std::string_view text) {
  InlineText runs{InlineRun{std::string(text)}};
  fold_white_space(runs);
  return runs.empty() ? std::string() : std::move(runs.front().text);  // one run, no <br/>
}

}  // namespace paiban
