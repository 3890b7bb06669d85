#include "input/white_space.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>

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
    int32_t i = 0, length = static_cast<int32_t>(text.size());
    while (i < length) {
      if (is_xml_space(text[i])) {
        if (!pending) pending = r;
        ++i;
        continue;
      }
      int32_t start = i;
      UChar32 c = 0;
      U8_NEXT(text.data(), i, length, c);
      if (pending && previous && !(is_cjk_for_spacing(*previous) && is_cjk_for_spacing(c))) {
        folded[*pending] += ' ';
      }
      pending.reset();
      previous = static_cast<char32_t>(c);
      folded[r].append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
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
