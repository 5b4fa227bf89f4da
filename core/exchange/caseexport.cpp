#include "exchange/caseexport.h"

#include "exchange/caseicons.h"
#include "exchange/casekml.h"
#include "exchange/exchangetables.h"
#include "exchange/tablewriters.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#include <cpl_conv.h>
#include <cpl_error.h>

namespace sightline {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

/// OUT.fgb → OUT-TABLE.fgb.
QString tablePath(const QString &path, const QString &table)
{
    const QFileInfo info(path);
    const QString name = info.completeBaseName() + QLatin1Char('-') + table + QStringLiteral(".fgb");
    // Beside the name as given: "case.fgb" gives "case-tracks.fgb", not "./case-tracks.fgb".
    return info.path() == QLatin1String(".") && !path.startsWith(QLatin1String("./"))
               ? name
               : info.dir().filePath(name);
}

/// A name beside `path` for writing it whole before it replaces `path` (with its suffix kept, as
/// GDAL picks some behaviour by it).
QString partialPath(const QString &path)
{
    const QFileInfo info(path);
    return info.dir().filePath(
        QStringLiteral(".%1.partial-%2.%3")
            .arg(info.completeBaseName(), QUuid::createUuid().toString(QUuid::Id128).left(8), info.suffix()));
}

/// Moves each written file over its target; on a failure the partial files are removed.
bool moveIntoPlace(const QList<QPair<QString, QString>> &partialToFinal, QString *error)
{
    for (const auto &[partial, final] : partialToFinal) {
        QFile::remove(final);
        if (!QFile::rename(partial, final)) {
            for (const auto &[p, f] : partialToFinal)
                QFile::remove(p);
            return fail(
                error,
                QStringLiteral("'%1': cannot write (moving the finished file into place failed)").arg(final));
        }
    }
    return true;
}

bool writeKmz(const CaseContent &content, const QString &path, QString *error)
{
    QByteArray kml;
    QStringList icons;
    {
        QBuffer buffer(&kml);
        buffer.open(QIODevice::WriteOnly);
        writeCaseKml(buffer, content, true, &icons);
    }
    CPLErrorReset();
    void *zip = CPLCreateZip(path.toUtf8().constData(), nullptr);
    if (!zip)
        return fail(
            error,
            QStringLiteral("'%1': cannot write (%2)").arg(path, QString::fromUtf8(CPLGetLastErrorMsg())));
    // doc.kml first: Google Earth reads the first KML of a KMZ.
    QList<QPair<QString, QByteArray>> entries{{QStringLiteral("doc.kml"), kml}};
    for (const QString &icon : std::as_const(icons))
        entries.append({QStringLiteral("files/%1.png").arg(icon), renderCaseIcon(icon)});
    bool ok = true;
    for (const auto &[name, bytes] : std::as_const(entries)) {
        ok = ok && CPLCreateFileInZip(zip, name.toUtf8().constData(), nullptr) == CE_None;
        ok = ok && CPLWriteFileInZip(zip, bytes.constData(), int(bytes.size())) == CE_None;
        ok = ok && CPLCloseFileInZip(zip) == CE_None;
    }
    ok = CPLCloseZip(zip) == CE_None && ok;
    if (!ok)
        return fail(
            error,
            QStringLiteral("'%1': cannot write (%2)").arg(path, QString::fromUtf8(CPLGetLastErrorMsg())));
    return true;
}

bool writeText(const CaseContent &content, QIODevice &out, CaseFormat format, bool withPositions)
{
    if (format == CaseFormat::Kml)
        writeCaseKml(out, content, false);
    else
        writeTablesAsGeoJson(caseTables(content, withPositions), out);
    return true;
}

} // namespace

std::optional<CaseFormat> caseFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("kmz"))
        return CaseFormat::Kmz;
    if (suffix == QLatin1String("kml"))
        return CaseFormat::Kml;
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json"))
        return CaseFormat::GeoJson;
    if (suffix == QLatin1String("gpkg"))
        return CaseFormat::GeoPackage;
    if (suffix == QLatin1String("fgb"))
        return CaseFormat::FlatGeobuf;
    return std::nullopt;
}

