#include "project/qgisstylexml.h"

#include <QXmlStreamWriter>

namespace sightline {

namespace {

QString qgisColour(const QColor &c)
{
    return QStringLiteral("%1,%2,%3,%4").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

void prop(QXmlStreamWriter &x, const QString &key, const QString &value)
{
    x.writeStartElement(QStringLiteral("prop"));
    x.writeAttribute(QStringLiteral("k"), key);
    x.writeAttribute(QStringLiteral("v"), value);
    x.writeEndElement();
}

// One QGIS symbol with one symbol layer, its properties as <prop k v/>, which every QGIS 3 reads.
void writeQmlSymbol(QXmlStreamWriter &x, const CategorizedStyle &style, int index, const QColor &colour,
                    bool dashed)
{
    static const char *types[] = {"marker", "line", "fill"};
    static const char *classes[] = {"SimpleMarker", "SimpleLine", "SimpleFill"};
    const int kind = int(style.symbol);
    x.writeStartElement(QStringLiteral("symbol"));
    x.writeAttribute(QStringLiteral("type"), QLatin1String(types[kind]));
    x.writeAttribute(QStringLiteral("name"), QString::number(index));
    x.writeAttribute(QStringLiteral("alpha"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    x.writeStartElement(QStringLiteral("layer"));
    x.writeAttribute(QStringLiteral("class"), QLatin1String(classes[kind]));
    x.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
    const QString stroke = dashed ? QStringLiteral("dash") : QStringLiteral("solid");
    switch (style.symbol) {
    case CategorizedStyle::Symbol::Marker:
        prop(x, QStringLiteral("name"), QStringLiteral("circle"));
        prop(x, QStringLiteral("color"), qgisColour(colour));
        prop(x, QStringLiteral("outline_color"), QStringLiteral("255,255,255,255"));
        prop(x, QStringLiteral("outline_style"), QStringLiteral("solid"));
        prop(x, QStringLiteral("outline_width"), QStringLiteral("0.3"));
        prop(x, QStringLiteral("outline_width_unit"), QStringLiteral("MM"));
        prop(x, QStringLiteral("size"), number(style.sizeMm));
        prop(x, QStringLiteral("size_unit"), QStringLiteral("MM"));
        break;
    case CategorizedStyle::Symbol::Line:
        prop(x, QStringLiteral("line_color"), qgisColour(colour));
        prop(x, QStringLiteral("line_style"), stroke);
        prop(x, QStringLiteral("line_width"), number(style.sizeMm));
        prop(x, QStringLiteral("line_width_unit"), QStringLiteral("MM"));
        prop(x, QStringLiteral("capstyle"), QStringLiteral("round"));
        prop(x, QStringLiteral("joinstyle"), QStringLiteral("round"));
        break;
    case CategorizedStyle::Symbol::Fill: {
        QColor fill = colour;
        fill.setAlpha(70); // the imagery under an area stays readable
        prop(x, QStringLiteral("color"), qgisColour(fill));
        prop(x, QStringLiteral("style"), QStringLiteral("solid"));
        prop(x, QStringLiteral("outline_color"), qgisColour(colour));
        prop(x, QStringLiteral("outline_style"), stroke);
        prop(x, QStringLiteral("outline_width"), number(style.sizeMm));
        prop(x, QStringLiteral("outline_width_unit"), QStringLiteral("MM"));
        break;
    }
    }
    x.writeEndElement(); // layer
    x.writeEndElement(); // symbol
}

void writeQmlLabels(QXmlStreamWriter &x, const CategorizedStyle &style)
{
    x.writeStartElement(QStringLiteral("labeling"));
    x.writeAttribute(QStringLiteral("type"), QStringLiteral("simple"));
    x.writeStartElement(QStringLiteral("settings"));
    x.writeStartElement(QStringLiteral("text-style"));
    x.writeAttribute(QStringLiteral("fieldName"), style.labelField);
    x.writeAttribute(QStringLiteral("isExpression"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("fontFamily"), QStringLiteral("DejaVu Sans"));
    x.writeAttribute(QStringLiteral("fontSize"), QStringLiteral("8"));
    x.writeAttribute(QStringLiteral("fontSizeUnit"), QStringLiteral("Point"));
    x.writeAttribute(QStringLiteral("textColor"), QStringLiteral("40,40,40,255"));
    x.writeStartElement(QStringLiteral("text-buffer"));
    x.writeAttribute(QStringLiteral("bufferDraw"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("bufferSize"), QStringLiteral("0.8"));
    x.writeAttribute(QStringLiteral("bufferSizeUnits"), QStringLiteral("MM"));
    x.writeAttribute(QStringLiteral("bufferColor"), QStringLiteral("255,255,255,255"));
    x.writeEndElement(); // text-buffer
    x.writeEndElement(); // text-style
    x.writeStartElement(QStringLiteral("placement"));
    // QgsPalLayerSettings: 2 is along a line, 0 around a point, 1 over the polygon's centre.
    const int placement = style.symbol == CategorizedStyle::Symbol::Line   ? 2
                          : style.symbol == CategorizedStyle::Symbol::Fill ? 1
                                                                           : 0;
    x.writeAttribute(QStringLiteral("placement"), QString::number(placement));
    x.writeAttribute(QStringLiteral("placementFlags"), QStringLiteral("10"));
    x.writeEndElement(); // placement
    x.writeEndElement(); // settings
    x.writeEndElement(); // labeling
}

QString sldHex(const QColor &c)
{
    return c.name(QColor::HexRgb);
}

void svgParameter(QXmlStreamWriter &x, const QString &name, const QString &value)
{
    x.writeStartElement(QStringLiteral("se:SvgParameter"));
    x.writeAttribute(QStringLiteral("name"), name);
    x.writeCharacters(value);
    x.writeEndElement();
}

void writeSldStroke(QXmlStreamWriter &x, const QColor &colour, double widthMm, bool dashed)
{
    x.writeStartElement(QStringLiteral("se:Stroke"));
    svgParameter(x, QStringLiteral("stroke"), sldHex(colour));
    // SLD sizes are pixels at 0.28 mm.
    svgParameter(x, QStringLiteral("stroke-width"), number(widthMm / 0.28));
    svgParameter(x, QStringLiteral("stroke-linejoin"), QStringLiteral("round"));
    svgParameter(x, QStringLiteral("stroke-linecap"), QStringLiteral("round"));
    if (dashed)
        svgParameter(x, QStringLiteral("stroke-dasharray"), QStringLiteral("8 4"));
    x.writeEndElement();
}

void writeSldSymbolizer(QXmlStreamWriter &x, const CategorizedStyle &style, const QColor &colour, bool dashed)
{
    switch (style.symbol) {
    case CategorizedStyle::Symbol::Marker:
        x.writeStartElement(QStringLiteral("se:PointSymbolizer"));
        x.writeStartElement(QStringLiteral("se:Graphic"));
        x.writeStartElement(QStringLiteral("se:Mark"));
        x.writeTextElement(QStringLiteral("se:WellKnownName"), QStringLiteral("circle"));
        x.writeStartElement(QStringLiteral("se:Fill"));
        svgParameter(x, QStringLiteral("fill"), sldHex(colour));
        x.writeEndElement();
        writeSldStroke(x, Qt::white, 0.3, false);
        x.writeEndElement(); // Mark
        x.writeTextElement(QStringLiteral("se:Size"), number(style.sizeMm / 0.28));
        x.writeEndElement(); // Graphic
        x.writeEndElement();
        break;
    case CategorizedStyle::Symbol::Line:
        x.writeStartElement(QStringLiteral("se:LineSymbolizer"));
        writeSldStroke(x, colour, style.sizeMm, dashed);
        x.writeEndElement();
        break;
    case CategorizedStyle::Symbol::Fill:
        x.writeStartElement(QStringLiteral("se:PolygonSymbolizer"));
        x.writeStartElement(QStringLiteral("se:Fill"));
        svgParameter(x, QStringLiteral("fill"), sldHex(colour));
        svgParameter(x, QStringLiteral("fill-opacity"), QStringLiteral("0.27"));
        x.writeEndElement();
        writeSldStroke(x, colour, style.sizeMm, dashed);
        x.writeEndElement();
        break;
    }
}

} // namespace

QString styleQml(const CategorizedStyle &style)
{
    QString out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.setAutoFormattingIndent(1);
    x.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    x.writeStartElement(QStringLiteral("qgis"));
    x.writeAttribute(QStringLiteral("version"), QStringLiteral("3.22.0"));
    x.writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("Symbology|Labeling"));
    x.writeAttribute(QStringLiteral("labelsEnabled"),
                     style.labelField.isEmpty() ? QStringLiteral("0") : QStringLiteral("1"));
    x.writeStartElement(QStringLiteral("renderer-v2"));
    x.writeAttribute(QStringLiteral("type"), QStringLiteral("categorizedSymbol"));
    x.writeAttribute(QStringLiteral("attr"), style.attribute);
    x.writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("enableorderby"), QStringLiteral("0"));
    x.writeStartElement(QStringLiteral("categories"));
    int index = 0;
    for (const StyleCategory &c : style.categories) {
        x.writeStartElement(QStringLiteral("category"));
        x.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
        x.writeAttribute(QStringLiteral("symbol"), QString::number(index++));
        x.writeAttribute(QStringLiteral("value"), c.value);
        x.writeAttribute(QStringLiteral("label"), c.label);
        x.writeEndElement();
    }
    // QGIS's empty value is the category of every value not listed.
    x.writeStartElement(QStringLiteral("category"));
    x.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
    x.writeAttribute(QStringLiteral("symbol"), QString::number(index));
    x.writeAttribute(QStringLiteral("value"), QString());
    x.writeAttribute(QStringLiteral("label"), style.otherLabel);
    x.writeEndElement();
    x.writeEndElement(); // categories
    x.writeStartElement(QStringLiteral("symbols"));
    index = 0;
    for (const StyleCategory &c : style.categories)
        writeQmlSymbol(x, style, index++, c.colour, c.dashed);
    writeQmlSymbol(x, style, index, style.otherColour, false);
    x.writeEndElement(); // symbols
    x.writeEndElement(); // renderer-v2
    if (!style.labelField.isEmpty())
        writeQmlLabels(x, style);
    x.writeEndElement(); // qgis
    x.writeEndDocument();
    return out;
}

QString styleSld(const CategorizedStyle &style, const QString &layerName)
{
    QString out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.setAutoFormattingIndent(1);
    x.writeStartDocument();
    x.writeStartElement(QStringLiteral("StyledLayerDescriptor"));
    x.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.opengis.net/sld"));
    x.writeAttribute(QStringLiteral("xmlns:ogc"), QStringLiteral("http://www.opengis.net/ogc"));
    x.writeAttribute(QStringLiteral("xmlns:se"), QStringLiteral("http://www.opengis.net/se"));
    x.writeAttribute(QStringLiteral("xmlns:xlink"), QStringLiteral("http://www.w3.org/1999/xlink"));
    x.writeAttribute(QStringLiteral("xmlns:xsi"),
                     QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    x.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1.0"));
    x.writeAttribute(QStringLiteral("xsi:schemaLocation"),
                     QStringLiteral("http://www.opengis.net/sld "
                                    "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"));
    x.writeStartElement(QStringLiteral("NamedLayer"));
    x.writeTextElement(QStringLiteral("se:Name"), layerName);
    x.writeStartElement(QStringLiteral("UserStyle"));
    x.writeTextElement(QStringLiteral("se:Name"), layerName);
    x.writeStartElement(QStringLiteral("se:FeatureTypeStyle"));
    for (const StyleCategory &c : style.categories) {
        x.writeStartElement(QStringLiteral("se:Rule"));
        x.writeTextElement(QStringLiteral("se:Name"), c.label);
        x.writeStartElement(QStringLiteral("se:Description"));
        x.writeTextElement(QStringLiteral("se:Title"), c.label);
        x.writeEndElement();
        x.writeStartElement(QStringLiteral("ogc:Filter"));
        x.writeStartElement(QStringLiteral("ogc:PropertyIsEqualTo"));
        x.writeTextElement(QStringLiteral("ogc:PropertyName"), style.attribute);
        x.writeTextElement(QStringLiteral("ogc:Literal"), c.value);
        x.writeEndElement();
        x.writeEndElement();
        writeSldSymbolizer(x, style, c.colour, c.dashed);
        x.writeEndElement(); // Rule
    }
    // Every other value: SLD's ElseFilter.
    x.writeStartElement(QStringLiteral("se:Rule"));
    x.writeTextElement(QStringLiteral("se:Name"), style.otherLabel);
    x.writeEmptyElement(QStringLiteral("se:ElseFilter"));
    writeSldSymbolizer(x, style, style.otherColour, false);
    x.writeEndElement();
    if (!style.labelField.isEmpty()) {
        x.writeStartElement(QStringLiteral("se:Rule"));
        x.writeStartElement(QStringLiteral("se:TextSymbolizer"));
        x.writeStartElement(QStringLiteral("se:Label"));
        x.writeTextElement(QStringLiteral("ogc:PropertyName"), style.labelField);
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }
    x.writeEndElement(); // FeatureTypeStyle
    x.writeEndElement(); // UserStyle
    x.writeEndElement(); // NamedLayer
    x.writeEndElement(); // StyledLayerDescriptor
    x.writeEndDocument();
    return out;
}

} // namespace sightline
