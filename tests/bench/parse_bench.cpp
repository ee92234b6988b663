// innov-parse-bench DIR: the single-threaded parse baseline of tests/bench/run. Reads every record
// file of the portfolio (innovations/**/*.yaml) and loads it with yaml-cpp, one file after the
// other, and prints files, bytes and seconds.
#include "lib/store/portfolio.hpp"
#include "lib/util/fs.hpp"

#include <chrono>
#include <fmt/format.h>
#include <iostream>
#include <yaml-cpp/yaml.h>

int main(int argc, char** argv)
{
  if (argc != 2) {
    std::cerr << "usage: innov-parse-bench PORTFOLIO_DIR\n";
    return 2;
  }
  std::filesystem::path root = argv[1];
  innov::util::Diagnostics diags;
  auto files = innov::store::list_record_files(root, diags);
  auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  std::size_t keys = 0;
  for (const auto& rel : files) {
    std::string text = innov::util::read_file(root / rel);
    bytes += text.size();
    YAML::Node node = YAML::Load(text);
    keys += node.size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format("files {} bytes {} keys {} seconds {:.3f}\n", files.size(), bytes, keys,
                           seconds);
  return 0;
}
