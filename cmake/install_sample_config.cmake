# Run at install time (CMakeLists.txt includes it through install(CODE)). The sample office's
# configuration names its website export, documents and register relative to its own folder, which
# is right in the source tree (make demo) and wrong once an admin copies the installed sample to
# /etc/ppid/ as the README says. The installed copy names them by absolute path under the prefix
# it is installed to, so it works wherever it is copied. Needs PPID_SAMPLE_DIR (relative to the
# prefix).
set(folder "${CMAKE_INSTALL_PREFIX}/${PPID_SAMPLE_DIR}")
set(file "$ENV{DESTDIR}${folder}/office.json")
file(READ "${file}" json)
foreach(key websites document_roots registers)
  string(JSON count ERROR_VARIABLE missing LENGTH "${json}" ${key})
  if(missing OR count EQUAL 0)
    continue()
  endif()
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON path GET "${json}" ${key} ${i})
    if(NOT IS_ABSOLUTE "${path}" AND NOT path MATCHES "^[A-Za-z][A-Za-z0-9+.-]*:")
      # Replaced in the text, not through string(JSON SET), which would reorder and reflow the
      # file the admin is about to edit.
      string(REPLACE "\"${path}\"" "\"${folder}/${path}\"" json "${json}")
    endif()
  endforeach()
endforeach()
file(WRITE "${file}" "${json}")
