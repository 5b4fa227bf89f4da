#include "commandlineparsing.h"

#include "project/project.h"
#include "project/sourcepolicy.h"

#include <QStringList>
#include <QTextStream>

namespace sightline {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QRectF parseExtentArgument(const QString &text, QString *error)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4) {
        *error = QStringLiteral("--extent needs four numbers W,S,E,N in degrees, got '%1'").arg(text);
        return {};
    }
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok) {
            *error = QStringLiteral("--extent: '%1' is not a number").arg(parts[i]);
            return {};
        }
    }
    const double w = v[0], s = v[1], e = v[2], n = v[3];
    if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) {
        *error = QStringLiteral("--extent '%1' is not a box W,S,E,N with W<E within ±180 and S<N within ±90")
                     .arg(text);
        return {};
    }
    return QRectF(QPointF(w, s), QPointF(e, n));
}

QSize parseSizeArgument(const QString &text, QString *error)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = parts.value(0).toInt(&okW), h = parts.value(1).toInt(&okH);
    if (parts.size() != 2 || !okW || !okH || w < 1 || h < 1 || w > 20000 || h > 20000) {
        *error = QStringLiteral("--size needs WIDTHxHEIGHT in pixels (1–20000), got '%1'").arg(text);
        return {};
    }
    return {w, h};
}

bool SourceAccessArguments::take(const QStringList &args, int &i, QString *error)
{
    if (args[i] == QLatin1String("--allow-network")) {
        allowNetwork = true;
        return true;
    }
    if (args[i] != QLatin1String("--allow-path"))
        return false;
    if (i + 1 >= args.size()) {
        *error = QStringLiteral("--allow-path needs a file or folder");
        return false;
    }
    paths << args[++i];
    return true;
}

SourcePermissions SourceAccessArguments::permissionsFor(const Project &project) const
{
    return sourceconsent::permissionsFor(project.path(), allowNetwork, paths);
}

void reportProjectNotices(Project &project, const char *command)
{
    for (const QString &notice : project.takeNotices())
        err() << "sightline " << command << ": " << notice << "\n";
}

} // namespace sightline
