# Checks that the files of one core folder include only their own folder and the folders it
# depends on (core/CMakeLists.txt), so the core's folders stay one-way.
#   cmake -DFOLDER=<core/x> -DALLOWED="<a;b>" -DCORE_FOLDERS="<all folders>" -P checkincludes.cmake
# Fails naming every file and line that includes a folder outside ALLOWED.
cmake_minimum_required(VERSION 3.25)
get_filename_component(self "${FOLDER}" NAME)
file(GLOB files "${FOLDER}/*.h" "${FOLDER}/*.cpp")
set(problems "")
foreach(file IN LISTS files)
  file(READ "${file}" text)
  # One list element a line: protect the list separator first.
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([a-z]+)/")
      set(folder "${CMAKE_MATCH_1}")
      if(folder IN_LIST CORE_FOLDERS AND NOT folder STREQUAL self AND NOT folder IN_LIST ALLOWED)
        get_filename_component(name "${file}" NAME)
        string(APPEND problems "\n  core/${self}/${name}:${number}: ${line}")
      endif()
    endif()
  endforeach()
endforeach()
if(problems)
  string(REPLACE ";" ", " allowed "${ALLOWED}")
  if(NOT allowed)
    set(allowed "no other core folder")
  endif()
  message(FATAL_ERROR "core/${self} may include only core/${self} and: ${allowed}. "
    "An upward include makes the core's folders a circle; move the code to the folder that owns it "
    "instead.${problems}")
endif()
