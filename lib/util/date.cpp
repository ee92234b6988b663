#include "lib/util/date.hpp"

#include "lib/util/error.hpp"

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>

namespace innov::util {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n)
{
  if (pos + n > s.size()) {
    return false;
  }
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

int number(std::string_view s, std::size_t pos, std::size_t n)
{
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

} // namespace

bool is_leap_year(int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month)
{
  static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) {
    return 29;
  }
  return k_days[month - 1];
}

std::optional<Date> parse_date(std::string_view s)
{
  if (s.size() != 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2)) {
    return std::nullopt;
  }
  Date d{number(s, 0, 4), number(s, 5, 2), number(s, 8, 2)};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

bool is_date_time(std::string_view s)
{
  if (s.size() < 20 || !parse_date(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't')) {
    return false;
  }
  if (!digits(s, 11, 2) || s[13] != ':' || !digits(s, 14, 2) || s[16] != ':' || !digits(s, 17, 2)) {
    return false;
  }
  if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59 || number(s, 17, 2) > 60) {
    return false;
  }
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    std::size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      ++pos;
    }
    if (pos == start) {
      return false;
    }
  }
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    return pos + 1 == s.size();
  }
  if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && digits(s, pos + 1, 2) &&
      s[pos + 3] == ':' && digits(s, pos + 4, 2)) {
    return number(s, pos + 1, 2) <= 23 && number(s, pos + 4, 2) <= 59;
  }
  return false;
}

std::optional<Date> date_of(std::string_view at)
{
  if (at.size() == 10) {
    return parse_date(at);
  }
  if (is_date_time(at)) {
    return parse_date(at.substr(0, 10));
  }
  return std::nullopt;
}

long days_from_civil(const Date& date)
{
  // Howard Hinnant's algorithm.
  long y = date.year - (date.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (date.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + date.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z)
{
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

long days_between(const Date& a, const Date& b)
{
  return days_from_civil(b) - days_from_civil(a);
}

std::string format_date(const Date& d)
{
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string now_timestamp()
{
  if (const char* env = std::getenv("INNOV_NOW"); env && *env) {
    std::string v = env;
    if (v.size() == 10 && parse_date(v)) {
      return v + "T00:00:00Z";
    }
    if (is_date_time(v)) {
      return v;
    }
    // Silently using the real clock would stamp records with a time the script did not ask for.
    throw UsageError("INNOV_NOW '" + v + "' is not a date or a date-time",
                     "set it to a date (2016-03-02) or a UTC date-time (2016-03-02T10:12:00Z), or "
                     "unset it to use the clock");
  }
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  long days = static_cast<long>(secs / 86400);
  long rem = static_cast<long>(secs % 86400);
  Date d = civil_from_days(days);
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(d), rem / 3600, rem % 3600 / 60,
                     rem % 60);
}

Date today()
{
  return *date_of(now_timestamp());
}

Date reading_day()
{
  const char* now = std::getenv("INNOV_NOW");
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if ((now && *now) || !epoch || !*epoch) {
    return today();
  }
  std::string v = epoch;
  long long secs = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), secs);
  if (ec != std::errc() || end != v.data() + v.size() || secs < 0) {
    throw UsageError("SOURCE_DATE_EPOCH '" + v + "' is not a number of seconds since 1970",
                     "set it to a whole number (git log -1 --format=%ct gives a commit's), or "
                     "unset it to use the clock");
  }
  return civil_from_days(static_cast<long>(secs / 86400));
}

namespace {

// The first and last month of a year, quarter or month label; nullopt for anything else.
std::optional<std::pair<Date, int>> period_months(std::string_view s)
{
  if (!digits(s, 0, 4) || (s.size() != 4 && (s.size() != 7 || s[4] != '-'))) {
    return std::nullopt;
  }
  int year = number(s, 0, 4);
  if (s.size() == 4) {
    return std::pair{Date{year, 1, 1}, 12};
  }
  if (s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
    return std::pair{Date{year, (s[6] - '1') * 3 + 1, 1}, (s[6] - '1') * 3 + 3};
  }
  if (!digits(s, 5, 2) || number(s, 5, 2) < 1 || number(s, 5, 2) > 12) {
    return std::nullopt;
  }
  return std::pair{Date{year, number(s, 5, 2), 1}, number(s, 5, 2)};
}

} // namespace

std::optional<Date> period_first_day(std::string_view label)
{
  if (auto d = parse_date(label)) {
    return d;
  }
  auto m = period_months(label);
  return m ? std::optional<Date>(m->first) : std::nullopt;
}

std::optional<Date> period_last_day(std::string_view label)
{
  if (auto d = parse_date(label)) {
    return d;
  }
  auto m = period_months(label);
  if (!m) {
    return std::nullopt;
  }
  int year = m->first.year;
  return Date{year, m->second, days_in_month(year, m->second)};
}

std::string period_of(const Date& d, std::string_view period)
{
  if (period == "year") {
    return fmt::format("{:04}", d.year);
  }
  if (period == "quarter") {
    return fmt::format("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1);
  }
  return fmt::format("{:04}-{:02}", d.year, d.month);
}

} // namespace innov::util
