#include "layers/vectorstyle.h"

#include "model/vectordata.h"

#include <algorithm>

namespace sightline {

const VectorSymbol &VectorStyle::symbolFor(const QString &value) const
{
    for (const VectorCategory &c : categories)
        if (c.value == value)
            return c.symbol;
    return symbol;
}

namespace {

VectorSymbol railwaySymbol(const QColor &colour, double width, bool ticks, Qt::PenStyle pen = Qt::SolidLine)
{
    VectorSymbol s;
    s.stroke = colour;
    s.strokeWidth = width;
    s.railway = ticks;
    s.penStyle = pen;
    return s;
}

bool anyValue(const VectorData &data, const QString &key, const QStringList &values)
{
    for (const VectorFeature &f : data.features()) {
        const QString v = data.value(f, key);
        if (!v.isEmpty() && (values.isEmpty() || values.contains(v)))
            return true;
    }
    return false;
}

} // namespace

VectorStyle defaultVectorStyle(const VectorData &data)
{
    VectorStyle style;
    const bool lines = data.hasKind(VectorFeature::Kind::Line);
    const bool polygons = data.hasKind(VectorFeature::Kind::Polygon);
    const bool points = data.hasKind(VectorFeature::Kind::Point);
    if (data.fieldIndex(QStringLiteral("name")) >= 0)
        style.labelField = QStringLiteral("name");
    else if (data.fieldIndex(QStringLiteral("NAME")) >= 0)
        style.labelField = QStringLiteral("NAME");

    if (lines && anyValue(data, QStringLiteral("railway"), {})) {
        // OSM railways: the main line as a railway, the rest by kind.
        style.categoryField = QStringLiteral("railway");
        const QColor ink(0x30, 0x30, 0x30);
        style.categories = {
            {QStringLiteral("rail"), QStringLiteral("Railway"), railwaySymbol(ink, 1.6, true)},
            {QStringLiteral("narrow_gauge"), QStringLiteral("Narrow gauge"), railwaySymbol(ink, 1.2, true)},
            {QStringLiteral("light_rail"), QStringLiteral("Light rail"),
             railwaySymbol(QColor(0x60, 0x60, 0x60), 1.0, false)},
            {QStringLiteral("subway"), QStringLiteral("Subway"),
             railwaySymbol(QColor(0x80, 0x80, 0x80), 1.0, false, Qt::DashLine)},
            {QStringLiteral("tram"), QStringLiteral("Tram"),
             railwaySymbol(QColor(0x80, 0x80, 0x80), 0.8, false)},
            {QStringLiteral("disused"), QStringLiteral("Disused"),
             railwaySymbol(QColor(0x9a, 0x9a, 0x9a), 1.0, false, Qt::DashLine)},
            {QStringLiteral("abandoned"), QStringLiteral("Abandoned"),
             railwaySymbol(QColor(0xb0, 0xb0, 0xb0), 1.0, false, Qt::DotLine)},
        };
        style.symbol = railwaySymbol(QColor(0x70, 0x70, 0x70), 1.0, false);
        style.symbol.visible = true;
        return style;
    }
    if (lines &&
        (data.fieldIndex(QStringLiteral("kind")) >= 0 ||
         data.fieldIndex(QStringLiteral("railway_kind")) >= 0) &&
        anyValue(data, QStringLiteral("kind"), {QStringLiteral("rail")})) {
        style.categoryField = QStringLiteral("kind");
        style.categories = {{QStringLiteral("rail"), QStringLiteral("Railway"),
                             railwaySymbol(QColor(0x30, 0x30, 0x30), 1.6, true)}};
        style.symbol = railwaySymbol(QColor(0x30, 0x30, 0x30), 1.6, true);
        return style;
    }
    if (polygons) {
        VectorSymbol port;
        port.stroke = QColor(0x0b, 0x3d, 0x91);
        port.strokeWidth = 1.8;
        port.fill = QColor(0x0b, 0x3d, 0x91, 45);
        VectorSymbol other;
        other.stroke = QColor(0x5b, 0x6b, 0x2f);
        other.fill = QColor(0x8b, 0xa1, 0x4d, 70);
        // Ports by whichever tag marks them: the port symbol for those, the plain one for the rest.
        const std::pair<const char *, QStringList> markers[] = {
            {"seamark:type", {QStringLiteral("harbour")}},
            {"landuse", {QStringLiteral("port"), QStringLiteral("harbour")}},
            {"harbour", {QStringLiteral("yes")}},
            {"kind",
             {QStringLiteral("port"), QStringLiteral("harbour"), QStringLiteral("rail facility"),
              QStringLiteral("depot")}}};
        for (const auto &[key, values] : markers) {
            if (!anyValue(data, QString::fromLatin1(key), values))
                continue;
            style.categoryField = QString::fromLatin1(key);
            for (const QString &v : values)
                style.categories << VectorCategory{v, v, port};
            // A layer that is nothing but ports (the demo's) draws all of them as ports.
            const bool onlyPorts =
                std::all_of(data.features().begin(), data.features().end(), [&](const VectorFeature &f) {
                    return values.contains(data.value(f, QString::fromLatin1(key)));
                });
            style.symbol = onlyPorts ? port : other;
            return style;
        }
        style.symbol = other;
        return style;
    }
    if (lines && (data.fieldIndex(QStringLiteral("FEATURECLA")) >= 0 ||
                  data.fieldIndex(QStringLiteral("featurecla")) >= 0)) {
        // Natural Earth boundary lines.
        style.symbol.stroke = QColor(0x8e, 0x3b, 0x46);
        style.symbol.strokeWidth = 1.2;
        style.symbol.penStyle = Qt::DashDotLine;
        return style;
    }
    if (points && (anyValue(data, QStringLiteral("featurecla"), {QStringLiteral("Port")}) ||
                   data.layerName().contains(QLatin1String("port"), Qt::CaseInsensitive))) {
        style.symbol.shape = VectorSymbol::Shape::Anchor;
        style.symbol.stroke = QColor(0x0b, 0x3d, 0x91);
        style.symbol.fill = QColor(0xff, 0xff, 0xff);
        style.symbol.pointSize = 11;
        return style;
    }
    if (points) {
        style.symbol.stroke = QColor(0x7a, 0x2e, 0x0e);
        style.symbol.fill = QColor(0xf0, 0x8a, 0x24);
        return style;
    }
    style.symbol.stroke = QColor(0x1f, 0x5f, 0xa8);
    style.symbol.strokeWidth = 1.0;
    return style;
}

VectorStyle drawnLayerStyle()
{
    VectorStyle style;
    VectorSymbol port;
    port.stroke = QColor(0x0b, 0x3d, 0x91);
    port.strokeWidth = 1.8;
    port.fill = QColor(0x0b, 0x3d, 0x91, 45);
    VectorSymbol facility = port;
    facility.stroke = QColor(0x6a, 0x1b, 0x9a);
    facility.fill = QColor(0x6a, 0x1b, 0x9a, 45);
    style.categoryField = QStringLiteral("kind");
    style.categories = {{QStringLiteral("port"), QStringLiteral("Port"), port},
                        {QStringLiteral("rail facility"), QStringLiteral("Rail facility"), facility},
                        {QStringLiteral("depot"), QStringLiteral("Depot"), facility},
                        {QStringLiteral("rail"), QStringLiteral("Railway"),
                         railwaySymbol(QColor(0x30, 0x30, 0x30), 1.6, true)}};
    style.symbol.stroke = QColor(0xc0, 0x39, 0x2b);
    style.symbol.strokeWidth = 1.6;
    style.symbol.fill = QColor(0xc0, 0x39, 0x2b, 40);
    style.labelField = QStringLiteral("name");
    return style;
}

} // namespace sightline
