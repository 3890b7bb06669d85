// The process's kept background threads and groups of jobs on them.
#include "common/background_threads.hpp"

#include <gtest/gtest.h>
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>
#include <thread>
#include <vector>

namespace paiban {
namespace {

using namespace std::chrono_literals;

TEST(BackgroundThreads, ReserveStartsThreadsThatStay) {
  BackgroundThreads& threads = BackgroundThreads::shared();
  threads.reserve(2);
  EXPECT_GE(threads.count(), 2u);
  const unsigned before = threads.count();
  threads.reserve(1);  // never fewer
  EXPECT_EQ(threads.count(), before);
}

TEST(BackgroundThreads, SignalsToTheProcessNeverReachThem) {
  // Ctrl-C's handler removes the output's temporary and ends the process: it
  // must run on the command's thread, which would otherwise go on to rename
  // the file (a race RoundTwo.SigintOrSigtermWhileWritingRemovesTheTemporary
  // caught once the threads were kept for the whole command).
  BackgroundThreads::shared().reserve(1);
  std::atomic<int> blocked{-1};
  {
    BackgroundGroup group;
    group.run([&] {
      sigset_t mask;
      pthread_sigmask(SIG_SETMASK, nullptr, &mask);
      blocked = sigismember(&mask, SIGINT) == 1 && sigismember(&mask, SIGTERM) == 1 &&
                sigismember(&mask, SIGHUP) == 1;
    });
    for (int i = 0; i < 2000 && blocked < 0; ++i) std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(blocked, 1);
  sigset_t mine;
  pthread_sigmask(SIG_SETMASK, nullptr, &mine);
  EXPECT_EQ(sigismember(&mine, SIGINT), 0) << "the caller's own mask is left as it was";
}

TEST(BackgroundGroup, JobsRunOnAnotherThread) {
  BackgroundThreads::shared().reserve(1);
  std::atomic<bool> ran{false};
  std::thread::id where;
  {
    BackgroundGroup group;
    group.run([&] {
      where = std::this_thread::get_id();
      ran = true;
    });
    // close() in the destructor waits only for started jobs: let this one start.
    for (int i = 0; i < 2000 && !ran; ++i) std::this_thread::sleep_for(1ms);
  }
  ASSERT_TRUE(ran);
  EXPECT_NE(where, std::this_thread::get_id());
}

TEST(BackgroundGroup, CloseWaitsForAJobThatHasStarted) {
  BackgroundThreads::shared().reserve(1);
  std::atomic<bool> started{false}, finished{false};
  BackgroundGroup group;
  group.run([&] {
    started = true;
    std::this_thread::sleep_for(30ms);
    finished = true;
  });
  while (!started) std::this_thread::yield();
  group.close();
  EXPECT_TRUE(finished);
}

TEST(BackgroundGroup, CloseReturnsOnlyOnceTheJobsCapturesAreGone) {
  // What a job holds is released before its owner goes on: a capture's
  // destructor that ran on the background thread after close() returned
  // could touch what the owner has since freed (and under libFuzzer its
  // frees were counted after the input, as leaks).
  BackgroundThreads::shared().reserve(1);
  struct Slow {
    std::atomic<bool>* gone = nullptr;
    ~Slow() {
      if (!gone) return;
      std::this_thread::sleep_for(50ms);  // a wide window for close() to return early
      *gone = true;
    }
  };
  std::atomic<bool> started{false}, gone{false};
  BackgroundGroup group;
  auto slow = std::make_shared<Slow>();
  slow->gone = &gone;
  group.run([&started, slow = std::move(slow)] { started = true; });
  while (!started) std::this_thread::yield();
  group.close();
  EXPECT_TRUE(gone);
}

TEST(BackgroundGroup, AJobNotStartedWhenItsGroupClosesNeverRuns) {
  // Every thread busy with another group's job: the second group's job waits
  // in the queue; closing the second group neither waits for the first nor
  // lets its job run later.
  BackgroundThreads& threads = BackgroundThreads::shared();
  threads.reserve(1);
  const unsigned n = threads.count();
  std::atomic<unsigned> busy{0};
  std::atomic<bool> release{false}, late_ran{false};
  BackgroundGroup blocking;
  for (unsigned t = 0; t < n; ++t)
    blocking.run([&] {
      ++busy;
      while (!release) std::this_thread::sleep_for(1ms);
    });
  while (busy < n) std::this_thread::sleep_for(1ms);
  {
    BackgroundGroup late;
    late.run([&] { late_ran = true; });
    const auto start = std::chrono::steady_clock::now();
    late.close();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);  // did not wait for `blocking`
  }
  release = true;
  blocking.close();
  // The queued job is reached after `blocking`'s; give the threads time to get to it.
  BackgroundGroup after;
  std::atomic<bool> after_ran{false};
  after.run([&] { after_ran = true; });
  for (int i = 0; i < 2000 && !after_ran; ++i) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(after_ran);
  EXPECT_FALSE(late_ran);
}

TEST(BackgroundGroup, GroupsFromManyThreadsAllFinish) {
  BackgroundThreads::shared().reserve(2);
  std::atomic<int> total{0};
  std::vector<std::thread> owners;
  for (int o = 0; o < 4; ++o)
    owners.emplace_back([&] {
      for (int round = 0; round < 50; ++round) {
        std::atomic<int> mine{0};
        BackgroundGroup group;
        for (int j = 0; j < 3; ++j) group.run([&] { ++mine; });
        // The owner waits for its jobs by their effect, then closes.
        for (int i = 0; i < 5000 && mine < 3; ++i) std::this_thread::sleep_for(100us);
        group.close();
        total += mine;
      }
    });
  for (auto& t : owners) t.join();
  EXPECT_EQ(total, 4 * 50 * 3);
}

}  // namespace
}  // namespace paiban
