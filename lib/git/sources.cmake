# Sources of lib/git (namespace innov::git): reading git history through git's plumbing.
# List files as ${CMAKE_CURRENT_LIST_DIR}/name.cpp.
target_sources(innov_lib PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/head.cpp
  ${CMAKE_CURRENT_LIST_DIR}/history.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revision.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run.cpp
)
