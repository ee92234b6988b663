# innov-gen: the synthetic portfolio generator (tests and tests/bench/run use it).
# Included from the top CMakeLists.txt.
add_library(innov_gen_lib STATIC
  ${CMAKE_CURRENT_LIST_DIR}/phrases_themes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phrases_subject.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phrases_misc.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phrases_specific.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/paths.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lifecycle_steps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/build.cpp
  ${CMAKE_CURRENT_LIST_DIR}/config_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/generator.cpp
)
target_link_libraries(innov_gen_lib PUBLIC innov_lib PRIVATE innov_warnings)

add_executable(innov-gen ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(innov-gen PRIVATE innov_gen_lib CLI11::CLI11 innov_warnings)
