#include "lib/util/worker_pool.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace innov::util {

namespace {

// The state the workers and the calling thread of run_in_order share.
struct Pipeline {
  std::size_t count;
  std::size_t ahead;
  const std::function<void(std::size_t)>& produce;
  std::vector<std::exception_ptr> failed; // rethrown on the calling thread
  std::vector<char> ready;
  std::size_t taken = 0; // items the calling thread took
  bool stop = false;
  std::mutex mu;
  std::condition_variable done_cv; // an item is ready
  std::condition_variable room_cv; // an item was taken, or stop
  std::atomic<std::size_t> next{0};

  Pipeline(std::size_t n, std::size_t a, const std::function<void(std::size_t)>& p)
      : count(n), ahead(a), produce(p), failed(n), ready(n, 0)
  {
  }

  // A worker: takes the next item while there is room ahead of the calling thread.
  void work()
  {
    for (std::size_t i = next++; i < count; i = next++) {
      {
        std::unique_lock<std::mutex> lock(mu);
        room_cv.wait(lock, [&] { return stop || i < taken + ahead; });
        if (stop) {
          return;
        }
      }
      std::exception_ptr error;
      try {
        produce(i);
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(mu);
      failed[i] = error;
      ready[i] = 1;
      done_cv.notify_one();
    }
  }

  // Waits for item i on the calling thread, and rethrows what producing it threw.
  void take(std::size_t i)
  {
    {
      std::unique_lock<std::mutex> lock(mu);
      done_cv.wait(lock, [&] { return ready[i] != 0; });
      ++taken;
      if (failed[i]) {
        std::rethrow_exception(failed[i]);
      }
    }
    room_cv.notify_all();
  }

  void halt()
  {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    room_cv.notify_all();
  }
};

// Stops and joins the workers however the calling scope is left.
struct Joiner {
  Pipeline& pipeline;
  std::vector<std::thread> threads;

  explicit Joiner(Pipeline& p) : pipeline(p) {}
  Joiner(const Joiner&) = delete;
  Joiner& operator=(const Joiner&) = delete;
  ~Joiner()
  {
    pipeline.halt();
    for (auto& t : threads) {
      t.join();
    }
  }
};

} // namespace

void run_in_order(std::size_t count, unsigned threads, std::size_t ahead,
                  const std::function<void(std::size_t)>& produce,
                  const std::function<void(std::size_t)>& consume)
{
  if (threads == 0 || count == 0) {
    for (std::size_t i = 0; i < count; ++i) {
      produce(i);
      consume(i);
    }
    return;
  }
  Pipeline pipeline(count, ahead == 0 ? 1 : ahead, produce);
  Joiner join(pipeline);
  for (unsigned t = 0; t < threads; ++t) {
    join.threads.emplace_back([&pipeline] { pipeline.work(); });
  }
  for (std::size_t i = 0; i < count; ++i) {
    pipeline.take(i); // the workers are stopped and joined by join if this throws
    consume(i);
  }
}

void for_each_index(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& fn)
{
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::exception_ptr failed;
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!failed) {
          failed = std::current_exception();
        }
        next = count; // no new item starts
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < count; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (auto& t : pool) {
    t.join();
  }
  if (failed) {
    std::rethrow_exception(failed);
  }
}

struct SerialWorker::State {
  std::size_t queued;
  std::mutex mu;
  std::condition_variable has_job;  // a job was pushed, or closing
  std::condition_variable has_room; // a job was taken, or a job failed
  std::deque<std::function<void()>> jobs;
  bool closing = false;
  std::exception_ptr failed;
  std::thread thread; // last: started once the rest is built

  explicit State(std::size_t n) : queued(n == 0 ? 1 : n), thread([this] { run(); }) {}

  void run()
  {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu);
        has_job.wait(lock, [&] { return closing || !jobs.empty(); });
        if (jobs.empty()) {
          return; // closing, and every job done
        }
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      has_room.notify_one();
      try {
        job();
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        failed = std::current_exception();
        jobs.clear();
        has_room.notify_all();
        return;
      }
    }
  }

  void stop(bool drop)
  {
    {
      std::lock_guard<std::mutex> lock(mu);
      closing = true;
      if (drop) {
        jobs.clear();
      }
    }
    has_job.notify_one();
    if (thread.joinable()) {
      thread.join();
    }
  }
};

SerialWorker::SerialWorker(std::size_t queued) : m_state(std::make_unique<State>(queued)) {}

SerialWorker::~SerialWorker()
{
  m_state->stop(true);
}

void SerialWorker::push(std::function<void()> job)
{
  std::unique_lock<std::mutex> lock(m_state->mu);
  m_state->has_room.wait(lock,
                         [&] { return m_state->failed || m_state->jobs.size() < m_state->queued; });
  if (m_state->failed) {
    std::rethrow_exception(m_state->failed);
  }
  m_state->jobs.push_back(std::move(job));
  lock.unlock();
  m_state->has_job.notify_one();
}

void SerialWorker::finish()
{
  m_state->stop(false);
  if (m_state->failed) {
    std::rethrow_exception(m_state->failed);
  }
}

} // namespace innov::util
