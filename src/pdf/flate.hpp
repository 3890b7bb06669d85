// Deflate in one call (libdeflate, zlib format) for every stream the PDF
// writer compresses: libharu is handed the compressed bytes, so its own,
// slower zlib path is never used.
#pragma once
#include <string>
#include <string_view>

namespace paiban::pdf {

/// How hard a stream is worth compressing, by what it holds.
enum class FlateEffort {
  /// Large streams that barely shrink further past level 6 (font programs,
  /// page contents, figure samples): level 9 costs 2-3x the time for 1-3 %.
  bulk,
  /// Small, repetitive text (ToUnicode CMaps, object and xref streams):
  /// level 9 is cheap there and 8-13 % smaller.
  tables,
};

/// `data` as a zlib stream (/FlateDecode). Deterministic: the same data and
/// effort give the same bytes. Thread-safe (one compressor per thread).
std::string flate(std::string_view data, FlateEffort effort = FlateEffort::bulk);

}  // namespace paiban::pdf
