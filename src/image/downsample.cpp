// Area averaging in exact integers: measured along one axis in units of
// 1/(in x out) of the image, an input pixel is `out` units long and an output
// pixel `in` units, so every overlap is a whole number of units and the
// weights of one output pixel add up to in_width x in_height. Across a row,
// an output pixel sums the input pixels wholly inside it (plain additions,
// then one multiplication) and weighs the two cut by its edges.
#include "image/downsample.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace paiban {

ImageDownsampler::ImageDownsampler(int width, int height, int components, bool alpha, int out_width,
                                   int out_height, ImageRowSink sink)
    : width_(static_cast<size_t>(width)),
      out_width_(static_cast<size_t>(out_width)),
      out_height_(static_cast<size_t>(out_height)),
      components_(static_cast<size_t>(components)),
      alpha_(alpha),
      total_(static_cast<uint64_t>(width) * static_cast<uint64_t>(height)),
      sink_(std::move(sink)) {
  if (out_width < 1 || out_height < 1 || out_width > width || out_height > height)
    throw std::invalid_argument(
        "ImageDownsampler: the output must be 1 pixel or more and no larger than the input");
  if (out_height > kMaxOutputHeight)
    throw std::invalid_argument("ImageDownsampler: the output may be at most 65535 pixels high");
  if (components != 1 && components != 3 && components != 4)
    throw std::invalid_argument("ImageDownsampler: 1, 3 or 4 colour components");

  const uint64_t in_w = width_, out_w = out_width_;
  columns_.resize(out_width_);
  for (uint64_t j = 0; j < out_w; ++j) {
    const uint64_t start = j * in_w, end = start + in_w;
    Columns& c = columns_[j];
    c.first = start / out_w;
    c.last = (end - 1) / out_w;
    c.weight_first = std::min(end, (c.first + 1) * out_w) - start;
    c.weight_last = c.last > c.first ? end - c.last * out_w : 0;
  }
  const uint64_t in_h = static_cast<uint64_t>(height), out_h = out_height_;
  rows_.resize(in_h);
  for (uint64_t y = 0; y < in_h; ++y) {
    const uint64_t start = y * out_h, end = start + out_h;
    RowShare& r = rows_[y];
    r.out_row = start / in_h;
    const uint64_t boundary = (r.out_row + 1) * in_h;  // where that output row ends
    r.weight = std::min(end, boundary) - start;
    r.weight_next = end > boundary ? end - boundary : 0;  // out <= in: never past the next
  }

  const size_t samples = width_ * components_;
  colour_.resize(samples);
  next_colour_.resize(samples);
  if (alpha_) {
    premultiplied_.resize(samples);
    row_premultiplied_.resize(samples);
    next_premultiplied_.resize(samples);
    alpha_sum_.resize(width_);
    next_alpha_sum_.resize(width_);
    out_alpha_.resize(out_width_);
  }
  out_colour_.resize(out_width_ * components_);
}

// The products are formed in 32 bits from 16-bit factors (a sample, a
// sample x alpha, a weight up to the output height): compilers make vector
// multiplications of them.
template <size_t C, bool Alpha, bool First>
void ImageDownsampler::add_down(const uint8_t* colour, const uint8_t* alpha, uint64_t weight) {
  const uint32_t w = static_cast<uint16_t>(weight);
  const size_t samples = width_ * C;
  uint64_t* __restrict sum = colour_.data();
  for (size_t i = 0; i < samples; ++i) {
    const uint32_t v = static_cast<uint16_t>(colour[i]) * w;
    sum[i] = First ? v : sum[i] + v;
  }
  if constexpr (Alpha) {
    uint64_t* __restrict coverage = alpha_sum_.data();
    for (size_t x = 0; x < width_; ++x) {
      const uint32_t a = static_cast<uint16_t>(alpha[x]) * w;
      coverage[x] = First ? a : coverage[x] + a;
    }
    const uint16_t* __restrict product = row_premultiplied_.data();
    uint64_t* __restrict premultiplied = premultiplied_.data();
    for (size_t i = 0; i < samples; ++i) {
      const uint32_t v = product[i] * w;
      premultiplied[i] = First ? v : premultiplied[i] + v;
    }
  }
}

