// The process's background threads, started once and kept: a thread started
// for each piece of work began running 0.5-4 ms after it was asked for on
// the machines paiban runs on (the new thread is placed on its parent's
// busy core until the load balancer moves it), which is a tenth of a whole
// issue; a kept thread asleep wakes in a tenth of a millisecond. Work is
// handed to them in groups (BackgroundGroup), each of which its owner ends
// by waiting only for what a thread has begun: a piece no thread has reached
// by then is dropped, so no group ever waits behind another's work.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace paiban {

class BackgroundThreads {
 public:
  /// The process's threads (none until reserve() asks for some).
  static BackgroundThreads& shared();

  /// Has at least `count` threads running (they start now, so that they are
  /// running by the time work comes: call it early).
  void reserve(unsigned count);
  unsigned count();

  /// Runs `job` on one of the threads when one is free (jobs in the order
  /// given). Use BackgroundGroup, which knows when its jobs are done.
  void post(std::function<void()> job);

  ~BackgroundThreads();  // stops and joins the threads (at exit)

 private:
  BackgroundThreads() = default;
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

/// Jobs of one owner on the background threads: each runs unless close()
/// came first; close() waits for those running.
class BackgroundGroup {
 public:
  BackgroundGroup();
  BackgroundGroup(const BackgroundGroup&) = delete;
  BackgroundGroup& operator=(const BackgroundGroup&) = delete;
  ~BackgroundGroup();  // close()

  /// Runs `job` on a background thread, unless the group is closed before
  /// a thread reaches it.
  void run(std::function<void()> job);
  /// No job of the group starts from now on; returns when those that
  /// started have finished and their captures are destroyed.
  void close();

 private:
  struct State {
    std::mutex mutex;
    std::condition_variable idle;
    unsigned running = 0;
    bool closed = false;
  };
  std::shared_ptr<State> state_;  // shared with jobs still queued after close()
};

}  // namespace paiban
