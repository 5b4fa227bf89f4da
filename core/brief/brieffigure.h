#pragma once

#include "brief/brief.h"
#include "brief/briefstyle.h"
#include "render/legend.h"
#include "map/mapsettings.h"

#include <QList>
#include <QPointF>
#include <QStringList>

#include <memory>

class QPainter;
class QPaintDevice;

namespace sightline {

class Layer;
struct BriefInputs;

/// A map figure measured for its page: what it draws, and how tall each part is.
struct BriefFigurePlan
{
    int number = 0;
    BriefFigure figure;
    MapSettings settings;                 ///< the map in pixels at the brief's imagery resolution
    QList<std::shared_ptr<Layer>> layers; ///< bottom first; the figure's own copies of sightings and events
    QStringList notes;                    ///< printed on the map: layers missing, time window
    QList<LegendGroup> legend;
    QString credits; ///< imagery with acquisition dates, data credits
    struct Callout
    {
        int number = 0; ///< as the sightings table numbers the sighting
        QPointF lonLat;
    };
    QList<Callout> callouts;

    double width = 0;  ///< device units, like every height below
    double gutter = 0; ///< room for the latitude labels at either side, longitude labels above and below
    double mapHeight = 0;
    double legendHeight = 0;
    double creditsHeight = 0;
    double captionHeight = 0;
    double height() const;
};

/// Plans figure `number` at `width` device units: resolves its view (a saved view by name,
/// its own extent, else the project's current view), its layers (naming the missing ones),
/// its time window and callouts. The map is at most `maxMapHeight` tall. `calloutKey` names
/// where the callout numbers come from ("Table 2").
BriefFigurePlan planBriefFigure(const BriefFigure &figure, int number, const BriefInputs &inputs,
                                const BriefStyle &style, const QPaintDevice &device, double width,
                                double maxMapHeight, const QString &calloutKey);

/// Paints the planned figure in `rect` (its width and height() from the plan): the map with
/// vectors as vectors and imagery as one embedded image at the brief's resolution, graticule,
/// callouts, scale bar, north arrow, inset locator, notes; then the legend, credits and caption.
/// Layers that fail to draw are named on the map and in `problems`.
void paintBriefFigure(QPainter &painter, const QRectF &rect, const BriefFigurePlan &plan,
                      const BriefStyle &style, QStringList *problems);

} // namespace sightline
