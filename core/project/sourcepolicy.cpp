#include "project/sourcepolicy.h"

#include "layers/imageryservice.h"
#include "util/credentials.h"
#include "util/gdalutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QUrl>
#include <QXmlStreamReader>

namespace sightline {

namespace {

// VRTs nest; a chain this deep is either a mistake or an attack.
constexpr int kMaxDepth = 8;
// A VRT describing even a large mosaic is far smaller; anything bigger is not read whole.
constexpr qint64 kMaxXmlBytes = 16 * 1024 * 1024;

// Connection-string prefixes a project may hold: PostgreSQL/PostGIS and WMTS services.
bool isAllowedConnection(const QString &prefix)
{
    return prefix == QLatin1String("PG") || prefix == QLatin1String("WMTS");
}

QString hostOfUrl(const QString &url)
{
    const QUrl u(url, QUrl::TolerantMode);
    QString host = u.host();
    if (host.isEmpty())
        return {};
    if (u.port() != -1)
        host += QStringLiteral(":%1").arg(u.port());
    return host;
}

QString conninfoValue(const QString &conninfo, const QString &key)
{
    const QRegularExpression re(QStringLiteral("(?:^|[\\s:])%1\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)").arg(key),
                                QRegularExpression::CaseInsensitiveOption);
    QString v = re.match(conninfo).captured(1);
    if (v.startsWith(QLatin1Char('\'')))
        v = v.mid(1, v.size() - 2);
    return v;
}

QString postgresHost(const QString &source)
{
    const QString conninfo = source.mid(3).trimmed();
    if (conninfo.startsWith(QLatin1String("postgresql://")) || conninfo.startsWith(QLatin1String("postgres://")))
        return hostOfUrl(conninfo).isEmpty() ? QStringLiteral("PostgreSQL on this machine") : hostOfUrl(conninfo);
    if (const QString service = conninfoValue(conninfo, QStringLiteral("service")); !service.isEmpty())
        return QStringLiteral("PostgreSQL service '%1'").arg(service);
    const QString host = conninfoValue(conninfo, QStringLiteral("host"));
    const QString port = conninfoValue(conninfo, QStringLiteral("port"));
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')))
        return QStringLiteral("PostgreSQL on this machine");
    return port.isEmpty() ? host : host + QLatin1Char(':') + port;
}

bool within(const QString &path, const QString &root)
{
    if (root.isEmpty())
        return false;
    return path == root || path.startsWith(root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/'));
}

// The real location of a path: symbolic links followed, so a link inside the project
// folder cannot reach outside it.
QString realPath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    // Missing: resolve what exists of its folder.
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return dir.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : QDir(dir).filePath(info.fileName());
}

/// Reads what one local file points at, when it is a GDAL XML description.
class Judge
{
public:
    /// `lookInside`: read VRTs outside the allowed places too (for what the user opened by hand).
    explicit Judge(const SourcePermissions &p, bool lookInside = false)
        : mLookInside(lookInside)
    {
        if (!p.projectFolder.isEmpty())
            mRoots << realPath(p.projectFolder);
        for (const QString &a : p.allowedPaths)
            mRoots << realPath(a);
    }

    void source(const QString &raw, int depth)
    {
        if (!mRefusal.isEmpty())
            return;
        const QString s = raw.trimmed();
        if (depth > kMaxDepth)
            return refuse(QStringLiteral("VRTs nested more than %1 deep").arg(kMaxDepth));
        if (s.startsWith(QLatin1Char('<')))
            return inlineXml(s, depth);
        if (s.startsWith(QLatin1String("/vsi")))
            return refuse(QStringLiteral("GDAL virtual file systems (%1) are not allowed in a project")
                              .arg(s.section(QLatin1Char('/'), 1, 1).prepend(QLatin1Char('/')) +
                                   QLatin1Char('/')));
        if (s.startsWith(QLatin1String("http://")) || s.startsWith(QLatin1String("https://")))
            return host(hostOfUrl(s));
        static const QRegularExpression connection(QStringLiteral("^[A-Z][A-Z0-9_]*:"));
        if (!connection.match(s).hasMatch() && s.contains(QLatin1String("://")))
            return refuse(QStringLiteral("the address scheme '%1' is not allowed in a project")
                              .arg(s.section(QLatin1String("://"), 0, 0)));
        if (connection.match(s).hasMatch() || !isLocalPath(s)) {
            const QString prefix = s.section(QLatin1Char(':'), 0, 0);
            if (!isAllowedConnection(prefix))
                return refuse(QStringLiteral("GDAL connection strings of the kind '%1:' are not allowed in a "
                                             "project (only files, imagery service URLs, WMTS: and PG:)")
                                  .arg(prefix));
            if (prefix == QLatin1String("PG"))
                return host(postgresHost(s));
            const QString url = s.mid(5);
            if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
                return refuse(QStringLiteral("a WMTS: source must name an http(s) capabilities URL"));
            return host(hostOfUrl(url));
        }
        file(s, depth);
    }

