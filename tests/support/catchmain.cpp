#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QGuiApplication>

// Painting text and some image formats need a QGuiApplication; tests never need a display.
int main(int argc, char **argv)
{
    sightline::ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    sightline::ensureGdalInitialised();
    return Catch::Session().run(argc, argv);
}
