// Decoding a figure once, row by row: 8-bit samples, the alpha channel split
// off. Rows stream to the caller, so a large figure is never held whole
// (except an interlaced PNG, whose passes need the whole image).
#include <csetjmp>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include "image/codec_errors.hpp"
#include "paiban/image.hpp"
// After jpeglib.h (through codec_errors.hpp): the message codes and ERREXIT.
#include <jerror.h>

namespace paiban {

void png_error_handler(png_structp png, png_const_charp message) {
  auto* errors = static_cast<CodecErrors*>(png_get_error_ptr(png));
  errors->message = message;
  std::longjmp(errors->jump, 1);
}

void png_warning_handler(png_structp png, png_const_charp message) {
  auto* errors = static_cast<CodecErrors*>(png_get_error_ptr(png));
  if (errors->warning.empty()) errors->warning = message;
}

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

namespace {

// libpng reads from memory through this.
struct PngSource {
  std::string_view bytes;
  size_t at = 0;
};

void read_png_bytes(png_structp png, png_bytep out, png_size_t length) {
  auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
  if (source->bytes.size() - source->at < length) png_error(png, "the file ends early");
  std::memcpy(out, source->bytes.data() + source->at, length);
  source->at += length;
}

// Splits an interleaved row (colour..., alpha) and hands it on.
class RowSplitter {
 public:
  RowSplitter(const ImageFacts& facts, const ImageRowSink& sink)
      : width_(static_cast<size_t>(facts.width)),
        components_(static_cast<size_t>(facts.components)),
        alpha_(facts.alpha),
        sink_(sink) {
    if (alpha_) {
      colour_.resize(width_ * components_);
      alpha_row_.resize(width_);
    }
  }
  void operator()(const uint8_t* row) {
    if (!alpha_) return sink_(row, nullptr);
    for (size_t x = 0; x < width_; ++x) {
      const uint8_t* pixel = row + x * (components_ + 1);
      for (size_t c = 0; c < components_; ++c) colour_[x * components_ + c] = pixel[c];
      alpha_row_[x] = pixel[components_];
    }
    sink_(colour_.data(), alpha_row_.data());
  }

 private:
  size_t width_, components_;
  bool alpha_;
  const ImageRowSink& sink_;
  std::vector<uint8_t> colour_, alpha_row_;
};

void decode_png(std::string_view bytes, const ImageFacts& facts, const ImageRowSink& sink) {
  CodecErrors errors;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, png_error_handler,
                                           png_warning_handler);
  if (!png) throw ImageError("cannot start libpng");
  png_infop info = png_create_info_struct(png);
  std::vector<png_byte> pixels;  // one row, or the whole image when interlaced
  std::vector<png_bytep> rows;
  RowSplitter split(facts, sink);
  PngSource source{bytes};
  if (!info || setjmp(errors.jump)) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw ImageError(errors.message.empty() ? "cannot start libpng" : errors.message);
  }
  png_set_read_fn(png, &source, read_png_bytes);
  png_read_info(png, info);
  if (png_get_image_width(png, info) != static_cast<png_uint_32>(facts.width) ||
      png_get_image_height(png, info) != static_cast<png_uint_32>(facts.height))
    png_error(png, "the file changed since it was read");
  png_set_expand(png);  // palette to RGB, grey to 8 bits, tRNS to alpha
  png_set_strip_16(png);
  if (!facts.alpha) png_set_strip_alpha(png);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const size_t row_bytes = png_get_rowbytes(png, info);
  const size_t expected =
      static_cast<size_t>(facts.width) * static_cast<size_t>(facts.components + (facts.alpha ? 1 : 0));
  if (row_bytes != expected) png_error(png, "unexpected sample layout");
  const png_uint_32 height = png_get_image_height(png, info);
  if (passes > 1) {
    pixels.resize(row_bytes * height);
    rows.resize(height);
    for (png_uint_32 y = 0; y < height; ++y) rows[y] = pixels.data() + y * row_bytes;
    png_read_image(png, rows.data());
    png_read_end(png, nullptr);
    if (!errors.warning.empty()) png_error(png, errors.warning.c_str());
    for (png_uint_32 y = 0; y < height; ++y) split(rows[y]);
  } else {
    pixels.resize(row_bytes);
    for (png_uint_32 y = 0; y < height; ++y) {
      png_read_row(png, pixels.data(), nullptr);
      split(pixels.data());
    }
    png_read_end(png, nullptr);
  }
  png_destroy_read_struct(&png, &info, nullptr);
  if (!errors.warning.empty()) throw ImageError(errors.warning);
}

// `sink` null: the file is only checked whole, at 1/8 scale. libjpeg still
// reads every entropy-coded block (where damage shows) but computes each
// block's mean alone, not its 64 samples.
void decode_jpeg(std::string_view bytes, const ImageFacts& facts, const ImageRowSink* sink) {
  jpeg_decompress_struct jpeg{};
  JpegErrors errors;
  jpeg.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jpeg_error_handler;
  errors.manager.emit_message = jpeg_message_handler;
  std::vector<JSAMPLE> row;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&jpeg);
    throw ImageError(errors.message);
  }
  jpeg_create_decompress(&jpeg);
  jpeg_mem_src(&jpeg, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&jpeg, TRUE);
  if (jpeg.image_width != static_cast<JDIMENSION>(facts.width) ||
      jpeg.image_height != static_cast<JDIMENSION>(facts.height) || jpeg.data_precision != 8)
    ERREXIT(&jpeg, JERR_BAD_PRECISION);
  jpeg.out_color_space = facts.colour == ImageColour::gray  ? JCS_GRAYSCALE
                         : facts.colour == ImageColour::rgb ? JCS_RGB
                                                            : JCS_CMYK;
  if (!sink) {
    jpeg.scale_num = 1;
    jpeg.scale_denom = 8;
    jpeg.do_fancy_upsampling = FALSE;
  }
  jpeg_start_decompress(&jpeg);
  if (jpeg.output_components != facts.components) ERREXIT(&jpeg, JERR_BAD_J_COLORSPACE);
  row.resize(static_cast<size_t>(jpeg.output_width) * jpeg.output_components);
  JSAMPROW rows[1] = {row.data()};
  while (jpeg.output_scanline < jpeg.output_height) {
    jpeg_read_scanlines(&jpeg, rows, 1);
    if (!sink) continue;
    if (facts.adobe_inverted)
      for (JSAMPLE& sample : row) sample = static_cast<JSAMPLE>(255 - sample);
    (*sink)(row.data(), nullptr);
  }
  jpeg_finish_decompress(&jpeg);
  jpeg_destroy_decompress(&jpeg);
  if (!errors.message.empty()) throw ImageError(errors.message);
}

}  // namespace

std::string read_image_file(const ImageFacts& facts) {
  std::ifstream in(facts.path, std::ios::binary);
  if (!in) throw ImageError("cannot open it");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ImageError("cannot read it");
  return bytes;
}

void decode_image(const ImageFacts& facts, std::string_view bytes, const ImageRowSink& sink) {
  if (facts.kind == ImageKind::png)
    decode_png(bytes, facts, sink);
  else
    decode_jpeg(bytes, facts, &sink);
}

void check_image_whole(const ImageFacts& facts, std::string_view bytes) {
  if (facts.kind == ImageKind::png)
    decode_png(bytes, facts, [](const uint8_t*, const uint8_t*) {});
  else
    decode_jpeg(bytes, facts, nullptr);
}

}  // namespace paiban
