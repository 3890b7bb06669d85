// Hyphenation of English words in mixed text. The patterns are Liang's
// (TeX's hyphen.tex), as Debian's hyphen-en-us ships them for libhyphen.
#include "shape/hyphenate.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <memory>

namespace paiban {
namespace {

/// Where Debian's hyphen-en-us installs the American English patterns.
constexpr const char* kDictionary = "/usr/share/hyphen/hyph_en_US.dic";
/// Letters kept together at each end of a word: a line never ends or starts
/// with one to three letters of a broken word.
constexpr int kEdge = 4;

struct DictionaryDeleter {
  void operator()(HyphenDict* dict) const { hnj_hyphen_free(dict); }
};

/// Loaded once; libhyphen only reads it afterwards.
HyphenDict* dictionary() {
  static const std::unique_ptr<HyphenDict, DictionaryDeleter> dict(hnj_hyphen_load(kDictionary));
  return dict.get();
}

bool ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool ascii_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
bool digit(char32_t c) { return c >= U'0' && c <= U'9'; }

/// Characters that make a word part of a token (an identifier, a path, a
/// URL, an address) when they touch it.
bool joins_token(char32_t c) {
  return digit(c) || ascii_letter(c) ||
         std::u32string_view(U"_/\\@#=&~+*<>|$%^`").find(c) != std::u32string_view::npos;
}

/// "." or "-" or ":" inside a token ("example.com", "utf-8", "std::vector")
/// join; at a word's end before a space or Han they end a sentence or clause.
bool joins_when_followed(const std::u32string& text, size_t i) {
  return i + 1 < text.size() && (ascii_letter(text[i + 1]) || digit(text[i + 1]));
}

}  // namespace

bool hyphenation_available() { return dictionary() != nullptr; }

std::vector<uint32_t> hyphenation_points(const std::u32string& text) {
  std::vector<uint32_t> points;
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    if (!ascii_letter(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && ascii_letter(text[end])) ++end;
    const size_t begin = i;
    i = end;
    if (end - begin < 2 * kEdge) continue;
    // Only plain words: lower case, or capitalized ("Python" yes, "HTTP",
    // "getElementById" no), not touching a token's characters.
    bool plain = true;
    for (size_t k = begin + 1; k < end; ++k) plain = plain && !ascii_upper(text[k]);
    if (begin > 0) {
      const char32_t before = text[begin - 1];
      // "well-known", "--verbose": not a plain word; "sys.version": neither.
      if (joins_token(before) || before == U'-' ||
          ((before == U'.' || before == U':') && begin >= 2 &&
           (ascii_letter(text[begin - 2]) || digit(text[begin - 2]))))
        plain = false;
    }
    if (end < n) {
      const char32_t after = text[end];
      if (joins_token(after) ||
          ((after == U'.' || after == U'-' || after == U':' || after == U'\'' ||
            after == U'\u2019') &&
           joins_when_followed(text, end)))
        plain = false;
    }
    if (!plain) continue;
    // Loaded at the first word that needs it: parsing the patterns is a
    // tenth of a whole issue's work, and most issues have no such word.
    HyphenDict* dict = dictionary();
    if (!dict) return points;
    std::string word;
    for (size_t k = begin; k < end; ++k)
      word += static_cast<char>(ascii_upper(text[k]) ? text[k] - U'A' + U'a' : text[k]);
    std::vector<char> hyphens(word.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed = hnj_hyphen_hyphenate3(dict, word.data(), static_cast<int>(word.size()),
                                             hyphens.data(), nullptr, &rep, &pos, &cut, kEdge,
                                             kEdge, kEdge, kEdge);
    if (rep) {  // non-standard hyphenation: not in English patterns; free what came back
      for (size_t k = 0; k < word.size(); ++k) free(rep[k]);
      free(rep);
    }
    free(pos);
    free(cut);
    if (failed) continue;
    for (size_t k = kEdge - 1; k + kEdge < word.size(); ++k)
      if (hyphens[k] & 1) points.push_back(static_cast<uint32_t>(begin + k + 1));
  }
  return points;
}

}  // namespace paiban