    QString mRefusal;
    QString mNormalised;     // an imagery service's URL for its stored GDAL XML
    QStringList mHosts;
    QStringList mFiles;      // every local file read
    QStringList mOutside;    // those outside the project folder and the allowed paths

private:
    void refuse(const QString &why)
    {
        if (mRefusal.isEmpty())
            mRefusal = why;
    }

    void host(const QString &h)
    {
        if (h.isEmpty())
            return refuse(QStringLiteral("an address without a host"));
        if (!mHosts.contains(h))
            mHosts << h;
    }

    void file(const QString &path, int depth)
    {
        const QString real = realPath(path);
        if (mSeen.contains(real))
            return;
        mSeen.insert(real);
        mFiles << real;
        if (!std::any_of(mRoots.begin(), mRoots.end(), [&](const QString &r) { return within(real, r); })) {
            // Not even looked into before the user allows it: opening it is what they are asked.
            mOutside << real;
            if (!mLookInside)
                return;
        }
        QFile f(real);
        if (!f.open(QIODevice::ReadOnly))
            return; // missing or unreadable: opening it says so
        const QByteArray head = f.peek(256).trimmed();
        const bool xml = head.startsWith('<') || head.startsWith("\xEF\xBB\xBF<");
        if (!xml)
            return;
        if (f.size() > kMaxXmlBytes) {
            const QByteArray start = f.peek(4096);
            if (start.contains("VRTDataset") || start.contains("OGRVRTDataSource") || start.contains("GDAL_W"))
                refuse(QStringLiteral("'%1' is a GDAL XML description larger than %2 MB")
                           .arg(QFileInfo(real).fileName())
                           .arg(kMaxXmlBytes >> 20));
            return;
        }
        xmlDocument(QString::fromUtf8(f.readAll()), QFileInfo(real).absolutePath(), QFileInfo(real).fileName(),
                    depth);
    }

    void inlineXml(const QString &xml, int depth)
    {
        QXmlStreamReader r(xml);
        while (!r.atEnd() && !r.isStartElement())
            r.readNext();
        if (r.name() == QLatin1String("GDAL_WMS")) {
            // Sightline's own description of an XYZ service: only its URL is kept, and the
            // description is made again from it (so nothing else in it, a cache path say, counts).
            const QString url = xyzTemplateFromGdalWms(xml);
            if (url.isEmpty())
                return refuse(QStringLiteral("an inline GDAL_WMS description without a usable ServerUrl"));
            mNormalised = url;
            return host(hostOfUrl(url));
        }
        Q_UNUSED(depth)
        refuse(QStringLiteral("inline GDAL XML (%1) is not allowed in a project: only files, imagery "
                              "service URLs and PostGIS connections")
                   .arg(r.name().isEmpty() ? QStringLiteral("unreadable") : r.name().toString()));
    }

    void xmlDocument(const QString &xml, const QString &folder, const QString &fileName, int depth)
    {
        QXmlStreamReader r(xml);
        while (!r.atEnd() && !r.isStartElement())
            r.readNext();
        const QString root = r.name().toString();
        if (root != QLatin1String("VRTDataset") && root != QLatin1String("OGRVRTDataSource")) {
            static const QStringList services = {QStringLiteral("GDAL_WMS"), QStringLiteral("GDAL_WMTS"),
                                                 QStringLiteral("WCS_GDAL"), QStringLiteral("OGRWFSDataSource")};
            if (services.contains(root))
                refuse(QStringLiteral("'%1' is a GDAL service description (%2): add the service by its URL "
                                      "instead")
                           .arg(fileName, root));
            return; // KML, GPX, OSM, GML…: data, not references
        }
        QStringList references;
        while (!r.atEnd()) {
            r.readNext();
            if (!r.isStartElement())
                continue;
            const auto attrs = r.attributes();
            if (attrs.value(QLatin1String("subClass")) == QLatin1String("VRTRawRasterBand"))
                return refuse(QStringLiteral("'%1' has a raw band (VRTRawRasterBand), which reads any file's "
                                             "bytes as pixels")
                                  .arg(fileName));
            if (r.name() == QLatin1String("PixelFunctionLanguage") || r.name() == QLatin1String("PixelFunctionCode"))
                return refuse(QStringLiteral("'%1' holds pixel-function code").arg(fileName));
            if (r.name() == QLatin1String("SourceFilename") || r.name() == QLatin1String("SourceDataset") ||
                r.name() == QLatin1String("SrcDataSource")) {
                const bool relative = attrs.value(QLatin1String("relativeToVRT")) == QLatin1String("1") ||
                                      attrs.value(QLatin1String("relativetoVRT")) == QLatin1String("1") ||
                                      attrs.value(QLatin1String("relativeToVRT")).compare(
                                          QLatin1String("true"), Qt::CaseInsensitive) == 0;
                const QString ref = r.readElementText().trimmed();
                if (ref.isEmpty())
                    continue;
                // GDAL reads a path not marked relativeToVRT from the working folder: judge that one.
                const bool local = isLocalPath(ref) && !ref.startsWith(QLatin1String("/vsi"));
                references << (!local ? ref
                               : relative ? QDir(folder).filePath(ref)
                                          : QFileInfo(ref).absoluteFilePath());
            }
        }
        if (r.hasError())
            return refuse(QStringLiteral("'%1' is not well-formed XML (line %2: %3)")
                              .arg(fileName)
                              .arg(r.lineNumber())
                              .arg(r.errorString()));
        for (const QString &ref : std::as_const(references))
            source(ref, depth + 1);
    }

