// Inline SVG charts for HTML reports: a funnel, bars over time, a heat map. All text escaped.
#pragma once

#include "lib/report/report.hpp"

#include <string>

namespace innov::report {

// The chart of a section ("" when it has none or no data).
std::string svg_chart(const Section& s);

} // namespace innov::report
