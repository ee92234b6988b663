// Replays fuzz inputs without libFuzzer: calls LLVMFuzzerTestOneInput on every file named on the
// command line, folders read recursively in name order. Exits 1 when no input was found, so that a
// wrong path is noticed; a crash, a sanitizer report or an escaping exception fails as in the
// fuzzer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_of(const fs::path& arg)
{
  std::vector<fs::path> files;
  if (fs::is_directory(arg)) {
    for (const auto& entry : fs::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file()) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(arg)) {
    files.push_back(arg);
  } else {
    std::cerr << "fuzz replay: no such file or directory '" << arg.string() << "'\n";
  }
  return files;
}

} // namespace

int main(int argc, char** argv)
{
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& file : inputs_of(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      // A copy in its own allocation, so that reading past the end is caught by AddressSanitizer.
      std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
      LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
      ++count;
    }
  }
  std::cout << "replayed " << count << " input" << (count == 1 ? "" : "s") << "\n";
  return count > 0 ? 0 : 1;
}
