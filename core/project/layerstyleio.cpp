#include "project/layerstyleio.h"

#include "layers/imageryservice.h"
#include "layers/rasterlayer.h"
#include "layers/tracklayer.h"
#include "model/vectordata.h"
#include "layers/vectorlayer.h"

#include <QColor>
#include <QJsonArray>

#include <cmath>

namespace sightline {

namespace {

QString colourName(const QColor &c)
{
    return c.name(c.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb);
}

QColor colourFrom(const QJsonValue &v, const QColor &fallback)
{
    const QColor c = QColor::fromString(v.toString());
    return c.isValid() ? c : fallback;
}

QJsonObject symbolToJson(const VectorSymbol &s)
{
    return {{QStringLiteral("stroke"), colourName(s.stroke)}, {QStringLiteral("stroke_width"), s.strokeWidth},
            {QStringLiteral("pen_style"), int(s.penStyle)},   {QStringLiteral("fill"), colourName(s.fill)},
            {QStringLiteral("railway"), s.railway},           {QStringLiteral("shape"), int(s.shape)},
            {QStringLiteral("point_size"), s.pointSize},      {QStringLiteral("visible"), s.visible}};
}

VectorSymbol symbolFromJson(const QJsonObject &o, VectorSymbol s)
{
    s.stroke = colourFrom(o.value(QLatin1String("stroke")), s.stroke);
    s.strokeWidth = o.value(QLatin1String("stroke_width")).toDouble(s.strokeWidth);
    const int pen = o.value(QLatin1String("pen_style")).toInt(int(s.penStyle));
    if (pen >= int(Qt::NoPen) && pen <= int(Qt::DashDotDotLine))
        s.penStyle = Qt::PenStyle(pen);
    s.fill = colourFrom(o.value(QLatin1String("fill")), s.fill);
    s.railway = o.value(QLatin1String("railway")).toBool(s.railway);
    const int shape = o.value(QLatin1String("shape")).toInt(int(s.shape));
    if (shape >= int(VectorSymbol::Shape::Circle) && shape <= int(VectorSymbol::Shape::Anchor))
        s.shape = VectorSymbol::Shape(shape);
    s.pointSize = o.value(QLatin1String("point_size")).toDouble(s.pointSize);
    s.visible = o.value(QLatin1String("visible")).toBool(s.visible);
    return s;
}

} // namespace

QJsonObject layerStyleToJson(const Layer &layer)
{
    if (auto *vector = dynamic_cast<const VectorLayer *>(&layer)) {
        const VectorStyle &st = vector->style();
        QJsonArray categories;
        for (const VectorCategory &c : st.categories)
            categories.append(QJsonObject{{QStringLiteral("value"), c.value},
                                          {QStringLiteral("label"), c.label},
                                          {QStringLiteral("symbol"), symbolToJson(c.symbol)}});
        return {{QStringLiteral("type"), QStringLiteral("vector")},
                {QStringLiteral("symbol"), symbolToJson(st.symbol)},
                {QStringLiteral("category_field"), st.categoryField},
                {QStringLiteral("categories"), categories},
                {QStringLiteral("label_field"), st.labelField},
                {QStringLiteral("label_colour"), colourName(st.labelColour)},
                {QStringLiteral("label_size"), st.labelSize},
                {QStringLiteral("editable"), vector->isEditable()}};
    }
    if (auto *tracks = dynamic_cast<const TrackLayer *>(&layer)) {
        const TrackLayer::Style &st = tracks->style();
        return {{QStringLiteral("type"), QStringLiteral("tracks")},
                {QStringLiteral("colour_by"), int(st.colourBy)},
                {QStringLiteral("gap_threshold_s"), double(st.gapThresholdMs) / 1000.0},
                {QStringLiteral("labels"), st.labels},
                {QStringLiteral("line_width"), st.lineWidth}};
    }
    if (auto *raster = dynamic_cast<const RasterLayer *>(&layer)) {
        // The look comes from the data; what the analyst said about time is kept, and for SAR
        // imagery the display chosen (backscatter in dB or the plain stretch) with its dB range.
        const RasterStyle &st = raster->style();
        const bool sarDisplay = st.decibels || raster->info().looksLikeSar;
        if (!raster->isAcquiredByHand() && !raster->showsOnlyInTimeWindow() && !sarDisplay)
            return {};
        QJsonObject o{{QStringLiteral("type"), QStringLiteral("raster")},
                      {QStringLiteral("only_in_time_window"), raster->showsOnlyInTimeWindow()}};
        if (raster->isAcquiredByHand())
            o[QStringLiteral("acquired")] = utcIsoString(raster->acquiredMs());
        if (sarDisplay) {
            o[QStringLiteral("display")] = st.decibels ? QStringLiteral("backscatter_db") : QStringLiteral("stretch");
            o[QStringLiteral("db_min")] = st.decibelMin;
            o[QStringLiteral("db_max")] = st.decibelMax;
            o[QStringLiteral("amplitude")] = st.amplitude;
        }
        return o;
    }
    return {};
}

void applyLayerStyle(Layer &layer, const QJsonObject &o)
{
    const QString type = o.value(QLatin1String("type")).toString();
    if (auto *vector = dynamic_cast<VectorLayer *>(&layer); vector && type == QLatin1String("vector")) {
        VectorStyle st = vector->style();
        st.symbol = symbolFromJson(o.value(QLatin1String("symbol")).toObject(), st.symbol);
        st.categoryField = o.value(QLatin1String("category_field")).toString(st.categoryField);
        if (o.contains(QLatin1String("categories"))) {
            st.categories.clear();
            for (const QJsonValue &v : o.value(QLatin1String("categories")).toArray()) {
                const QJsonObject c = v.toObject();
                st.categories.append(
                    {c.value(QLatin1String("value")).toString(), c.value(QLatin1String("label")).toString(),
                     symbolFromJson(c.value(QLatin1String("symbol")).toObject(), st.symbol)});
            }
        }
        st.labelField = o.value(QLatin1String("label_field")).toString(st.labelField);
        st.labelColour = colourFrom(o.value(QLatin1String("label_colour")), st.labelColour);
        st.labelSize = o.value(QLatin1String("label_size")).toDouble(st.labelSize);
        vector->setStyle(st);
        if (o.value(QLatin1String("editable")).toBool(false))
            vector->setEditable(true);
    } else if (auto *tracks = dynamic_cast<TrackLayer *>(&layer); tracks && type == QLatin1String("tracks")) {
        TrackLayer::Style st = tracks->style();
        const int by = o.value(QLatin1String("colour_by")).toInt(int(st.colourBy));
        if (by >= int(TrackLayer::ColourBy::Vessel) && by <= int(TrackLayer::ColourBy::Time))
            st.colourBy = TrackLayer::ColourBy(by);
        st.gapThresholdMs = std::int64_t(
            o.value(QLatin1String("gap_threshold_s")).toDouble(double(st.gapThresholdMs) / 1000.0) * 1000);
        st.labels = o.value(QLatin1String("labels")).toBool(st.labels);
        st.lineWidth = o.value(QLatin1String("line_width")).toDouble(st.lineWidth);
        tracks->setStyle(st);
    } else if (auto *raster = dynamic_cast<RasterLayer *>(&layer);
               raster && type == QLatin1String("raster")) {
        raster->setShowsOnlyInTimeWindow(o.value(QLatin1String("only_in_time_window")).toBool(false));
        raster->setAcquiredMs(parseUtcIso(o.value(QLatin1String("acquired")).toString()));
        const QString display = o.value(QLatin1String("display")).toString();
        if (display == QLatin1String("backscatter_db") || display == QLatin1String("stretch")) {
            RasterStyle st = raster->style();
            const double low = o.value(QLatin1String("db_min")).toDouble(st.decibelMin);
            const double high = o.value(QLatin1String("db_max")).toDouble(st.decibelMax);
            // Only a single-band image can be shown as backscatter; a range upside down is ignored.
            st.decibels = display == QLatin1String("backscatter_db") && st.mode == RasterStyle::Mode::Gray;
            st.amplitude = o.value(QLatin1String("amplitude")).toBool(st.amplitude);
            if (std::isfinite(low) && std::isfinite(high) && high > low) {
                st.decibelMin = low;
                st.decibelMax = high;
            }
            raster->setStyle(st);
        }
    }
}

ProjectLayer projectLayerFor(const Layer &layer)
{
    ProjectLayer entry;
    entry.source = layer.source();
    // An imagery service is kept as its URL: the GDAL description is made again, escaped, on open.
    if (entry.source.startsWith(QLatin1String("<GDAL_WMS")))
        if (const QString url = xyzTemplateFromGdalWms(entry.source); !url.isEmpty())
            entry.source = url;
    if (auto *vector = dynamic_cast<const VectorLayer *>(&layer))
        entry.layerName = vector->data().layerName();
    entry.name = layer.name();
    entry.visible = layer.isVisible();
    entry.opacity = layer.opacity();
    entry.style = layerStyleToJson(layer);
    return entry;
}

void applyProjectLayer(Layer &layer, const ProjectLayer &entry)
{
    if (!entry.name.isEmpty())
        layer.setName(entry.name);
    layer.setVisible(entry.visible);
    layer.setOpacity(entry.opacity);
    applyLayerStyle(layer, entry.style);
}

} // namespace sightline
