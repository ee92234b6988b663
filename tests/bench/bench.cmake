# Helpers of tests/bench/run (not tests): the single-threaded parse baseline and the duplicate
# warning's precision and recall on the generator's planted pairs.
add_executable(innov-parse-bench ${CMAKE_CURRENT_LIST_DIR}/parse_bench.cpp)
target_link_libraries(innov-parse-bench PRIVATE innov_lib innov_warnings)

add_executable(innov-dup-bench ${CMAKE_CURRENT_LIST_DIR}/dup_bench.cpp)
target_link_libraries(innov-dup-bench PRIVATE innov_lib innov_warnings)
