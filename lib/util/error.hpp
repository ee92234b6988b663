// Errors that end a command. Each carries the process exit code; innov_main catches them once.
#pragma once

#include <stdexcept>
#include <string>

namespace innov {

enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_data = 1,  // invalid data, a refused transition, a gate rule not met
  k_exit_usage = 2, // bad flag, unknown or ambiguous id
  k_exit_env = 4,   // I/O, permission, cache that cannot be rebuilt
};

class Error : public std::runtime_error {
public:
  Error(int exit_code, const std::string& message, std::string hint = {})
      : std::runtime_error(message), m_exit_code(exit_code), m_hint(std::move(hint))
  {
  }
  int exit_code() const { return m_exit_code; }
  const std::string& hint() const { return m_hint; }

private:
  int m_exit_code;
  std::string m_hint;
};

// Invalid data, refused transition, unmet gate: exit 1.
class DataError : public Error {
public:
  explicit DataError(const std::string& message, std::string hint = {})
      : Error(k_exit_data, message, std::move(hint))
  {
  }
};

// Bad flag or argument, unknown or ambiguous id: exit 2.
class UsageError : public Error {
public:
  explicit UsageError(const std::string& message, std::string hint = {})
      : Error(k_exit_usage, message, std::move(hint))
  {
  }
};

// I/O or permission failure: exit 4.
class EnvError : public Error {
public:
  explicit EnvError(const std::string& message, std::string hint = {})
      : Error(k_exit_env, message, std::move(hint))
  {
  }
};

} // namespace innov
