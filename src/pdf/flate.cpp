#include "pdf/flate.hpp"

#include <zlib.h>

#include <stdexcept>

namespace paiban::pdf {

std::string flate(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                6) != Z_OK)
    throw std::runtime_error("PDF writer: zlib cannot compress");
  out.resize(size);
  return out;
}

}  // namespace paiban::pdf
