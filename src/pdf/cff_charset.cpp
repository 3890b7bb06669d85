// CFF as in Adobe Technical Note #5176: header, Name INDEX, Top DICT INDEX;
// the Top DICT gives the charset (op 15), CharStrings (op 17) and ROS (12 30).
#include "pdf/cff_charset.hpp"

#include <stdexcept>

namespace paiban::pdf {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  unsigned u8(size_t at) const {
    need(at, 1);
    return static_cast<unsigned char>(data_[at]);
  }
  unsigned u16(size_t at) const { return (u8(at) << 8) | u8(at + 1); }
  unsigned offset(size_t at, unsigned size) const {
    unsigned v = 0;
    for (unsigned i = 0; i < size; ++i) v = (v << 8) | u8(at + i);
    return v;
  }
  void need(size_t at, size_t n) const {
    if (at + n > data_.size() || at + n < at) throw std::runtime_error("CFF table is truncated");
  }
  std::string_view data() const { return data_; }

 private:
  std::string_view data_;
};

struct Index {
  unsigned count = 0;
  size_t end = 0;                    // first byte after the INDEX
  std::vector<size_t> starts, ends;  // item byte ranges
};

Index read_index(const Reader& r, size_t at) {
  Index index;
  index.count = r.u16(at);
  if (index.count == 0) {
    index.end = at + 2;
    return index;
  }
  unsigned off_size = r.u8(at + 2);
  if (off_size < 1 || off_size > 4) throw std::runtime_error("CFF INDEX has a bad offSize");
  size_t offsets = at + 3;
  size_t data = offsets + (index.count + 1) * off_size - 1;  // offsets are 1-based
  for (unsigned i = 0; i < index.count; ++i) {
    index.starts.push_back(data + r.offset(offsets + i * off_size, off_size));
    index.ends.push_back(data + r.offset(offsets + (i + 1) * off_size, off_size));
  }
  index.end = index.ends.back();
  r.need(index.end, 0);
  return index;
}

struct TopDict {
  long charset = 0;
  long charstrings = -1;
  bool ros = false;
};

TopDict read_top_dict(const Reader& r, size_t begin, size_t end) {
  TopDict top;
  std::vector<long> operands;
  size_t p = begin;
  while (p < end) {
    unsigned b = r.u8(p);
    if (b <= 21) {  // operator
      unsigned op = b;
      ++p;
      if (b == 12) op = 1200 + r.u8(p++);
      if (op == 15 && !operands.empty()) top.charset = operands.back();
      if (op == 17 && !operands.empty()) top.charstrings = operands.back();
      if (op == 1230) top.ros = true;
      operands.clear();
    } else if (b == 28) {
      operands.push_back(static_cast<int16_t>(r.u16(p + 1)));
      p += 3;
    } else if (b == 29) {
      operands.push_back(static_cast<int32_t>((r.u16(p + 1) << 16) | r.u16(p + 3)));
      p += 5;
    } else if (b == 30) {  // real: nibbles up to 0xf; its value is not needed here
      ++p;
      while (true) {
        unsigned v = r.u8(p++);
        if ((v & 0x0F) == 0x0F || (v >> 4) == 0x0F) break;
      }
      operands.push_back(0);
    } else if (b >= 32 && b <= 246) {
      operands.push_back(static_cast<long>(b) - 139);
      ++p;
    } else if (b >= 247 && b <= 250) {
      operands.push_back((static_cast<long>(b) - 247) * 256 + r.u8(p + 1) + 108);
      p += 2;
    } else if (b >= 251 && b <= 254) {
      operands.push_back(-(static_cast<long>(b) - 251) * 256 - r.u8(p + 1) - 108);
      p += 2;
    } else {
      throw std::runtime_error("CFF Top DICT has a reserved byte");
    }
  }
  return top;
}

}  // namespace

CffCharset read_cff_charset(std::string_view cff) {
  Reader r(cff);
  size_t header_size = r.u8(2);
  Index names = read_index(r, header_size);
  Index tops = read_index(r, names.end);
  if (tops.count < 1) throw std::runtime_error("CFF table has no Top DICT");
  TopDict top = read_top_dict(r, tops.starts[0], tops.ends[0]);
  if (top.charstrings <= 0) throw std::runtime_error("CFF Top DICT has no CharStrings");
  unsigned glyphs = read_index(r, static_cast<size_t>(top.charstrings)).count;

  CffCharset result;
  result.cid_keyed = top.ros;
  result.cids.assign(glyphs, 0);
  if (top.charset <= 2) {
    // Predefined charsets (ISOAdobe, Expert, ExpertSubset) only occur in
    // name-keyed fonts; ISOAdobe is the identity, which is all we need.
    for (unsigned g = 0; g < glyphs; ++g) result.cids[g] = static_cast<uint16_t>(g);
    return result;
  }
  size_t p = static_cast<size_t>(top.charset);
  unsigned format = r.u8(p++);
  unsigned g = 1;  // glyph 0 is .notdef / CID 0, not in the table
  if (format == 0) {
    for (; g < glyphs; ++g, p += 2) result.cids[g] = static_cast<uint16_t>(r.u16(p));
  } else if (format == 1 || format == 2) {
    while (g < glyphs) {
      unsigned first = r.u16(p);
      unsigned left = format == 1 ? r.u8(p + 2) : r.u16(p + 2);
      p += format == 1 ? 3 : 4;
      for (unsigned i = 0; i <= left && g < glyphs; ++i, ++g)
        result.cids[g] = static_cast<uint16_t>(first + i);
    }
  } else {
    throw std::runtime_error("CFF charset has an unknown format");
  }
  return result;
}

}  // namespace paiban::pdf
