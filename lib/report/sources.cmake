# Sources of lib/report (namespace innov::report).
# List files as ${CMAKE_CURRENT_LIST_DIR}/name.cpp.
target_sources(innov_lib PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/diagnostics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/svg.cpp
  ${CMAKE_CURRENT_LIST_DIR}/render.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/funnel_value.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pipeline_people.cpp
  ${CMAKE_CURRENT_LIST_DIR}/regions_review.cpp
)
