#include "input/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "common/utf8.hpp"
#include "input/source_map.hpp"
#include "input/xml_chars.hpp"

namespace paiban {
namespace {

/// The encoding="..." pseudo-attribute of an XML declaration, by byte offsets.
struct EncodingDecl {
  std::size_t start = 0;  ///< the 'e' of encoding
  std::size_t end = 0;    ///< one past the closing quote
  std::string value;
};

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// Finds encoding="..." in a leading "<?xml ...?>". The declaration is ASCII in
/// every encoding we accept, so this works on raw bytes and on decoded text.
std::optional<EncodingDecl> find_encoding_decl(std::string_view text) {
  if (text.size() < 6 || text.substr(0, 5) != "<?xml" || !is_xml_space(text[5])) return {};
  std::size_t close = text.find("?>");
  if (close == std::string_view::npos) return {};
  std::string_view decl = text.substr(0, close);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos || !is_xml_space(decl[at - 1])) return {};
  std::size_t i = at + 8;
  while (i < decl.size() && is_xml_space(decl[i])) ++i;
  if (i >= decl.size() || decl[i] != '=') return {};
  ++i;
  while (i < decl.size() && is_xml_space(decl[i])) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  char quote = decl[i];
  std::size_t value_end = decl.find(quote, i + 1);
  if (value_end == std::string_view::npos) return {};
  return EncodingDecl{at, value_end + 1, std::string(decl.substr(i + 1, value_end - i - 1))};
}

/// ICU's Big5-HKSCS (Hong Kong's supplementary characters, to Unicode 4.1).
constexpr const char* kBig5Hkscs = "ibm-1375_P100-2008";

/// ICU converter for a declared legacy encoding, or nullptr when it is not one.
/// GBK and GB2312 are decoded as GB18030, their superset: every valid GBK or
/// GB2312 byte sequence means the same there, and files labelled GB2312 often
/// hold GBK characters.
const char* legacy_converter(const std::string& declared) {
  std::string name = lower_ascii(declared);
  if (name == "gb18030" || name == "gbk" || name == "gb2312") return "GB18030";
  if (name == "big5") return "Big5";
  if (name == "big5-hkscs" || name == "big5hkscs" || name == "big5_hkscs") return kBig5Hkscs;
  return nullptr;
}

/// The first private-use character of UTF-8 `text` (U+E000..U+F8FF), by
/// byte offset: what a legacy decoder gives for bytes it has no character
/// for (Big5's user-defined area, where HKSCS characters sit).
std::optional<std::size_t> first_private_use(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char ch = next_utf8_char(text, i);
    if (ch.valid && ch.code_point >= 0xE000 && ch.code_point <= 0xF8FF) return i;
    i += ch.length;
  }
  return std::nullopt;
}

std::string utf16_to_utf8(const UChar* text, int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strToUTF8(nullptr, 0, &needed, text, length, &status);
  std::string out(static_cast<std::size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), needed, nullptr, text, length, &status);
  return out;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

std::string transcode(const std::string& bytes, const char* converter_name,
                      const std::string& declared, const std::string& path) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(converter_name, &status));
  if (U_FAILURE(status)) {
    throw InputError({path, 1, 1}, "cannot decode " + declared + ": " + u_errorName(status));
  }
  // Stop at the first byte sequence that is not in the encoding, to report it.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> decoded(bytes.size() + 1);
  UChar* target = decoded.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, decoded.data() + decoded.size(), &source,
                 bytes.data() + bytes.size(), nullptr, true, &status);
  int32_t produced = static_cast<int32_t>(target - decoded.data());
  if (U_FAILURE(status)) {
    char bad[8] = {};
    int8_t bad_length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), bad, &bad_length, &ignored);
    std::string hex;
    for (int i = 0; i < bad_length; ++i) {
      char byte[4];
      std::snprintf(byte, sizeof byte, "%02X", static_cast<unsigned char>(bad[i]));
      hex += (i ? " " : "") + std::string(byte);
    }
    std::string prefix = utf16_to_utf8(decoded.data(), produced);
    throw InputError(locate(prefix, prefix.size(), path),
                     "byte sequence " + hex + " is not valid " + declared);
  }
  return utf16_to_utf8(decoded.data(), produced);
}

[[noreturn]] void refuse(std::string_view text, std::size_t offset, const std::string& path,
                         const std::string& message) {
  throw InputError(locate(text, offset, path), message);
}

/// Checks that `text` is UTF-8 holding only characters XML 1.0 allows.
void check_utf8(std::string_view text, const std::string& path) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char ch = next_utf8_char(text, i);
    if (!ch.valid) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[i]));
      refuse(text, i, path,
             "invalid UTF-8 (byte " + std::string(hex) +
                 "); save the file as UTF-8 or declare its encoding");
    }
    if (!is_xml_char(ch.code_point)) {
      char hex[12];
      std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(ch.code_point));
      refuse(text, i, path, "character " + std::string(hex) + " is not allowed in XML");
    }
    i += ch.length;
  }
}

}  // namespace

std::string decode_xml_input(const std::string& bytes, const std::string& path) {
  if (bytes.empty()) throw InputError({path, 1, 1}, "the file is empty");
  auto starts_with = [&](std::string_view prefix) { return bytes.starts_with(prefix); };
  if (starts_with(std::string_view("\xFF\xFE", 2)) ||
      starts_with(std::string_view("\xFE\xFF", 2)) || starts_with(std::string_view("\0<", 2)) ||
      starts_with(std::string_view("<\0", 2))) {
    throw InputError({path, 1, 1}, "UTF-16 and UTF-32 are not supported; save the file as UTF-8");
  }
  std::string text = bytes;
  if (starts_with("\xEF\xBB\xBF")) text.erase(0, 3);

  if (auto decl = find_encoding_decl(text)) {
    std::string name = lower_ascii(decl->value);
    if (const char* converter = legacy_converter(decl->value)) {
      std::string decoded = transcode(text, converter, decl->value, path);
      // Big5 has no HKSCS characters: ICU's Big5 gives them private-use code
      // points. A file labelled Big5 holding them is Big5-HKSCS (a superset).
      if (converter == std::string_view("Big5") && first_private_use(decoded))
        decoded = transcode(text, kBig5Hkscs, decl->value, path);
      if (auto at = first_private_use(decoded)) {
        throw InputError(locate(decoded, *at, path),
                         "a byte sequence of " + decl->value +
                             " decodes to a private-use character (a user-defined or "
                             "font-specific code, no Unicode character); write the character "
                             "itself in UTF-8");
      }
      text = std::move(decoded);
      if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a GB18030 BOM
      decl = find_encoding_decl(text);
      // The parser reads UTF-8 now: blank the declaration out rather than
      // rewrite it, so that columns after it on line 1 do not move.
      if (decl) std::fill(text.begin() + decl->start, text.begin() + decl->end, ' ');
    } else if (name != "utf-8") {
      refuse(text, decl->start, path,
             "encoding \"" + decl->value +
                 "\" is not supported (use UTF-8, or GB18030, GBK, GB2312, Big5 or "
                 "Big5-HKSCS)");
    }
  }
  check_utf8(text, path);
  return text;
}

}  // namespace paiban
