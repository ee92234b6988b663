// Calendar dates and UTC date-times as the portfolio writes them: 2015-03-02, 2015-03-04T10:12:00Z.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace innov::util {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

// Parses YYYY-MM-DD; nullopt when malformed or the day does not exist (2015-02-30).
std::optional<Date> parse_date(std::string_view text);

// True for a valid YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM) (RFC 3339).
bool is_date_time(std::string_view text);

// The date part of a date or date-time ("2015-03-04T10:12:00Z" -> 2015-03-04); nullopt if neither.
std::optional<Date> date_of(std::string_view at);

// Days since 1970-01-01 (negative before).
long days_from_civil(const Date& d);
Date civil_from_days(long days);

// Days from a to b (b - a).
long days_between(const Date& a, const Date& b);

std::string format_date(const Date& d);

// Today's date and the current instant (UTC, whole seconds, "Z"); INNOV_NOW (a date or
// date-time) overrides the clock, for reproducible scripts and tests; an INNOV_NOW that is neither
// is a UsageError naming it.
Date today();
std::string now_timestamp();

// The day a read command computes its figures for when no --as-of is given (ages, waiting days,
// the "figures as of" of a report's provenance): INNOV_NOW, else SOURCE_DATE_EPOCH (seconds since
// 1970, the reproducible-builds convention; anything else is a UsageError naming it), else today.
// Mutations never read SOURCE_DATE_EPOCH: a fact is dated by the clock, INNOV_NOW or --at.
Date reading_day();

// "2016-Q3" for quarter, "2016-07" month, "2016" year.
std::string period_of(const Date& d, std::string_view period);

// The first and the last day of a period: a year (2016), a quarter (2016-Q3), a month (2016-07) or
// a day (2016-07-15), the labels of period_of and of realized periods; nullopt for anything else
// (2016-13, 2016-Q5, 2016-02-30). `--as-of 2016-Q3` means period_last_day: 2016-09-30.
std::optional<Date> period_first_day(std::string_view label);
std::optional<Date> period_last_day(std::string_view label);

bool is_leap_year(int year);
int days_in_month(int year, int month);

} // namespace innov::util
