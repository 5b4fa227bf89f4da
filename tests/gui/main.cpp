#include "testmainwindow.h"
#include "testproject.h"

#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QApplication>
#include <QTest>

// One binary for all widget tests; each class runs in turn under the offscreen platform.
int main(int argc, char **argv)
{
    sightline::ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SightlineTests"));
    QCoreApplication::setApplicationName(QStringLiteral("SightlineGuiTests"));
    sightline::ensureGdalInitialised();
    int status = 0;
    {
        TestMainWindow test;
        status |= QTest::qExec(&test, argc, argv);
    }
    {
        TestProject test;
        status |= QTest::qExec(&test, argc, argv);
    }
    return status;
}
