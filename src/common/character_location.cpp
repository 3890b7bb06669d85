// Where one character of a paragraph is in its manifest, for a warning about
// that character: the reader keeps only where each run of text starts (a
// location per character would cost more than the text), so the character
// is looked for in the file, from the run's start to the end of its text.
#include "paiban/diagnostics.hpp"

#include "common/utf8.hpp"

#include <fstream>
#include <iterator>
#include <mutex>

namespace paiban {
namespace {

constexpr std::size_t kMaxFile = 16u << 20;  // the manifest reader's own limit

/// The file's bytes, read once per file and thread (warnings come in bursts).
const std::string* file_text(const std::string& path) {
  thread_local std::string cached_path, cached_text;
  thread_local bool cached_ok = false;
  if (path != cached_path) {
    cached_path = path;
    cached_text.clear();
    std::ifstream in(path, std::ios::binary);
    cached_ok = static_cast<bool>(in);
    if (cached_ok) {
      cached_text.resize(kMaxFile);
      in.read(cached_text.data(), static_cast<std::streamsize>(kMaxFile));
      cached_text.resize(static_cast<std::size_t>(in.gcount()));
    }
  }
  return cached_ok ? &cached_text : nullptr;
}

/// Decodes the UTF-8 sequence at text[i]; 0xFFFFFFFF if it is not one.
char32_t decode(const std::string& text, std::size_t& i) {
  const Utf8Char ch = next_utf8_char(text, i);
  if (!ch.valid) return 0xFFFFFFFF;
  i += ch.length;
  return ch.code_point;
}

}  // namespace

SourceLocation locate_character(const SourceLocation& run_start, char32_t ch,
                                std::size_t occurrence) {
  if (run_start.file.empty() || run_start.line <= 0) return run_start;
  const std::string* text = file_text(run_start.file);
  if (!text) return run_start;
  // To the run's start: lines end at LF, CR LF or CR (as SourceMap counts
  // them), columns count characters.
  std::size_t i = 0;
  int line = 1, column = 1;
  auto step = [&](char32_t cp, std::size_t at) {
    if (cp == U'\n' || (cp == U'\r' && (at + 1 >= text->size() || (*text)[at + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if (cp != U'\r') {
      ++column;
    }
  };
  while (i < text->size() && (line < run_start.line || (line == run_start.line && column < run_start.column))) {
    const std::size_t at = i;
    const char32_t cp = decode(*text, i);
    if (cp == 0xFFFFFFFF) return run_start;  // not UTF-8 (another encoding): no closer
    step(cp, at);
  }
  // Through the run's text, which ends at the next markup.
  while (i < text->size() && (*text)[i] != '<') {
    const std::size_t at = i;
    const SourceLocation here{run_start.file, line, column};
    const char32_t cp = decode(*text, i);
    if (cp == 0xFFFFFFFF) return run_start;
    if (cp == ch && occurrence-- == 0) return here;
    step(cp, at);
  }
  return run_start;  // written as a character reference, say: the run is as close as we get
}

}  // namespace paiban
