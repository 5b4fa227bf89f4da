#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <optional>

namespace sightline {

/// A mark for a figure, drawn over the map and into briefs: an arrow, a text
/// label, a callout (text with a leader line to what it names), or a highlight
/// rectangle, ellipse or polygon. Positions are lon/lat, so they stay on what
/// they point at whatever the view; sizes (width, font) are screen pixels, so
/// they read the same at any scale.
struct Annotation
{
    enum class Type
    {
        Arrow,     ///< points: tail, head
        Text,      ///< points: anchor (the text's centre)
        Callout,   ///< points: target, label (the leader runs from the label to the target)
        Rectangle, ///< points: two opposite corners
        Ellipse,   ///< points: two opposite corners of its bounding box
        Polygon    ///< points: the ring, open (first vertex not repeated)
    };
    std::int64_t id = 0; ///< 0 until stored
    Type type = Type::Arrow;
    QList<QPointF> lonLat;
    QString text; ///< Text and Callout; a caption for the others
    QColor colour = QColor(0xe5, 0x39, 0x35);
    double widthPx = 3;
    int fontPx = 16;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;

    /// Enough points for its type (and text for Text and Callout).
    bool isValid() const;
    QRectF boundsWgs84() const;
    bool operator==(const Annotation &) const = default;
};

/// "arrow", "text", "callout", "rectangle", "ellipse", "polygon": as stored.
QString annotationTypeName(Annotation::Type type);
std::optional<Annotation::Type> annotationTypeFromName(const QString &name);
/// As a person reads it: "Arrow", "Highlight rectangle", …
QString annotationTypeLabel(Annotation::Type type);
/// How many points a type is drawn with; 0 for "three or more" (polygons).
int annotationPointCount(Annotation::Type type);

} // namespace sightline
