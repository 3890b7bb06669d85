// Shards: deterministic slices that together are the whole list, once each.
#include <gtest/gtest.h>

#include <set>

#include "paiban/batch.hpp"

namespace paiban {
namespace {

TEST(BatchShard, ParsesKOfN) {
  Shard shard = parse_shard("3/8");
  EXPECT_EQ(shard.index, 3);
  EXPECT_EQ(shard.count, 8);
  for (const char* bad : {"", "3", "0/2", "3/2", "a/b", "1/0", "-1/2", "1/2/3", "1/ 2", "/2"})
    EXPECT_THROW(parse_shard(bad), std::invalid_argument) << bad;
}

TEST(BatchShard, SlicesPartitionTheList) {
  std::vector<BatchItem> items;
  for (int i = 0; i < 23; ++i)
    items.push_back({"m" + std::to_string(i), std::to_string(i) + ".pdf"});
  for (int n : {1, 2, 3, 7, 23, 30}) {
    std::multiset<std::string> seen;
    size_t smallest = items.size(), largest = 0;
    for (int k = 1; k <= n; ++k) {
      auto slice = select_shard(items, {k, n});
      EXPECT_EQ(select_shard(items, {k, n}).size(), slice.size());  // deterministic
      smallest = std::min(smallest, slice.size());
      largest = std::max(largest, slice.size());
      for (const auto& item : slice) seen.insert(item.output);
    }
    EXPECT_EQ(seen.size(), items.size()) << n;
    for (const auto& item : items) EXPECT_EQ(seen.count(item.output), 1u) << n;
    EXPECT_LE(largest - smallest, 1u) << "slices are even, n=" << n;
  }
}

TEST(BatchShard, SliceKeepsOrder) {
  std::vector<BatchItem> items;
  for (int i = 0; i < 10; ++i) items.push_back({"m", std::to_string(i)});
  auto slice = select_shard(items, {2, 3});
  ASSERT_EQ(slice.size(), 3u);
  EXPECT_EQ(slice[0].output, "1");
  EXPECT_EQ(slice[1].output, "4");
  EXPECT_EQ(slice[2].output, "7");
}

}  // namespace
}  // namespace paiban
