#include "brief/briefdetections.h"

#include "brief/briefcontent.h"
#include <cmath>

namespace sightline {

namespace {

QString position(QPointF lonLat)
{
    return QStringLiteral("%1°%2, %3°%4")
        .arg(std::abs(lonLat.y()), 0, 'f', 4)
        .arg(lonLat.y() < 0 ? QLatin1Char('S') : QLatin1Char('N'))
        .arg(std::abs(lonLat.x()), 0, 'f', 4)
        .arg(lonLat.x() < 0 ? QLatin1Char('W') : QLatin1Char('E'));
}

QString reasonText(const QString &reason)
{
    if (reason == QLatin1String("too_small"))
        return QStringLiteral("too small for the image");
    if (reason == QLatin1String("possible_spoofing"))
        return QStringLiteral("large enough to be seen: possible spoofing");
    return QStringLiteral("length unknown");
}

} // namespace

BriefFigure briefDetectionFigure(const DetectionRun &run, int number)
{
    BriefFigure f;
    const QRectF box = run.footprint.boundingRect();
    const double padX = std::max(box.width() * 0.08, 0.005), padY = std::max(box.height() * 0.08, 0.005);
    f.extentWgs84 = box.adjusted(-padX, -padY, padX, padY);
    // The vessels of the moment: the tracks and events of an hour either side.
    f.fromMs = run.acquiredMs - 3600 * 1000;
    f.toMs = run.acquiredMs + 3600 * 1000;
    f.callouts = false;
    f.caption = QStringLiteral("Vessels in image %1, %2, acquired %3 UTC: blue hulls matched to AIS and named, "
                               "red-orange hulls marked \u201cdark\u201d with no AIS vessel near them")
                    .arg(number)
                    .arg(run.sceneId, briefUtcMinutes(run.acquiredMs));
    return f;
}

BriefTable briefDetectionsTable(const DetectionRun &run, const QString &caption)
{
    BriefTable table;
    table.caption = caption;
    table.columns = {{QStringLiteral("#"), 0.35, Qt::AlignRight},
                     {QStringLiteral("Position"), 1.9},
                     {QStringLiteral("Length (m)"), 0.8, Qt::AlignRight},
                     {QStringLiteral("Heading (°)"), 0.8, Qt::AlignRight},
                     {QStringLiteral("Matched vessel"), 1.8},
                     {QStringLiteral("Score"), 0.6, Qt::AlignRight}};
    table.emptyText = QStringLiteral("No vessel detected in the image.");
    for (std::size_t i = 0; i < run.detections.size(); ++i) {
        const VesselDetection &d = run.detections[i];
        table.rows << QStringList{QString::number(i + 1),
                                  position(d.lonLat),
                                  QString::number(d.lengthM, 'f', 0),
                                  QString::number(d.headingDeg, 'f', 0),
                                  d.mmsi ? QStringLiteral("%1 (%2)").arg(d.vesselName).arg(*d.mmsi)
                                         : QStringLiteral("dark (no AIS)"),
                                  d.mmsi ? QString::number(d.matchScore, 'f', 2) : QStringLiteral("–")};
    }
    return table;
}

QString briefDetectionSummary(const DetectionRun &run)
{
    int dark = 0;
    for (const VesselDetection &d : run.detections)
        dark += d.mmsi ? 0 : 1;
    QString text = QStringLiteral("%1, acquired %2 UTC: %3 vessel(s) detected, %4 matched to AIS, %5 dark.")
                       .arg(run.sceneId, briefUtcMinutes(run.acquiredMs))
                       .arg(run.detections.size())
                       .arg(int(run.detections.size()) - dark)
                       .arg(dark);
    QStringList unseen;
    for (const AisWithoutDetection &a : run.aisWithoutDetection)
        unseen << QStringLiteral("%1 (%2, %3)").arg(a.vesselName.isEmpty() ? QStringLiteral("MMSI") : a.vesselName)
                      .arg(a.mmsi)
                      .arg(reasonText(a.reason));
    if (!unseen.isEmpty())
        text += QStringLiteral(" Broadcasting inside the image but not seen in it: ") + unseen.join(QStringLiteral("; ")) +
                QLatin1Char('.');
    return text;
}

} // namespace sightline
