#include "project/layerrelocation.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStringList>

namespace sightline {

namespace {
// A folder picked by mistake (a home, a disk) must not be walked for minutes.
constexpr int kMaxFilesSearched = 20000;

QStringList parts(const QString &path)
{
    return QDir::cleanPath(QDir::fromNativeSeparators(path)).split(QLatin1Char('/'));
}
} // namespace

QString relocatedPath(const QString &missing, const QString &before, const QString &after)
{
    const QStringList from = parts(before), to = parts(after), wanted = parts(missing);
    // The roots: what is left of each path once their common tail is taken off.
    qsizetype common = 0;
    while (common < from.size() && common < to.size() &&
           from[from.size() - 1 - common] == to[to.size() - 1 - common])
        ++common;
    if (common > 0) {
        const QStringList oldRoot = from.mid(0, from.size() - common);
        const QStringList newRoot = to.mid(0, to.size() - common);
        if (wanted.size() > oldRoot.size() && wanted.mid(0, oldRoot.size()) == oldRoot) {
            const QString candidate = (newRoot + wanted.mid(oldRoot.size())).join(QLatin1Char('/'));
            if (QFileInfo(candidate).isFile())
                return candidate;
        }
    }
    const QString name = wanted.last();
    const QDir folder = QFileInfo(after).dir();
    if (QFileInfo(folder.filePath(name)).isFile())
        return folder.filePath(name);
    QDirIterator it(folder.path(), QDir::Files | QDir::NoDotAndDotDot | QDir::Readable,
                    QDirIterator::Subdirectories);
    for (int seen = 0; it.hasNext() && seen < kMaxFilesSearched; ++seen) {
        it.next();
        if (it.fileName() == name)
            return it.filePath();
    }
    return {};
}

} // namespace sightline
