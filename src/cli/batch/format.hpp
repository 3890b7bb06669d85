// Small locale-independent formatting shared by the progress display, the
// summary and the report.
#pragma once
#include <charconv>
#include <string>

namespace paiban::batch {

/// `value` with `decimals` digits after the point, always with '.'.
inline std::string fixed(double value, int decimals) {
  char buffer[64];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  return error == std::errc() ? std::string(buffer, end) : std::string("0");
}

/// A duration as "m:ss" (or "h:mm:ss"), rounded to the second.
inline std::string clock_time(double seconds) {
  long total = seconds < 0 ? 0 : static_cast<long>(seconds + 0.5);
  long h = total / 3600, m = total / 60 % 60, s = total % 60;
  auto two = [](long n) {
    std::string digits = std::to_string(n);
    return n < 10 ? "0" + digits : digits;
  };
  return h > 0 ? std::to_string(h) + ":" + two(m) + ":" + two(s) : std::to_string(m) + ":" + two(s);
}

}  // namespace paiban::batch
