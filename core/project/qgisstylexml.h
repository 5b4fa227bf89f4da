#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace sightline {

/// One value of a categorised style: the features whose attribute equals `value`.
struct StyleCategory
{
    QString value;
    QString label;
    QColor colour;
    bool dashed = false; ///< lines and outlines: a dashed stroke (a gap's path)
};

/// A style QGIS and SLD readers both understand: one symbol per value of one attribute, and
/// optionally labels from a field.
struct CategorizedStyle
{
    enum class Symbol
    {
        Marker,
        Line,
        Fill
    };
    Symbol symbol = Symbol::Marker;
    QString attribute;
    QList<StyleCategory> categories;
    QColor otherColour = QColor(0x55, 0x55, 0x55); ///< any value not listed
    QString otherLabel = QStringLiteral("Other");
    double sizeMm = 2.6; ///< a marker's diameter, or a line's width
    QString labelField;  ///< empty: no labels
};

/// The style as a QGIS layer style document (QML, the format of layer_styles.styleQML): a
/// categorizedSymbol renderer-v2 with one category per value plus one for any other value.
QString styleQml(const CategorizedStyle &style);
/// The style as OGC SLD 1.1 (layer_styles.styleSLD): one rule per value, filtered on the attribute.
QString styleSld(const CategorizedStyle &style, const QString &layerName);

} // namespace sightline
