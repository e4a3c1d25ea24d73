# Install rules and the CMake package config, so a host application writes
#
#   find_package(gilt 0.1 REQUIRED)
#   target_link_libraries(host PRIVATE gilt::gilt)
#
# Static libraries carry their dependencies with them: the config re-finds fmt,
# Boost.Context, Threads, GMP, readline, OpenSSL's libssl and libcrypto, zlib,
# SQLite and expat (FindGMP/FindReadline are installed beside it; CMake has
# the others).
include(CMakePackageConfigHelpers)

set(GILT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gilt)

install(TARGETS gilt gilt_frontend
  EXPORT giltTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET gilt_cli)
  install(TARGETS gilt_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/interp/host/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  OPTIONAL
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/include/gilt/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/gilt)

install(EXPORT giltTargets NAMESPACE gilt:: DESTINATION ${GILT_CMAKE_DIR})

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/giltConfig.cmake.in
  ${PROJECT_BINARY_DIR}/giltConfig.cmake
  INSTALL_DESTINATION ${GILT_CMAKE_DIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/giltConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/giltConfig.cmake
  ${PROJECT_BINARY_DIR}/giltConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FindGMP.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FindReadline.cmake
  DESTINATION ${GILT_CMAKE_DIR})
