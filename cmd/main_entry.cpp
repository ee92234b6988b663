#include "cmd/innov_main.hpp"
#include "cmd/stdout_guard.hpp"

int main(int argc, char** argv)
{
  innov::cmd::StdoutGuard out;
  return out.finish(innov_main(argc, argv));
}
