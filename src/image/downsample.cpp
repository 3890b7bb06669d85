// Area averaging in exact integers: measured along one axis in units of
// 1/(in x out) of the image, an input pixel is `out` units long and an output
// pixel `in` units, so every overlap is a whole number of units and the
// weights of one output pixel add up to in_width x in_height. Rows are summed
// down first, at the input's width (one flat multiply-add a sample); once an
// output row is complete, each output pixel sums the input columns wholly
// inside it (plain additions, then one multiplication) and weighs the two cut
// by its edges.
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
      channels_(static_cast<size_t>(components) + (alpha ? 1 : 0)),
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

  samples_.resize(width_ * channels_);
  sums_.resize(width_ * channels_);
  next_sums_.resize(width_ * channels_);
  out_colour_.resize(out_width_ * components_);
  if (alpha_) {
    out_alpha_.resize(out_width_);
    visible_.resize(out_width_);
  }
}

// Products of two 16-bit factors (a sample or sample x alpha, a weight up to
// the output height) in 32 bits: compilers make vector multiplications of them.
template <bool First>
void ImageDownsampler::add_down(std::vector<uint64_t>& sums, uint64_t weight) const {
  const uint32_t w = static_cast<uint16_t>(weight);
  const uint16_t* __restrict in = samples_.data();
  uint64_t* __restrict out = sums.data();
  const size_t n = samples_.size();
  for (size_t i = 0; i < n; ++i) {
    const uint32_t v = in[i] * w;
    out[i] = First ? v : out[i] + v;
  }
}

template <size_t C, bool Alpha>
void ImageDownsampler::take_row(const uint8_t* colour, const uint8_t* alpha) {
  // The row as summed: colour x alpha then alpha per pixel, or the colour.
  constexpr size_t K = C + (Alpha ? 1 : 0);
  uint16_t* __restrict s = samples_.data();
  for (size_t x = 0; x < width_; ++x) {
    const uint16_t a = Alpha ? alpha[x] : 1;
    for (size_t c = 0; c < C; ++c) s[x * K + c] = static_cast<uint16_t>(colour[x * C + c] * a);
    if constexpr (Alpha) s[x * K + C] = a;
  }

  const RowShare& share = rows_[next_row_++];
  if (started_)
    add_down<false>(sums_, share.weight);
  else
    add_down<true>(sums_, share.weight);
  started_ = true;
  // An input row across an output row's lower edge gives its rest to the
  // next output row, as that row's first.
  if (share.weight_next) add_down<true>(next_sums_, share.weight_next);

  // The output row is whole once an input row reaches its lower edge.
  if (next_row_ * out_height_ < (share.out_row + 1) * rows_.size()) return;
  average_across<C, Alpha>();
  sink_(out_colour_.data(), Alpha ? out_alpha_.data() : nullptr);
  std::swap(sums_, next_sums_);
  started_ = share.weight_next != 0;
}

template <size_t C, bool Alpha>
void ImageDownsampler::average_across() {
  constexpr size_t K = C + (Alpha ? 1 : 0);
  const uint64_t whole = out_width_;  // the weight of an input pixel wholly inside
  const uint64_t total = total_;
  const uint64_t* __restrict sums = sums_.data();
  uint8_t* __restrict out = out_colour_.data();
  bool any_visible = false;
  for (size_t j = 0; j < out_width_; ++j) {
    const Columns& s = columns_[j];
    // weight_last is 0 when one input pixel covers the whole output pixel.
    const uint64_t* first = sums + s.first * K;
    const uint64_t* last = sums + s.last * K;
    uint64_t sum[K];
    for (size_t k = 0; k < K; ++k) sum[k] = 0;
    for (size_t x = s.first + 1; x < s.last; ++x)
      for (size_t k = 0; k < K; ++k) sum[k] += sums[x * K + k];
    for (size_t k = 0; k < K; ++k)
      sum[k] = sum[k] * whole + first[k] * s.weight_first + last[k] * s.weight_last;
    if constexpr (Alpha) {
      const uint64_t coverage = sum[C];
      out_alpha_[j] = static_cast<uint8_t>((coverage + total / 2) / total);
      visible_[j] = coverage != 0;
      if (!coverage) continue;  // coloured below, from its neighbours
      any_visible = true;
      for (size_t c = 0; c < C; ++c)
        out[j * C + c] = static_cast<uint8_t>((sum[c] + coverage / 2) / coverage);
    } else {
      for (size_t c = 0; c < C; ++c)
        out[j * C + c] = static_cast<uint8_t>((sum[c] + total / 2) / total);
    }
  }
  // A row with nothing visible keeps the colours of the row above.
  if (Alpha && any_visible) fill_transparent<C>();
}

template <size_t C>
void ImageDownsampler::fill_transparent() {
  uint8_t* out = out_colour_.data();
  size_t from = static_cast<size_t>(std::find(visible_.begin(), visible_.end(), 1) -
                                    visible_.begin());  // the first visible pixel
  for (size_t j = 0; j < out_width_; ++j) {
    if (visible_[j])
      from = j;  // the nearest visible pixel before the next transparent ones
    else
      for (size_t c = 0; c < C; ++c) out[j * C + c] = out[from * C + c];
  }
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

}  // namespace paiban
