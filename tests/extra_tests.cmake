# Tests that are not doctest cases of innov_unit_tests or innov_cli_tests (separate programs,
# scripts), each with its LABELS (tests/CMakeLists.txt says what each label means).

# The official JSON-Schema-Test-Suite (draft 7) against lib/schema.
add_executable(innov_schema_suite ${CMAKE_CURRENT_LIST_DIR}/schema_suite.cpp)
target_link_libraries(innov_schema_suite PRIVATE innov_lib innov_warnings)
add_test(NAME schema_suite COMMAND innov_schema_suite /usr/share/json-schema-test-suite/tests/draft7)
set_tests_properties(schema_suite PROPERTIES LABELS unit)

# The tree formatted with .clang-format (skipped, exit 77, without clang-format or git).
add_test(NAME format_check COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/format_check.sh ${CMAKE_SOURCE_DIR})
set_tests_properties(format_check PROPERTIES SKIP_RETURN_CODE 77 LABELS unit)

# Where output goes: -o into devices, FIFOs and /dev/stdout; write errors exit 4; a closed pipe exits 0.
add_test(NAME output_targets
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/output_test.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR})
set_tests_properties(output_targets PROPERTIES LABELS cli TIMEOUT 120)

# validate --format junit and gitlab against their schemas (xmllint; ajv-cli for the JSON).
add_test(NAME ci_formats
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/ci_formats/run.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/npm)
set_tests_properties(ci_formats PROPERTIES SKIP_RETURN_CODE 77 LABELS system)

# The HTML report rendered by headless Chromium (skipped, exit 77, when chromium is absent).
add_test(NAME html_report_chromium
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/html_chromium.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR})
set_tests_properties(html_report_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "system;slow")

# The published site (innov publish) in headless Chromium: every page, the link crawl, the search
# page, accessibility basics; screenshots in the build folder (skipped, exit 77, without chromium).
add_test(NAME publish_chromium
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/publish_chromium.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR})
set_tests_properties(publish_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 LABELS "system;slow")

# Shell completion: the candidates a real bash offers; zsh and fish parse their scripts
# (skipped, exit 77, when the shell is absent).
add_test(NAME completion_bash
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/completion_bash.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR})
add_test(NAME completion_fish
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/completion_fish.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR})
add_test(NAME completion_zsh_syntax
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/completion_syntax.sh zsh ${CMAKE_SOURCE_DIR}/completions/_innov)
add_test(NAME completion_fish_syntax
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/completion_syntax.sh fish ${CMAKE_SOURCE_DIR}/completions/innov.fish)
set_tests_properties(completion_bash completion_fish completion_zsh_syntax completion_fish_syntax PROPERTIES SKIP_RETURN_CODE 77 LABELS system)

# The merge driver in a real git repository: branches merge semantically, true conflicts get markers.
add_test(NAME merge_driver_git COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/merge_driver.sh $<TARGET_FILE:innov>)
set_tests_properties(merge_driver_git PROPERTIES SKIP_RETURN_CODE 77 LABELS system)

# Packaging: cmake --install into a temporary prefix (the installed innov runs, man -l renders its
# page, completions and schemas in place); cpack -G DEB (skipped, exit 77, without cpack/dpkg-deb).
add_test(NAME install_prefix COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/install_test.sh ${CMAKE_BINARY_DIR})
add_test(NAME package_deb COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/package_deb.sh ${CMAKE_BINARY_DIR})
# RUN_SERIAL: cpack and cmake --install read the build tree other tests run from, and package_deb
# installs the .deb system-wide (as root) for a moment.
set_tests_properties(install_prefix package_deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE LABELS "system;slow")

# The schemas under ajv-cli + ajv-formats agree with innov validate on the example portfolio and the
# schema-level fixtures (skipped, exit 77, without node and the npm packages; see the script).
add_test(NAME schema_ajv
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/schema_ajv.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/npm)
set_tests_properties(schema_ajv PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS system)

# The generator innov-gen (tools/gen): deterministic, valid, every lifecycle state.
if(INNOV_BUILD_GEN)
  include(${CMAKE_CURRENT_LIST_DIR}/test_gen.cmake)
endif()

# Reliability: mutations and cache refreshes killed with SIGKILL at random moments leave valid
# records and a cache equal to --no-cache; 8 concurrent writers lose nothing while reports read.
add_test(NAME reliability_kill
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/reliability/kill.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR})
add_test(NAME reliability_concurrency
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/reliability/concurrency.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR})
set_tests_properties(reliability_kill reliability_concurrency PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE LABELS "system;slow")

