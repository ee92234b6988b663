// innov-gen --scale S --seed N DIR: a synthetic portfolio for tests and benchmarks.
#include "lib/util/error.hpp"
#include "tools/gen/generator.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv)
{
  innov::gen::GenerateOptions opts;
  std::string dir;
  bool quiet = false;
  CLI::App app{
      "Write a synthetic innov portfolio: scale 1 is the agency's scale (10,000 ideas and 2,500\n"
      "practices over 17 months, 56,000 people); the same scale and seed give the same bytes.",
      "innov-gen"};
  app.add_option("--scale", opts.scale,
                 "Size relative to the agency's portfolio (default 1; 10 = ten times)");
  app.add_option("--seed", opts.seed, "Random seed (default 1)");
  app.add_option("--threads", opts.threads, "Writer threads (default: one per core)");
  app.add_flag("-q,--quiet", quiet, "Print nothing on success");
  app.add_option("DIR", dir, "New or empty directory to write the portfolio into")->required();
  app.footer("Planted near-duplicates are listed in DIR/.innov-gen/duplicates.tsv.\n\n"
             "Example:\n  innov-gen --scale 0.1 --seed 7 /tmp/portfolio && innov -C /tmp/portfolio "
             "validate");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << "innov-gen: " << e.what() << "\n";
    return innov::k_exit_usage;
  }
  opts.dir = dir;
  try {
    auto summary = innov::gen::generate(opts);
    if (!quiet) {
      innov::gen::print_summary(summary, std::cout);
    }
  } catch (const innov::Error& e) {
    std::cerr << "innov-gen: " << e.what() << "\n";
    if (!e.hint().empty()) {
      std::cerr << "hint: " << e.hint() << "\n";
    }
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "innov-gen: " << e.what() << "\n";
    return innov::k_exit_env;
  }
  return 0;
}
