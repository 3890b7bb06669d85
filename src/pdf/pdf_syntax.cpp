#include "pdf/pdf_syntax.hpp"

#include <charconv>
#include <cstdio>
#include <system_error>

#include "common/utf8.hpp"

namespace paiban::pdf {

void append_num(std::string& out, double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 3);
  if (ec != std::errc()) {  // only for absurd magnitudes; a PDF reader could not use them either
    out += '0';
    return;
  }
  // Trim "12.500" -> "12.5", "7.000" -> "7".
  char* p = end;
  while (p > buf && p[-1] == '0') --p;
  if (p > buf && p[-1] == '.') --p;
  std::string_view s(buf, p - buf);
  if (s == "-0" || s.empty()) s = "0";
  out += s;
}

std::string num(double value) {
  std::string s;
  append_num(s, value);
  return s;
}

std::string hex(std::string_view bytes) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string utf16be(std::u32string_view text) {
  std::string out;
  auto unit = [&](uint16_t u) {
    out += static_cast<char>(u >> 8);
    out += static_cast<char>(u & 0xFF);
  };
  for (char32_t cp : text) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(static_cast<uint16_t>(0xD800 + (cp >> 10)));
      unit(static_cast<uint16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      unit(static_cast<uint16_t>(cp));
    }
  }
  return out;
}

std::string text_string_bytes(std::string_view utf8) {
  return "\xFE\xFF" + utf16be(decode_utf8(utf8));
}

long long epoch_of_date(int year, int month, int day) {
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  year -= month <= 2;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (era * 146097 + static_cast<long long>(doe) - 719468) * 86400;
}

namespace {
struct Civil {
  long long year;
  int month, day, hour, minute, second;
};

Civil civil_from_epoch(long long t) {
  long long days = t / 86400, rem = t % 86400;
  if (rem < 0) rem += 86400, --days;
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  Civil c{};
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<long long>(yoe) + era * 400 + (c.month <= 2);
  c.hour = static_cast<int>(rem / 3600);
  c.minute = static_cast<int>(rem / 60 % 60);
  c.second = static_cast<int>(rem % 60);
  return c;
}
}  // namespace

std::string pdf_date(long long epoch_seconds) {
  Civil c = civil_from_epoch(epoch_seconds);
  char buf[40];
  std::snprintf(buf, sizeof buf, "D:%04lld%02d%02d%02d%02d%02dZ", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  return buf;
}

std::string xmp_date(long long epoch_seconds) {
  Civil c = civil_from_epoch(epoch_seconds);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  return buf;
}

}  // namespace paiban::pdf
