#pragma once

// How sighting files write a number or a property value, shared by the writers
// (sightinginterchange.cpp) and the reader (sightingreading.cpp) so both agree.

#include <QJsonValue>
#include <QLocale>
#include <QString>

namespace sightline::sightingvaluetext {

inline QString numberText(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

inline QString valueText(const QJsonValue &v)
{
    if (v.isDouble())
        return numberText(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

} // namespace sightline::sightingvaluetext
