#include "cmd/innov_main.hpp"
#include "cmd/stdout_guard.hpp"

#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

// Backs the heap with transparent huge pages where the system allows it on request (madvise). In
// a virtual machine a page fault costs microseconds, and a command that decodes every record
// touches tens of megabytes: 2 MiB pages take 512 times fewer faults (ARCHITECTURE.md "Memory and
// page faults"). The heap is grown once by k_heap and that range is advised; what malloc takes
// beyond it gets ordinary pages. Big blocks stay in the heap rather than in mappings of their
// own, and freed memory is not handed back to the system: a command is short-lived.
// INNOV_NO_THP=1 leaves malloc as it is.
void prefer_huge_pages()
{
  const char* off = std::getenv("INNOV_NO_THP");
  if (off && *off && *off != '0') {
    return;
  }
  constexpr std::size_t k_heap = std::size_t(256) << 20;
  constexpr std::uintptr_t k_huge = std::uintptr_t(2) << 20;
  ::mallopt(M_MMAP_THRESHOLD, 64 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 512 << 20);
  ::mallopt(M_TOP_PAD, static_cast<int>(k_heap));
  auto start = reinterpret_cast<std::uintptr_t>(::sbrk(0));
  void* volatile block = std::malloc(1 << 20); // more than the heap has: it grows by k_heap more
  std::free(block);
  auto first = (start + k_huge - 1) & ~(k_huge - 1);
  auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0)) & ~(k_huge - 1);
  if (end > first) {
    ::madvise(reinterpret_cast<void*>(first), end - first, MADV_HUGEPAGE);
  }
}

} // namespace

int main(int argc, char** argv)
{
  prefer_huge_pages();
  innov::cmd::StdoutGuard out;
  return out.finish(innov_main(argc, argv));
}
