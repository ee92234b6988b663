# Sources of lib/schema (namespace innov::schema).
# List files as ${CMAKE_CURRENT_LIST_DIR}/name.cpp.
target_sources(innov_lib PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/yaml_types.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/walk_nested.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pattern.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pointer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/builtin.cpp
)
