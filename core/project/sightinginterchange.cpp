#include "project/sightinginterchange.h"

#include "model/ringorientation.h"
#include "project/sightingvaluetext.h"
#include "util/csvtext.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QXmlStreamWriter>

#include <cmath>
#include <functional>

// Writing is done by hand rather than through OGR: OGR's GeoJSON and CSV writers
// round coordinates to 15 significant digits (or print 17 with noise), so a
// sighting would not come back as it went out, and neither KML driver writes a
// Placemark with a TimeStamp and untyped ExtendedData, which is what Google Earth
// shows. Reading is in sightingreading.cpp.

namespace sightline {

namespace {

using sightingvaluetext::numberText;
using sightingvaluetext::valueText;

// The property names in the order a person reads them (CSV columns, KML data).
const QStringList &fieldOrder()
{
    static const QStringList order = [] {
        static const char *known[] = {"id",
                                      "kind",
                                      "observed_at",
                                      "count",
                                      "vessel_name",
                                      "vessel_mmsi",
                                      "source_reliability",
                                      "information_credibility",
                                      "imagery_source",
                                      "imagery_provider",
                                      "imagery_acquired",
                                      "imagery_resolution_m",
                                      "analyst",
                                      "notes",
                                      "tags",
                                      "created_at",
                                      "updated_at",
                                      "version"};
        Sighting probe;
        probe.id = 1;
        const QStringList all = sightingToJson(probe).keys();
        QStringList out;
        for (const char *name : known)
            if (all.contains(QLatin1String(name)))
                out << QString::fromLatin1(name);
        // A field added to sightingToJson later still travels, after the known ones.
        for (const QString &name : all)
            if (!out.contains(name))
                out << name;
        return out;
    }();
    return order;
}


bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool writeAtomically(const QString &path, const std::function<void(QIODevice &)> &write, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("'%1': cannot write (%2)").arg(path, file.errorString()));
    write(file);
    if (!file.commit())
        return fail(error, QStringLiteral("'%1': cannot write (%2)").arg(path, file.errorString()));
    return true;
}

// --- GeoJSON (RFC 7946: lon/lat, closed rings, the right-hand rule: exterior rings counter-clockwise)

QJsonArray position(const QPointF &p)
{
    return QJsonArray{p.x(), p.y()};
}

QJsonObject geoJsonGeometry(const SightingGeometry &g)
{
    QJsonArray points;
    for (const QPointF &p : g.lonLat)
        points.append(position(p));
    switch (g.type) {
    case SightingGeometry::Type::Point:
        return {{QStringLiteral("type"), QStringLiteral("Point")},
                {QStringLiteral("coordinates"), position(g.lonLat.value(0))}};
    case SightingGeometry::Type::MultiPoint:
        return {{QStringLiteral("type"), QStringLiteral("MultiPoint")},
                {QStringLiteral("coordinates"), points}};
    case SightingGeometry::Type::Line:
        return {{QStringLiteral("type"), QStringLiteral("LineString")},
                {QStringLiteral("coordinates"), points}};
    case SightingGeometry::Type::Polygon: {
        // Analysts draw either way round; RFC 7946 §3.1.6 wants the exterior counter-clockwise.
        points = {};
        const QList<QPointF> ring = orientedRing(g.lonLat, true);
        for (const QPointF &p : ring)
            points.append(position(p));
        if (!ring.isEmpty())
            points.append(position(ring.first()));
        QJsonArray rings;
        rings.append(points);
        return {{QStringLiteral("type"), QStringLiteral("Polygon")}, {QStringLiteral("coordinates"), rings}};
    }
    }
    return {};
}

void writeGeoJson(QIODevice &out, const QList<Sighting> &sightings)
{
    // One feature per line: readable, diffable, and a JSON error's line number finds its feature.
    out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (qsizetype i = 0; i < sightings.size(); ++i) {
        const Sighting &s = sightings[i];
        // Assembled by hand so that "type" comes first, as people expect to read it.
        out.write("{\"type\":\"Feature\",");
        if (s.id)
            out.write("\"id\":" + QByteArray::number(qint64(s.id)) + ',');
        out.write(
            "\"geometry\":" + QJsonDocument(geoJsonGeometry(s.geometry)).toJson(QJsonDocument::Compact) +
            ",\"properties\":" + QJsonDocument(sightingToJson(s)).toJson(QJsonDocument::Compact) + '}');
        out.write(i + 1 < sightings.size() ? ",\n" : "\n");
    }
    out.write("]}\n");
}

// --- KML (Google Earth: name, HTML description, TimeStamp, ExtendedData, geometry)

QString kmlCoordinates(const QList<QPointF> &points)
{
    QStringList out;
    for (const QPointF &p : points)
        out << numberText(p.x()) + QLatin1Char(',') + numberText(p.y());
    return out.join(QLatin1Char(' '));
}

void writeKmlGeometry(QXmlStreamWriter &xml, const SightingGeometry &g)
{
    auto point = [&xml](const QPointF &p) {
        xml.writeStartElement(QStringLiteral("Point"));
        xml.writeTextElement(QStringLiteral("coordinates"), kmlCoordinates({p}));
        xml.writeEndElement();
    };
    switch (g.type) {
    case SightingGeometry::Type::Point:
        point(g.lonLat.value(0));
        break;
    case SightingGeometry::Type::MultiPoint:
        xml.writeStartElement(QStringLiteral("MultiGeometry"));
        for (const QPointF &p : g.lonLat)
            point(p);
        xml.writeEndElement();
        break;
    case SightingGeometry::Type::Line:
        xml.writeStartElement(QStringLiteral("LineString"));
        xml.writeTextElement(QStringLiteral("tessellate"), QStringLiteral("1"));
        xml.writeTextElement(QStringLiteral("coordinates"), kmlCoordinates(g.lonLat));
        xml.writeEndElement();
        break;
    case SightingGeometry::Type::Polygon: {
        QList<QPointF> ring = g.lonLat;
        if (!ring.isEmpty())
            ring << ring.first();
        xml.writeStartElement(QStringLiteral("Polygon"));
        xml.writeTextElement(QStringLiteral("tessellate"), QStringLiteral("1"));
        xml.writeStartElement(QStringLiteral("outerBoundaryIs"));
        xml.writeStartElement(QStringLiteral("LinearRing"));
        xml.writeTextElement(QStringLiteral("coordinates"), kmlCoordinates(ring));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        break;
    }
    }
}

// What Google Earth shows in the balloon; ExtendedData carries the same values for reading back.
QString kmlDescription(const Sighting &s)
{
    QList<QPair<QString, QString>> rows;
    rows.append({QStringLiteral("Kind"), sightingKindLabel(s.kind)});
    if (s.observedAtMs)
        rows.append({QStringLiteral("Observed (UTC)"), utcIsoString(s.observedAtMs)});
    if (s.count)
        rows.append({QStringLiteral("Count"), QString::number(s.count)});
    if (!s.vesselName.isEmpty() || s.vesselMmsi) {
        QString vessel = s.vesselName;
        if (s.vesselMmsi)
            vessel += QStringLiteral("%1MMSI %2")
                          .arg(vessel.isEmpty() ? QString() : QStringLiteral(", "))
                          .arg(s.vesselMmsi);
        rows.append({QStringLiteral("Vessel"), vessel});
    }
    rows.append(
        {QStringLiteral("Grading"), QStringLiteral("%1 (%2; %3)")
                                        .arg(s.grading(), sourceReliabilityMeaning(s.sourceReliability),
                                             informationCredibilityMeaning(s.informationCredibility))});
    if (!s.imagerySource.isEmpty())
        rows.append({QStringLiteral("Imagery"), s.imagerySource});
    if (!s.imageryProvider.isEmpty())
        rows.append({QStringLiteral("Provider"), s.imageryProvider});
    if (s.imageryAcquiredMs)
        rows.append({QStringLiteral("Acquired (UTC)"), utcIsoString(s.imageryAcquiredMs)});
    if (s.imageryResolutionM > 0)
        rows.append(
            {QStringLiteral("Resolution"), QStringLiteral("%1 m").arg(numberText(s.imageryResolutionM))});
    if (!s.analyst.isEmpty())
        rows.append({QStringLiteral("Analyst"), s.analyst});
    if (!s.tags.isEmpty())
        rows.append({QStringLiteral("Tags"), s.tags.join(QStringLiteral(", "))});
    if (!s.notes.isEmpty())
        rows.append({QStringLiteral("Notes"), s.notes});
    QString html = QStringLiteral("<table>");
    for (const auto &[label, value] : std::as_const(rows))
        html += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
                    .arg(label, value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    return html + QStringLiteral("</table>");
}

void writePlacemark(QXmlStreamWriter &xml, const Sighting &s, const QString &styleUrl)
{
    // Elements in the order the KML 2.2 schema gives them.
    xml.writeStartElement(QStringLiteral("Placemark"));
    if (s.id)
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("sighting-%1").arg(s.id));
    xml.writeTextElement(QStringLiteral("name"), s.title());
    xml.writeStartElement(QStringLiteral("description"));
    xml.writeCDATA(kmlDescription(s));
    xml.writeEndElement();
    if (s.observedAtMs) {
        xml.writeStartElement(QStringLiteral("TimeStamp"));
        xml.writeTextElement(QStringLiteral("when"), utcIsoString(s.observedAtMs));
        xml.writeEndElement();
    }
    if (!styleUrl.isEmpty())
        xml.writeTextElement(QStringLiteral("styleUrl"), styleUrl);
    xml.writeStartElement(QStringLiteral("ExtendedData"));
    const QJsonObject fields = sightingToJson(s);
    for (const QString &name : fieldOrder()) {
        if (!fields.contains(name))
            continue;
        xml.writeStartElement(QStringLiteral("Data"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeTextElement(QStringLiteral("value"), valueText(fields.value(name)));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    writeKmlGeometry(xml, s.geometry);
    xml.writeEndElement();
}

void writeKml(QIODevice &out, const QList<Sighting> &sightings, const QString &documentName)
{
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
    xml.writeStartElement(QStringLiteral("kml"));
    xml.writeStartElement(QStringLiteral("Document"));
    xml.writeTextElement(QStringLiteral("name"), documentName);
    for (const Sighting &s : sightings)
        writePlacemark(xml, s, {});
    xml.writeEndDocument();
}

// --- CSV (RFC 4180, UTF-8; WKT first, then every field)

QString wkt(const SightingGeometry &g)
{
    QStringList points;
    for (const QPointF &p : g.lonLat)
        points << numberText(p.x()) + QLatin1Char(' ') + numberText(p.y());
    switch (g.type) {
    case SightingGeometry::Type::Point:
        return QStringLiteral("POINT (%1)").arg(points.value(0));
    case SightingGeometry::Type::MultiPoint:
        return QStringLiteral("MULTIPOINT ((%1))").arg(points.join(QStringLiteral("), (")));
    case SightingGeometry::Type::Line:
        return QStringLiteral("LINESTRING (%1)").arg(points.join(QStringLiteral(", ")));
    case SightingGeometry::Type::Polygon:
        if (!points.isEmpty())
            points << points.first();
        return QStringLiteral("POLYGON ((%1))").arg(points.join(QStringLiteral(", ")));
    }
    return {};
}

void writeCsv(QIODevice &out, const QList<Sighting> &sightings)
{
    QStringList header{QStringLiteral("WKT")};
    header << fieldOrder();
    out.write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
    for (const Sighting &s : sightings) {
        const QJsonObject fields = sightingToJson(s);
        QStringList row{csvField(wkt(s.geometry))};
        for (const QString &name : fieldOrder())
            row << csvField(valueText(fields.value(name)));
        out.write(row.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
}

} // namespace

std::optional<SightingFormat> sightingFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json"))
        return SightingFormat::GeoJson;
    if (suffix == QLatin1String("kml"))
        return SightingFormat::Kml;
    if (suffix == QLatin1String("csv"))
        return SightingFormat::Csv;
    return std::nullopt;
}

bool exportSightings(const QList<Sighting> &sightings, const QString &path, SightingFormat format,
                     QString *error)
{
    switch (format) {
    case SightingFormat::GeoJson:
        return writeAtomically(
            path, [&](QIODevice &out) { writeGeoJson(out, sightings); }, error);
    case SightingFormat::Kml:
        return writeAtomically(
            path, [&](QIODevice &out) { writeKml(out, sightings, QFileInfo(path).completeBaseName()); },
            error);
    case SightingFormat::Csv:
        return writeAtomically(
            path, [&](QIODevice &out) { writeCsv(out, sightings); }, error);
    }
    return fail(error, QStringLiteral("'%1': unknown format").arg(path));
}

void writeSightingPlacemark(QXmlStreamWriter &xml, const Sighting &sighting, const QString &styleUrl)
{
    writePlacemark(xml, sighting, styleUrl);
}

} // namespace sightline
