// libFuzzer target for the project opener: the input bytes are a project file (seeded with
// small real projects, so mutations land in SQLite pages, GeoPackage tables and geometry
// blobs). It is opened read-only and every table read through the public getters, then
// opened for writing and written once: no crash, no sanitizer report, whatever the file holds.
// Built with clang-14 by tests/CMakeLists.txt; ctest runs it briefly, and by hand:
//   build/tests/fuzz_project -max_total_time=600 build/tests/fuzz-project-seeds
#include "project/project.h"
#include "util/gdalutil.h"

#include <cpl_conv.h>

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

using namespace sightline;

namespace {

void readEverything(const Project &p)
{
    (void)p.layers();
    (void)p.views();
    (void)p.currentView();
    for (const Sighting &s : p.sightings())
        (void)p.sighting(s.id);
    for (const Annotation &a : p.annotations())
        (void)p.annotation(a.id);
    (void)p.events();
    (void)p.analysisRuns();
    (void)p.briefDefinition();
    (void)p.auditLog();
    (void)p.auditLog(1, QStringLiteral("sightings"));
    (void)p.problems();
    (void)p.readOnlyReason();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    ensureGdalInitialised();
    // No sidecar files (.aux.xml) and no network, whatever a mutated file asks for.
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".none");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    for (const char *suffix : {"", "-journal", "-wal", "-shm", ".lock"})
        QFile::remove(path + QLatin1String(suffix));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            __builtin_trap();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    if (auto p = Project::open(path, Project::Mode::ReadOnly, nullptr)) {
        readEverything(*p);
        if (p->addSighting(Sighting{}) != 0) // read-only: always refused
            __builtin_trap();
    }
    // For writing: a damaged project refuses, a sound one (or one an older version made) takes it.
    if (auto p = Project::open(path, Project::Mode::ReadWrite, nullptr)) {
        Sighting s;
        s.kind = QStringLiteral("pits");
        s.geometry.lonLat = {QPointF(40.05, 45.85)};
        const std::int64_t id = p->addSighting(s);
        if (id && (p->isReadOnly() || !p->sighting(id)))
            __builtin_trap(); // a write to a read-only project, or one that did not happen
        readEverything(*p);
    }
    return 0;
}
