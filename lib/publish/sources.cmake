# Sources of lib/publish (namespace innov::publish): `innov publish`, the static site and JSON API.
# List files as ${CMAKE_CURRENT_LIST_DIR}/name.cpp.
target_sources(innov_lib PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/policy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/files.cpp
  ${CMAKE_CURRENT_LIST_DIR}/api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/site.cpp
  ${CMAKE_CURRENT_LIST_DIR}/build.cpp
)
