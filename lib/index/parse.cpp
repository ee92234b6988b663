#include "lib/index/parse.hpp"

#include "lib/index/diagnostics_json.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/sha256.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace innov::index {

Parsed parse_file(const fs::path& root, const FileStat& file, const store::CheckContext& ctx,
                  const std::string& known_hash)
{
  util::Diagnostics diags;
  Parsed p;
  p.stat = file;
  if (auto text = store::read_source_file(root / file.rel, file.rel, diags)) {
    p.hash = util::sha256_hex(*text);
    if (!known_hash.empty() && p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    p.rec = store::parse_and_check_record(*text, file.rel, ctx, diags);
  }
  p.error = util::has_errors(diags);
  p.diagnostics = diagnostics_json(diags);
  if (p.rec && !p.error) {
    p.rows = prepare_rows(*p.rec); // here, on the thread that parsed, not on the one that writes
  }
  return p;
}

void parse_files(const fs::path& root, const std::vector<FileStat>& files,
                 const store::CheckContext& ctx, const Progress& progress,
                 const std::function<void(Parsed&)>& use,
                 const std::vector<std::string>& known_hashes)
{
  static const std::string none;
  auto parse_one = [&](std::size_t i) {
    return parse_file(root, files[i], ctx, i < known_hashes.size() ? known_hashes[i] : none);
  };
  auto started = std::chrono::steady_clock::now();
  auto last = started;
  bool reported = false;
  auto report = [&](std::size_t done) {
    auto now = std::chrono::steady_clock::now();
    if (progress && now - started >= std::chrono::seconds(1) &&
        now - last >= std::chrono::milliseconds(100)) {
      progress(done, files.size());
      last = now;
      reported = true;
    }
  };
  if (files.size() < 64) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      Parsed p = parse_one(i);
      use(p);
      report(i + 1);
    }
  } else {
    // Workers parse ahead; the calling thread takes the results in order. They stay at most
    // k_parse_ahead files ahead of it: parsing outruns the writing of a cold build, and the results
    // waiting for it would otherwise hold the whole portfolio in memory.
    constexpr std::size_t k_parse_ahead = 256;
    std::vector<Parsed> out(files.size());
    std::vector<std::exception_ptr> failed(files.size()); // rethrown on the calling thread
    std::vector<char> ready(files.size(), 0);
    std::size_t taken = 0; // results the calling thread took
    bool stop = false;
    std::mutex mu;
    std::condition_variable done_cv; // a result is ready
    std::condition_variable room_cv; // a result was taken, or stop
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        {
          std::unique_lock<std::mutex> lock(mu);
          room_cv.wait(lock, [&] { return stop || i < taken + k_parse_ahead; });
          if (stop) {
            return;
          }
        }
        Parsed p;
        std::exception_ptr error;
        try {
          p = parse_one(i);
        } catch (...) {
          error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mu);
        out[i] = std::move(p);
        failed[i] = error;
        ready[i] = 1;
        done_cv.notify_one();
      }
    };
    unsigned n = std::max(1U, std::min<unsigned>(std::thread::hardware_concurrency(), 16));
    std::vector<std::thread> threads;
    struct Join // stops and joins the workers however this scope is left
    {
      std::mutex& mu;
      bool& stop;
      std::condition_variable& room_cv;
      std::vector<std::thread>& threads;
      ~Join()
      {
        {
          std::lock_guard<std::mutex> lock(mu);
          stop = true;
        }
        room_cv.notify_all();
        for (auto& t : threads) {
          t.join();
        }
      }
    } join{mu, stop, room_cv, threads};
    for (unsigned t = 0; t < n; ++t) {
      threads.emplace_back(work);
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
      Parsed p;
      {
        std::unique_lock<std::mutex> lock(mu);
        done_cv.wait(lock, [&] { return ready[i] != 0; });
        p = std::move(out[i]);
        ++taken;
        if (failed[i]) {
          std::rethrow_exception(failed[i]); // the workers are stopped and joined by join
        }
      }
      room_cv.notify_all();
      use(p);
      report(i + 1);
    }
  }
  if (reported) {
    progress(files.size(), files.size());
  }
}

} // namespace innov::index
