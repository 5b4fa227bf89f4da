#include "exchange/casekml.h"

#include "exchange/caseicons.h"
#include "exchange/exchangetables.h"
#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "model/ringorientation.h"
#include "project/sightinginterchange.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QXmlStreamWriter>

#include <map>

namespace sightline {

namespace {

const QString kGx = QStringLiteral("http://www.google.com/kml/ext/2.2");

/// KML writes colours aabbggrr.
QString kmlColour(const QColor &c, int alpha = 255)
{
    return QStringLiteral("%1%2%3%4")
        .arg(alpha, 2, 16, QLatin1Char('0'))
        .arg(c.blue(), 2, 16, QLatin1Char('0'))
        .arg(c.green(), 2, 16, QLatin1Char('0'))
        .arg(c.red(), 2, 16, QLatin1Char('0'));
}

QString number(double v)
{
    return QString::number(v, 'f', 7).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

QString coordinates(const QList<QPointF> &points)
{
    QStringList out;
    for (const QPointF &p : points)
        out << number(p.x()) + QLatin1Char(',') + number(p.y());
    return out.join(QLatin1Char(' '));
}

QString html(const QList<QPair<QString, QString>> &rows)
{
    QString out = QStringLiteral("<table>");
    for (const auto &[label, value] : rows)
        out += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
                   .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    return out + QStringLiteral("</table>");
}

class CaseKmlWriter
{
public:
    CaseKmlWriter(QIODevice &out, const CaseContent &content, bool embedIcons)
        : mXml(&out)
        , mContent(content)
        , mEmbed(embedIcons)
    {
        mXml.setAutoFormatting(true);
        mXml.setAutoFormattingIndent(1);
    }

    QStringList write()
    {
        mXml.writeStartDocument();
        mXml.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
        mXml.writeNamespace(kGx, QStringLiteral("gx"));
        mXml.writeStartElement(QStringLiteral("kml"));
        mXml.writeStartElement(QStringLiteral("Document"));
        mXml.writeTextElement(QStringLiteral("name"), mContent.title);
        mXml.writeTextElement(QStringLiteral("open"), QStringLiteral("1"));
        mXml.writeTextElement(QStringLiteral("description"), mContent.summary());
        // Styles before the folders, as the schema orders a Document's children.
        writeStyles();
        writeTracks();
        writeEvents();
        writeSightings();
        writeAnnotations();
        mXml.writeEndElement();
        mXml.writeEndElement();
        mXml.writeEndDocument();
        return mIcons;
    }

private:
    QString trackStyleId(std::uint32_t mmsi) const
    {
        return QStringLiteral("track-") + TrackLayer::vesselColour(mmsi).name().mid(1);
    }

    void writeIconStyle(const QString &icon, const QColor &tint, double scale)
    {
        mXml.writeStartElement(QStringLiteral("IconStyle"));
        // An embedded icon is drawn in its colours (the vessel's white dot excepted); Google Earth's
        // own pin takes the colour as a tint.
        if (!mEmbed || icon == vesselIconName())
            mXml.writeTextElement(QStringLiteral("color"), kmlColour(tint));
        mXml.writeTextElement(QStringLiteral("scale"), number(scale));
        if (mEmbed) {
            mXml.writeStartElement(QStringLiteral("Icon"));
            mXml.writeTextElement(QStringLiteral("href"), QStringLiteral("files/%1.png").arg(icon));
            mXml.writeEndElement();
            if (!mIcons.contains(icon))
                mIcons << icon;
        }
        mXml.writeEndElement();
    }

    void writeLineStyle(const QColor &colour, double width)
    {
        mXml.writeStartElement(QStringLiteral("LineStyle"));
        mXml.writeTextElement(QStringLiteral("color"), kmlColour(colour));
        mXml.writeTextElement(QStringLiteral("width"), number(width));
        mXml.writeEndElement();
    }

    void writePolyStyle(const QColor &colour, int alpha)
    {
        mXml.writeStartElement(QStringLiteral("PolyStyle"));
        mXml.writeTextElement(QStringLiteral("color"), kmlColour(colour, alpha));
        mXml.writeEndElement();
    }

    void writeStyles()
    {
        std::map<QString, QColor> trackColours;
        for (const VesselPath &v : mContent.vessels)
            trackColours.emplace(trackStyleId(v.mmsi), TrackLayer::vesselColour(v.mmsi));
        for (const auto &[id, colour] : trackColours) {
            mXml.writeStartElement(QStringLiteral("Style"));
            mXml.writeAttribute(QStringLiteral("id"), id);
            writeIconStyle(vesselIconName(), colour, 0.7);
            writeLineStyle(colour, 2);
            mXml.writeEndElement();
        }
        QList<EventType> types;
        for (const MovementEvent &e : mContent.events)
            if (!types.contains(e.type))
                types << e.type;
        for (EventType type : allEventTypes()) {
            if (!types.contains(type))
                continue;
            mXml.writeStartElement(QStringLiteral("Style"));
            mXml.writeAttribute(QStringLiteral("id"), eventIconName(type));
            writeIconStyle(eventIconName(type), EventLayer::eventColour(type), 0.8);
            writeLineStyle(EventLayer::eventColour(type), 2.5);
            mXml.writeEndElement();
        }
        QStringList kinds;
        for (const Sighting &s : mContent.sightings)
            if (!kinds.contains(s.kind))
                kinds << s.kind;
        for (const QString &kind : std::as_const(kinds)) {
            mXml.writeStartElement(QStringLiteral("Style"));
            mXml.writeAttribute(QStringLiteral("id"), sightingIconName(kind));
            writeIconStyle(sightingIconName(kind), sightingColour(kind), 0.8);
            writeLineStyle(sightingColour(kind), 2.5);
            writePolyStyle(sightingColour(kind), 0x66);
            mXml.writeEndElement();
        }
    }

    void startFolder(const QString &name, bool open = false)
    {
        mXml.writeStartElement(QStringLiteral("Folder"));
        mXml.writeTextElement(QStringLiteral("name"), name);
        mXml.writeTextElement(QStringLiteral("open"), open ? QStringLiteral("1") : QStringLiteral("0"));
    }

    void writeDescription(const QString &htmlText)
    {
        mXml.writeStartElement(QStringLiteral("description"));
        mXml.writeCDATA(htmlText);
        mXml.writeEndElement();
    }

    void writeTime(std::int64_t startMs, std::int64_t endMs)
    {
        if (!startMs && !endMs)
            return;
        if (startMs == endMs || !endMs) {
            mXml.writeStartElement(QStringLiteral("TimeStamp"));
            mXml.writeTextElement(QStringLiteral("when"), utcIsoString(startMs));
        } else {
            mXml.writeStartElement(QStringLiteral("TimeSpan"));
            if (startMs)
                mXml.writeTextElement(QStringLiteral("begin"), utcIsoString(startMs));
            mXml.writeTextElement(QStringLiteral("end"), utcIsoString(endMs));
        }
        mXml.writeEndElement();
    }

    void writeExtendedData(const QList<QPair<QString, QString>> &values)
    {
        mXml.writeStartElement(QStringLiteral("ExtendedData"));
        for (const auto &[name, value] : values) {
            if (value.isEmpty())
                continue;
            mXml.writeStartElement(QStringLiteral("Data"));
            mXml.writeAttribute(QStringLiteral("name"), name);
            mXml.writeTextElement(QStringLiteral("value"), value);
            mXml.writeEndElement();
        }
        mXml.writeEndElement();
    }

    void writePoint(const QPointF &p)
    {
        mXml.writeStartElement(QStringLiteral("Point"));
        mXml.writeTextElement(QStringLiteral("coordinates"), coordinates({p}));
        mXml.writeEndElement();
    }

    void writeLine(const QList<QPointF> &points)
    {
        mXml.writeStartElement(QStringLiteral("LineString"));
        mXml.writeTextElement(QStringLiteral("tessellate"), QStringLiteral("1"));
        mXml.writeTextElement(QStringLiteral("coordinates"), coordinates(points));
        mXml.writeEndElement();
    }

    void writePolygon(const QList<QPointF> &drawn)
    {
        // Counter-clockwise, as Google's KML reference asks of an outer boundary.
        QList<QPointF> ring = orientedRing(drawn, true);
        if (!ring.isEmpty())
            ring << ring.first();
        mXml.writeStartElement(QStringLiteral("Polygon"));
        mXml.writeTextElement(QStringLiteral("tessellate"), QStringLiteral("1"));
        mXml.writeStartElement(QStringLiteral("outerBoundaryIs"));
        mXml.writeStartElement(QStringLiteral("LinearRing"));
        mXml.writeTextElement(QStringLiteral("coordinates"), coordinates(ring));
        mXml.writeEndElement();
        mXml.writeEndElement();
        mXml.writeEndElement();
    }

    void writeTracks()
    {
        if (mContent.vessels.empty())
            return;
        startFolder(QStringLiteral("Tracks"), true);
        for (const VesselPath &v : mContent.vessels) {
            const QList<QPair<QString, QString>> fields{
                {QStringLiteral("MMSI"), QString::number(v.mmsi)},
                {QStringLiteral("IMO"), v.imo ? QString::number(v.imo) : QString()},
                {QStringLiteral("Call sign"), v.callsign},
                {QStringLiteral("Ship type"), v.shipType ? QString::number(v.shipType) : QString()},
                {QStringLiteral("Positions"), QString::number(v.timesMs.size())},
                {QStringLiteral("First fix (UTC)"), utcIsoString(v.timesMs.front())},
                {QStringLiteral("Last fix (UTC)"), utcIsoString(v.timesMs.back())}};
            mXml.writeStartElement(QStringLiteral("Placemark"));
            mXml.writeAttribute(QStringLiteral("id"), QStringLiteral("vessel-%1").arg(v.mmsi));
            mXml.writeTextElement(QStringLiteral("name"), v.label());
            writeDescription(html(fields));
            writeTime(v.timesMs.front(), v.timesMs.back());
            mXml.writeTextElement(QStringLiteral("styleUrl"), QLatin1Char('#') + trackStyleId(v.mmsi));
            writeExtendedData(fields);
            const std::vector<TrackPiece> pieces = trackPieces(v, mContent.trackShape);
            if (v.timesMs.size() == 1) {
                writePoint(v.lonLat.front());
            } else if (pieces.size() == 1) {
                writeGxTrack(v, pieces.front());
            } else {
                // Cut tracks: one gx:Track a piece, not joined across the cuts.
                mXml.writeStartElement(kGx, QStringLiteral("MultiTrack"));
                mXml.writeTextElement(kGx, QStringLiteral("interpolate"), QStringLiteral("0"));
                for (const TrackPiece &piece : pieces)
                    writeGxTrack(v, piece);
                mXml.writeEndElement();
            }
            mXml.writeEndElement();
        }
        mXml.writeEndElement();
    }

    void writeGxTrack(const VesselPath &v, const TrackPiece &piece)
    {
        mXml.writeStartElement(kGx, QStringLiteral("Track"));
        for (std::size_t i : piece.kept)
            mXml.writeTextElement(QStringLiteral("when"), utcIsoString(v.timesMs[i]));
        for (std::size_t i : piece.kept) {
            const QPointF p = v.lonLat[qsizetype(i)];
            mXml.writeTextElement(kGx, QStringLiteral("coord"),
                                  number(p.x()) + QLatin1Char(' ') + number(p.y()) + QStringLiteral(" 0"));
        }
        mXml.writeEndElement();
    }

    void writeEvent(const MovementEvent &e)
    {
        const QString vessel = mContent.vesselLabel(e.mmsi);
        const QString other = e.otherMmsi ? mContent.vesselLabel(e.otherMmsi) : QString();
        QList<QPair<QString, QString>> fields;
        const QJsonObject json = eventToJson(e, vessel, other);
        for (auto it = json.begin(); it != json.end(); ++it) {
            const QJsonValue v = it.value();
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isDouble())
                text = number(v.toDouble());
            else if (v.isBool())
                text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (v.isObject() || v.isArray())
                text = QString::fromUtf8(v.isObject()
                                             ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            if (!text.isEmpty() && text != QLatin1String("{}"))
                fields.append({it.key(), text});
        }
        mXml.writeStartElement(QStringLiteral("Placemark"));
        if (e.id)
            mXml.writeAttribute(QStringLiteral("id"), QStringLiteral("event-%1").arg(e.id));
        mXml.writeTextElement(QStringLiteral("name"),
                              QStringLiteral("%1: %2").arg(eventTypeLabel(e.type), vessel));
        writeDescription(QStringLiteral("<p>%1</p>").arg(e.summary().toHtmlEscaped()) + html(fields));
        writeTime(e.startMs, e.endMs);
        mXml.writeTextElement(QStringLiteral("styleUrl"), QLatin1Char('#') + eventIconName(e.type));
        writeExtendedData(fields);
        const bool ofAPlace = e.type == EventType::PortCall || e.type == EventType::Loitering ||
                              e.type == EventType::SafetyMessage || e.type == EventType::Stop ||
                              e.from == e.to;
        if (ofAPlace) {
            writePoint(e.from);
        } else {
            // The mark where it began, and the line to where it ended (a gap's dark stretch, a voyage).
            mXml.writeStartElement(QStringLiteral("MultiGeometry"));
            writePoint(e.from);
            writeLine({e.from, e.to});
            mXml.writeEndElement();
        }
        mXml.writeEndElement();
    }

    void writeEvents()
    {
        if (mContent.events.empty())
            return;
        startFolder(QStringLiteral("Events"));
        for (EventType type : allEventTypes()) {
            bool any = false;
            for (const MovementEvent &e : mContent.events) {
                if (e.type != type)
                    continue;
                if (!any)
                    startFolder(eventTypeLabel(type));
                any = true;
                writeEvent(e);
            }
            if (any)
                mXml.writeEndElement();
        }
        mXml.writeEndElement();
    }

    void writeSightings()
    {
        if (mContent.sightings.isEmpty())
            return;
        startFolder(QStringLiteral("Sightings"));
        QStringList kinds;
        for (const Sighting &s : mContent.sightings)
            if (!kinds.contains(s.kind))
                kinds << s.kind;
        for (const QString &kind : std::as_const(kinds)) {
            startFolder(sightingKindLabel(kind));
            for (const Sighting &s : mContent.sightings)
                if (s.kind == kind)
                    writeSightingPlacemark(mXml, s, QLatin1Char('#') + sightingIconName(kind));
            mXml.writeEndElement();
        }
        mXml.writeEndElement();
    }

    void writeAnnotations()
    {
        if (mContent.annotations.isEmpty())
            return;
        startFolder(QStringLiteral("Annotations"));
        for (const Annotation &a : mContent.annotations) {
            const std::optional<ExchangeGeometry> g = annotationGeometry(a);
            if (!g)
                continue;
            mXml.writeStartElement(QStringLiteral("Placemark"));
            if (a.id)
                mXml.writeAttribute(QStringLiteral("id"), QStringLiteral("annotation-%1").arg(a.id));
            mXml.writeTextElement(QStringLiteral("name"),
                                  a.text.isEmpty() ? annotationTypeLabel(a.type) : a.text);
            mXml.writeTextElement(QStringLiteral("description"), annotationTypeLabel(a.type));
            // Its own colour, as drawn on the map; a text is its label alone.
            mXml.writeStartElement(QStringLiteral("Style"));
            mXml.writeStartElement(QStringLiteral("IconStyle"));
            mXml.writeTextElement(QStringLiteral("scale"),
                                  g->type == ExchangeGeometry::Type::Point && a.type == Annotation::Type::Text
                                      ? QStringLiteral("0")
                                      : QStringLiteral("0.6"));
            mXml.writeEndElement();
            mXml.writeStartElement(QStringLiteral("LabelStyle"));
            mXml.writeTextElement(QStringLiteral("color"), kmlColour(a.colour));
            mXml.writeEndElement();
            writeLineStyle(a.colour, a.widthPx);
            writePolyStyle(a.colour, 0x40);
            mXml.writeEndElement();
            writeExtendedData({{QStringLiteral("type"), annotationTypeName(a.type)},
                               {QStringLiteral("text"), a.text},
                               {QStringLiteral("colour"), a.colour.name()}});
            switch (g->type) {
            case ExchangeGeometry::Type::Point:
            case ExchangeGeometry::Type::MultiPoint:
                writePoint(g->lonLat.front());
                break;
            case ExchangeGeometry::Type::LineString:
                writeLine(g->lonLat);
                break;
            case ExchangeGeometry::Type::Polygon:
                writePolygon(g->lonLat);
                break;
            }
            mXml.writeEndElement();
        }
        mXml.writeEndElement();
    }

    QXmlStreamWriter mXml;
    const CaseContent &mContent;
    bool mEmbed;
    QStringList mIcons;
};

} // namespace

void writeCaseKml(QIODevice &out, const CaseContent &content, bool embedIcons, QStringList *iconsUsed)
{
    const QStringList icons = CaseKmlWriter(out, content, embedIcons).write();
    if (iconsUsed)
        *iconsUsed = icons;
}

} // namespace sightline
