// The worker pool: results taken in order on the calling thread whatever order the workers finish
// in, exceptions passed on, and the bound on how far the workers run ahead.
#include "lib/util/worker_pool.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace innov;

namespace {

// Items that finish out of order: the earlier ones take longer.
int slow_square(std::size_t i, std::size_t count)
{
  std::this_thread::sleep_for(std::chrono::microseconds(50 * (count - i)));
  return static_cast<int>(i * i);
}

} // namespace

TEST_CASE("util::map_in_order hands the results over in order, whatever order they are made in")
{
  for (unsigned threads : {0U, 1U, 4U}) {
    CAPTURE(threads);
    const std::size_t count = 200;
    std::vector<int> seen;
    std::thread::id caller = std::this_thread::get_id();
    bool on_caller = true;
    util::map_in_order<int>(
        count, threads, 8, [&](std::size_t i) { return slow_square(i, count); },
        [&](int& r) {
          on_caller = on_caller && std::this_thread::get_id() == caller;
          seen.push_back(r);
        });
    REQUIRE(seen.size() == count);
    for (std::size_t i = 0; i < count; ++i) {
      CHECK(seen[i] == static_cast<int>(i * i));
    }
    CHECK(on_caller);
  }
}

TEST_CASE("util::run_in_order with zero items calls nothing")
{
  for (unsigned threads : {0U, 1U, 4U}) {
    int calls = 0;
    util::run_in_order(
        0, threads, 4, [&](std::size_t) { ++calls; }, [&](std::size_t) { ++calls; });
    CHECK(calls == 0);
  }
}

TEST_CASE("util::run_in_order keeps the workers at most `ahead` items in front of the consumer")
{
  const std::size_t count = 100, ahead = 5;
  std::atomic<std::size_t> taken{0};
  std::atomic<bool> too_far{false};
  util::run_in_order(
      count, 4, ahead,
      [&](std::size_t i) {
        if (i > taken.load() + ahead) { // taken lags the pool by the item in hand
          too_far = true;
        }
      },
      [&](std::size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        ++taken;
      });
  CHECK(taken == count);
  CHECK_FALSE(too_far.load());
}

TEST_CASE("util::run_in_order passes on an exception of produce at its item's turn")
{
  for (unsigned threads : {0U, 1U, 4U}) {
    CAPTURE(threads);
    std::vector<std::size_t> consumed;
    std::string message;
    try {
      util::run_in_order(
          100, threads, 8,
          [&](std::size_t i) {
            if (i == 37) {
              throw std::runtime_error("item 37");
            }
          },
          [&](std::size_t i) { consumed.push_back(i); });
    } catch (const std::runtime_error& e) {
      message = e.what();
    }
    CHECK(message == "item 37");
    REQUIRE(consumed.size() == 37); // every item before it, in order, and none after
    CHECK(consumed.back() == 36);
  }
}

TEST_CASE("util::run_in_order stops the workers when the consumer throws")
{
  for (unsigned threads : {0U, 1U, 4U}) {
    CAPTURE(threads);
    std::atomic<std::size_t> produced{0};
    const std::size_t count = 10000, ahead = 16;
    bool thrown = false;
    try {
      util::run_in_order(
          count, threads, ahead, [&](std::size_t) { ++produced; },
          [&](std::size_t i) {
            if (i == 10) {
              throw std::logic_error("stop");
            }
          });
    } catch (const std::logic_error&) {
      thrown = true;
    }
    CHECK(thrown);
    CHECK(produced.load() <= 11 + ahead); // no worker ran on to the end
  }
}

TEST_CASE("util::for_each_index visits every index once, and passes on an exception")
{
  for (unsigned threads : {0U, 1U, 4U}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> visits(5000);
    util::for_each_index(visits.size(), threads, [&](std::size_t i) { ++visits[i]; });
    bool once = true;
    for (const auto& v : visits) {
      once = once && v.load() == 1;
    }
    CHECK(once);

    util::for_each_index(0, threads, [&](std::size_t) { FAIL("called for no item"); });

    bool thrown = false;
    try {
      util::for_each_index(1000, threads, [&](std::size_t i) {
        if (i == 500) {
          throw std::runtime_error("500");
        }
      });
    } catch (const std::runtime_error&) {
      thrown = true;
    }
    CHECK(thrown);
  }
}

TEST_CASE("util::SerialWorker runs the jobs in order, at most `queued` waiting")
{
  std::vector<int> done;
  std::atomic<std::size_t> waiting{0}, most{0};
  {
    util::SerialWorker w(4);
    for (int i = 0; i < 200; ++i) {
      std::size_t now = ++waiting;
      most = std::max(most.load(), now);
      w.push([&, i] {
        --waiting;
        done.push_back(i); // one thread: no lock needed
      });
    }
    w.finish();
  }
  REQUIRE(done.size() == 200);
  bool ordered = true;
  for (int i = 0; i < 200; ++i) {
    ordered = ordered && done[static_cast<std::size_t>(i)] == i;
  }
  CHECK(ordered);
  // The 4 queued, the one taken and not yet started, and the one being pushed (which waits in
  // push() while the queue is full).
  CHECK(most.load() <= 4 + 2);
}

TEST_CASE("util::SerialWorker passes on a job's exception and drops the jobs after it")
{
  std::atomic<int> ran{0};
  util::SerialWorker w(2);
  bool thrown = false;
  try {
    for (int i = 0; i < 100; ++i) {
      w.push([&, i] {
        if (i == 3) {
          throw std::runtime_error("job 3");
        }
        ++ran;
      });
    }
    w.finish();
  } catch (const std::runtime_error& e) {
    thrown = std::string(e.what()) == "job 3";
  }
  CHECK(thrown);
  CHECK(ran.load() == 3); // 0, 1 and 2; none after the one that threw
}

TEST_CASE("util::SerialWorker destroyed unfinished waits for the job running and drops the rest")
{
  std::atomic<int> ran{0};
  {
    util::SerialWorker w(100);
    for (int i = 0; i < 50; ++i) {
      w.push([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ++ran;
      });
    }
  }
  int after = ran.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(ran.load() == after); // nothing runs once it is gone
  CHECK(after < 50);
}
