// Where one character of a paragraph is in its manifest, for a warning about
// that character: the reader keeps only where each run of text starts (a
// location per character would cost more than the text) and the run as the
// file has it (SourceText, the decoded file the parser read), so the
// character is looked for there, from the run's start to its next markup.
#include "common/utf8.hpp"
#include "paiban/diagnostics.hpp"

namespace paiban {

SourceLocation locate_character(const SourceLocation& run_start, const SourceText& source,
                                char32_t ch, std::size_t occurrence) {
  if (!source.text || run_start.line <= 0) return run_start;
  const std::string& text = *source.text;
  // Lines end at LF, CR LF or CR (as SourceMap counts them), columns count characters.
  int line = run_start.line, column = run_start.column;
  for (std::size_t i = source.offset; i < text.size() && text[i] != '<';) {
    const Utf8Char read = next_utf8_char(text, i);
    if (!read.valid) return run_start;  // not as the parser read it: no closer
    if (read.code_point == ch && occurrence-- == 0) return {run_start.file, line, column};
    if (read.code_point == U'\n' ||
        (read.code_point == U'\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if (read.code_point != U'\r') {
      ++column;
    }
    i += read.length;
  }
  return run_start;  // written as a character reference, say: the run is as close as we get
}

}  // namespace paiban
