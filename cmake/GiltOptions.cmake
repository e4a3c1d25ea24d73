# Language level, warnings, build types, sanitizers and ccache.
#
# GILT_SANITIZER selects an instrumented build (the asan and tsan presets set it):
#   ""      none
#   "asan"  AddressSanitizer + UndefinedBehaviorSanitizer, UB is fatal
#   "tsan"  ThreadSanitizer
# Both use -O1 -g -fno-omit-frame-pointer so reports have usable stacks.

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
# The release build is "-O2 -g": optimised, yet perf and gdb show source lines.
set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O2 -g -DNDEBUG" CACHE STRING
  "Flags for RelWithDebInfo builds" FORCE)

add_compile_options(-Wall -Wextra)

set(GILT_SANITIZER "" CACHE STRING "Sanitizer build: empty, asan or tsan")
set_property(CACHE GILT_SANITIZER PROPERTY STRINGS "" asan tsan)

if(GILT_SANITIZER STREQUAL "asan")
  set(_gilt_san_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined)
elseif(GILT_SANITIZER STREQUAL "tsan")
  set(_gilt_san_flags -fsanitize=thread)
elseif(NOT GILT_SANITIZER STREQUAL "")
  message(FATAL_ERROR "GILT_SANITIZER must be empty, asan or tsan (got '${GILT_SANITIZER}')")
endif()
if(_gilt_san_flags)
  add_compile_options(${_gilt_san_flags} -O1 -g -fno-omit-frame-pointer)
  add_link_options(${_gilt_san_flags})
endif()

# Use ccache when it is installed, unless the user chose a launcher already.
find_program(GILT_CCACHE ccache)
if(GILT_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${GILT_CCACHE}")
endif()
