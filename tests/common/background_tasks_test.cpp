#include "common/background_tasks.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace paiban {
namespace {

TEST(BackgroundTasks, RunsEveryTaskOnceWhateverTheThreads) {
  for (unsigned threads : {0u, 1u, 2u, 3u, 16u}) {
    std::vector<std::atomic<int>> runs(10);
    BackgroundTasks tasks(runs.size(), [&](size_t i) { ++runs[i]; }, threads);
    tasks.wait();
    for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], 1) << i << " on " << threads;
  }
}

TEST(BackgroundTasks, WithNoThreadTheCallerRunsThemInOrderAtWait) {
  std::vector<size_t> order;
  std::set<std::thread::id> who;
  BackgroundTasks tasks(
      4,
      [&](size_t i) {
        order.push_back(i);
        who.insert(std::this_thread::get_id());
      },
      0);
  EXPECT_TRUE(order.empty());  // nothing starts before wait()
  tasks.wait();
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(who, std::set<std::thread::id>{std::this_thread::get_id()});
}

TEST(BackgroundTasks, WorkStartsBeforeWaitOnOtherThreads) {
  std::atomic<bool> ran{false};
  BackgroundTasks tasks(1, [&](size_t) { ran = true; }, 1);
  for (int spin = 0; spin < 2000 && !ran; ++spin)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_TRUE(ran) << "the task waited for wait()";
  tasks.wait();
}

TEST(BackgroundTasks, RethrowsTheFirstFailureByIndexAfterEveryTaskRan) {
  for (unsigned threads : {0u, 1u, 4u}) {
    std::atomic<int> finished{0};
    BackgroundTasks tasks(
        6,
        [&](size_t i) {
          ++finished;
          if (i == 4) throw std::runtime_error("four");
          if (i == 2) throw std::runtime_error("two");
        },
        threads);
    try {
      tasks.wait();
      ADD_FAILURE() << "no exception on " << threads;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "two") << threads;
    }
    EXPECT_EQ(finished, 6) << threads;
  }
}

TEST(BackgroundTasks, TheDestructorJoinsWithoutWait) {
  std::atomic<int> finished{0};
  {
    BackgroundTasks tasks(
        3,
        [&](size_t) {
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
          ++finished;
        },
        3);
  }
  EXPECT_EQ(finished, 3);
}

}  // namespace
}  // namespace paiban
