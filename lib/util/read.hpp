// Bounded reading: every input innov reads (records, innov.yaml, challenges, description files,
// standard input, CSV imports, the merge driver's inputs) goes through BoundedInput, which checks
// its limit before it allocates or reads further. A regular file whose size is over the limit is
// refused before a byte is read; anything else (a pipe, /dev/zero, a terminal) is read in chunks of
// at most k_read_chunk bytes and refused at the first byte past the limit, so that at most
// limit + 1 bytes are ever read, and the memory held is bounded by the limit.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

namespace innov::util {

inline constexpr std::size_t k_read_chunk = 64 * 1024;
inline constexpr std::size_t k_max_record_bytes = 1U << 20;  // records, configuration, descriptions
inline constexpr std::size_t k_max_csv_bytes = 64U << 20;    // innov import csv, a whole file
inline constexpr std::size_t k_max_csv_row_bytes = 1U << 20; // innov import csv, one row
inline constexpr std::size_t k_max_csv_rows = 100000;        // innov import csv, rows

// "1 MiB", "64 MiB", "512 KiB", "100 bytes".
std::string byte_size(std::size_t bytes);

// Reads an open descriptor or a stream (standard input is std::cin, which tests replace) in chunks
// with a limit. Owns neither.
class BoundedInput {
public:
  BoundedInput(int fd, std::size_t limit);
  BoundedInput(std::istream& in, std::size_t limit);

  // The next chunk (at most k_read_chunk bytes), empty at the end of the input. Sets
  // over_limit() and returns empty as soon as more than limit bytes are seen: the input then holds
  // more than limit bytes and at most limit + 1 were read. Throws std::system_error on a read
  // error (errno, e.g. EISDIR for a directory).
  std::string_view next();

  bool over_limit() const { return m_over; }
  std::size_t consumed() const { return m_consumed; }
  // The size fstat gave for a regular file, else -1.
  long long known_size() const { return m_known_size; }

private:
  std::size_t read_some(char* buf, std::size_t n);

  int m_fd = -1;
  std::istream* m_stream = nullptr;
  std::size_t m_limit;
  std::size_t m_consumed = 0;
  long long m_known_size = -1;
  bool m_over = false;
  std::string m_buf;
};

struct BoundedRead {
  std::string text;
  bool too_large = false; // more than limit bytes: text is empty
};

// The whole content of the input, or too_large. A regular file over the limit is refused on its
// size, without reading it. Throws std::system_error on a read error.
BoundedRead read_bounded(BoundedInput& in);
BoundedRead read_bounded(int fd, std::size_t limit);

// The content of the file p ("-" is standard input), at most limit bytes. Throws EnvError("cannot
// read 'p': reason") when it cannot be opened or read, DataError("'p' is over the 1 MiB limit of
// <what>") when it is larger.
std::string read_file(const std::filesystem::path& p, std::size_t limit = k_max_record_bytes,
                      std::string_view what = "a portfolio file");

} // namespace innov::util
