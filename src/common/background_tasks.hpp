// Independent pieces of work run on a few background threads while the
// calling thread goes on with its own: the PDF writer subsets its faces this
// way while it encodes the figures. The threads are the process's kept ones
// (background_threads.hpp).
#pragma once
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "common/background_threads.hpp"

namespace paiban {

class BackgroundTasks {
 public:
  /// Starts task(0) .. task(count - 1) on min(count, threads) background
  /// threads; wait() has the calling thread take what is left. With
  /// `threads` 0 nothing starts until wait(), which runs them all in order.
  /// Without wait(), the destructor still has every task done (failures
  /// dropped): none outlives what it uses.
  BackgroundTasks(size_t count, std::function<void(size_t)> task, unsigned threads);
  BackgroundTasks(const BackgroundTasks&) = delete;
  BackgroundTasks& operator=(const BackgroundTasks&) = delete;
  ~BackgroundTasks();

  /// Waits for every task; rethrows the first task's exception, by index, so
  /// a failure reads the same however the threads ran.
  void wait();

 private:
  void work();

  size_t count_;
  std::function<void(size_t)> task_;
  std::atomic<size_t> next_{0};
  std::vector<std::exception_ptr> failures_;  // one slot per task
  BackgroundGroup group_;
  bool waited_ = false;
};

}  // namespace paiban
