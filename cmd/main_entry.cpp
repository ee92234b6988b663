#include "cmd/innov_main.hpp"

int main(int argc, char** argv)
{
  return innov_main(argc, argv);
}
