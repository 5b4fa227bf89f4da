#pragma once

#include <QObject>
#include <QPointF>
#include <QString>

class QMenu;

namespace sightline {

class LayerStack;
class MapCanvas;
class MessageBar;

/// The map's right-click menu: the place clicked in DD, DMS and MGRS (each copied with a click),
/// Identify, Centre, Measure from and Add Sighting here, Zoom to Layer, and "Which vessels were
/// here?" at the time cursor. What belongs to another feature (identify, measure, sightings) is
/// asked for by a signal; the vessel search is the core's (vesselsNear).
class MapContextMenu : public QObject
{
    Q_OBJECT
public:
    MapContextMenu(MapCanvas *canvas, LayerStack *layers, MessageBar *messages, QObject *parent);

    /// The menu for the point `widgetPos` of the canvas, shown there (not blocking); it deletes
    /// itself when closed.
    QMenu *popup(QPointF widgetPos);
    /// Answers "which vessels were here?" for the lon/lat in the message bar; the answer's text.
    QString whichVesselsWereHere(QPointF lonLat, double radiusMetres);

    /// How far around the click counts as "here", in pixels of the view (at least kMinRadiusMetres).
    static constexpr double kRadiusPixels = 24;
    static constexpr double kMinRadiusMetres = 2000;
    /// How long before or after the time cursor a fix still counts.
    static constexpr std::int64_t kWindowMs = 3 * 3'600'000;

Q_SIGNALS:
    void identifyRequested(QPointF mapPoint, double toleranceMap);
    void measureFromRequested(QPointF lonLat);
    void addSightingRequested(QPointF lonLat);

private:
    QMenu *build(QPointF widgetPos);

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    MessageBar *mMessages;
};

} // namespace sightline