QString caseFormatName(CaseFormat format)
{
    switch (format) {
    case CaseFormat::Kmz:
        return QStringLiteral("KMZ (Google Earth)");
    case CaseFormat::Kml:
        return QStringLiteral("KML");
    case CaseFormat::GeoJson:
        return QStringLiteral("GeoJSON");
    case CaseFormat::GeoPackage:
        return QStringLiteral("GeoPackage");
    case CaseFormat::FlatGeobuf:
        return QStringLiteral("FlatGeobuf");
    }
    return {};
}

QString caseFormatSuffix(CaseFormat format)
{
    switch (format) {
    case CaseFormat::Kmz:
        return QStringLiteral("kmz");
    case CaseFormat::Kml:
        return QStringLiteral("kml");
    case CaseFormat::GeoJson:
        return QStringLiteral("geojson");
    case CaseFormat::GeoPackage:
        return QStringLiteral("gpkg");
    case CaseFormat::FlatGeobuf:
        return QStringLiteral("fgb");
    }
    return {};
}

bool caseFormatStreams(CaseFormat format)
{
    return format == CaseFormat::Kml || format == CaseFormat::GeoJson;
}

QStringList caseExportFiles(const CaseContent &content, const QString &path, CaseFormat format,
                            bool withPositions)
{
    if (format != CaseFormat::FlatGeobuf)
        return {path};
    QStringList files;
    for (const ExchangeTable &t : caseTables(content, withPositions))
        files << tablePath(path, t.name);
    return files;
}

bool exportCase(const CaseContent &content, const QString &path, CaseFormat format, bool withPositions,
                QString *error, const std::function<bool(double)> &progress)
{
    if (content.isEmpty())
        return fail(error, QStringLiteral("nothing to export: the selection holds no tracks, events, "
                                          "sightings or annotations"));
    switch (format) {
    case CaseFormat::Kml:
    case CaseFormat::GeoJson: {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(error, QStringLiteral("'%1': cannot write (%2)").arg(path, file.errorString()));
        writeText(content, file, format, withPositions);
        if (!file.commit())
            return fail(error, QStringLiteral("'%1': cannot write (%2)").arg(path, file.errorString()));
        return true;
    }
    case CaseFormat::Kmz: {
        const QString partial = partialPath(path);
        if (!writeKmz(content, partial, error)) {
            QFile::remove(partial);
            return false;
        }
        return moveIntoPlace({{partial, path}}, error);
    }
    case CaseFormat::GeoPackage:
    case CaseFormat::FlatGeobuf: {
        const std::vector<ExchangeTable> tables = caseTables(content, withPositions);
        if (tables.empty())
            return fail(error, QStringLiteral("nothing to export: no feature of the selection has a geometry "
                                              "these formats can hold"));
        QList<QPair<QString, QString>> moves;
        const QString gpkgPartial = partialPath(path);
        auto pathFor = [&](const ExchangeTable &t) {
            if (format == CaseFormat::GeoPackage)
                return gpkgPartial;
            const QString final = tablePath(path, t.name);
            const QString partial = partialPath(final);
            moves.append({partial, final});
            return partial;
        };
        if (format == CaseFormat::GeoPackage)
            moves.append({gpkgPartial, path});
        const bool ok = writeTablesWithOgr(
            tables, format == CaseFormat::GeoPackage ? QStringLiteral("GPKG") : QStringLiteral("FlatGeobuf"),
            pathFor, error, progress);
        if (!ok) {
            for (const auto &[partial, final] : std::as_const(moves))
                QFile::remove(partial);
            if (progress && !progress(1.0) && error)
                *error = QStringLiteral("cancelled");
            return false;
        }
        return moveIntoPlace(moves, error);
    }
    }
    return false;
}

bool exportCaseToStream(const CaseContent &content, QIODevice &out, CaseFormat format, bool withPositions,
                        QString *error)
{
    if (!caseFormatStreams(format))
        return fail(error, QStringLiteral("%1 cannot be written to standard output; give a file name")
                               .arg(caseFormatName(format)));
    if (content.isEmpty())
        return fail(error, QStringLiteral("nothing to export: the selection holds no tracks, events, "
                                          "sightings or annotations"));
    return writeText(content, out, format, withPositions);
}

} // namespace sightline
