#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace sightline {

class VectorData;

/// How one kind of feature is drawn.
struct VectorSymbol
{
    enum class Shape
    {
        Circle,
        Square,
        Triangle,
        Anchor
    };
    QColor stroke = QColor(0x1f, 0x5f, 0xa8);
    double strokeWidth = 1.0; ///< pixels at 96 dpi
    Qt::PenStyle penStyle = Qt::SolidLine;
    QColor fill = QColor(0x1f, 0x5f, 0xa8, 50);
    bool railway = false; ///< a line with cross ticks, as maps draw railways
    Shape shape = Shape::Circle;
    double pointSize = 7.0; ///< pixels at 96 dpi
    bool visible = true;
};

/// Features whose category field has `value` get `symbol`.
struct VectorCategory
{
    QString value;
    QString label;
    VectorSymbol symbol;
};

struct VectorStyle
{
    VectorSymbol symbol;   ///< for everything no category claims
    QString categoryField; ///< attribute (or OSM tag) the categories look at
    QList<VectorCategory> categories;
    QString labelField; ///< empty: no labels
    QColor labelColour = QColor(0x22, 0x2b, 0x33);
    double labelSize = 11.0; ///< pixels at 96 dpi

    const VectorSymbol &symbolFor(const QString &categoryValue) const;
};

/// Sensible defaults from the geometry and the tags a layer carries: OSM
/// railways as railway lines by kind, ports and harbours as outlined polygons
/// with names, Natural Earth ports as anchors, borders as dashed lines.
VectorStyle defaultVectorStyle(const VectorData &data);

/// The style of layers drawn in Sightline: by their "kind" field, ports as outlined
/// polygons, rail lines as railways, anything else plainly; named.
VectorStyle drawnLayerStyle();

} // namespace sightline
