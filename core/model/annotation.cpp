#include "model/annotation.h"

#include "model/sighting.h"

#include <QCoreApplication>

namespace sightline {

namespace {
struct TypeName
{
    Annotation::Type type;
    const char *name;
    const char *label;
};
constexpr TypeName kTypes[] = {
    {Annotation::Type::Arrow, "arrow", QT_TRANSLATE_NOOP("Annotation", "Arrow")},
    {Annotation::Type::Text, "text", QT_TRANSLATE_NOOP("Annotation", "Text label")},
    {Annotation::Type::Callout, "callout", QT_TRANSLATE_NOOP("Annotation", "Callout")},
    {Annotation::Type::Rectangle, "rectangle", QT_TRANSLATE_NOOP("Annotation", "Highlight rectangle")},
    {Annotation::Type::Ellipse, "ellipse", QT_TRANSLATE_NOOP("Annotation", "Highlight ellipse")},
    {Annotation::Type::Polygon, "polygon", QT_TRANSLATE_NOOP("Annotation", "Highlight polygon")},
};
} // namespace

QString annotationTypeName(Annotation::Type type)
{
    for (const TypeName &t : kTypes)
        if (t.type == type)
            return QString::fromLatin1(t.name);
    return {};
}

std::optional<Annotation::Type> annotationTypeFromName(const QString &name)
{
    for (const TypeName &t : kTypes)
        if (name == QLatin1String(t.name))
            return t.type;
    return std::nullopt;
}

QString annotationTypeLabel(Annotation::Type type)
{
    for (const TypeName &t : kTypes)
        if (t.type == type)
            return QCoreApplication::translate("Annotation", t.label);
    return {};
}

int annotationPointCount(Annotation::Type type)
{
    switch (type) {
    case Annotation::Type::Text:
        return 1;
    case Annotation::Type::Polygon:
        return 0;
    default:
        return 2;
    }
}

bool Annotation::isValid() const
{
    for (const QPointF &p : lonLat)
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()) || std::abs(p.y()) > 90 || std::abs(p.x()) > 360)
            return false;
    const int needed = annotationPointCount(type);
    if (needed ? lonLat.size() != needed : lonLat.size() < 3)
        return false;
    if ((type == Type::Text || type == Type::Callout) && text.trimmed().isEmpty())
        return false;
    return widthPx > 0 && fontPx > 0 && colour.isValid();
}

QRectF Annotation::boundsWgs84() const
{
    return boundsOfLonLat(lonLat);
}

} // namespace sightline
