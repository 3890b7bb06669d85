#include "pdf/flate.hpp"

#include <libdeflate.h>

#include <memory>
#include <stdexcept>

namespace paiban::pdf {
namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorDeleter>;

int level_of(FlateEffort effort) { return effort == FlateEffort::tables ? 9 : 6; }

// A compressor holds its match-finder tables (hundreds of KB): made once
// per thread and effort, not per stream.
libdeflate_compressor* compressor(FlateEffort effort) {
  thread_local Compressor bulk, tables;
  Compressor& slot = effort == FlateEffort::tables ? tables : bulk;
  if (!slot) slot.reset(libdeflate_alloc_compressor(level_of(effort)));
  if (!slot) throw std::runtime_error("PDF writer: libdeflate cannot allocate a compressor");
  return slot.get();
}

}  // namespace

std::string flate(std::string_view data, FlateEffort effort) {
  libdeflate_compressor* c = compressor(effort);
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  const size_t size = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
  if (size == 0) throw std::runtime_error("PDF writer: libdeflate cannot compress");
  out.resize(size);
  return out;
}

}  // namespace paiban::pdf
