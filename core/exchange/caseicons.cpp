#include "exchange/caseicons.h"

#include "layers/eventlayer.h"
#include "layers/eventmarks.h"
#include "layers/sightinglayer.h"
#include "model/sighting.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

namespace sightline {

namespace {

constexpr int kSize = 64;
constexpr double kScale = 2.0; // the workbench's marks at twice their screen size

QString slug(QString text)
{
    return text.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QImage canvas()
{
    QImage image(kSize, kSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

QByteArray vesselIcon()
{
    QImage image = canvas();
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    // White, so that the style's colour tints it; the dark rim survives the tint.
    p.setPen(QPen(QColor(40, 40, 40), 5));
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(kSize / 2.0, kSize / 2.0), 14, 14);
    return png(image);
}

QByteArray eventIcon(EventType type)
{
    QImage image = canvas();
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    MovementEvent e;
    e.type = type;
    // Marks of a place at the centre; marks between two places across the icon.
    const QPointF centre(kSize / 2.0, kSize / 2.0);
    const QPointF a(10, kSize - 18), b(kSize - 10, 18);
    const bool ofAPlace = type == EventType::PortCall || type == EventType::Loitering ||
                          type == EventType::SafetyMessage || type == EventType::Stop;
    // A mark of a place is small on the map (it sits on the track); an icon alone wants it larger.
    eventmarks::drawEventMark(p, e, ofAPlace ? centre : a, ofAPlace ? centre : b,
                              eventmarks::Look(ofAPlace ? 2 * kScale : kScale, false));
    return png(image);
}

QByteArray sightingIcon(const QString &kind)
{
    QImage image = canvas();
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    // The map's sighting diamond: a white halo, the kind's ink and a translucent fill.
    const double r = 7 * kScale * 1.6;
    const QPointF c(kSize / 2.0, kSize / 2.0);
    const QPointF diamond[4] = {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)};
    const QColor colour = sightingColour(kind);
    p.setPen(QPen(Qt::white, 4.5 * kScale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolygon(diamond, 4);
    QColor fill = colour;
    fill.setAlpha(150);
    p.setPen(QPen(colour, 2 * kScale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(fill);
    p.drawPolygon(diamond, 4);
    return png(image);
}

} // namespace

QString vesselIconName()
{
    return QStringLiteral("vessel");
}

QString eventIconName(EventType type)
{
    return QStringLiteral("event-") + eventTypeKey(type);
}

QString sightingIconName(const QString &kind)
{
    return QStringLiteral("sighting-") + slug(kind);
}

QByteArray renderCaseIcon(const QString &name)
{
    if (name == vesselIconName())
        return vesselIcon();
    for (EventType type : allEventTypes())
        if (name == eventIconName(type))
            return eventIcon(type);
    if (name.startsWith(QLatin1String("sighting-"))) {
        for (const QString &kind : sightingKinds())
            if (name == sightingIconName(kind))
                return sightingIcon(kind);
        return sightingIcon(name.mid(9)); // a kind of the analyst's own: the colour of "other"
    }
    return {};
}

} // namespace sightline