    QStringList mRoots;
    QSet<QString> mSeen;
    bool mLookInside = false;
};

} // namespace

SourceVerdict checkProjectSource(const QString &source, const SourcePermissions &permissions)
{
    Judge judge(permissions);
    judge.source(source, 0);
    SourceVerdict v;
    v.source = judge.mNormalised.isEmpty() ? source : judge.mNormalised;
    v.hosts = judge.mHosts;
    if (!judge.mRefusal.isEmpty()) {
        v.access = SourceVerdict::Access::Refused;
        v.reason = redactSecrets(judge.mRefusal);
        return v;
    }
    if (!permissions.anyHost)
        for (const QString &h : std::as_const(v.hosts))
            if (!permissions.allowedHosts.contains(h))
                v.deniedHosts << h;
    v.deniedFiles = judge.mOutside;
    QStringList needs;
    if (!v.deniedHosts.isEmpty())
        needs << QStringLiteral("it would contact %1").arg(v.deniedHosts.join(QStringLiteral(", ")));
    if (!v.deniedFiles.isEmpty())
        needs << QStringLiteral("it would read %1 outside the project's folder")
                     .arg(v.deniedFiles.size() == 1 ? v.deniedFiles.first()
                                                    : QStringLiteral("%1 files").arg(v.deniedFiles.size()));
    v.access = needs.isEmpty() ? SourceVerdict::Access::Allowed : SourceVerdict::Access::NeedsConsent;
    v.reason = needs.join(QStringLiteral(", and "));
    return v;
}

SourceVerdict checkUserSource(const QString &source)
{
    SourcePermissions everything;
    everything.allowedPaths = {QStringLiteral("/")};
    everything.anyHost = true;
    return checkProjectSource(source, everything);
}

namespace sourceconsent {

namespace {
constexpr auto kPathsKey = "security/allowedPaths";

QString hostsKey(const QString &projectPath)
{
    // Settings keys treat '/' as groups: a project's real path is hashed into one key.
    const QByteArray real = realPath(projectPath).toUtf8();
    return QStringLiteral("security/projectHosts/") +
           QString::fromLatin1(QCryptographicHash::hash(real, QCryptographicHash::Sha1).toHex());
}
} // namespace

QStringList allowedPaths()
{
    return QSettings().value(QLatin1String(kPathsKey)).toStringList();
}

void allowPaths(const QStringList &paths)
{
    QStringList all = allowedPaths();
    bool changed = false;
    for (const QString &p : paths) {
        const QString real = realPath(p);
        if (!real.isEmpty() && !all.contains(real)) {
            all << real;
            changed = true;
        }
    }
    if (changed)
        QSettings().setValue(QLatin1String(kPathsKey), all);
}

QStringList allowedHosts(const QString &projectPath)
{
    return QSettings().value(hostsKey(projectPath)).toStringList();
}

void allowHosts(const QString &projectPath, const QStringList &hosts)
{
    QStringList all = allowedHosts(projectPath);
    bool changed = false;
    for (const QString &h : hosts)
        if (!h.isEmpty() && !all.contains(h)) {
            all << h;
            changed = true;
        }
    if (changed)
        QSettings().setValue(hostsKey(projectPath), all);
}

SourcePermissions permissionsFor(const QString &projectPath, bool anyHost, const QStringList &extraPaths)
{
    SourcePermissions p;
    p.projectFolder = QFileInfo(projectPath).absolutePath();
    p.allowedPaths = allowedPaths() + extraPaths;
    p.allowedHosts = allowedHosts(projectPath);
    p.anyHost = anyHost;
    return p;
}

void rememberUserSource(const QString &source, const QString &projectPath)
{
    SourcePermissions all;
    all.anyHost = true;
    Judge judge(all, true);
    judge.source(source, 0);
    if (!judge.mRefusal.isEmpty())
        return; // refused from a project all the same: nothing to remember
    // What lies in the project's own folder needs no leave.
    const QString folder = projectPath.isEmpty() ? QString() : realPath(QFileInfo(projectPath).absolutePath());
    QStringList outside;
    for (const QString &file : std::as_const(judge.mFiles))
        if (!within(file, folder))
            outside << file;
    allowPaths(outside);
    if (!projectPath.isEmpty())
        allowHosts(projectPath, judge.mHosts);
}

} // namespace sourceconsent

} // namespace sightline
