#include "pdf/object_streams.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "pdf/flate.hpp"

namespace paiban::pdf {
namespace {

// Objects per object stream: a reader inflates a whole stream to reach one
// object, and more objects a stream compress a little better (measured on
// the seed: one stream of all would be 0.9 KB smaller than streams of 100).
constexpr size_t kObjectsPerStream = 100;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("PDF writer: packing objects: " + what);
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool is_delimiter(char c) {
  return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos;
}
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

// Reads PDF syntax: enough to find where one object's value ends.
class Scanner {
 public:
  Scanner(std::string_view s, size_t pos) : s_(s), pos_(pos) {}
  size_t pos() const { return pos_; }

  void skip_space() {
    while (pos_ < s_.size()) {
      if (is_space(s_[pos_])) {
        ++pos_;
      } else if (s_[pos_] == '%') {  // a comment, to the end of its line
        while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
  }

  bool at(std::string_view text) const { return s_.substr(pos_, text.size()) == text; }

  std::string_view token() {
    skip_space();
    const size_t start = pos_;
    while (pos_ < s_.size() && is_regular(s_[pos_])) ++pos_;
    return s_.substr(start, pos_ - start);
  }

  /// Skips one value: a dictionary, array, string, name, number, keyword,
  /// or an indirect reference "N G R".
  void skip_value() {
    skip_space();
    if (pos_ >= s_.size()) fail("unexpected end of a value");
    const char c = s_[pos_];
    if (at("<<")) {
      pos_ += 2;
      for (;;) {
        skip_space();
        if (at(">>")) {
          pos_ += 2;
          return;
        }
        skip_value();  // key
        skip_value();  // value
      }
    }
    if (c == '[') {
      ++pos_;
      for (;;) {
        skip_space();
        if (at("]")) {
          ++pos_;
          return;
        }
        skip_value();
      }
    }
    if (c == '(') return skip_literal_string();
    if (c == '<') {
      const size_t end = s_.find('>', pos_);
      if (end == std::string_view::npos) fail("unterminated hex string");
      pos_ = end + 1;
      return;
    }
    if (c == '/') {
      ++pos_;
      while (pos_ < s_.size() && is_regular(s_[pos_])) ++pos_;
      return;
    }
    if (!is_regular(c)) fail(std::string("unexpected '") + c + "'");
    const std::string_view first = token();
    if (!is_integer(first)) return;
    const size_t after_first = pos_;
    if (is_integer(token()) && token() == "R") return;
    pos_ = after_first;
  }

 private:
  static bool is_integer(std::string_view t) {
    return !t.empty() &&
           std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  void skip_literal_string() {
    int depth = 0;
    for (; pos_ < s_.size(); ++pos_) {
      const char c = s_[pos_];
      if (c == '\\') {
        ++pos_;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        ++pos_;
        return;
      }
    }
    fail("unterminated string");
  }

  std::string_view s_;
  size_t pos_;
};

size_t parse_number(std::string_view token, const char* what) {
  if (token.empty() || token.size() > 18) fail(std::string("bad ") + what);
  size_t n = 0;
  for (char c : token) {
    if (c < '0' || c > '9') fail(std::string("bad ") + what);
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return n;
}

struct XrefEntry {
  size_t offset = 0;  // in use: where "N G obj" starts
  unsigned generation = 0;
  bool in_use = false;
};

struct Classic {
  std::vector<XrefEntry> entries;       // by object number
  std::string_view trailer_dictionary;  // "<< ... >>"
  size_t xref_offset = 0;
};

Classic read_classic(std::string_view pdf) {
  Classic classic;
  const size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string_view::npos) fail("no startxref");
  Scanner tail(pdf, startxref + 9);
  classic.xref_offset = parse_number(tail.token(), "startxref offset");
  Scanner xref(pdf, classic.xref_offset);
  if (xref.token() != "xref") fail("no xref table at startxref");
  for (;;) {
    xref.skip_space();
    if (xref.at("trailer")) break;
    const size_t first = parse_number(xref.token(), "xref subsection start");
    const size_t count = parse_number(xref.token(), "xref subsection count");
    if (first + count > 8388607) fail("too many objects");  // PDF's own limit
    if (classic.entries.size() < first + count) classic.entries.resize(first + count);
    for (size_t i = 0; i < count; ++i) {
      XrefEntry& e = classic.entries[first + i];
      e.offset = parse_number(xref.token(), "xref offset");
      e.generation = static_cast<unsigned>(parse_number(xref.token(), "xref generation"));
      const std::string_view type = xref.token();
      if (type != "n" && type != "f") fail("bad xref entry type");
      e.in_use = type == "n";
      if (e.in_use && e.offset >= classic.xref_offset) fail("object offset past the xref");
    }
  }
  xref.token();  // "trailer"
  xref.skip_space();
  const size_t start = xref.pos();
  if (!xref.at("<<")) fail("no trailer dictionary");
  xref.skip_value();
  classic.trailer_dictionary = pdf.substr(start, xref.pos() - start);
  return classic;
}

// The trailer's entries but those a cross-reference stream states itself.
std::string trailer_entries(std::string_view dictionary) {
  std::string out;
  Scanner s(dictionary, 2);
  for (;;) {
    s.skip_space();
    if (s.at(">>")) break;
    const size_t key_start = s.pos();
    s.skip_value();
    const std::string_view key = dictionary.substr(key_start, s.pos() - key_start);
    s.skip_space();
    const size_t value_start = s.pos();
    s.skip_value();
    if (key == "/Size" || key == "/Prev" || key == "/XRefStm") continue;
    out += std::string(key) + ' ' +
           std::string(dictionary.substr(value_start, s.pos() - value_start)) + '\n';
  }
  return out;
}

void put_be(std::string& out, uint64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

int width_of(uint64_t value) {
  int w = 1;
  while (w < 8 && value >> (8 * w)) ++w;
  return w;
}

struct NewEntry {
  int type = 0;  // 0 free, 1 at an offset, 2 in an object stream
  uint64_t field2 = 0, field3 = 0;
};

}  // namespace

std::string pack_objects(std::string_view pdf) {
  const Classic classic = read_classic(pdf);

  // Each in-use object's extent: from its "N G obj" to the next object (or
  // the xref table). libharu writes nothing between objects.
  std::vector<size_t> starts;
  for (const XrefEntry& e : classic.entries)
    if (e.in_use) starts.push_back(e.offset);
  starts.push_back(classic.xref_offset);
  std::sort(starts.begin(), starts.end());
  auto extent_end = [&](size_t offset) {
    return *std::upper_bound(starts.begin(), starts.end(), offset);
  };

  std::string out(pdf.substr(0, starts.front()));  // the header and its binary comment
  const size_t count = classic.entries.size();
  std::vector<NewEntry> entries(count);
  entries[0] = {0, 0, 65535};
  std::vector<std::pair<size_t, std::string_view>> packable;  // number, value

  for (size_t number = 1; number < count; ++number) {
    const XrefEntry& e = classic.entries[number];
    if (!e.in_use) {
      entries[number] = {0, 0, e.generation};
      continue;
    }
    Scanner s(pdf, e.offset);
    if (e.offset >= pdf.size() || pdf[e.offset] < '0' || pdf[e.offset] > '9' ||
        parse_number(s.token(), "object number") != number ||
        parse_number(s.token(), "generation") != e.generation || s.token() != "obj")
      fail("object " + std::to_string(number) + " is not where the xref says");
    s.skip_space();
    const size_t value_start = s.pos();
    s.skip_value();
    const size_t value_end = s.pos();
    const std::string_view keyword = s.token();
    if (keyword != "stream" && keyword != "endobj")
      fail("object " + std::to_string(number) + " ends in neither stream nor endobj");
    if (keyword == "endobj" && e.generation == 0) {
      packable.emplace_back(number, pdf.substr(value_start, value_end - value_start));
      continue;
    }
    // Streams (and any object of another generation) stay as they are.
    entries[number] = {1, out.size(), e.generation};
    out += pdf.substr(e.offset, extent_end(e.offset) - e.offset);
  }

  size_t next_number = count;
  for (size_t first = 0; first < packable.size(); first += kObjectsPerStream) {
    const size_t last = std::min(packable.size(), first + kObjectsPerStream);
    const size_t stream_number = next_number++;
    std::string index, body;
    for (size_t i = first; i < last; ++i) {
      const auto& [number, value] = packable[i];
      entries[number] = {2, stream_number, i - first};
      index += std::to_string(number) + ' ' + std::to_string(body.size()) + ' ';
      body += value;
      body += '\n';
    }
    index.back() = '\n';
    const std::string data = flate(index + body, FlateEffort::tables);
    entries.resize(next_number);
    entries[stream_number] = {1, out.size(), 0};
    out += std::to_string(stream_number) + " 0 obj\n<< /Type /ObjStm /N " +
           std::to_string(last - first) + " /First " + std::to_string(index.size()) +
           " /Filter /FlateDecode /Length " + std::to_string(data.size()) + " >>\nstream\n";
    out += data;
    out += "\nendstream\nendobj\n";
  }

  // The cross-reference stream, its own entry included; rows PNG-Up
  // predicted (each row differs little from the one above: far better Flate).
  const size_t xref_number = next_number++;
  entries.resize(next_number);
  const size_t xref_offset = out.size();
  entries[xref_number] = {1, xref_offset, 0};
  uint64_t widest = 0;
  for (const NewEntry& e : entries) widest = std::max(widest, e.field2);
  const int w2 = width_of(widest);
  const int columns = 1 + w2 + 2;
  std::string rows;
  std::string previous(columns, '\0'), row;
  for (const NewEntry& e : entries) {
    row.clear();
    put_be(row, e.type, 1);
    put_be(row, e.field2, w2);
    put_be(row, e.field3, 2);
    rows += '\x02';  // PNG filter type Up
    for (int i = 0; i < columns; ++i) rows += static_cast<char>(row[i] - previous[i]);
    previous = row;
  }
  const std::string data = flate(rows, FlateEffort::tables);
  out += std::to_string(xref_number) + " 0 obj\n<< /Type /XRef /Size " +
         std::to_string(next_number) + " /W [ 1 " + std::to_string(w2) + " 2 ]\n" +
         trailer_entries(classic.trailer_dictionary) +
         "/Filter /FlateDecode /DecodeParms << /Columns " + std::to_string(columns) +
         " /Predictor 12 >> /Length " + std::to_string(data.size()) + " >>\nstream\n";
  out += data;
  out += "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace paiban::pdf
