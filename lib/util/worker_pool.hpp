// Work spread over threads: items produced on worker threads and taken in order on the calling
// thread (a pipeline whose consumer writes while the producers keep going), and a plain parallel
// loop.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace innov::util {

// Runs produce(i) for each i in [0, count) on `threads` worker threads, and consume(i) on the
// calling thread in the order of i, each as soon as produce(i) has returned. produce(i) leaves its
// result where consume(i) finds it (a slot of its own: the pool orders the two, no other lock is
// needed). The workers stay at most `ahead` items in front of consume, so that results waiting for
// a slow consumer do not pile up. An exception thrown by produce(i) is rethrown on the calling
// thread when consume(i)'s turn comes; one thrown by consume stops the workers (items not started
// are not produced) and is passed on. threads 0: everything on the calling thread, produce(i) then
// consume(i). Returns when every worker has ended.
void run_in_order(std::size_t count, unsigned threads, std::size_t ahead,
                  const std::function<void(std::size_t)>& produce,
                  const std::function<void(std::size_t)>& consume);

// run_in_order with the results kept by the pool: use(make(i)) on the calling thread, in the
// order of i.
template <class T>
void map_in_order(std::size_t count, unsigned threads, std::size_t ahead,
                  const std::function<T(std::size_t)>& make, const std::function<void(T&)>& use)
{
  std::vector<std::optional<T>> results(count);
  run_in_order(
      count, threads, ahead, [&](std::size_t i) { results[i].emplace(make(i)); },
      [&](std::size_t i) {
        T result = std::move(*results[i]);
        results[i].reset();
        use(result);
      });
}

// fn(i) for each i in [0, count), on `threads` threads (the calling thread one of them; 0 or 1:
// the calling thread alone), in no particular order. Returns when all are done; the first
// exception thrown by fn stops the items not yet started and is passed on.
void for_each_index(std::size_t count, unsigned threads,
                    const std::function<void(std::size_t)>& fn);

// Jobs run on one thread of their own, in the order pushed, while the caller goes on (publish
// renders the next page while the file of the last one is created: user and system time overlap).
// At most `queued` jobs wait; push() blocks beyond. An exception thrown by a job drops the jobs
// after it and is rethrown by the next push() or by finish(). The destructor drops the jobs not
// started and waits for the one running.
class SerialWorker {
public:
  explicit SerialWorker(std::size_t queued);
  ~SerialWorker();
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;
  void push(std::function<void()> job);
  // Waits for every job pushed; rethrows the first exception one threw.
  void finish();

private:
  struct State;
  std::unique_ptr<State> m_state;
};

} // namespace innov::util
