// Sharding: the K-th of N deterministic slices of the sorted issue list, so
// that a scheduler (GNU parallel, Slurm job arrays, Kubernetes indexed Jobs)
// can spread one archive over machines without any coordination.
#include <charconv>
#include <stdexcept>

#include "paiban/batch.hpp"

namespace paiban {
namespace {

int parse_positive(std::string_view text, const std::string& whole) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1)
    throw std::invalid_argument("--shard wants K/N with 1 <= K <= N, not '" + whole + "'");
  return value;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  size_t slash = text.find('/');
  if (slash == std::string::npos)
    throw std::invalid_argument("--shard wants K/N with 1 <= K <= N, not '" + text + "'");
  std::string_view view(text);
  Shard shard{parse_positive(view.substr(0, slash), text),
              parse_positive(view.substr(slash + 1), text)};
  if (shard.index > shard.count)
    throw std::invalid_argument("--shard wants K/N with 1 <= K <= N, not '" + text + "'");
  return shard;
}

// Interleaved (i % N) rather than contiguous blocks: archives are sorted by
// date and issues grow over the years, so interleaving keeps slices even.
std::vector<BatchItem> select_shard(const std::vector<BatchItem>& items, Shard shard) {
  std::vector<BatchItem> slice;
  for (size_t i = shard.index - 1; i < items.size(); i += shard.count) slice.push_back(items[i]);
  return slice;
}

}  // namespace paiban
