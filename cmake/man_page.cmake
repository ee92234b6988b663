# Writes the man page innov.1 from the command tree of the built binary.
# Usage: cmake -DINNOV=path/to/innov -DOUT=innov.1 -P man_page.cmake
execute_process(COMMAND ${INNOV} __man OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  message(FATAL_ERROR "'${INNOV} __man' failed: ${rc}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
