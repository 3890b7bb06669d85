#include "paginate/image_size.hpp"

#include <jpeglib.h>
// jerror.h: the message codes (JWRN_EXTRANEOUS_DATA).
#include <jerror.h>
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

namespace paiban {

std::optional<std::pair<int, int>> image_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  head.resize(in.gcount());
  auto be16 = [&](size_t i) { return (head[i] << 8) | head[i + 1]; };
  auto be32 = [&](size_t i) {
    return int((unsigned(head[i]) << 24) | (head[i + 1] << 16) | (head[i + 2] << 8) | head[i + 3]);
  };
  // PNG: signature, then the IHDR chunk holds width and height.
  if (head.size() >= 24 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
    int w = be32(16), h = be32(20);
    if (w > 0 && h > 0) return std::make_pair(w, h);
    return std::nullopt;
  }
  // JPEG: walk the markers to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC).
  if (head.size() >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    size_t i = 2;
    while (i + 9 < head.size()) {
      if (head[i] != 0xFF) return std::nullopt;
      int marker = head[i + 1];
      if (marker == 0xFF) {
        ++i;
        continue;
      }
      int length = be16(i + 2);
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        int h = be16(i + 5), w = be16(i + 7);
        if (w > 0 && h > 0) return std::make_pair(w, h);
        return std::nullopt;
      }
      i += 2 + length;
    }
  }
  return std::nullopt;
}

namespace {

using File = std::unique_ptr<FILE, int (*)(FILE*)>;

/// The largest figure taken, in pixels: the PDF writer holds a figure whole
/// in memory (3 bytes a pixel in colour), and a full A4 page at 300 dpi is
/// under 9 million. A few hundred KB of PNG can declare far more.
constexpr unsigned long long kMaxPixels = 100'000'000;

std::optional<std::string> too_large(unsigned long long width, unsigned long long height) {
  if (width * height <= kMaxPixels) return std::nullopt;
  return "it is " + std::to_string(width) + " x " + std::to_string(height) +
         " pixels; figures may have at most 100 million (a full A4 page at 300 dpi has 9 million)";
}

// libpng: an error longjmps back here with its message. A warning counts
// as damage too: Debian's libharu 2.3 hands libpng's warnings to its error
// handler, so any PNG that makes libpng warn (a bad CRC in an ancillary
// chunk, extra image data) fails to load in the PDF writer.
struct PngErrors {
  std::jmp_buf jump;
  std::string message;
  std::string warning;  // the first one
};

void png_error_handler(png_structp png, png_const_charp message) {
  auto* errors = static_cast<PngErrors*>(png_get_error_ptr(png));
  errors->message = message;
  std::longjmp(errors->jump, 1);
}

void png_warning_handler(png_structp png, png_const_charp message) {
  auto* errors = static_cast<PngErrors*>(png_get_error_ptr(png));
  if (errors->warning.empty()) errors->warning = message;
}

std::optional<std::string> png_damage(FILE* file) {
  PngErrors errors;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, png_error_handler,
                                           png_warning_handler);
  if (!png) return "cannot start libpng";
  png_infop info = png_create_info_struct(png);
  std::vector<png_byte> row;
  if (!info || setjmp(errors.jump)) {
    png_destroy_read_struct(&png, &info, nullptr);
    return errors.message.empty() ? std::string("cannot start libpng") : errors.message;
  }
  png_init_io(png, file);
  png_read_info(png, info);
  if (auto large = too_large(png_get_image_width(png, info), png_get_image_height(png, info))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return large;
  }
  if (png_get_interlace_type(png, info) != PNG_INTERLACE_NONE) {
    // libharu reads an interlaced PNG without interlace handling: libpng warns, it fails.
    png_destroy_read_struct(&png, &info, nullptr);
    return "it is an interlaced PNG, which the PDF writer cannot embed (save it without "
           "interlacing)";
  }
  if (png_get_bit_depth(png, info) == 16) png_set_strip_16(png);  // as libharu reads it
  png_read_update_info(png, info);
  row.resize(png_get_rowbytes(png, info));
  png_uint_32 height = png_get_image_height(png, info);
  for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row.data(), nullptr);
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  if (!errors.warning.empty()) return errors.warning;
  return std::nullopt;
}

// libjpeg: an error longjmps back here; a warning (corrupt data, a file that
// ends early) counts as damage too: libjpeg would paint the rest grey. Only
// stray bytes between markers, common in old files and harmless, pass.
struct JpegErrors {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  std::string message;
};

void jpeg_error_handler(j_common_ptr jpeg) {
  auto* errors = reinterpret_cast<JpegErrors*>(jpeg->err);
  char text[JMSG_LENGTH_MAX];
  (*jpeg->err->format_message)(jpeg, text);
  errors->message = text;
  std::longjmp(errors->jump, 1);
}

void jpeg_message_handler(j_common_ptr jpeg, int level) {
  auto* errors = reinterpret_cast<JpegErrors*>(jpeg->err);
  // level < 0: a warning; trace messages are >= 0.
  if (level < 0 && jpeg->err->msg_code != JWRN_EXTRANEOUS_DATA && errors->message.empty()) {
    char text[JMSG_LENGTH_MAX];
    (*jpeg->err->format_message)(jpeg, text);
    errors->message = text;
  }
}

std::optional<std::string> jpeg_damage(FILE* file) {
  jpeg_decompress_struct jpeg{};
  JpegErrors errors;
  jpeg.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jpeg_error_handler;
  errors.manager.emit_message = jpeg_message_handler;
  std::vector<JSAMPLE> row;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&jpeg);
    return errors.message;
  }
  jpeg_create_decompress(&jpeg);
  jpeg_stdio_src(&jpeg, file);
  jpeg_read_header(&jpeg, TRUE);
  if (auto large = too_large(jpeg.image_width, jpeg.image_height)) {
    jpeg_destroy_decompress(&jpeg);
    return large;
  }
  jpeg_start_decompress(&jpeg);
  row.resize(static_cast<size_t>(jpeg.output_width) * jpeg.output_components);
  JSAMPROW rows[1] = {row.data()};
  while (jpeg.output_scanline < jpeg.output_height) jpeg_read_scanlines(&jpeg, rows, 1);
  jpeg_finish_decompress(&jpeg);
  jpeg_destroy_decompress(&jpeg);
  if (!errors.message.empty()) return errors.message;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> image_damage(const std::string& path) {
  File file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return "cannot open it";
  unsigned char head[8] = {};
  size_t got = std::fread(head, 1, sizeof head, file.get());
  std::rewind(file.get());
  if (got == 8 && png_sig_cmp(head, 0, 8) == 0) return png_damage(file.get());
  if (got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
    return jpeg_damage(file.get());
  return "not a PNG or JPEG file";
}

}  // namespace paiban
