# Fuzz targets (libFuzzer) for the loaders and parsers that read user files: tests/fuzz/fuzz_<name>.cpp.
#
# Included from the top CMakeLists.txt. In every build, fuzz_replay_<name> runs a target on the
# regression inputs (tests/fuzz/regressions/<name>/) and the seed corpus, as the ctest test
# fuzz_replay_<name>. With INNOV_FUZZ=ON (clang only) the project is built with
# -fsanitize=fuzzer-no-link,address,undefined and each target also becomes a libFuzzer binary
# fuzz_<name>, run by the ctest test fuzz_<name> for INNOV_FUZZ_SECONDS seconds.
#
# The same file is the ctest driver of one fuzzing run when called with cmake -P (see the end).

if(NOT CMAKE_SCRIPT_MODE_FILE)

set(INNOV_FUZZ_TARGETS record config query csv merge)
set(INNOV_FUZZ_SOURCE_DIR ${CMAKE_SOURCE_DIR}/tests/fuzz)
set(INNOV_FUZZ_SECONDS 10 CACHE STRING "How long each fuzz_<name> ctest test runs its fuzzer, in seconds")
# The inputs every target starts from: records, configurations, fixtures, then its regressions.
set(INNOV_FUZZ_SEEDS
  ${CMAKE_SOURCE_DIR}/examples/pole-emploi/innovations
  ${CMAKE_SOURCE_DIR}/examples/pole-emploi/innov.yaml
  ${CMAKE_SOURCE_DIR}/tests/fixtures)

if(INNOV_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "INNOV_FUZZ=ON needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: "
                        "configure with -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  # Every target of the project gets coverage instrumentation and the sanitizers; a UB report aborts.
  target_compile_options(innov_warnings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(innov_warnings INTERFACE -fsanitize=address,undefined)
endif()

foreach(name IN LISTS INNOV_FUZZ_TARGETS)
  add_executable(fuzz_replay_${name} ${INNOV_FUZZ_SOURCE_DIR}/fuzz_${name}.cpp ${INNOV_FUZZ_SOURCE_DIR}/replay_main.cpp)
  target_compile_definitions(fuzz_replay_${name} PRIVATE INNOV_FUZZ_FIXTURE="${CMAKE_SOURCE_DIR}/tests/fixtures/base")
  target_link_libraries(fuzz_replay_${name} PRIVATE innov_lib innov_warnings)
  if(INNOV_FUZZ)
    add_executable(fuzz_${name} ${INNOV_FUZZ_SOURCE_DIR}/fuzz_${name}.cpp)
    target_compile_definitions(fuzz_${name} PRIVATE INNOV_FUZZ_FIXTURE="${CMAKE_SOURCE_DIR}/tests/fixtures/base")
    target_link_libraries(fuzz_${name} PRIVATE innov_lib innov_warnings)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  endif()
  if(INNOV_BUILD_TESTS)
    add_test(NAME fuzz_replay_${name}
      COMMAND fuzz_replay_${name} ${INNOV_FUZZ_SOURCE_DIR}/regressions/${name} ${INNOV_FUZZ_SEEDS})
    set_tests_properties(fuzz_replay_${name} PROPERTIES LABELS fuzz)
    if(INNOV_FUZZ)
      string(REPLACE ";" "|" seeds "${INNOV_FUZZ_SEEDS};${INNOV_FUZZ_SOURCE_DIR}/regressions/${name}")
      add_test(NAME fuzz_${name}
        COMMAND ${CMAKE_COMMAND} -DFUZZER=$<TARGET_FILE:fuzz_${name}> -DNAME=${name}
                -DSECONDS=${INNOV_FUZZ_SECONDS} -DWORK=${CMAKE_BINARY_DIR}/fuzz/${name} -DSEEDS=${seeds}
                -P ${INNOV_FUZZ_SOURCE_DIR}/fuzz.cmake)
      math(EXPR timeout "${INNOV_FUZZ_SECONDS} + 120")
      set_tests_properties(fuzz_${name} PROPERTIES TIMEOUT ${timeout} LABELS "fuzz;slow")
    endif()
  endif()
endforeach()

else()

# cmake -DFUZZER=... -DNAME=... -DSECONDS=... -DWORK=... -DSEEDS=a|b|... -P fuzz.cmake:
# copies the seeds into a fresh WORK/corpus (so that a run takes the same time however often it
# ran before), runs the fuzzer for SECONDS, prints its number of executions and fails when it found
# a crash, leak, timeout or OOM (the input is kept in WORK/artifacts).
string(REPLACE "|" ";" seeds "${SEEDS}")
file(REMOVE_RECURSE ${WORK}/corpus)
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
set(copied 0)
foreach(seed IN LISTS seeds)
  if(IS_DIRECTORY ${seed})
    file(GLOB_RECURSE files LIST_DIRECTORIES false ${seed}/*)
  elseif(EXISTS ${seed})
    set(files ${seed})
  else()
    set(files)
  endif()
  foreach(f IN LISTS files)
    # Named after its path, so that files of the same name in different folders all go in.
    file(RELATIVE_PATH rel ${CMAKE_CURRENT_LIST_DIR}/../.. ${f})
    string(REGEX REPLACE "[^A-Za-z0-9._-]" "_" flat "seed-${rel}")
    configure_file(${f} ${WORK}/corpus/${flat} COPYONLY)
    math(EXPR copied "${copied} + 1")
  endforeach()
endforeach()
message(STATUS "fuzz_${NAME}: ${copied} seed files in ${WORK}/corpus")
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
          -artifact_prefix=${WORK}/artifacts/ ${WORK}/corpus
  WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out)
file(WRITE ${WORK}/fuzz.log "${out}")
string(REGEX MATCH "Done [0-9]+ runs in [0-9]+ second" done "${out}")
if(done)
  string(REGEX REPLACE "Done ([0-9]+) runs in ([0-9]+) second" "\\1 runs in \\2 s" done "${done}")
  message(STATUS "fuzz_${NAME}: ${done}")
endif()
if(NOT rc EQUAL 0)
  string(LENGTH "${out}" length)
  if(length GREATER 6000)
    math(EXPR start "${length} - 6000")
    string(SUBSTRING "${out}" ${start} -1 out)
  endif()
  message("${out}")
  message(FATAL_ERROR "fuzz_${NAME}: the fuzzer failed (exit ${rc}); the input is in ${WORK}/artifacts/, "
                      "the log in ${WORK}/fuzz.log")
endif()

endif()
