#include "common/background_threads.hpp"

#include <pthread.h>

#include <csignal>

namespace paiban {

BackgroundThreads& BackgroundThreads::shared() {
  static BackgroundThreads threads;
  return threads;
}

void BackgroundThreads::reserve(unsigned count) {
  std::lock_guard lock(mutex_);
  if (threads_.size() >= count || stopping_) return;
  // Signals sent to the process (Ctrl-C, a kill) must go to the threads that
  // run commands, never to one of these: the handler removes the output's
  // temporary file and ends the process, which would race with the command's
  // thread going on to rename that file into place. A thread starts with
  // its creator's mask: block them all while creating.
  sigset_t all, before;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &before);
  while (threads_.size() < count) threads_.emplace_back([this] { loop(); });
  pthread_sigmask(SIG_SETMASK, &before, nullptr);
}

unsigned BackgroundThreads::count() {
  std::lock_guard lock(mutex_);
  return static_cast<unsigned>(threads_.size());
}

void BackgroundThreads::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

BackgroundThreads::~BackgroundThreads() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void BackgroundThreads::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, nothing left
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();  // a group's job: it catches what its work throws
    lock.lock();
  }
}

BackgroundGroup::BackgroundGroup() : state_(std::make_shared<State>()) {}

BackgroundGroup::~BackgroundGroup() { close(); }

void BackgroundGroup::run(std::function<void()> job) {
  BackgroundThreads::shared().post([state = state_, job = std::move(job)]() mutable {
    {
      std::lock_guard lock(state->mutex);
      if (state->closed) return;
      ++state->running;
    }
    struct Done {  // however job() ends
      State& state;
      ~Done() {
        {
          std::lock_guard lock(state.mutex);
          --state.running;
        }
        state.idle.notify_all();
      }
    } done{*state};
    // The job's captures go before close() may return (destroyed before
    // `done`): what they hold is released by the time its owner goes on,
    // never later on this thread.
    struct Release {
      std::function<void()>& job;
      ~Release() { job = nullptr; }
    } release{job};
    job();
  });
}

void BackgroundGroup::close() {
  std::unique_lock lock(state_->mutex);
  state_->closed = true;
  state_->idle.wait(lock, [this] { return state_->running == 0; });
}

}  // namespace paiban