# Hostile input: the cases of tests/hostile/cases.tsv (alias bombs, huge and binary files, bad bytes,
# links and special files, ids and paths out of the portfolio, sql writes, html and csv escaping),
# each under timeout 5 s and 200 MB of RSS, with and without the cache: exit code, message, no
# crash, nothing written.
add_test(NAME hostile_inputs
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/hostile/run.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR})
set_tests_properties(hostile_inputs PROPERTIES TIMEOUT 600 RUN_SERIAL TRUE LABELS "cli;slow")
if(INNOV_SANITIZE OR INNOV_FUZZ)
  # Under AddressSanitizer the limits are 3 times wider: 15 s and 600 MB (shadow memory, quarantine).
  set_tests_properties(hostile_inputs PROPERTIES ENVIRONMENT INNOV_HOSTILE_SCALE=3)
endif()

# The documentation shows real output: every `$ innov ...` block of README.md and docs/*.md is
# replayed on a fresh copy of the example portfolio (or an empty folder when the page starts with
# `innov init`) and compared with the page (tests/docs_replay.sh says how). One test per page; the
# guide runs git, so it is a system test.
file(GLOB innov_doc_pages RELATIVE ${CMAKE_SOURCE_DIR} CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/*.md)
foreach(page ${innov_doc_pages})
  get_filename_component(page_name ${page} NAME_WE)
  add_test(NAME docs_replay_${page_name}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/docs_replay.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR}
      ${CMAKE_SOURCE_DIR}/${page})
  set_tests_properties(docs_replay_${page_name} PROPERTIES SKIP_RETURN_CODE 77 LABELS cli)
endforeach()
set_tests_properties(docs_replay_guide PROPERTIES LABELS system)
# The replay itself: a page whose ids are swapped and whose counts are wrong must fail.
add_test(NAME docs_replay_detects_drift
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/docs_replay.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR}
    ${CMAKE_CURRENT_LIST_DIR}/fixtures/docs/drifted.md)
set_tests_properties(docs_replay_detects_drift PROPERTIES LABELS cli
  PASS_REGULAR_EXPRESSION "idea merge.*differs from the page.*innov validate.*differs from the page")

# The cache and .innov/ are untrusted: links, FIFOs and folders under .innov/ (victims unchanged),
# forged, cloned and restored caches, dropped tables and flipped bytes (answers equal to --no-cache,
# never exit 4); then a full and a read-only tmpfs (skipped, exit 77, when mount is not permitted).
add_test(NAME cache_trust
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/reliability/cache_trust.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR} trust)
add_test(NAME cache_trust_disk
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/reliability/cache_trust.sh $<TARGET_FILE:innov> ${CMAKE_SOURCE_DIR} disk)
# The trust checks run beside other tests (each command has its own 20 s timeout); the disk checks
# mount a tmpfs and run alone.
set_tests_properties(cache_trust cache_trust_disk PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 LABELS "cli;slow")
set_tests_properties(cache_trust_disk PROPERTIES RUN_SERIAL TRUE)
if(INNOV_SANITIZE OR INNOV_FUZZ)
  # 10 flipped caches rather than 100: each command takes ten times longer under the sanitizers.
  set_tests_properties(cache_trust PROPERTIES ENVIRONMENT INNOV_CACHE_FLIPS=10)
endif()
add_test(NAME migrate_git COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/migrate_git.sh $<TARGET_FILE:innov>)
set_tests_properties(migrate_git PROPERTIES SKIP_RETURN_CODE 77 LABELS system)

# innov log ID on a scripted git history (signed commit when gpg is there).
add_test(NAME log_git COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/log_git.sh $<TARGET_FILE:innov>)
set_tests_properties(log_git PROPERTIES SKIP_RETURN_CODE 77 LABELS system)
add_test(NAME rev_git COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/rev_git.sh $<TARGET_FILE:innov>)
set_tests_properties(rev_git PROPERTIES SKIP_RETURN_CODE 77 LABELS system)
add_test(NAME rev_asof COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/rev_asof.sh $<TARGET_FILE:innov>)
set_tests_properties(rev_asof PROPERTIES SKIP_RETURN_CODE 77 LABELS system)

# innov diff (the committee's minutes) on a scripted history of 12 commits with committee tags.
add_test(NAME diff_git COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/diff_git.sh $<TARGET_FILE:innov>)
set_tests_properties(diff_git PROPERTIES SKIP_RETURN_CODE 77 LABELS system)

# innov audit --git on a scripted history signed with throwaway gpg keys.
add_test(NAME audit_git COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/audit_git.sh $<TARGET_FILE:innov>)
set_tests_properties(audit_git PROPERTIES SKIP_RETURN_CODE 77 LABELS system)

# Report provenance: the commit, uncommitted changes, byte-identical reports per commit.
add_test(NAME provenance_git COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/provenance_git.sh $<TARGET_FILE:innov>)
set_tests_properties(provenance_git PROPERTIES SKIP_RETURN_CODE 77 LABELS system)
