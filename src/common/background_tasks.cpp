#include "common/background_tasks.hpp"

#include <algorithm>

namespace paiban {

BackgroundTasks::BackgroundTasks(size_t count, std::function<void(size_t)> task, unsigned threads)
    : count_(count), task_(std::move(task)), failures_(count) {
  const size_t n = std::min<size_t>(count, threads);
  if (n == 0) return;
  BackgroundThreads::shared().reserve(threads);
  for (size_t t = 0; t < n; ++t) group_.run([this] { work(); });
}

BackgroundTasks::~BackgroundTasks() {
  if (!waited_) work();  // every task is done, as with wait(), failures dropped
  group_.close();
}

void BackgroundTasks::work() {
  for (size_t i; (i = next_.fetch_add(1)) < count_;) {
    try {
      task_(i);
    } catch (...) {
      failures_[i] = std::current_exception();  // each task writes its own slot
    }
  }
}

void BackgroundTasks::wait() {
  if (waited_) return;
  waited_ = true;
  work();          // what no thread has taken yet (all of it without threads)
  group_.close();  // a thread may still be on its last task
  for (const std::exception_ptr& failure : failures_)
    if (failure) std::rethrow_exception(failure);
}

}  // namespace paiban
