#pragma once

#include <QIcon>
#include <QLatin1String>
#include <QString>

namespace sightline {

/// One of the application's own icons (resources/icons/NAME.svg).
inline QIcon appIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace sightline
