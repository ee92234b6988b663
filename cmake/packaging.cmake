# Installation and the Debian package, included from the top CMakeLists.txt.
#
#   cmake --install build --prefix /usr/local      bin/innov, the man page, completions, schemas
#   cd build && cpack -G DEB                       innov_<version>_amd64.deb
#
# The completion scripts are the generated files in completions/ (a test keeps them in sync with
# the command tree); the man page is generated from the command tree at build time.
include(GNUInstallDirs)

set(INNOV_MAN_PAGE ${CMAKE_BINARY_DIR}/innov.1)
# The man page and the Debian changelog are installed gzip'ed (-n: no name or time stamp, so the
# bytes depend only on the content), as Debian policy asks.
add_custom_command(
  OUTPUT ${INNOV_MAN_PAGE} ${INNOV_MAN_PAGE}.gz
  COMMAND ${CMAKE_COMMAND} -DINNOV=$<TARGET_FILE:innov> -DOUT=${INNOV_MAN_PAGE}
          -P ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
  COMMAND gzip -9nf -k ${INNOV_MAN_PAGE}
  DEPENDS innov ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
  COMMENT "Generating the man page innov.1"
  VERBATIM)
set(INNOV_CHANGELOG_GZ ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(
  OUTPUT ${INNOV_CHANGELOG_GZ}
  COMMAND sh -c "gzip -9nc '${CMAKE_SOURCE_DIR}/cmake/debian/changelog' > '${INNOV_CHANGELOG_GZ}'"
  DEPENDS ${CMAKE_SOURCE_DIR}/cmake/debian/changelog
  VERBATIM)
add_custom_target(innov_man ALL DEPENDS ${INNOV_MAN_PAGE} ${INNOV_CHANGELOG_GZ})

install(FILES ${INNOV_MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/completions/innov.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME innov)
# zsh: Debian's zsh searches /usr/share/zsh/vendor-completions for packages (prefix /usr, as the
# .deb) and /usr/local/share/zsh/site-functions for local installs; the choice is made at install
# time, when the prefix is known.
install(CODE [[
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(INNOV_ZSH_DIR "share/zsh/vendor-completions")
  else()
    set(INNOV_ZSH_DIR "share/zsh/site-functions")
  endif()
]])
install(FILES ${CMAKE_SOURCE_DIR}/completions/_innov DESTINATION "\${INNOV_ZSH_DIR}")
install(FILES ${CMAKE_SOURCE_DIR}/completions/innov.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${INNOV_SCHEMAS} DESTINATION ${CMAKE_INSTALL_DATADIR}/innov/schemas)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/ARCHITECTURE.md
              ${CMAKE_SOURCE_DIR}/cmake/debian/copyright ${INNOV_CHANGELOG_GZ}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")

# The Debian package: cpack -G DEB makes innov_<version>_<arch>.deb, installable on Debian 12 with
# `apt-get install ./innov_*.deb` (which pulls the runtime libraries below).
set(CPACK_PACKAGE_NAME innov)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "innov")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Govern an innovation portfolio kept as YAML files in git")
# The long description, lines of at most 80 characters (lintian).
set(CPACK_PACKAGE_DESCRIPTION "innov follows ideas and remarkable practices from the idea box to
national roll-out: expert qualification against a rubric, demonstrators with
KPIs, a generalization gate, value reports. The YAML files in git are the only
source of truth; a SQLite index makes queries fast; a git merge driver merges
concurrent edits of a record.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "innov maintainers <innov@example.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1, libyaml-cpp0.7, libfmt9, libsqlite3-0 (>= 3.35), libicu72")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "git, bash-completion")
include(CPack)
