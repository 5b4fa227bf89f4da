# `cpack -G DEB` in the build folder makes a Debian 12 package of what `cmake --install` puts in
# place. Library dependencies are read off the executable by dpkg-shlibdeps; what it cannot see
# (fonts for labels and briefs) is named here.
set(CPACK_PACKAGE_NAME sightline)
set(CPACK_PACKAGE_VENDOR "Sightline")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Geospatial workbench for imagery and AIS analysts")
set(CPACK_PACKAGE_DESCRIPTION
  "Sightline overlays vessel tracks (AIS), port polygons and rail corridors on satellite imagery,\
 finds what the tracks hide (ships going dark, port calls, voyages, meetings at sea) and writes\
 an annotated, sourced PDF brief. Every job also runs from the command line.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_INSTALL_DIRECTORY /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Sightline developers <developers@sightline.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SVG icons and markers load through Qt's SVG plugins, which no library link shows.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gpsd-clients, qgis, ffmpeg")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
