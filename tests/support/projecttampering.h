#pragma once

// Damage done to a project file the way a person with an SQLite shell would do it: tables
// dropped or renamed, columns dropped or renamed, garbage geometries, another schema version.
// Header only, for the unit tests of the validator and the end-to-end tests of the commands.

#include "project/projectschema.h"
#include "project/sightingviews.h"
#include "util/gdalutil.h"

#include <gdal_priv.h>

#include <QCryptographicHash>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

namespace sightline::test {

struct Tampering
{
    QString name;     ///< what was done, for the test's report
    QStringList sql;  ///< SQLite statements run on the file
    QString expected; ///< what the project then says about itself
    bool damage;      ///< the project is then read-only; otherwise it still opens for writing
};

/// Runs `sql` on the GeoPackage at `path` (SQLite's own SQL, passed through by GDAL); the error, or empty.
inline QString runSql(const QString &path, const QStringList &sql)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                              drivers, nullptr, nullptr));
    if (!ds)
        return capture.message(QStringLiteral("cannot open"));
    for (const QString &statement : sql) {
        if (OGRLayer *result = ds->ExecuteSQL(statement.toUtf8().constData(), nullptr, nullptr))
            ds->ReleaseResultSet(result);
        if (capture.hasErrors())
            return statement + QStringLiteral(": ") + capture.message();
    }
    return {};
}

/// Every way of damaging a project's schema the tests try: each required table dropped, each
/// required column dropped (and, with `renameColumns`, renamed), a table renamed, the schema
/// version newer, garbage or gone.
inline QList<Tampering> schemaTamperings(bool renameColumns)
{
    QList<Tampering> out;
    for (const ProjectTableSpec &t : projectTables()) {
        const QString table = QString::fromLatin1(t.name);
        out << Tampering{QStringLiteral("drop table %1").arg(table),
                         {QStringLiteral("DROP TABLE %1").arg(table)},
                         t.addedLater ? QString() : QStringLiteral("table '%1' is missing").arg(table),
                         !t.addedLater};
        for (const OgrFieldSpec &c : t.columns) {
            const QString column = QString::fromLatin1(c.name);
            const QString expected = QStringLiteral("table '%1' has no column '%2'").arg(table, column);
            // SQLite refuses to drop a column a view filters on: the person drops the views first.
            QStringList drop;
            if (table == QLatin1String(projecttable::kSightings))
                for (const SightingView &v : sightingViews())
                    drop << QStringLiteral("DROP VIEW %1").arg(QLatin1String(v.name));
            drop << QStringLiteral("ALTER TABLE %1 DROP COLUMN \"%2\"").arg(table, column);
            out << Tampering{QStringLiteral("drop column %1.%2").arg(table, column), drop, expected, true};
            if (renameColumns)
                out << Tampering{
                    QStringLiteral("rename column %1.%2").arg(table, column),
                    {QStringLiteral("ALTER TABLE %1 RENAME COLUMN \"%2\" TO \"%2_old\"").arg(table, column)},
                    expected,
                    true};
        }
    }
    out << Tampering{QStringLiteral("rename table sightline_audit"),
                     {QStringLiteral("ALTER TABLE sightline_audit RENAME TO old_audit")},
                     QStringLiteral("table 'sightline_audit' is missing"),
                     true};
    out << Tampering{QStringLiteral("newer schema version"),
                     {QStringLiteral("UPDATE sightline_project SET value = '%1' WHERE key = 'schema_version'")
                          .arg(kProjectSchemaVersion + 1)},
                     QStringLiteral("made by a newer Sightline (schema version %1; this Sightline knows up "
                                    "to version %2)")
                         .arg(kProjectSchemaVersion + 1)
                         .arg(kProjectSchemaVersion),
                     true};
    out << Tampering{
        QStringLiteral("garbage schema version"),
        {QStringLiteral("UPDATE sightline_project SET value = 'x1' WHERE key = 'schema_version'")},
        QStringLiteral("the schema_version 'x1' in table 'sightline_project' is not a version number"),
        true};
    out << Tampering{QStringLiteral("no schema version"),
                     {QStringLiteral("DELETE FROM sightline_project WHERE key = 'schema_version'")},
                     QStringLiteral("table 'sightline_project' has no schema_version"),
                     true};
    return out;
}

/// Geometry blobs GDAL cannot read as a geometry: random bytes, a GeoPackage header over a
/// truncated point, a line claiming two billion points it does not have.
inline QStringList garbageGeometries()
{
    return {QStringLiteral("X'DEADBEEF00112233'"), QStringLiteral("X'47500001E6100000010100000000'"),
            QStringLiteral("X'47500001E610000001020000007FFFFFFF0000'")};
}

/// The SHA-256 of a file, to show that a refused write left it as it was.
inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace sightline::test
