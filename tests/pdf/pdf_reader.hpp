// A small reader of PDF objects for tests. It reads a file qpdf has
// rewritten in QDF form (`qpdf --qdf --object-streams=disable`: every object
// on its own, streams uncompressed), so it needs no xref or filters; and it
// walks content streams as operators with their operands.
#pragma once
#include <sys/wait.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace paiban::pdf_test {

struct PdfValue {
  enum class Kind { null, boolean, number, string, name, array, dict, ref, op } kind = Kind::null;
  bool boolean = false;
  double number = 0;
  std::string text;  ///< string bytes, name (without '/'), or operator
  int ref = 0;       ///< object number of a reference
  std::vector<PdfValue> items;
  std::shared_ptr<std::map<std::string, PdfValue>> dict;

  bool is(Kind k) const { return kind == k; }
  bool is_name(const std::string& n) const { return kind == Kind::name && text == n; }
  bool has(const std::string& key) const { return dict && dict->count(key); }
  /// A dictionary's entry, or null.
  const PdfValue& operator[](const std::string& key) const {
    static const PdfValue none;
    if (!dict) return none;
    auto it = dict->find(key);
    return it == dict->end() ? none : it->second;
  }
};

/// Parses PDF values from text: the object syntax, plus bare words as
/// operators (for content streams).
class PdfParser {
 public:
  explicit PdfParser(const std::string& text, size_t pos = 0) : s_(text), pos_(pos) {}
  size_t pos() const { return pos_; }
  bool at_end() {
    skip();
    return pos_ >= s_.size();
  }

  PdfValue value() {
    skip();
    if (pos_ >= s_.size()) throw std::runtime_error("PDF reader: unexpected end");
    const char c = s_[pos_];
    PdfValue v;
    if (c == '<' && peek(1) == '<') {
      pos_ += 2;
      v.kind = PdfValue::Kind::dict;
      v.dict = std::make_shared<std::map<std::string, PdfValue>>();
      for (;;) {
        skip();
        if (s_.compare(pos_, 2, ">>") == 0) {
          pos_ += 2;
          return v;
        }
        PdfValue key = value();
        if (!key.is(PdfValue::Kind::name)) throw std::runtime_error("PDF reader: bad dict key");
        (*v.dict)[key.text] = value();
      }
    }
    if (c == '[') {
      ++pos_;
      v.kind = PdfValue::Kind::array;
      for (;;) {
        skip();
        if (s_[pos_] == ']') {
          ++pos_;
          return v;
        }
        v.items.push_back(value());
      }
    }
    if (c == '(') return literal_string();
    if (c == '<') return hex_string();
    if (c == '/') {
      ++pos_;
      v.kind = PdfValue::Kind::name;
      while (pos_ < s_.size() && !delimiter(s_[pos_])) {
        if (s_[pos_] == '#' && pos_ + 2 < s_.size()) {
          v.text += static_cast<char>(std::stoi(s_.substr(pos_ + 1, 2), nullptr, 16));
          pos_ += 3;
        } else {
          v.text += s_[pos_++];
        }
      }
      return v;
    }
    std::string word;
    while (pos_ < s_.size() && !delimiter(s_[pos_])) word += s_[pos_++];
    if (word.empty())
      throw std::runtime_error("PDF reader: unexpected '" + std::string(1, c) + "'");
    if (word == "true" || word == "false") {
      v.kind = PdfValue::Kind::boolean;
      v.boolean = word == "true";
      return v;
    }
    if (word == "null") return v;
    if (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-' || word[0] == '+' ||
        word[0] == '.') {
      v.kind = PdfValue::Kind::number;
      v.number = std::strtod(word.c_str(), nullptr);
      // "N G R": a reference.
      static const std::regex ref_tail(R"(^\s+(\d+)\s+R(?=[\s/<>\[\]()%]|$))");
      std::smatch m;
      std::string rest = s_.substr(pos_, 24);
      if (word.find('.') == std::string::npos && std::regex_search(rest, m, ref_tail)) {
        v.kind = PdfValue::Kind::ref;
        v.ref = std::stoi(word);
        pos_ += m.length(0);
      }
      return v;
    }
    v.kind = PdfValue::Kind::op;
    v.text = word;
    return v;
  }

  /// Skips white space and comments.
  void skip() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '%') {
        while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
      } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0') {
        ++pos_;
      } else {
        break;
      }
    }
  }

 private:
  char peek(size_t ahead) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }
  static bool delimiter(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0' || c == '/' ||
           c == '<' || c == '>' || c == '[' || c == ']' || c == '(' || c == ')' || c == '%' ||
           c == '{' || c == '}';
  }
  PdfValue literal_string() {
    PdfValue v;
    v.kind = PdfValue::Kind::string;
    ++pos_;
    int depth = 1;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '\\' && pos_ < s_.size()) {
        char e = s_[pos_++];
        switch (e) {
          case 'n':
            v.text += '\n';
            break;
          case 'r':
            v.text += '\r';
            break;
          case 't':
            v.text += '\t';
            break;
          case 'b':
            v.text += '\b';
            break;
          case 'f':
            v.text += '\f';
            break;
          case '\n':
            break;
          default:
            if (e >= '0' && e <= '7') {
              int n = e - '0';
              for (int k = 0; k < 2 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '7'; ++k)
                n = n * 8 + (s_[pos_++] - '0');
              v.text += static_cast<char>(n);
            } else {
              v.text += e;
            }
        }
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) break;
      v.text += c;
    }
    return v;
  }
  PdfValue hex_string() {
    PdfValue v;
    v.kind = PdfValue::Kind::string;
    ++pos_;
    std::string digits;
    while (pos_ < s_.size() && s_[pos_] != '>') {
      if (std::isxdigit(static_cast<unsigned char>(s_[pos_]))) digits += s_[pos_];
      ++pos_;
    }
    ++pos_;
    if (digits.size() % 2) digits += '0';
    for (size_t i = 0; i < digits.size(); i += 2)
      v.text += static_cast<char>(std::stoi(digits.substr(i, 2), nullptr, 16));
    return v;
  }

  const std::string& s_;
  size_t pos_;
};

