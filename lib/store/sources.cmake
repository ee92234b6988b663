# Sources of lib/store (namespace innov::store).
# List files as ${CMAKE_CURRENT_LIST_DIR}/name.cpp.
target_sources(innov_lib PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/comments.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plain_yaml.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plain_node.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_fast.cpp
  ${CMAKE_CURRENT_LIST_DIR}/emit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_yaml.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/config_poc_formats.cpp
  ${CMAKE_CURRENT_LIST_DIR}/config_publication.cpp
  ${CMAKE_CURRENT_LIST_DIR}/config_roles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_git.cpp
  ${CMAKE_CURRENT_LIST_DIR}/portfolio.cpp
  ${CMAKE_CURRENT_LIST_DIR}/federation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_io.cpp
  ${CMAKE_CURRENT_LIST_DIR}/challenge_io.cpp
  ${CMAKE_CURRENT_LIST_DIR}/merge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/merge_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/migrate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record_log.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_import.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_values.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_people.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_preset.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_states.cpp
)
