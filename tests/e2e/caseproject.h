#pragma once

#include "sightlineprocess.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sightline::test {

/// A test's copy of the case, made with the command line as tools/run-demo.sh makes it: always the
/// simulated AIS, and what the test needs beside it.
struct CaseProjectRecipe
{
    QStringList layers;          ///< demo files (relative to the demo folder), bottom first
    QString extent;              ///< --extent W,S,E,N
    bool sightings = false;      ///< the illustrative sightings
    QList<QStringList> analyses; ///< each run as `analyze ARGS --save`, in order
};

/// Makes the case at `path` (a file that does not exist yet) and returns the path; the test stops
/// at the first step that fails, with what it said.
inline QString makeCaseProject(const QString &path, const CaseProjectRecipe &recipe)
{
    const QString demo = QStringLiteral(SIGHTLINE_DEMO_DIR) + QLatin1Char('/');
    QStringList create{QStringLiteral("project"), QStringLiteral("create"), path};
    for (const QString &layer : recipe.layers)
        create << demo + layer;
    mustRunSightline(create + QStringList{QStringLiteral("--extent"), recipe.extent});
    mustRunSightline({QStringLiteral("ais"), QStringLiteral("import"),
                      demo + QStringLiteral("ais/case_rajin_dunai_2023_SIMULATED.nmea"), QStringLiteral("--project"),
                      path});
    if (recipe.sightings)
        mustRunSightline({QStringLiteral("sightings"), QStringLiteral("import"),
                          demo + QStringLiteral("sightings/case_sightings_ILLUSTRATIVE.geojson"),
                          QStringLiteral("--project"), path});
    for (const QStringList &analysis : recipe.analyses)
        mustRunSightline(QStringList{QStringLiteral("analyze")} + analysis +
                         QStringList{QStringLiteral("--project"), path, QStringLiteral("--save")});
    return path;
}

} // namespace sightline::test