struct PdfObject {
  PdfValue value;
  std::string stream;  ///< decoded data (QDF: uncompressed), when a stream
  bool is_stream = false;
};

/// One operator of a content stream with its operands.
struct ContentOp {
  std::string op;
  std::vector<PdfValue> operands;
};

inline std::vector<ContentOp> content_ops(const std::string& data) {
  std::vector<ContentOp> ops;
  PdfParser parser(data);
  std::vector<PdfValue> operands;
  while (!parser.at_end()) {
    PdfValue v = parser.value();
    if (v.is(PdfValue::Kind::op)) {
      ops.push_back({v.text, std::move(operands)});
      operands.clear();
    } else {
      operands.push_back(std::move(v));
    }
  }
  return ops;
}

class PdfFile {
 public:
  /// Rewrites `path` with qpdf into QDF form and reads it. Throws when qpdf fails.
  static PdfFile load(const std::string& path) {
    const std::string qdf = path + ".qdf";
    const std::string command =
        "qpdf --qdf --object-streams=disable '" + path + "' '" + qdf + "' 2>&1";
    const int status = std::system(command.c_str());
    if (status != 0 && WEXITSTATUS(status) != 3)  // 3: warnings
      throw std::runtime_error("qpdf --qdf failed on " + path);
    std::ifstream in(qdf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::remove(qdf.c_str());
    PdfFile file;
    file.header = bytes.substr(0, bytes.find('\n', bytes.find('\n') + 1) + 1);
    file.parse(bytes);
    return file;
  }

  const PdfObject* object(int id) const {
    auto it = objects_.find(id);
    return it == objects_.end() ? nullptr : &it->second;
  }
  /// Follows a reference (once is enough: QDF never chains them).
  const PdfValue& resolve(const PdfValue& v) const {
    if (!v.is(PdfValue::Kind::ref)) return v;
    static const PdfValue none;
    const PdfObject* o = object(v.ref);
    return o ? o->value : none;
  }
  const PdfValue& get(const PdfValue& dict, const std::string& key) const {
    return resolve(dict[key]);
  }
  const PdfValue& catalog() const { return resolve(trailer["Root"]); }
  /// The page objects in order: their object numbers.
  std::vector<int> pages() const {
    std::vector<int> out;
    collect_pages(catalog()["Pages"], out);
    return out;
  }
  const std::map<int, PdfObject>& objects() const { return objects_; }

  PdfValue trailer;
  std::string header;  ///< the first two lines: version and binary comment

 private:
  void collect_pages(const PdfValue& node_ref, std::vector<int>& out) const {
    const PdfValue& node = resolve(node_ref);
    if (node["Type"].is_name("Page")) {
      out.push_back(node_ref.ref);
      return;
    }
    for (const PdfValue& kid : resolve(node["Kids"]).items) collect_pages(kid, out);
  }

  void parse(const std::string& bytes) {
    static const std::regex header(R"((?:^|\n)(\d+) 0 obj\s)");
    struct Start {
      int id;
      size_t header, value;  // offsets of "N 0 obj" and of the value after it
    };
    std::vector<Start> starts;
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), header);
         it != std::sregex_iterator(); ++it)
      starts.push_back({std::stoi((*it)[1]), static_cast<size_t>(it->position(0)),
                        static_cast<size_t>(it->position(0) + it->length(0))});
    for (size_t k = 0; k < starts.size(); ++k) {
      const size_t end = k + 1 < starts.size() ? starts[k + 1].header : bytes.size();
      PdfParser parser(bytes, starts[k].value);
      PdfObject object;
      object.value = parser.value();
      parser.skip();
      if (bytes.compare(parser.pos(), 6, "stream") == 0) {
        size_t data = parser.pos() + 6;
        if (bytes[data] == '\r') ++data;
        if (bytes[data] == '\n') ++data;
        size_t stop = bytes.rfind("endstream", end);
        if (stop == std::string::npos || stop < data) stop = data;
        object.stream = bytes.substr(data, stop - data);
        object.is_stream = true;
      }
      objects_[starts[k].id] = std::move(object);
    }
    const size_t t = bytes.rfind("trailer");
    if (t == std::string::npos) throw std::runtime_error("PDF reader: no trailer");
    PdfParser parser(bytes, t + 7);
    trailer = parser.value();
  }

  std::map<int, PdfObject> objects_;
};

}  // namespace paiban::pdf_test
