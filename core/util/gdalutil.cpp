#include "util/gdalutil.h"

#include "util/credentials.h"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <QRegularExpression>

#include <mutex>

namespace sightline {

void ensureGdalInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Slow or dead tile servers must not hang a render for minutes.
        if (!CPLGetConfigOption("GDAL_HTTP_TIMEOUT", nullptr))
            CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "20");
        if (!CPLGetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", nullptr))
            CPLSetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", "8");
        GDALAllRegister();
    });
}

GdalErrorCapture::GdalErrorCapture()
{
    CPLPushErrorHandlerEx(&GdalErrorCapture::handler, this);
    // Handlers see debug output too unless told otherwise; we only want errors and warnings.
    CPLSetCurrentErrorHandlerCatchDebug(FALSE);
}

GdalErrorCapture::~GdalErrorCapture()
{
    CPLPopErrorHandler();
}

void CPL_STDCALL GdalErrorCapture::handler(CPLErr level, CPLErrorNum, const char *message)
{
    auto *self = static_cast<GdalErrorCapture *>(CPLGetErrorHandlerUserData());
    if (!self)
        return;
    // GDAL quotes the URLs and connection strings it failed on, credentials and all.
    const QString text = redactSecrets(QString::fromUtf8(message).trimmed());
    if (level >= CE_Failure) {
        if (!self->mErrors.contains(text))
            self->mErrors << text;
    } else if (level == CE_Warning) {
        if (!self->mWarnings.contains(text))
            self->mWarnings << text;
    }
}

QString GdalErrorCapture::message(const QString &fallback) const
{
    if (mErrors.isEmpty())
        return fallback;
    // The first few are what matters; a broken file can produce hundreds.
    QStringList first = mErrors.mid(0, 3);
    QString text = first.join(QStringLiteral("; "));
    if (mErrors.size() > 3)
        text += QStringLiteral(" (and %1 more)").arg(mErrors.size() - 3);
    return text;
}

QString summariseDownloadErrors(const QStringList &errors, const QString &source)
{
    // GDAL's WMS/WMTS drivers report a failed tile as several lines (cache miss,
    // block number, curl's text); the user needs the server and curl's reason.
    static const QRegularExpression httpCode(QStringLiteral("HTTP (?:status|error) code ?: ?(\\d{3})"));
    for (const QString &e : errors) {
        if (!e.contains(QLatin1String("download"), Qt::CaseInsensitive) && !e.contains(QLatin1String("HTTP")))
            continue;
        QString reason;
        if (const int at = e.indexOf(QLatin1String("error: ")); at >= 0) {
            reason = e.mid(at + 7).section(QLatin1Char('\n'), 0, 0).trimmed();
            if (reason.endsWith(QLatin1Char('.')))
                reason.chop(1);
            if (reason == QLatin1String("(null)"))
                reason.clear();
        }
        if (reason.isEmpty()) {
            if (const auto h = httpCode.match(e); h.hasMatch() && h.captured(1) != QLatin1String("000"))
                reason = QStringLiteral("the server answered HTTP %1").arg(h.captured(1));
        }
        if (!reason.isEmpty())
            return QStringLiteral("cannot download tiles from %1: %2").arg(describeSource(source), reason);
    }
    return {};
}

bool isLocalPath(const QString &source)
{
    const QString s = source.trimmed();
    if (s.startsWith(QLatin1Char('<')) || s.startsWith(QLatin1String("/vsi")))
        return false;
    // "WMTS:https://...", "MBTILES:..." style connection strings have a driver prefix.
    const int colon = s.indexOf(QLatin1Char(':'));
    if (colon > 1 && s.left(colon).toUpper() == s.left(colon) && !s.left(colon).contains(QLatin1Char('/')))
        return false;
    return !s.startsWith(QLatin1String("http://")) && !s.startsWith(QLatin1String("https://"));
}

namespace {
QString describeUnredacted(const QString &source);
}

QString describeSource(const QString &source)
{
    // Connection strings and URLs may name a password or a token: never show them.
    return redactSecrets(describeUnredacted(source));
}

namespace {
QString describeUnredacted(const QString &source)
{
    if (!source.trimmed().startsWith(QLatin1Char('<')))
        return source;
    // A warped VRT made for a GCP-referenced file: name the file it warps.
    const int file = source.indexOf(QLatin1String("<SourceDataset"));
    if (file >= 0) {
        const int open = source.indexOf(QLatin1Char('>'), file) + 1;
        const int close = source.indexOf(QLatin1String("</SourceDataset>"), open);
        if (open > 0 && close > open)
            return source.mid(open, close - open);
    }
    const int start = source.indexOf(QLatin1String("<ServerUrl>"));
    const int end = source.indexOf(QLatin1String("</ServerUrl>"));
    if (start >= 0 && end > start) {
        QString url = source.mid(start + 11, end - start - 11);
        url.replace(QLatin1String("&amp;"), QLatin1String("&"));
        url.replace(QLatin1String("${"), QLatin1String("{")); // GDAL's template back to the user's form
        return url;
    }
    return source.left(60) + QStringLiteral("…");
}

} // namespace

} // namespace sightline
