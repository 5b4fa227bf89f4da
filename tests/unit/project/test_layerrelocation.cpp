#include "../catchstringmakers.h"
#include "../testfiles.h"

#include "project/layerrelocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace sightline;
using sightline::test::writeFile;

namespace {

} // namespace

TEST_CASE("relocatedPath finds a moved project's other files from one that was located", "[project]")
{
    QTemporaryDir dir;
    const QString now = dir.filePath(QStringLiteral("new/case"));
    writeFile(now + QStringLiteral("/imagery/scene.tif"), "x");
    writeFile(now + QStringLiteral("/vector/ports.geojson"), "x");
    writeFile(now + QStringLiteral("/deep/er/rail.geojson"), "x");
    const QString old = QStringLiteral("/home/analyst/work/case");

    // The same path under the new root found from the common tail.
    CHECK(relocatedPath(old + QStringLiteral("/vector/ports.geojson"), old + QStringLiteral("/imagery/scene.tif"),
                        now + QStringLiteral("/imagery/scene.tif")) == now + QStringLiteral("/vector/ports.geojson"));
    // Not under the old root: the same name anywhere under the chosen folder.
    CHECK(relocatedPath(QStringLiteral("/mnt/usb/rail.geojson"), old + QStringLiteral("/imagery/scene.tif"),
                        now + QStringLiteral("/imagery/scene.tif"))
              .isEmpty()); // not under imagery/
    CHECK(relocatedPath(QStringLiteral("/mnt/usb/rail.geojson"), QStringLiteral("/mnt/usb/scene.tif"),
                        now + QStringLiteral("/scene.tif")) == now + QStringLiteral("/deep/er/rail.geojson"));
    // Nothing there: empty.
    CHECK(relocatedPath(old + QStringLiteral("/vector/lost.geojson"), old + QStringLiteral("/imagery/scene.tif"),
                        now + QStringLiteral("/imagery/scene.tif"))
              .isEmpty());
}
