# Installs chronik from BUILD_DIR into BUILD_DIR/consumer-prefix, then configures, builds and runs
# the consumer project (tests/consumer) against that prefix via find_package(chronik).
#
#   cmake -DSOURCE_DIR=<repo> -DBUILD_DIR=<build dir> -P tests/consumer/run.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var SOURCE_DIR BUILD_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run.cmake: pass -D${var}=...")
  endif()
endforeach()

set(prefix "${BUILD_DIR}/consumer-prefix")
set(consumer_build "${BUILD_DIR}/consumer-build")
file(REMOVE_RECURSE "${prefix}" "${consumer_build}")

# Build the consumer the way chronik itself was built: same generator, compiler and build type.
set(generator "")
set(compiler "")
set(build_type "")
if(EXISTS "${BUILD_DIR}/CMakeCache.txt")
  file(STRINGS "${BUILD_DIR}/CMakeCache.txt" cache
       REGEX "^(CMAKE_GENERATOR|CMAKE_CXX_COMPILER|CMAKE_BUILD_TYPE):[A-Z]+=")
  foreach(entry IN LISTS cache)
    if(entry MATCHES "^CMAKE_GENERATOR:[A-Z]+=(.*)$")
      set(generator "${CMAKE_MATCH_1}")
    elseif(entry MATCHES "^CMAKE_CXX_COMPILER:[A-Z]+=(.*)$")
      set(compiler "${CMAKE_MATCH_1}")
    elseif(entry MATCHES "^CMAKE_BUILD_TYPE:[A-Z]+=(.*)$")
      set(build_type "${CMAKE_MATCH_1}")
    endif()
  endforeach()
endif()
if(build_type STREQUAL "")
  set(build_type Release)
endif()

# Runs a command; on failure stops with its output.
function(run_step name)
  execute_process(COMMAND ${ARGN}
                  RESULT_VARIABLE result
                  OUTPUT_VARIABLE output
                  ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${name} failed (${result}):\n${output}")
  endif()
  message(STATUS "${name}: ok")
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

run_step("install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
         --config "${build_type}")

set(configure_args -S "${SOURCE_DIR}/tests/consumer" -B "${consumer_build}"
                   "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_BUILD_TYPE=${build_type}")
if(NOT generator STREQUAL "")
  list(APPEND configure_args -G "${generator}")
endif()
if(NOT compiler STREQUAL "")
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${compiler}")
endif()
run_step("configure consumer" "${CMAKE_COMMAND}" ${configure_args})
run_step("build consumer" "${CMAKE_COMMAND}" --build "${consumer_build}" --config "${build_type}")

# Single-config generators put the program in the build directory, multi-config ones below it.
set(program "")
foreach(candidate "${consumer_build}/chronik_consumer"
                  "${consumer_build}/${build_type}/chronik_consumer")
  if(EXISTS "${candidate}" AND NOT IS_DIRECTORY "${candidate}")
    set(program "${candidate}")
    break()
  endif()
endforeach()
if(program STREQUAL "")
  message(FATAL_ERROR "the consumer program was not built in ${consumer_build}")
endif()
run_step("run consumer" "${program}")
message(STATUS "${step_output}")
