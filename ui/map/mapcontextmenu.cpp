#include "ui/map/mapcontextmenu.h"

#include "geo/coordinateformat.h"
#include "geo/geodesic.h"
#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "tracks/vesselregistry.h"
#include "tracks/vesselsnear.h"
#include "ui/common/messagebar.h"
#include "ui/map/mapcanvas.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QMenu>

#include <cmath>

namespace sightline {

namespace {

QString utcText(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString kilometres(double metres)
{
    return QObject::tr("%1 km").arg(metres / 1000.0, 0, 'f', metres < 10'000 ? 1 : 0);
}

} // namespace

MapContextMenu::MapContextMenu(MapCanvas *canvas, LayerStack *layers, MessageBar *messages, QObject *parent)
    : QObject(parent)
    , mCanvas(canvas)
    , mLayers(layers)
    , mMessages(messages)
{
    connect(mCanvas, &MapCanvas::contextMenuRequested, this, [this](QPointF at) { popup(at); });
}

QMenu *MapContextMenu::popup(QPointF widgetPos)
{
    QMenu *menu = build(widgetPos);
    menu->popup(mCanvas->mapToGlobal(widgetPos.toPoint()));
    return menu;
}

QMenu *MapContextMenu::build(QPointF widgetPos)
{
    auto *menu = new QMenu(mCanvas);
    menu->setObjectName(QStringLiteral("mapContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    const QPointF mapPoint = mCanvas->toMap(widgetPos);
    const Transform toWgs84(mCanvas->crs(), Crs::wgs84());
    const QPointF lonLat = toWgs84.forward(mapPoint);
    const bool onEarth = std::isfinite(lonLat.x()) && std::isfinite(lonLat.y()) && std::abs(lonLat.x()) <= 180 &&
                         std::abs(lonLat.y()) <= 90;
    if (onEarth) {
        const auto addCopy = [menu](const char *name, const QString &text, const QString &tip) {
            if (text.isEmpty())
                return;
            QAction *copy = menu->addAction(tr("Copy %1").arg(text), menu,
                                            [text] { QGuiApplication::clipboard()->setText(text); });
            copy->setObjectName(QLatin1String(name));
            copy->setToolTip(tip);
        };
        addCopy("contextCopyDd", CoordinateFormat::toDecimalDegrees(lonLat.x(), lonLat.y(), 5),
                tr("Copy the place in decimal degrees (WGS84)"));
        addCopy("contextCopyDms", CoordinateFormat::toDms(lonLat.x(), lonLat.y(), 1),
                tr("Copy the place in degrees, minutes and seconds (WGS84)"));
        addCopy("contextCopyMgrs", CoordinateFormat::toMgrs(lonLat.x(), lonLat.y(), 5),
                tr("Copy the place as an MGRS reference (1 m)"));
        menu->addSeparator();

        constexpr double kPickPixels = 8; // as the Identify tool
        QAction *identify = menu->addAction(tr("&Identify Here"), this, [this, mapPoint] {
            Q_EMIT identifyRequested(mapPoint, kPickPixels * mCanvas->resolution());
        });
        identify->setObjectName(QStringLiteral("contextIdentify"));
        QAction *centre = menu->addAction(tr("&Centre Here"), this,
                                          [this, mapPoint] { mCanvas->setView(mapPoint, mCanvas->resolution()); });
        centre->setObjectName(QStringLiteral("contextCentre"));
        centre->setToolTip(tr("Move the map so this place is in the middle, at the same scale"));
        QAction *measure =
            menu->addAction(tr("&Measure from Here"), this, [this, lonLat] { Q_EMIT measureFromRequested(lonLat); });
        measure->setObjectName(QStringLiteral("contextMeasure"));
        measure->setToolTip(tr("The Measure tool, with its first point here"));
        QAction *sighting =
            menu->addAction(tr("Add &Sighting Here…"), this, [this, lonLat] { Q_EMIT addSightingRequested(lonLat); });
        sighting->setObjectName(QStringLiteral("contextAddSighting"));
        sighting->setToolTip(tr("Record a point sighting at this place"));
        menu->addSeparator();

        // How far "here" reaches: a few pixels of the view, so that a click near a track counts.
        const QPointF aside = toWgs84.forward(mCanvas->toMap(widgetPos + QPointF(kRadiusPixels, 0)));
        const double radius = std::max(kMinRadiusMetres, Geodesic::inverse(lonLat, aside).distanceMetres);
        const std::int64_t cursor = mCanvas->cursorMs();
        QAction *vessels = menu->addAction(
            cursor ? tr("&Which Vessels Were Here at %1 UTC?").arg(utcText(cursor))
                   : tr("&Which Vessels Were Here? (set the time cursor on the timeline)"),
            this, [this, lonLat, radius] { whichVesselsWereHere(lonLat, radius); });
        vessels->setObjectName(QStringLiteral("contextVesselsHere"));
        vessels->setEnabled(cursor != 0);
        vessels->setToolTip(tr("Vessels within %1 of here at the time cursor, or whose reports within %2 hours of "
                               "it were")
                                .arg(kilometres(radius))
                                .arg(kWindowMs / 3'600'000));
        menu->addSeparator();
    }

    QMenu *zoom = menu->addMenu(tr("&Zoom to Layer"));
    zoom->setObjectName(QStringLiteral("contextZoomToLayer"));
    const auto layers = mLayers->layers();
    // Top of the stack first, as in the Layers dock.
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        const QString id = (*it)->id();
        zoom->addAction((*it)->name(), mCanvas, [this, id] { mCanvas->zoomToLayer(id); });
    }
    zoom->setEnabled(!layers.isEmpty());
    return menu;
}

QString MapContextMenu::whichVesselsWereHere(QPointF lonLat, double radiusMetres)
{
    VesselsNearQuery query;
    query.lonLat = lonLat;
    query.atMs = mCanvas->cursorMs();
    query.radiusMetres = radiusMetres;
    query.windowMs = kWindowMs;
    QStringList names;
    int layersSearched = 0;
    for (const auto &layer : mLayers->layers()) {
        const auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer);
        if (!tracks || !tracks->isVisible())
            continue;
        ++layersSearched;
        query.gapMs = tracks->style().gapThresholdMs;
        for (const VesselNear &v : vesselsNear(tracks->store(), query)) {
            const QString name = tracks->registry().displayName(v.mmsi);
            QString when = v.atInstant ? tr("at the time") : tr("at %1").arg(utcText(v.atMs));
            if (v.guessed)
                when += tr(", a guess while dark");
            names << tr("%1 (%2 away %3)").arg(name, kilometres(v.distanceMetres), when);
        }
    }
    const QString place = CoordinateFormat::toDms(lonLat.x(), lonLat.y(), 0);
    // The lead in bold, which also makes the bar read the rest as rich text (the DMS quotes escaped).
    QString lead, rest;
    if (layersSearched == 0) {
        lead = tr("No vessel tracks");
        rest = tr("are shown on the map to search.");
    } else if (names.isEmpty()) {
        lead = tr("No vessel");
        rest = tr("was within %1 of %2 at %3 UTC, nor reported there within %4 hours of it.")
                   .arg(kilometres(radiusMetres), place, utcText(query.atMs))
                   .arg(kWindowMs / 3'600'000);
    } else {
        lead = tr("Within %1 of %2 around %3 UTC:").arg(kilometres(radiusMetres), place, utcText(query.atMs));
        rest = names.join(QStringLiteral("; ")) + QLatin1Char('.');
    }
    mMessages->showMessage(names.isEmpty() ? MessageBar::Level::Warning : MessageBar::Level::Info,
                           QStringLiteral("<b>%1</b> %2").arg(lead.toHtmlEscaped(), rest.toHtmlEscaped()));
    return lead + QLatin1Char(' ') + rest;
}

} // namespace sightline
