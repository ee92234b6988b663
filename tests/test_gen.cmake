# innov_gen_tests: the generator's tests (tests/test_gen.cpp), a doctest binary of its own since the
# generator (tools/gen) is not part of innov_lib.
add_executable(innov_gen_tests
  ${CMAKE_CURRENT_LIST_DIR}/test_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_gen.cpp
)
target_link_libraries(innov_gen_tests PRIVATE innov_gen_lib innov_cmd doctest::doctest innov_warnings)
target_compile_definitions(innov_gen_tests PRIVATE
  INNOV_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  INNOV_BINARY_DIR="${CMAKE_BINARY_DIR}")
doctest_discover_tests(innov_gen_tests WORKING_DIRECTORY ${CMAKE_BINARY_DIR} PROPERTIES LABELS unit)