template <size_t C, bool Alpha>
void ImageDownsampler::average_across() {
  const uint64_t whole = out_width_;  // the weight of an input pixel wholly inside
  const uint64_t total = total_;
  const uint64_t* __restrict colour = colour_.data();
  const uint64_t* __restrict premultiplied = premultiplied_.data();
  const uint64_t* __restrict alpha = alpha_sum_.data();
  uint8_t* __restrict out = out_colour_.data();
  for (size_t j = 0; j < out_width_; ++j, out += C) {
    const Columns& s = columns_[j];
    // weight_last is 0 when one input pixel covers the whole output pixel.
    const uint64_t first = s.weight_first, last = s.weight_last;
    uint64_t sum[C], pre[C], coverage = 0;
    for (size_t c = 0; c < C; ++c) sum[c] = pre[c] = 0;
    for (size_t x = s.first + 1; x < s.last; ++x) {
      for (size_t c = 0; c < C; ++c) sum[c] += colour[x * C + c];
      if constexpr (Alpha) {
        coverage += alpha[x];
        for (size_t c = 0; c < C; ++c) pre[c] += premultiplied[x * C + c];
      }
    }
    if constexpr (Alpha) {
      coverage = coverage * whole + alpha[s.first] * first + alpha[s.last] * last;
      out_alpha_[j] = static_cast<uint8_t>((coverage + total / 2) / total);
      // Weighted by alpha where anything shows; a wholly transparent pixel
      // keeps the plain mean of the colours under it.
      if (coverage) {
        for (size_t c = 0; c < C; ++c) {
          const uint64_t p = pre[c] * whole + premultiplied[s.first * C + c] * first +
                             premultiplied[s.last * C + c] * last;
          out[c] = static_cast<uint8_t>((p + coverage / 2) / coverage);
        }
        continue;
      }
    }
    for (size_t c = 0; c < C; ++c) {
      const uint64_t plain =
          sum[c] * whole + colour[s.first * C + c] * first + colour[s.last * C + c] * last;
      out[c] = static_cast<uint8_t>((plain + total / 2) / total);
    }
  }
}

void ImageDownsampler::swap_rows() {
  std::swap(colour_, next_colour_);
  std::swap(premultiplied_, next_premultiplied_);
  std::swap(alpha_sum_, next_alpha_sum_);
}

template <size_t C, bool Alpha>
void ImageDownsampler::take_row(const uint8_t* colour, const uint8_t* alpha) {
  const RowShare& share = rows_[next_row_++];
  if constexpr (Alpha) {  // colour x alpha once, for one or two output rows
    uint16_t* __restrict product = row_premultiplied_.data();
    for (size_t x = 0; x < width_; ++x)
      for (size_t c = 0; c < C; ++c) product[x * C + c] = colour[x * C + c] * alpha[x];
  }
  if (started_)
    add_down<C, Alpha, false>(colour, alpha, share.weight);
  else
    add_down<C, Alpha, true>(colour, alpha, share.weight);
  started_ = true;
  // An input row across an output row's lower edge gives its rest to the
  // next output row, as that row's first.
  if (share.weight_next) {
    swap_rows();
    add_down<C, Alpha, true>(colour, alpha, share.weight_next);
    swap_rows();
  }
  // The output row is whole once an input row reaches its lower edge.
  if (next_row_ * out_height_ < (share.out_row + 1) * rows_.size()) return;
  average_across<C, Alpha>();
  emit();
  swap_rows();
  started_ = share.weight_next != 0;
}

void ImageDownsampler::row(const uint8_t* colour, const uint8_t* alpha) {
  if (next_row_ >= rows_.size())
    throw std::logic_error("ImageDownsampler: more rows than the image has");
  if (alpha_ && !alpha) throw std::logic_error("ImageDownsampler: a row without its alpha");
  switch (components_ * 2 + alpha_) {
    case 2:
      return take_row<1, false>(colour, alpha);
    case 3:
      return take_row<1, true>(colour, alpha);
    case 6:
      return take_row<3, false>(colour, alpha);
    case 7:
      return take_row<3, true>(colour, alpha);
    case 8:
      return take_row<4, false>(colour, alpha);
    case 9:
      return take_row<4, true>(colour, alpha);
  }
}

void ImageDownsampler::emit() {
  ++out_row_;
  sink_(out_colour_.data(), alpha_ ? out_alpha_.data() : nullptr);
}

}  // namespace paiban
